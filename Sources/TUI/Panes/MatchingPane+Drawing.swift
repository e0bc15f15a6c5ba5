import Domain
import Foundation

extension MatchingPane {
    public func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool) {
        guard let semester = session.currentSemester else {
            buffer.write(ConsoleSession.noSemesterNotice, x: x, y: y, style: .muted)
            return
        }
        var top = y
        if let panel {
            panel.draw(into: &buffer, x: x, y: top, width: width, now: session.now(), glyphs: session.glyphs)
            top += JobProgressPanel.height + 1
        } else {
            let hint = session.refusal(.runMatching) == nil ? "Press r to run matching." : "A coordinator or admin can run it."
            buffer.write("\(semester.name) has not been matched yet. " + hint, x: x, y: top, style: .muted)
            top += 2
        }
        let rest = y + height - top
        guard rest >= 3 else { return }
        if let group = openGroup {
            drawGroup(group, into: &buffer, x: x, y: top, width: width, height: rest, focused: focused)
            return
        }
        var tabX = x
        for candidate in View.allCases {
            tabX += buffer.write(" \(candidate.rawValue) ", x: tabX, y: top, style: candidate == view ? .selected : .muted) + 1
        }
        buffer.write("(v switches)", x: tabX + 1, y: top, style: .muted)
        switch view {
        case .groups:
            guard !groups.isEmpty else {
                buffer.write("No groups yet.", x: x, y: top + 2, style: .muted)
                return
            }
            let chartWidth = width >= 100 ? 36 : 0
            groupTable.draw(into: &buffer, x: x, y: top + 1, width: width - chartWidth - (chartWidth > 0 ? 2 : 0), height: rest - 1,
                            focused: focused)
            if chartWidth > 0 { drawHistogram(into: &buffer, x: x + width - chartWidth, y: top + 1, width: chartWidth, height: rest - 1) }
        case .scores:
            // The histogram on its own, for terminals too narrow to show it beside the groups.
            guard !groups.isEmpty else {
                buffer.write("No groups yet.", x: x, y: top + 2, style: .muted)
                return
            }
            drawHistogram(into: &buffer, x: x, y: top + 1, width: min(width, 72), height: rest - 1)
        case .history:
            historyTable.draw(into: &buffer, x: x, y: top + 1, width: width, height: rest - 1, focused: focused)
        case .leftOut:
            guard !leftOutTable.rows.isEmpty else {
                buffer.write("Nobody was left out by the latest completed job.", x: x, y: top + 2, style: .muted)
                return
            }
            leftOutTable.draw(into: &buffer, x: x, y: top + 1, width: width, height: rest - 1, focused: focused)
        }
    }

    /// Individual mentee scores in ten bins, best first.
    private func drawHistogram(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int) {
        buffer.write("Mentee scores", x: x, y: y, style: .header)
        var bins = [Int](repeating: 0, count: 10)
        for member in groups.lazy.flatMap(\.members) { bins[min(9, max(0, Int(member.score * 10)))] += 1 }
        let bars = (0..<10).reversed().map { BarChart.Bar(String(format: "%.1f–%.1f", Double($0) / 10, Double($0 + 1) / 10), bins[$0]) }
        BarChart(bars).draw(into: &buffer, x: x, y: y + 1, width: width, height: min(10, height - 1), glyphs: session.glyphs)
    }

    private func drawGroup(_ group: MatchGroup, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool) {
        let mentor = people[group.mentorID]
        let headline = "Group of \(mentor?.name ?? "#\(group.mentorID)") <\(mentor?.email ?? "")> · "
            + String(format: "score %.3f · %d mentees · Esc back", group.score, group.members.count)
        buffer.write(DisplayWidth.fit(headline, width), x: x, y: y, style: .title)
        memberTable.draw(into: &buffer, x: x, y: y + 1, width: width, height: height - 1, focused: focused)
    }

    public func click(line: Int, x: Int) -> PaneOutcome {
        // The table's header sits under the progress panel (or the one-line notice) and the view tabs.
        let header = (panel == nil ? 2 : JobProgressPanel.height + 1) + 1
        let row = line - header
        let hit: Bool
        if openGroup != nil {
            hit = memberTable.click(line: row, x: x)
        } else {
            switch view {
            case .groups: hit = groupTable.click(line: row, x: x)
            case .scores: hit = false
            case .history: hit = historyTable.click(line: row, x: x)
            case .leftOut: hit = leftOutTable.click(line: row, x: x)
            }
        }
        return hit ? .handled : .ignored
    }
}
