import Domain
import Foundation

/// A running (or just ended) matching job: the steps as a checklist, the running step's bar with
/// done/total, rate and ETA, the elapsed time and the latest messages. It remembers when each
/// step began, so rate and ETA come from what this console saw, not from guesses.
struct JobProgressPanel {
    static let height = 6
    private(set) var job: MatchingJob
    private var stepStarted: Date
    private(set) var messages: [String] = []

    init(job: MatchingJob, now: Date) {
        self.job = job
        stepStarted = now
        note(job.progress.message)
    }

    mutating func update(_ next: MatchingJob, now: Date) {
        if next.status != job.status { stepStarted = now }
        job = next
        note(next.progress.message)
    }

    private mutating func note(_ message: String) {
        guard !message.isEmpty, messages.last != message else { return }
        messages.append(message)
        if messages.count > 4 { messages.removeFirst(messages.count - 4) }
    }

    func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, now: Date, glyphs: Glyphs) {
        let steps = JobStatus.steps + [.completed]
        for (index, step) in steps.enumerated() {
            let (mark, style) = self.mark(index, steps: steps, now: now, glyphs: glyphs)
            buffer.write(mark + " " + step.rawValue, x: x, y: y + index, style: style)
        }
        let right = x + 18, rightWidth = max(10, width - 18)
        let elapsed = job.elapsedSeconds(now: now).map { String(format: "%.1f s", $0) } ?? "not started"
        buffer.write(DisplayWidth.fit("Job #\(job.id) · \(job.status.rawValue) · elapsed \(elapsed)", rightWidth), x: right, y: y,
                     style: .title)
        if job.status.isRunning, job.progress.total > 0 {
            let fraction = Double(job.progress.done) / Double(job.progress.total)
            ProgressBar.draw(fraction, into: &buffer, x: right, y: y + 1, width: min(rightWidth, 50), glyphs: glyphs)
            buffer.write(DisplayWidth.fit(rateLine(now: now), rightWidth), x: right, y: y + 2, style: .normal)
        } else if let error = job.errorMessage {
            buffer.write(DisplayWidth.fit("failed: " + error, rightWidth), x: right, y: y + 1, style: .error)
        }
        for (index, message) in messages.suffix(3).enumerated() {
            buffer.write(DisplayWidth.fit(message, rightWidth), x: right, y: y + 3 + index, style: .muted)
        }
    }

    /// Done, running (a spinner), failed or pending. A job that ended early failed at its
    /// recorded step, or else at the first step it had not completed.
    private func mark(_ index: Int, steps: [JobStatus], now: Date, glyphs: Glyphs) -> (String, StyleRole) {
        switch job.status {
        case .completed:
            return (glyphs.done, .success)
        case .failed, .cancelled:
            let stop = job.failedStep.flatMap { steps.firstIndex(of: $0) } ?? job.progress.completedSteps
            return index < stop ? (glyphs.done, .success) : index == stop ? (glyphs.failed, .error) : (glyphs.pending, .muted)
        default:
            let running = steps.firstIndex(of: job.status) ?? -1
            if index < running { return (glyphs.done, .success) }
            if index > running { return (glyphs.pending, .muted) }
            return (String(glyphs.spinner[Int(now.timeIntervalSinceReferenceDate * 10) % glyphs.spinner.count]), .accent)
        }
    }

    /// "1,200/3,000 · 850/s · ETA 2 s"
    func rateLine(now: Date) -> String {
        let progress = job.progress
        var parts = ["\(progress.done)/\(progress.total)"]
        let seconds = now.timeIntervalSince(stepStarted)
        if seconds > 0.2, progress.done > 0 {
            let rate = Double(progress.done) / seconds
            parts.append(String(format: "%.0f/s", rate))
            parts.append(String(format: "ETA %.0f s", Double(max(0, progress.total - progress.done)) / rate))
        }
        return parts.joined(separator: " · ")
    }
}
