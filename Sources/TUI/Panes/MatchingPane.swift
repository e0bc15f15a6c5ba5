import Domain
import Foundation

/// Matching for the current semester: `r` runs a job (rules dialog, then confirmation) and the
/// pane follows it live — from this console's own runner through an inbox, and from the database
/// once a second for jobs started elsewhere. Below: the groups (Enter opens one, with each
/// mentee's score and why; `l`/`x` lock or forbid a pair), the job history, and who was left out.
public final class MatchingPane: Pane {
    enum View: String, CaseIterable {
        case groups = "Groups", scores = "Scores", history = "Job history", leftOut = "Left out"
    }

    public let title = "Matching"
    let session: ConsoleSession
    let inbox = Inbox<JobRunner.Event>()
    private var runner: JobRunner?
    /// The job `runner` runs, as last heard of: it may belong to another semester than the one shown.
    private var runnerJob: MatchingJob?
    private(set) var panel: JobProgressPanel?
    private var lastPoll = Date.distantPast
    private(set) var view = View.groups
    private(set) var jobs: [MatchingJob] = []
    private(set) var groups: [MatchGroup] = []
    private(set) var people: [Applicant.ID: ApplicantSummary] = [:]
    /// The group whose members are shown, when one is open.
    private(set) var openGroup: MatchGroup?
    var groupTable = Table(columns: [
        .init("MENTOR", width: 24), .init("EMAIL", width: 28), .init("MENTEES", width: 7, numeric: true),
        .init("SCORE", width: 6, numeric: true), .init("LOWEST", width: 6, numeric: true),
    ])
    var memberTable = Table(columns: [
        .init("MENTEE", width: 22), .init("EMAIL", width: 26), .init("SCORE", width: 6, numeric: true), .init("WHY", width: 60),
    ])
    var historyTable = Table(columns: [
        .init("JOB", width: 5, numeric: true), .init("STATUS", width: 13), .init("STARTED", width: 16),
        .init("SECONDS", width: 7, numeric: true), .init("GROUPS", width: 6, numeric: true), .init("AVERAGE", width: 7, numeric: true),
        .init("EMBEDDER", width: 18), .init("ERROR", width: 40),
    ])
    var leftOutTable = Table(columns: [.init("EMAIL", width: 30), .init("REASON", width: 70)])

    public init(session: ConsoleSession) {
        self.session = session
    }

    /// Follows a job this console started on its own thread.
    func adopt(_ started: JobRunner, job: MatchingJob) {
        runner = started
        runnerJob = job
        panel = JobProgressPanel(job: job, now: session.now())
        view = .groups
        openGroup = nil
    }

    func localRunner(for jobID: MatchingJob.ID) -> JobRunner? {
        runner?.jobID == jobID ? runner : nil
    }

    func cycleView() {
        let all = View.allCases
        view = all[(all.firstIndex(of: view)! + 1) % all.count]
    }

    var activeJob: MatchingJob? { panel.map(\.job).flatMap { $0.status.isFinished ? nil : $0 } }

    public var actions: [PaneAction] {
        let semester = session.noSemester
        let refusal = session.refusal(.runMatching)
        let member = openGroup == nil ? "open a group with Enter first" : nil
        return [
            PaneAction(.character("r"), "run", "run matching",
                       unavailable: semester ?? refusal ?? (activeJob != nil ? "a job is already running" : nil)),
            PaneAction(.character("c"), "cancel", "cancel job", unavailable: refusal ?? (activeJob == nil ? "no job is running" : nil)),
            PaneAction(.character("v"), "view", "groups/scores/history/left out", unavailable: semester),
            PaneAction(.character("l"), "lock", "lock pair", unavailable: semester ?? refusal ?? member),
            PaneAction(.character("x"), "forbid", "forbid pair", unavailable: semester ?? refusal ?? member),
        ]
    }

    public func refresh() throws {
        guard let semester = session.currentSemester else {
            jobs = []; groups = []; people = [:]; openGroup = nil; panel = nil
            fillTables()
            return
        }
        groups = try session.matching.groups(semesterID: semester.id, by: session.actor)
        let applicants = try session.applicants.summaries(semesterID: semester.id, by: session.actor)
        people = Dictionary(uniqueKeysWithValues: applicants.map { ($0.id, $0) })
        if let open = openGroup { openGroup = groups.first { $0.mentorID == open.mentorID } }
        load(jobs: try session.matching.list(semesterID: semester.id, by: session.actor))
    }

    /// The job history and the panel of the newest job; groups and names are reloaded only when
    /// a newer job completed, so following a running job costs one small query a second.
    private func load(jobs fresh: [MatchingJob]) {
        jobs = fresh
        if let latest = fresh.first {
            if panel?.job.id == latest.id { panel?.update(latest, now: session.now()) } else { panel = JobProgressPanel(job: latest, now: session.now()) }
        } else {
            panel = nil
        }
        fillTables()
    }

    private var latestCompleted: MatchingJob.ID? { jobs.first { $0.status == .completed }?.id }

    private func fillTables() {
        groupTable.setRows(groups.map { group in
            let mentor = people[group.mentorID]
            return Table.Row(id: group.id, cells: [
                mentor?.name ?? "#\(group.mentorID)", mentor?.email ?? "", String(group.members.count),
                String(format: "%.3f", group.score), String(format: "%.3f", group.members.map(\.score).min() ?? 0),
            ])
        })
        memberTable.setRows((openGroup?.members ?? []).map { member in
            let mentee = people[member.menteeID]
            return Table.Row(id: member.menteeID, cells: [
                mentee?.name ?? "#\(member.menteeID)", mentee?.email ?? "", String(format: "%.3f", member.score),
                member.explanation.prefix(3).map { "\($0.feature): \($0.detail)" }.joined(separator: "; "),
            ])
        })
        historyTable.setRows(jobs.map { job in
            Table.Row(id: job.id, cells: [
                String(job.id), job.status.rawValue, job.startedAt.map(Self.started) ?? "",
                job.elapsedSeconds(now: session.now()).map { String(format: "%.1f", $0) } ?? "",
                job.summary.map { String($0.groups) } ?? "", job.summary?.averageCompatibility.map { String(format: "%.3f", $0) } ?? "",
                job.embedder ?? "", job.errorMessage ?? "",
            ])
        })
        let leftOut = jobs.first { $0.status == .completed }?.summary?.unmatched ?? []
        leftOutTable.setRows(leftOut.enumerated().map { Table.Row(id: Int64($0.offset), cells: [$0.element.email, $0.element.reason]) })
    }

    private static func started(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// Ten times a second: this console's runner news at once, the database once a second.
    public func tick(now: Date) -> Bool {
        var changed = false
        for event in inbox.drain() {
            switch event {
            case .progress(let job):
                runnerJob = job
                // Only the semester on screen: a job of another one is followed, not shown.
                guard job.semesterID == session.currentSemester?.id else { continue }
                if panel?.job.id == job.id { panel?.update(job, now: now) } else { panel = JobProgressPanel(job: job, now: now) }
                changed = true
            case .finished, .crashed:
                runner = nil
                runnerJob = nil
                changed = true
                lastPoll = .distantPast
            }
        }
        if let semester = session.currentSemester, now.timeIntervalSince(lastPoll) >= 1 {
            lastPoll = now
            if let fresh = try? session.matching.list(semesterID: semester.id, by: session.actor), fresh != jobs {
                let completedBefore = latestCompleted
                load(jobs: fresh)
                if latestCompleted != completedBefore {
                    // A completed job moved the semester along (open → matched): the header shows it too.
                    try? session.reloadCurrentSemester()
                    try? refresh()
                }
                changed = true
            }
        }
        return changed || activeJob != nil
    }

    public func handle(_ command: Command, pageSize: Int) -> PaneOutcome {
        let rows = pageSize - (panel == nil ? 3 : JobProgressPanel.height + 3)
        if let group = openGroup {
            if command == .back {
                openGroup = nil
                return .handled
            }
            if command == .select, let member = memberTable.selectedRow.flatMap({ row in group.members.first { $0.menteeID == row.id } }) {
                return .dialog(ChoiceDialog.message("Why \(people[member.menteeID]?.name ?? "this mentee")", Self.explanation(member),
                                                    glyphs: session.glyphs))
            }
            return memberTable.handle(command, pageSize: rows - 2) ? .handled : .ignored
        }
        switch view {
        case .groups:
            if command == .select, let row = groupTable.selectedRow {
                openGroup = groups.first { $0.id == row.id }
                fillTables()
                return .status("Enter explains a mentee's score; l locks and x forbids the pair for the next run; Esc goes back.")
            }
            return groupTable.handle(command, pageSize: rows) ? .handled : .ignored
        case .scores: return .ignored
        case .history: return historyTable.handle(command, pageSize: rows) ? .handled : .ignored
        case .leftOut: return leftOutTable.handle(command, pageSize: rows) ? .handled : .ignored
        }
    }

    public func setFilter(_ text: String) {
        groupTable.setFilter(text)
        memberTable.setFilter(text)
        historyTable.setFilter(text)
        leftOutTable.setFilter(text)
    }

    public var quitWarning: QuitWarning? {
        guard let runner, let job = runnerJob, !job.status.isFinished else { return nil }
        let session = self.session
        return QuitWarning(message: [
            "Matching job #\(job.id) for \((try? session.semesters.get(job.semesterID, by: session.actor))?.name ?? "a semester")"
                + " is running in this console (\(job.status.rawValue)).",
            "Quitting cancels it cleanly: the semester keeps its previous groups.",
            "To let a job run without the console, start it with 'match-console match run'.",
        ]) {
            runner.cancel()
            // Wait (briefly) for the job to record that it was cancelled, so nothing looks interrupted.
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline, (try? session.matching.status(jobID: job.id, by: session.actor))?.status.isFinished == false {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    static func explanation(_ member: MatchMember) -> [ChoiceDialog.Line] {
        [ChoiceDialog.Line(String(format: "Compatibility %.3f. What counted most:", member.score))]
            + member.explanation.map { ChoiceDialog.Line(String(format: "  %+.3f  %@: %@", $0.contribution, $0.feature, $0.detail)) }
    }
}
