import Domain
import Foundation

extension FeedbackPane {
    public func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool) {
        guard let semester = session.currentSemester else {
            buffer.write(ConsoleSession.noSemesterNotice, x: x, y: y, style: .muted)
            return
        }
        guard let summary, summary.participants > 0 || summary.total > 0 else {
            buffer.write("\(semester.name) has no groups yet, so there is nobody to ask. Run matching first.", x: x, y: y, style: .muted)
            return
        }
        let glyphs = session.glyphs
        let half = (width - 2) / 2
        let average = summary.averageRating.map { String(format: "%.2f", $0) } ?? "—"
        buffer.write(DisplayWidth.fit("\(summary.total) answers · average rating \(average) / 5", half), x: x, y: y, style: .title)
        let respondents = Int(((summary.responseRate ?? 0) * Double(summary.participants)).rounded())
        Gauge.draw(label: "Response rate", part: respondents, whole: summary.participants, into: &buffer, x: x, y: y + 1, width: half,
                   glyphs: glyphs)
        let roles = summary.byRole.map { "\($0.role.rawValue)s \($0.averageRating.map { String(format: "%.2f", $0) } ?? "—") (\($0.count))" }
        buffer.write(DisplayWidth.fit("By role: " + roles.joined(separator: " · "), half), x: x, y: y + 2, style: .normal)
        if summary.trend.count > 1 {
            let line = Sparkline.text(summary.trend.map(\.averageRating), range: 1...5, glyphs: glyphs)
            let span = "\(summary.trend.first!.semesterName) → \(summary.trend.last!.semesterName)"
            buffer.write(DisplayWidth.fit("Trend " + line + "  " + span, half), x: x, y: y + 3, style: .normal)
        }
        buffer.write("Ratings", x: x, y: y + 5, style: .header)
        let distribution = zip([5, 4, 3, 2, 1], summary.distribution).map { BarChart.Bar("rated \($0)", $1) }
        BarChart(distribution).draw(into: &buffer, x: x, y: y + 6, width: half, height: 5, glyphs: glyphs)
        let right = x + half + 2
        buffer.write("Top tags", x: right, y: y, style: .header)
        if summary.topTags.isEmpty {
            buffer.write("no tags yet", x: right, y: y + 1, style: .muted)
        } else {
            BarChart(summary.topTags.map { BarChart.Bar($0.tag, $0.count) }, showShare: false)
                .draw(into: &buffer, x: right, y: y + 1, width: width - half - 2, height: min(10, summary.topTags.count), glyphs: glyphs)
        }
        drawAttention(summary, into: &buffer, x: x, y: y + 12, width: width, height: height - 12)
    }

    private func drawAttention(_ summary: FeedbackSummary, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int) {
        guard height >= 2 else { return }
        let lines = attentionLines(summary)
        buffer.write("Matches that need attention (\(summary.attention.count))" + (lines.isEmpty ? ": none" : "  ↑↓ scroll"),
                     x: x, y: y, style: .header)
        for (index, line) in lines.dropFirst(min(scrollOffset, max(0, lines.count - 1))).prefix(height - 1).enumerated() {
            buffer.write(DisplayWidth.fit(line.text, width), x: x, y: y + 1 + index, style: line.style)
        }
    }

    /// A headline per group, then its comments; the filter keeps groups whose mentor or comments match.
    func attentionLines(_ summary: FeedbackSummary) -> [(text: String, style: StyleRole)] {
        let needle = filterText
        return summary.attention.filter { group in
            needle.isEmpty || group.mentorEmail.lowercased().contains(needle) || group.comments.contains { $0.lowercased().contains(needle) }
        }.flatMap { group -> [(text: String, style: StyleRole)] in
            let mentor = group.mentorRating.map { "mentor \($0)" } ?? "mentor —"
            let mentee = group.lowestMenteeRating.map { "lowest mentee \($0)" } ?? "no mentee answer"
            let headline = String(format: "group #%lld  %@  average %.1f  (%@, %@)", group.groupID, group.mentorEmail, group.averageRating,
                                  mentor, mentee)
            return [(headline, group.averageRating <= 2 ? .error : .warning)] + group.comments.map { ("    “\($0)”", .muted) }
        }
    }
}
