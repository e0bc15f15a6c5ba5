import Domain
import Foundation

/// Every semester of the organization with its figures; Enter shows the selected one's details.
public final class SemestersPane: Pane {
    public let title = "Semesters"
    private let service: SemesterService
    private let actor: Actor
    private var table = Table(columns: [
        .init("NAME", width: 22), .init("STATUS", width: 8), .init("START", width: 10), .init("END", width: 10),
        .init("MENTORS", width: 8), .init("MENTEES", width: 8), .init("GROUPS", width: 6, numeric: true),
        .init("AVG SCORE", width: 9, numeric: true), .init("RATING", width: 6, numeric: true),
    ])
    private var stats: [Int64: SemesterStats] = [:]

    public init(service: SemesterService, actor: Actor) {
        self.service = service
        self.actor = actor
    }

    public func refresh() throws {
        let semesters = try service.list(limit: SemesterService.maximumPageSize, by: actor).items
        stats = [:]
        table.setRows(try semesters.map { semester in
            let figures = try service.stats(semester.id, by: actor)
            stats[semester.id] = figures
            return Table.Row(id: semester.id, cells: [
                semester.name, semester.status.rawValue, semester.startDate.description, semester.endDate.description,
                "\(figures.mentors)/\(figures.mentorQuota)", "\(figures.mentees)/\(figures.menteeQuota)", String(figures.groups),
                figures.averageCompatibility.map { String(format: "%.3f", $0) } ?? "—",
                figures.averageRating.map { String(format: "%.2f", $0) } ?? "—",
            ])
        })
    }

    public func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool) {
        guard !table.rows.isEmpty else {
            buffer.write("No semesters yet. Create one with 'match-console semester create'.", x: x, y: y, style: .muted)
            return
        }
        table.draw(into: &buffer, x: x, y: y, width: width, height: height, focused: focused)
    }

    public func handle(_ command: Command, pageSize: Int) -> PaneOutcome {
        if command == .select, let row = table.selectedRow, let figures = stats[row.id] {
            return .status("\(row.cells[0]): \(figures.mentors) mentors, \(figures.mentees) mentees, \(figures.matchedMentees) matched in \(figures.groups) groups, \(figures.feedbackCount) feedback")
        }
        return table.handle(command, pageSize: pageSize) ? .handled : .ignored
    }

    public func setFilter(_ text: String) {
        table.setFilter(text)
    }
}
