import Domain

/// `semester create|list|show|update|stats`.
enum SemesterCommands {
    static var all: [CommandSpec] { [create, list, show, update, stats] }

    private static let semesterArgument = PositionalSpec(name: "SEMESTER", help: "semester name or id")
    private static let json = OptionSpec.flag("--json", "print JSON for scripts")

    static let create = CommandSpec(
        ["semester", "create"], summary: "Create a semester (it starts as a draft).",
        options: [
            .value("--name", "NAME", "name, unique in the organization (at most 200 characters)", required: true),
            .value("--start", "DATE", "first day, YYYY-MM-DD", required: true),
            .value("--end", "DATE", "last day, YYYY-MM-DD, after the start", required: true),
            .value("--mentor-quota", "N", "most mentors accepted (at least 1)", required: true),
            .value("--mentee-quota", "N", "most mentees accepted (at least 1)", required: true),
            .value("--mentees-per-mentor", "N", "capacity for mentors who state none (1–20, default 3)"),
        ] + RuleOptions.enabling + [json]
    ) { invocation, context in
        let draft = SemesterDraft(
            name: try invocation.required("--name"),
            startDate: try invocation.date("--start")!,
            endDate: try invocation.date("--end")!,
            mentorQuota: try invocation.int("--mentor-quota")!,
            menteeQuota: try invocation.int("--mentee-quota")!,
            defaultMenteesPerMentor: try invocation.int("--mentees-per-mentor") ?? SemesterDraft.defaultMenteesPerMentor,
            rules: try RuleOptions.rules(from: invocation, startingFrom: .none))
        let semester = try context.semesterService().create(draft, by: try context.actor())
        if invocation.has("--json") {
            try context.output.json(semester)
        } else {
            context.output.line("Created semester #\(semester.id) \"\(semester.name)\" (draft).")
        }
    }

    static let list = CommandSpec(
        ["semester", "list"], summary: "List semesters, newest first.",
        options: [
            .value("--status", "STATUS", "only draft, open, matched or closed semesters"),
            .value("--skip", "N", "leave out the first N (default 0)"),
            .value("--limit", "N", "show at most N (1–\(SemesterService.maximumPageSize), default \(SemesterService.defaultPageSize))"),
            json,
        ]
    ) { invocation, context in
        let page = try context.semesterService().list(
            status: try invocation.choice("--status", of: SemesterStatus.self),
            skip: try invocation.int("--skip") ?? 0,
            limit: try invocation.int("--limit") ?? SemesterService.defaultPageSize,
            by: try context.actor())
        if invocation.has("--json") {
            try context.output.json(SemesterPageJSON(page))
            return
        }
        guard !page.items.isEmpty else {
            context.output.line(page.total == 0 ? "No semesters yet. Create one with 'match-console semester create'."
                                                : "No semesters on this page (\(page.total) in all).")
            return
        }
        var table = TextTable(headers: ["ID", "NAME", "STATUS", "START", "END", "MENTOR QUOTA", "MENTEE QUOTA"])
        for semester in page.items {
            table.rows.append([String(semester.id), semester.name, semester.status.rawValue, semester.startDate.description,
                               semester.endDate.description, String(semester.mentorQuota), String(semester.menteeQuota)])
        }
        table.render().forEach { context.output.line($0) }
        context.output.line("")
        context.output.line("Showing \(page.skip + 1)–\(page.skip + page.items.count) of \(page.total).")
    }

    static let show = CommandSpec(
        ["semester", "show"], summary: "Show one semester's settings.",
        positionals: [semesterArgument], options: [json]
    ) { invocation, context in
        let semester = try context.semesterService().find(invocation.positional(0), by: try context.actor())
        if invocation.has("--json") {
            try context.output.json(semester)
        } else {
            SemesterText.details(semester).forEach { context.output.line($0) }
        }
    }

    static let update = CommandSpec(
        ["semester", "update"], summary: "Change a semester's settings or status.",
        positionals: [semesterArgument],
        options: [
            .value("--name", "NAME", "new name"),
            .value("--start", "DATE", "new first day, YYYY-MM-DD"),
            .value("--end", "DATE", "new last day, YYYY-MM-DD"),
            .value("--mentor-quota", "N", "new mentor quota"),
            .value("--mentee-quota", "N", "new mentee quota"),
            .value("--mentees-per-mentor", "N", "new default mentor capacity (1–20)"),
            .value("--status", "STATUS", "move to draft, open, matched or closed (draft→open→matched→closed; open↔draft, matched→open)"),
        ] + RuleOptions.enabling + RuleOptions.disabling + [json]
    ) { invocation, context in
        let service = try context.semesterService()
        let actor = try context.actor()
        let semester = try service.find(invocation.positional(0), by: actor)
        let rules = try RuleOptions.rules(from: invocation, startingFrom: semester.rules)
        let changes = SemesterChanges(
            name: invocation.string("--name"),
            startDate: try invocation.date("--start"),
            endDate: try invocation.date("--end"),
            mentorQuota: try invocation.int("--mentor-quota"),
            menteeQuota: try invocation.int("--mentee-quota"),
            defaultMenteesPerMentor: try invocation.int("--mentees-per-mentor"),
            rules: rules == semester.rules ? nil : rules,
            status: try invocation.choice("--status", of: SemesterStatus.self))
        let updated = try service.update(semester.id, changes, by: actor)
        if invocation.has("--json") {
            try context.output.json(updated)
        } else {
            context.output.line("Updated semester #\(updated.id) \"\(updated.name)\" (\(updated.status.rawValue)).")
        }
    }

    static let stats = CommandSpec(
        ["semester", "stats"], summary: "Show applicants against quotas, matching and feedback figures.",
        positionals: [semesterArgument], options: [json]
    ) { invocation, context in
        let service = try context.semesterService()
        let actor = try context.actor()
        let semester = try service.find(invocation.positional(0), by: actor)
        let stats = try service.stats(semester.id, by: actor)
        if invocation.has("--json") {
            try context.output.json(stats)
        } else {
            SemesterText.stats(stats, of: semester).forEach { context.output.line($0) }
        }
    }
}

/// The JSON shape of `semester list`.
private struct SemesterPageJSON: Encodable {
    let items: [Semester]
    let skip: Int
    let total: Int

    init(_ page: Page<Semester>) {
        items = page.items
        skip = page.skip
        total = page.total
    }
}
