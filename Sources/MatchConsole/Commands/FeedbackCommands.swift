import Domain
import Foundation

/// `feedback add|import|summary|export`.
enum FeedbackCommands {
    static var all: [CommandSpec] { [add, importSurvey, summary, export] }

    private static let semesterArgument = PositionalSpec(name: "SEMESTER", help: "semester name or id")
    private static let json = OptionSpec.flag("--json", "print JSON for scripts")

    static let add = CommandSpec(
        ["feedback", "add"], summary: "Record one person's feedback on their match (a second one replaces the first).",
        positionals: [semesterArgument, PositionalSpec(name: "EMAIL", help: "the mentor or mentee giving feedback")],
        options: [
            .value("--rating", "N", "1 (poor) to 5 (excellent)", required: true),
            .value("--tags", "LIST", "tags separated by , or ;"),
            .value("--comment", "TEXT", "free text, at most 2000 characters"),
        ]
    ) { invocation, context in
        let actor = try context.actor()
        let semester = try context.semesterService().find(invocation.positional(0), by: actor)
        let submission = FeedbackService.Submission(
            email: invocation.positional(1), rating: try FeedbackService.rating(from: try invocation.required("--rating")),
            tags: FeedbackService.tagList(invocation.string("--tags") ?? ""),
            comment: invocation.string("--comment") ?? "")
        let role = try context.feedbackService().submit(semesterID: semester.id, submission, by: actor)
        context.output.line("Recorded \(submission.rating)/5 from \(EmailAddress.normalized(submission.email)) (\(role.rawValue)).")
    }

    static let importSurvey = CommandSpec(
        ["feedback", "import"], summary: "Import a survey export (email, rating, tags, comment, timestamp); all or nothing unless --skip-invalid.",
        positionals: [semesterArgument, PositionalSpec(name: "FILE", help: "CSV from a form or survey tool")],
        options: [.flag("--dry-run", "only check the file"), .flag("--skip-invalid", "import the valid rows and report the others"), json]
    ) { invocation, context in
        let actor = try context.actor()
        let semester = try context.semesterService().find(invocation.positional(0), by: actor)
        let bytes = try InputFile.read(invocation.positional(1), limit: CSVReader.maximumBytes)
        do {
            let report = try context.feedbackService().importSurvey(semesterID: semester.id, file: bytes, skipInvalid: invocation.has("--skip-invalid"),
                                                                    dryRun: invocation.has("--dry-run"), by: actor)
            try show(report, invocation, context)
        } catch let refused as FeedbackImportRefused {
            try show(refused.report, invocation, context)
            throw refused
        }
    }

    static let summary = CommandSpec(
        ["feedback", "summary"], summary: "Ratings, response rate, roles, tags, groups that need attention, and the trend.",
        positionals: [semesterArgument], options: [json]
    ) { invocation, context in
        let actor = try context.actor()
        let semester = try context.semesterService().find(invocation.positional(0), by: actor)
        let summary = try context.feedbackService().summary(semesterID: semester.id, by: actor)
        if invocation.has("--json") { try context.output.json(summary); return }
        FeedbackText.summary(summary, semester: semester).forEach { context.output.line($0) }
    }

    static let export = CommandSpec(
        ["feedback", "export"], summary: "Export the labeled dataset: one row per pair with feedback, its features and label (admins).",
        positionals: [semesterArgument],
        options: [
            .value("--threshold", "X", "label 1 when the pair's average rating is at least X (default 4)"),
            .value("--format", "FORMAT", "json or csv (default json)"),
            .value("--output", "FILE", "write to FILE instead of standard output"),
        ]
    ) { invocation, context in
        let actor = try context.actor()
        let semester = try context.semesterService().find(invocation.positional(0), by: actor)
        let threshold = try invocation.double("--threshold") ?? FeedbackService.defaultThreshold
        let format = (invocation.string("--format") ?? "json").lowercased()
        guard ["json", "csv"].contains(format) else { throw invocation.usage("--format: json or csv, not \"\(format)\"") }
        let rows = try context.feedbackService().export(semesterID: semester.id, threshold: threshold, by: actor)
        let text = String(decoding: try LabeledDatasetFile.contents(rows, format: format == "csv" ? .csv : .json), as: UTF8.self)
        if let path = invocation.string("--output") {
            let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
            do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
                throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
            }
            context.output.line("Exported \(rows.count) labeled pairs to \(path).")
        } else {
            context.output.writeOut(String(text.dropLast()))
        }
    }

    private static func show(_ report: FeedbackImportReport, _ invocation: Invocation, _ context: CommandContext) throws {
        if invocation.has("--json") { try context.output.json(report); return }
        let out = context.output
        out.line("Read \(report.rows) rows; columns: " + report.mappings.sorted { $0.key < $1.key }.map { "\"\($0.key)\" → \($0.value.rawValue)" }.joined(separator: ", "))
        report.warnings.forEach { out.line("Warning: \($0)") }
        out.problems(report.problems)
        if report.applied {
            out.line("Imported: \(report.created) new, \(report.replaced) replaced, \(report.skipped) skipped.")
        } else if invocation.has("--dry-run") {
            out.line("Dry run, nothing written: \(report.created) would be new, \(report.replaced) would replace earlier answers.")
        }
    }
}

/// How feedback reads in a terminal.
enum FeedbackText {
    static func summary(_ summary: FeedbackSummary, semester: Semester) -> [String] {
        func number(_ value: Double?, _ format: String = "%.2f") -> String { value.map { String(format: format, $0) } ?? "—" }
        var lines = ["Feedback for \(semester.name): \(summary.total) answers from \(summary.participants) people in groups "
                     + "(response rate \(number(summary.responseRate.map { $0 * 100 }, "%.0f%%"))), average \(number(summary.averageRating))"]
        let largest = max(1, summary.distribution.max() ?? 1)
        for (index, count) in summary.distribution.enumerated() {
            let bar = String(repeating: "█", count: Int((Double(count) / Double(largest) * 30).rounded()))
            let share = summary.total > 0 ? Double(count) / Double(summary.total) * 100 : 0
            lines.append("  \(5 - index) ★  \(bar.padding(toLength: 30, withPad: " ", startingAt: 0)) \(count) (\(String(format: "%.0f", share))%)")
        }
        for role in summary.byRole { lines.append("  \(role.role.rawValue)s: \(role.count) answers, average \(number(role.averageRating))") }
        if !summary.topTags.isEmpty { lines.append("  top tags: " + summary.topTags.map { "\($0.tag) (\($0.count))" }.joined(separator: ", ")) }
        if !summary.attention.isEmpty {
            lines.append("Needs attention:")
            for group in summary.attention {
                lines.append("  group \(group.groupID) (\(group.mentorEmail)): average \(number(group.averageRating)), mentor \(group.mentorRating.map(String.init) ?? "—"), lowest mentee \(group.lowestMenteeRating.map(String.init) ?? "—")")
                group.comments.forEach { lines.append("    “\($0)”") }
            }
        }
        if summary.trend.count > 1 {
            lines.append("Trend: " + summary.trend.map { "\($0.semesterName) \(number($0.averageRating))" }.joined(separator: " → "))
        }
        return lines
    }
}
