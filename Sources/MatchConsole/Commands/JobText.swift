import Domain
import Foundation

/// How matching jobs read in a terminal.
enum JobText {
    static func progressLine(_ job: MatchingJob, barWidth: Int) -> String {
        let step = "[\(job.progress.completedSteps + 1)/\(JobProgress.totalSteps)] \(job.status.rawValue)"
        var line = step.padding(toLength: 20, withPad: " ", startingAt: 0)
        if barWidth > 0 {
            let fraction = job.progress.total > 0 ? Double(min(job.progress.done, job.progress.total)) / Double(job.progress.total) : 0
            let filled = Int((fraction * Double(barWidth)).rounded())
            line += String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
            line += String(format: " %3d%% ", Int(fraction * 100))
        }
        return line + job.progress.message
    }

    static func summary(_ job: MatchingJob) -> [String] {
        var lines = ["Matching job #\(job.id): \(job.status.rawValue)" + (job.elapsedSeconds(now: Date()).map { String(format: " in %.2f s", $0) } ?? "")]
        if let summary = job.summary {
            lines.append("  \(summary.groups) groups, \(summary.matchedMentees) mentees matched, \(summary.unmatchedMentees) unmatched")
            if let average = summary.averageCompatibility, let lowest = summary.lowestMenteeScore {
                lines.append(String(format: "  average compatibility %.3f, lowest %.3f", average, lowest))
            }
            lines.append("  embedder \(job.embedder ?? "?"), model \(job.model ?? "?")")
        }
        if let error = job.errorMessage {
            lines.append("  \(job.status == .failed ? "failed" : "stopped") during \(job.failedStep?.rawValue ?? "?"): \(error)")
        }
        return lines
    }

    static func details(_ job: MatchingJob) -> [String] {
        var lines = summary(job)
        lines.insert("  semester #\(job.semesterID), created \(LocalTime.string(job.createdAt))"
                     + (job.startedAt.map { ", started \(LocalTime.string($0))" } ?? "")
                     + (job.completedAt.map { ", ended \(LocalTime.string($0))" } ?? ""), at: 1)
        if !job.status.isFinished { lines.insert("  " + progressLine(job, barWidth: 24), at: 1) }
        if let training = job.summary?.training {
            let quality = training.heldOutAUC.map { String(format: ", held-out AUC %.3f", $0) } ?? ""
            lines.append("  trained on \(training.examples) labeled pairs\(quality)")
        }
        return lines
    }
}

/// `job status --json`: the job with its elapsed time.
struct JobJSON: Encodable {
    let job: MatchingJob
    init(_ job: MatchingJob) { self.job = job }

    private enum Keys: String, CodingKey { case elapsedSeconds }

    func encode(to encoder: any Encoder) throws {
        try job.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(job.elapsedSeconds(now: UTCTimestamp.now()), forKey: .elapsedSeconds)
    }
}

/// One (mentor, mentee) pair of the current groups, for `matches list`.
struct MatchRow: Encodable {
    let group: Int64
    let mentorEmail: String
    let mentorName: String
    let menteeEmail: String
    let menteeName: String
    let score: Double
    let groupScore: Double
    let explanation: String

    static func rows(_ groups: [MatchGroup], _ people: [Applicant.ID: Applicant]) -> [MatchRow] {
        groups.flatMap { group in
            group.members.map { member in
                MatchRow(group: group.id, mentorEmail: people[group.mentorID]?.email ?? "#\(group.mentorID)",
                         mentorName: people[group.mentorID]?.name ?? "", menteeEmail: people[member.menteeID]?.email ?? "#\(member.menteeID)",
                         menteeName: people[member.menteeID]?.name ?? "", score: member.score, groupScore: group.score,
                         explanation: member.explanation.map { String(format: "%@ %+.2f", $0.detail, $0.contribution) }.joined(separator: "; "))
            }
        }
    }

    static func csv(_ rows: [MatchRow]) -> [String] {
        return ["group,mentor_email,mentor_name,mentee_email,mentee_name,score,group_score,explanation"] + rows.map { row in
            [String(row.group), row.mentorEmail, row.mentorName, row.menteeEmail, row.menteeName,
             String(format: "%.4f", row.score), String(format: "%.4f", row.groupScore), row.explanation].map(CSVField.quote).joined(separator: ",")
        }
    }
}
