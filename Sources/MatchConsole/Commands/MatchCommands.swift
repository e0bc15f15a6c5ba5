import Domain
import Foundation

/// `match run`, `job status|list|cancel|work`, `matches list|lock|forbid|clear`.
enum MatchCommands {
    static var all: [CommandSpec] { [run, status, list, cancel, work, matches, lock, forbid, clear] }

    private static let semesterArgument = PositionalSpec(name: "SEMESTER", help: "semester name or id")
    private static let jobArgument = PositionalSpec(name: "JOB", help: "matching job id")
    private static let json = OptionSpec.flag("--json", "print JSON for scripts")

    static let run = CommandSpec(
        ["match", "run"], summary: "Start a matching job for a semester (in the background unless --wait).",
        positionals: [semesterArgument],
        options: [.flag("--wait", "run here and show progress until the job ends; exit 1 unless it completes")]
            + RuleOptions.enabling + [json]
    ) { invocation, context in
        let actor = try context.actor()
        let semester = try context.semesterService().find(invocation.positional(0), by: actor)
        let rules = try RuleOptions.rules(from: invocation, startingFrom: semester.rules)
        // Refused here, before a job exists, when the organization's embedder cannot run.
        _ = try JobWorker.pipeline(for: actor.organizationID, context: context)
        let job = try context.matchingService().start(semesterID: semester.id, rules: rules, by: actor)
        guard invocation.has("--wait") else {
            try JobWorker.spawn(jobID: job.id, databasePath: context.databasePath)
            if invocation.has("--json") {
                try context.output.json(job)
            } else {
                context.output.line("Started matching job #\(job.id) for \"\(semester.name)\". Follow it with 'match-console job status \(job.id)'.")
            }
            return
        }
        let final = try JobWorker.runHere(job, context: context, showProgress: !invocation.has("--json"))
        if invocation.has("--json") { try context.output.json(final) } else { JobText.summary(final).forEach { context.output.line($0) } }
        guard final.status == .completed else {
            throw CommandFailure("matching job #\(final.id) \(final.status.rawValue)" + (final.errorMessage.map { ": \($0)" } ?? ""))
        }
    }

    static let status = CommandSpec(
        ["job", "status"], summary: "Show a matching job: status, step, progress, timings, results or error.",
        positionals: [jobArgument], options: [json]
    ) { invocation, context in
        let job = try context.matchingService().status(jobID: try jobID(invocation), by: try context.actor())
        if invocation.has("--json") { try context.output.json(JobJSON(job)) } else { JobText.details(job).forEach { context.output.line($0) } }
    }

    static let list = CommandSpec(
        ["job", "list"], summary: "List a semester's matching jobs, newest first.",
        positionals: [semesterArgument], options: [json]
    ) { invocation, context in
        let actor = try context.actor()
        let semester = try context.semesterService().find(invocation.positional(0), by: actor)
        let jobs = try context.matchingService().list(semesterID: semester.id, by: actor)
        if invocation.has("--json") { try context.output.json(jobs.map(JobJSON.init)); return }
        guard !jobs.isEmpty else { context.output.line("No matching jobs yet."); return }
        var table = TextTable(headers: ["JOB", "STATUS", "STARTED", "SECONDS", "GROUPS", "MATCHED", "AVERAGE"])
        for job in jobs {
            table.rows.append([String(job.id), job.status.rawValue, job.startedAt.map(LocalTime.string) ?? "",
                               job.elapsedSeconds(now: Date()).map { String(format: "%.1f", $0) } ?? "",
                               job.summary.map { String($0.groups) } ?? "", job.summary.map { String($0.matchedMentees) } ?? "",
                               job.summary?.averageCompatibility.map { String(format: "%.3f", $0) } ?? ""])
        }
        table.render().forEach { context.output.line($0) }
    }

    static let cancel = CommandSpec(
        ["job", "cancel"], summary: "Ask a matching job to stop; it ends as cancelled and earlier results stay.",
        positionals: [jobArgument]
    ) { invocation, context in
        let job = try context.matchingService().cancel(jobID: try jobID(invocation), by: try context.actor())
        context.output.line(job.status == .cancelled ? "Cancelled matching job #\(job.id)." : "Asked matching job #\(job.id) to stop.")
    }

    static let work = CommandSpec(
        ["job", "work"], summary: "Run a pending job in this process (started for you by 'match run').",
        positionals: [jobArgument]
    ) { invocation, context in
        let store = try context.store()
        guard let job = try store.read({ tx in try tx.activeJobs().first { $0.id == (try? jobID(invocation)) } }) else {
            throw CommandFailure("matching job #\(invocation.positional(0)) is not waiting to run")
        }
        _ = try JobWorker.execute(job, context: context) { _ in }
    }

    static let matches = CommandSpec(
        ["matches", "list"], summary: "Show the semester's current groups: scores and why.",
        positionals: [semesterArgument], options: [json, .flag("--csv", "print CSV for spreadsheets")]
    ) { invocation, context in
        let actor = try context.actor()
        let semester = try context.semesterService().find(invocation.positional(0), by: actor)
        let groups = try context.matchingService().groups(semesterID: semester.id, by: actor)
        let people = Dictionary(uniqueKeysWithValues: try context.applicantService()
            .list(semesterID: semester.id, limit: 100_000, by: actor).items.map { ($0.id, $0) })
        let rows = MatchRow.rows(groups, people)
        if invocation.has("--json") { try context.output.json(rows); return }
        if invocation.has("--csv") { MatchRow.csv(rows).forEach { context.output.line($0) }; return }
        guard !rows.isEmpty else { context.output.line("No groups yet. Run 'match-console match run \"\(semester.name)\" --wait'."); return }
        var table = TextTable(headers: ["GROUP", "MENTOR", "MENTEE", "SCORE", "GROUP SCORE", "WHY"])
        for row in rows {
            table.rows.append([String(row.group), row.mentorEmail, row.menteeEmail, String(format: "%.3f", row.score),
                               String(format: "%.3f", row.groupScore), row.explanation])
        }
        table.render().forEach { context.output.line($0) }
    }

    private static func pairCommand(_ verb: String, _ kind: PairRule.Kind?, _ summary: String) -> CommandSpec {
        CommandSpec(["matches", verb], summary: summary,
                    positionals: [semesterArgument, PositionalSpec(name: "MENTOR_EMAIL", help: "the mentor"),
                                  PositionalSpec(name: "MENTEE_EMAIL", help: "the mentee")]) { invocation, context in
            let actor = try context.actor()
            let semester = try context.semesterService().find(invocation.positional(0), by: actor)
            try context.matchingService().setPairRule(semesterID: semester.id, mentorEmail: invocation.positional(1),
                                                      menteeEmail: invocation.positional(2), kind: kind, by: actor)
            let what = kind == .lock ? "will always be paired" : kind == .forbid ? "will never be paired" : "are no longer locked or forbidden"
            context.output.line("\(invocation.positional(1)) and \(invocation.positional(2)) \(what); run matching again to apply it.")
        }
    }

    static let lock = pairCommand("lock", .lock, "Always pair this mentor and mentee in later runs.")
    static let forbid = pairCommand("forbid", .forbid, "Never pair this mentor and mentee in later runs.")
    static let clear = pairCommand("clear", nil, "Remove a lock or exclusion between a mentor and a mentee.")

    private static func jobID(_ invocation: Invocation) throws -> MatchingJob.ID {
        let text = invocation.positional(0).hasPrefix("#") ? String(invocation.positional(0).dropFirst()) : invocation.positional(0)
        guard let id = MatchingJob.ID(text) else { throw invocation.usage("JOB must be a job id such as 12, not \"\(invocation.positional(0))\"") }
        return id
    }
}
