import Domain
import Foundation

/// `applicants import|list|remove`.
enum ApplicantCommands {
    static var all: [CommandSpec] { [importFile, list, remove] }

    private static let semesterArgument = PositionalSpec(name: "SEMESTER", help: "semester name or id")
    private static let json = OptionSpec.flag("--json", "print JSON for scripts")

    static let importFile = CommandSpec(
        ["applicants", "import"],
        summary: "Upload applicants from a CSV file (all or nothing unless --skip-invalid; re-uploading updates by email).",
        positionals: [semesterArgument, PositionalSpec(name: "FILE", help: "CSV from a spreadsheet or form tool (UTF-8, UTF-16 or Windows-1252; , ; or tab)")],
        options: [
            .flag("--dry-run", "only show how the file is read and what would change"),
            .flag("--skip-invalid", "import the valid rows and report the others"),
            json,
        ]
    ) { invocation, context in
        let actor = try context.actor()
        let semester = try context.semesterService().find(invocation.positional(0), by: actor)
        let bytes = try InputFile.read(invocation.positional(1), limit: CSVReader.maximumBytes)
        let service = try context.applicantService()
        do {
            let report = invocation.has("--dry-run")
                ? try service.preview(semesterID: semester.id, file: bytes, by: actor)
                : try service.importFile(semesterID: semester.id, file: bytes, skipInvalid: invocation.has("--skip-invalid"), by: actor)
            try show(report, file: invocation.positional(1), invocation, context)
        } catch DomainError.importRefused(let report) {
            try show(report, file: invocation.positional(1), invocation, context)
            throw DomainError.importRefused(report)
        }
    }

    static let list = CommandSpec(
        ["applicants", "list"], summary: "List a semester's applicants, mentors first.",
        positionals: [semesterArgument],
        options: [
            .value("--role", "ROLE", "only mentors or only mentees"),
            .value("--search", "TEXT", "only those whose name, email, field or interests contain TEXT"),
            .value("--skip", "N", "leave out the first N"),
            .value("--limit", "N", "show at most N (default 1000)"),
            json,
        ]
    ) { invocation, context in
        let actor = try context.actor()
        let semester = try context.semesterService().find(invocation.positional(0), by: actor)
        let filter = ApplicantFilter(role: try invocation.choice("--role", of: ApplicantRole.self), search: invocation.string("--search"))
        let page = try context.applicantService().list(semesterID: semester.id, filter: filter, skip: try invocation.int("--skip") ?? 0,
                                                       limit: try invocation.int("--limit") ?? 1000, by: actor)
        if invocation.has("--json") {
            try context.output.json(ApplicantPageJSON(items: page.items, skip: page.skip, total: page.total))
            return
        }
        guard !page.items.isEmpty else {
            context.output.line(page.total == 0 ? "No applicants match." : "No applicants on this page (\(page.total) in all).")
            return
        }
        var table = TextTable(headers: ["EMAIL", "NAME", "ROLE", "FIELD", "SENIORITY", "CAPACITY"])
        for applicant in page.items {
            table.rows.append([applicant.email, applicant.name, applicant.role.rawValue, applicant.field,
                               applicant.seniority.map { String(format: "%g", $0) } ?? "",
                               applicant.role == .mentor ? (applicant.capacity.map(String.init) ?? "default \(semester.defaultMenteesPerMentor)") : ""])
        }
        table.render().forEach { context.output.line($0) }
        context.output.line("")
        context.output.line("Showing \(page.skip + 1)–\(page.skip + page.items.count) of \(page.total).")
    }

    static let remove = CommandSpec(
        ["applicants", "remove"], summary: "Remove one applicant from a draft or open semester.",
        positionals: [semesterArgument, PositionalSpec(name: "EMAIL", help: "the applicant's email")]
    ) { invocation, context in
        let actor = try context.actor()
        let semester = try context.semesterService().find(invocation.positional(0), by: actor)
        try context.applicantService().remove(semesterID: semester.id, email: invocation.positional(1), by: actor)
        context.output.line("Removed \(EmailAddress.normalized(invocation.positional(1))) from \"\(semester.name)\".")
    }

    private static func show(_ report: ImportReport, file: String, _ invocation: Invocation, _ context: CommandContext) throws {
        if invocation.has("--json") {
            try context.output.json(report)
            return
        }
        let out = context.output
        out.line("Read \(file): \(report.rows) row\(report.rows == 1 ? "" : "s"), \(report.encoding.rawValue), delimiter \"\(report.delimiter)\"")
        report.warnings.forEach { out.line("Warning: \($0)") }
        out.line("Columns:")
        report.mappings.forEach { out.line("  " + $0.summary) }
        out.line("Valid rows: \(report.validMentors) mentor\(report.validMentors == 1 ? "" : "s"), \(report.validMentees) mentee\(report.validMentees == 1 ? "" : "s")")
        out.problems(report.problems)
        if report.applied {
            out.line("Imported: \(report.created) created, \(report.updated) updated, \(report.unchanged) unchanged, \(report.skipped) skipped.")
        } else if invocation.has("--dry-run") {
            out.line("Dry run, nothing written: \(report.created) would be created, \(report.updated) updated, \(report.unchanged) unchanged.")
        }
    }
}

private struct ApplicantPageJSON: Encodable {
    let items: [Applicant]
    let skip: Int
    let total: Int
}
