import Domain
import Foundation

/// `audit list`, for admins.
enum AuditCommands {
    static var all: [CommandSpec] { [list] }

    static let list = CommandSpec(
        ["audit", "list"], summary: "Show who did what and when, newest first (admins).",
        options: [
            .value("--since", "WHEN", "only from then on: YYYY-MM-DD (local midnight), or 24h, 7d …"),
            .value("--limit", "N", "at most N entries (default \(AuditService.defaultLimit))"),
            .flag("--json", "print JSON for scripts"),
        ]
    ) { invocation, context in
        let since = try invocation.string("--since").map { try parseSince($0, invocation) }
        let entries = try context.auditService().list(since: since, limit: try invocation.int("--limit") ?? AuditService.defaultLimit,
                                                      by: try context.actor())
        if invocation.has("--json") {
            try context.output.json(entries)
            return
        }
        var table = TextTable(headers: ["WHEN", "WHO", "ACTION", "TARGET", "DETAILS"])
        for entry in entries {
            let target = [entry.targetType, entry.targetID].compactMap { $0 }.joined(separator: " ")
            let details = entry.details.keys.sorted().map { "\($0)=\(entry.details[$0]!)" }.joined(separator: " ")
            table.rows.append([LocalTime.string(entry.createdAt), entry.staffEmail ?? "", entry.action, target, details])
        }
        table.render().forEach { context.output.line($0) }
    }

    static func parseSince(_ text: String, _ invocation: Invocation) throws -> Date {
        if let date = CalendarDate(parsing: text) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = .current
            if let start = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) { return start }
        }
        if let unit = text.last, let amount = Double(text.dropLast()), amount >= 0, let seconds = ["h": 3600.0, "d": 86400.0][String(unit)] {
            return Date() - amount * seconds
        }
        throw invocation.usage("--since: \"\(text)\" is neither a date (YYYY-MM-DD) nor a span like 24h or 7d")
    }
}
