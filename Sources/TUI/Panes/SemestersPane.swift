import Domain
import Foundation

/// Every semester of the organization with its figures and, below, the selected one's details.
/// Enter makes it the current semester of the other panes; `n` creates one, `e` edits it and `t`
/// moves it along its life (draft → open → matched → closed), each through a dialog.
public final class SemestersPane: Pane {
    public let title = "Semesters"
    private let session: ConsoleSession
    private var table = Table(columns: [
        .init("NAME", width: 22), .init("STATUS", width: 8), .init("START", width: 10), .init("END", width: 10),
        .init("MENTORS", width: 9), .init("MENTEES", width: 9), .init("GROUPS", width: 6, numeric: true),
        .init("AVG SCORE", width: 9, numeric: true), .init("RATING", width: 6, numeric: true),
    ])
    private var semesters: [Int64: Semester] = [:]
    private var stats: [Int64: SemesterStats] = [:]
    static let detailHeight = 6

    public init(session: ConsoleSession) {
        self.session = session
    }

    private var selected: Semester? { table.selectedRow.flatMap { semesters[$0.id] } }

    public var actions: [PaneAction] {
        let refusal = session.refusal(.manageSemesters)
        let closed = selected?.status == .closed ? "a closed semester is final" : nil
        let none = selected == nil ? "no semester is selected" : nil
        return [
            PaneAction(.character("n"), "new", "new semester", unavailable: refusal),
            PaneAction(.character("e"), "edit", "edit semester", unavailable: refusal ?? none ?? closed),
            PaneAction(.character("t"), "status", "change status", unavailable: refusal ?? none ?? closed),
        ]
    }

    public func refresh() throws {
        let list = try session.semesters.list(limit: SemesterService.maximumPageSize, by: session.actor).items
        semesters = Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
        stats = [:]
        table.setRows(try list.map { semester in
            let figures = try session.semesters.stats(semester.id, by: session.actor)
            stats[semester.id] = figures
            // After the name, so the marker never changes where the row sorts.
            let current = session.currentSemester?.id == semester.id ? " ◂" : ""
            return Table.Row(id: semester.id, cells: [
                semester.name + current, semester.status.rawValue, semester.startDate.description, semester.endDate.description,
                "\(figures.mentors)/\(figures.mentorQuota)", "\(figures.mentees)/\(figures.menteeQuota)", String(figures.groups),
                figures.averageCompatibility.map { String(format: "%.3f", $0) } ?? "—",
                figures.averageRating.map { String(format: "%.2f", $0) } ?? "—",
            ])
        })
    }

    public func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool) {
        guard !table.rows.isEmpty else {
            let hint = session.refusal(.manageSemesters) == nil ? "Press n to create the first one." : "An admin or coordinator can create one."
            buffer.write("No semesters yet. " + hint, x: x, y: y, style: .muted)
            return
        }
        let tableHeight = max(2, height - Self.detailHeight - 1)
        table.draw(into: &buffer, x: x, y: y, width: width, height: tableHeight, focused: focused)
        guard let semester = selected, let figures = stats[semester.id] else { return }
        drawDetails(semester, figures, into: &buffer, x: x, y: y + tableHeight + 1, width: width)
    }

    private func drawDetails(_ semester: Semester, _ figures: SemesterStats, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        let glyphs = session.glyphs
        buffer.write(String(repeating: glyphs.horizontal, count: width), x: x, y: y, style: .muted)
        buffer.write(" \(semester.name) · \(semester.status.rawValue) · \(semester.startDate) to \(semester.endDate) ", x: x + 2, y: y, style: .title)
        let half = (width - 2) / 2
        Gauge.draw(label: "Mentors ", part: figures.mentors, whole: figures.mentorQuota, into: &buffer, x: x, y: y + 1, width: half, glyphs: glyphs)
        Gauge.draw(label: "Mentees ", part: figures.mentees, whole: figures.menteeQuota, into: &buffer, x: x, y: y + 2, width: half, glyphs: glyphs)
        Gauge.draw(label: "Matched ", part: figures.matchedMentees, whole: max(figures.mentees, 1), into: &buffer, x: x, y: y + 3,
                   width: half, glyphs: glyphs)
        let right = x + half + 2
        let lines = [
            "capacity \(figures.mentorCapacity) mentees (default \(semester.defaultMenteesPerMentor) per mentor)",
            "\(figures.groups) groups, average compatibility " + (figures.averageCompatibility.map { String(format: "%.3f", $0) } ?? "—"),
            "\(figures.feedbackCount) feedback, average rating " + (figures.averageRating.map { String(format: "%.2f", $0) } ?? "—"),
            "rules: " + semester.rules.summary,
            "next: " + (semester.status.allowedNextStatuses.map(\.rawValue).joined(separator: ", ").nonEmpty ?? "none (final)"),
        ]
        for (index, line) in lines.enumerated() {
            buffer.write(DisplayWidth.fit(line, width - half - 2), x: right, y: y + 1 + index, style: .normal)
        }
    }

    public func handle(_ command: Command, pageSize: Int) -> PaneOutcome {
        if command == .select, let semester = selected {
            session.currentSemester = semester
            return .changed("Current semester: \(semester.name). The applicants, matching and feedback panes now show it.")
        }
        return table.handle(command, pageSize: pageSize - Self.detailHeight - 1) ? .handled : .ignored
    }

    public func perform(_ action: String) -> PaneOutcome {
        switch action {
        case "new": return .dialog(SemesterForm.dialog(editing: nil, session: session))
        case "edit": return selected.map { .dialog(SemesterForm.dialog(editing: $0, session: session)) } ?? .ignored
        case "status": return selected.map(statusDialog) ?? .ignored
        default: return .ignored
        }
    }

    public func click(line: Int, x: Int) -> PaneOutcome {
        table.click(line: line, x: x) ? .handled : .ignored
    }

    public func setFilter(_ text: String) {
        table.setFilter(text)
    }

    private func statusDialog(_ semester: Semester) -> PaneOutcome {
        let session = self.session
        let moves = semester.status.allowedNextStatuses
        let buttons = moves.map { next in
            ChoiceDialog.Button(next.rawValue) { () -> PaneOutcome in
                let move = { () -> PaneOutcome in
                    do {
                        let moved = try session.semesters.update(semester.id, SemesterChanges(status: next), by: session.actor)
                        return .changed("\(moved.name) is now \(moved.status.rawValue).")
                    } catch {
                        return .status("Could not change the status: \(error)")
                    }
                }
                guard next == .closed else { return move() }
                return .dialog(ChoiceDialog.confirm("Close \(semester.name)?", [
                    "Closing is final: the semester can no longer take applicants, be matched or be edited.",
                    "Its groups and feedback stay readable.",
                ], confirm: "Close it", destructive: true, glyphs: session.glyphs, action: move))
            }
        } + [ChoiceDialog.Button("Cancel") { .status("Cancelled.") }]
        let lines = [
            ChoiceDialog.Line("\(semester.name) is \(semester.status.rawValue). Move it to:"),
            ChoiceDialog.Line(""),
            ChoiceDialog.Line("draft: being set up · open: taking applicants, may be matched", .muted),
            ChoiceDialog.Line("matched: groups published · closed: final", .muted),
        ]
        return .dialog(ChoiceDialog(title: "Change status", lines: lines, buttons: buttons, defaultButton: buttons.count - 1,
                                    glyphs: session.glyphs))
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
