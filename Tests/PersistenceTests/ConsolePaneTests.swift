import Domain
import Foundation
import Testing
@testable import Persistence
@testable import TUI

/// The work panes against real services on a temporary database, driven by keys as a person
/// would, read back from the rendered screen.
@Suite("Console panes on SQLite")
struct ConsolePaneTests {
    /// Keeps what the console logs, for the tests to read.
    final class RecordingLog: EventLog, @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [LogEvent] = []
        var events: [LogEvent] { lock.withLock { recorded } }
        func record(_ event: LogEvent) { lock.withLock { recorded.append(event) } }
    }

    static func console(_ fixture: Fixture, as actor: Actor, log: any EventLog = DiscardingEventLog()) -> ConsoleApp {
        let factory = SQLiteStoreFactory(path: fixture.database.path)
        let session = ConsoleSession(
            actor: actor, semesters: SemesterService(store: fixture.store), applicants: ApplicantService(store: fixture.store),
            matching: MatchingService(store: fixture.store), feedback: FeedbackService(store: fixture.store),
            quotas: QuotaService(store: fixture.store), glyphs: .unicode, log: log, storeFactory: factory
        ) { job, inbox in
            JobRunner.start(job, factory: factory, runnerPID: getpid(), inbox: inbox)
        }
        // The real clock: the matching pane polls the database once a second by it.
        return ConsoleApp(ConsoleView(header: "Match Console — test", panes: ConsolePanes.all(session), session: session))
    }

    static func screen(_ app: ConsoleApp) -> String {
        app.render(width: 120, height: 40).lines.joined(separator: "\n")
    }

    /// Ticks until background work (a file being read or imported) has ended.
    static func settle(_ app: ConsoleApp) {
        let deadline = Date().addingTimeInterval(60)
        while app.dialog is any WorkingIndicator, Date() < deadline {
            app.tick()
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// Runs matching from the matching pane with the semester's own rules: r, the rules form, Start.
    static func startJob(_ app: ConsoleApp) {
        for key: Key in [.character("3"), .character("r"), .enter, .enter] { app.handle(key) }
    }

    static func type(_ text: String, into app: ConsoleApp) {
        for character in text { app.handle(.character(character)) }
    }

    @Test("applicants: role filter, an upload with errors previewed line by line, then only its valid rows imported")
    func applicantsUpload() throws {
        let fixture = try Fixture()
        let semester = try fixture.semesters.create(Fixture.draft(mentors: 40, mentees: 200), by: fixture.admin)
        try fixture.semesters.update(semester.id, SemesterChanges(status: .open), by: fixture.admin)
        for file in ["mentors.csv", "mentees.csv"] {
            let bytes = [UInt8](try Data(contentsOf: Fixture.demo.appendingPathComponent(file)))
            try ApplicantService(store: fixture.store).importFile(semesterID: semester.id, file: bytes, skipInvalid: false, by: fixture.admin)
        }
        let app = Self.console(fixture, as: fixture.coordinator)
        app.handle(.character("2"))
        #expect(Self.screen(app).contains("Spring 2027: 40 mentors, 120 mentees · showing all roles, 160 rows"))
        #expect(Self.screen(app).contains("uploads today 0/10"))
        app.handle(.character("m"))
        #expect(Self.screen(app).contains("showing mentors only, 40 rows"))
        app.handle(.enter)
        #expect(Self.screen(app).contains("Email        ") && Self.screen(app).contains("Interests    "), "Enter opens the applicant whole")
        app.handle(.escape)
        app.handle(.character("m"))
        app.handle(.character("u"))
        Self.type(Fixture.demo.appendingPathComponent("mentees-with-errors.csv").path, into: app)
        app.handle(.enter)
        #expect(Self.screen(app).contains("Reading and checking mentees-with-errors.csv"))
        Self.settle(app)
        let preview = Self.screen(app)
        #expect(preview.contains("Preview: mentees-with-errors.csv → Spring 2027"))
        #expect(preview.contains("problems (nothing is imported while any remain"))
        #expect(preview.contains("line ") && preview.contains("[ Valid rows only ]") && !preview.contains("[ Import ]"))
        app.handle(.character("v"))
        Self.settle(app)
        #expect(app.dialog == nil, "\(Self.screen(app))")
        #expect(app.status.hasPrefix("Imported mentees-with-errors.csv:") && app.status.contains("skipped"), "\(app.status)")
        #expect(Self.screen(app).contains("uploads today 1/10"))
    }

    @Test("a viewer sees the upload and remove keys dimmed, and pressing one says why")
    func viewerRefusal() throws {
        let fixture = try Fixture()
        _ = try fixture.demoSemester()
        let app = Self.console(fixture, as: fixture.viewer)
        app.handle(.character("2"))
        app.handle(.character("u"))
        #expect(app.dialog == nil)
        #expect(app.status == "Upload CSV is not available: a viewer may not upload or remove applicants.")
    }

    @Test("matching: run from the dialog, follow the job to completion, open a group's explanation, lock a pair")
    func matchingRun() throws {
        let fixture = try Fixture()
        let semester = try fixture.demoSemester()
        let app = Self.console(fixture, as: fixture.coordinator)
        app.handle(.character("3"))
        #expect(Self.screen(app).contains("Spring 2027 has not been matched yet. Press r to run matching."))
        app.handle(.character("r"))
        #expect(Self.screen(app).contains("Run matching for Spring 2027"))
        app.handle(.enter)
        #expect(Self.screen(app).contains("40 mentors (capacity"))
        app.handle(.enter)
        #expect(app.status.hasPrefix("Started matching job #"))
        let deadline = Date().addingTimeInterval(120)
        while !Self.screen(app).contains("✓ completed"), Date() < deadline {
            app.tick()
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 1.1)
        app.tick()
        let done = Self.screen(app)
        #expect(done.contains("· completed ·") && done.contains("Mentee scores") && done.contains("MENTOR"))
        #expect(app.session?.currentSemester?.status == .matched)
        app.handle(.enter)
        #expect(Self.screen(app).contains("Group of "))
        app.handle(.enter)
        #expect(Self.screen(app).contains("What counted most:"))
        app.handle(.escape)
        app.handle(.character("l"))
        #expect(app.status.hasPrefix("Locked "))
        let rules = try fixture.store.read { try $0.pairRules(semesterID: semester.id) }
        #expect(rules.count == 1 && rules.first?.kind == .lock)
        app.handle(.escape)
        app.handle(.character("r"))
        app.handle(.enter)
        #expect(Self.screen(app).contains("Pairs set by staff: 1 locked, 0 forbidden"), "the next run's confirmation counts the lock")
        app.handle(.escape)
        app.handle(.character("v"))
        #expect(Self.screen(app).contains("Mentee scores") && Self.screen(app).contains("0.9–1.0"))
        app.handle(.character("v"))
        #expect(Self.screen(app).contains("STATUS") && Self.screen(app).contains("completed"))
    }

    @Test("feedback: the dashboard shows the ratings, tags and the match that needs attention; add and export work")
    func feedbackDashboard() throws {
        let fixture = try Fixture()
        let (semester, groups, people) = try fixture.matchedDemoSemester()
        let feedback = FeedbackService(store: fixture.store)
        let group = groups[0]
        try feedback.submit(semesterID: semester.id, .init(email: people[group.mentorID]!.email, rating: 1, tags: ["no show"],
                                                          comment: "never met"), by: fixture.admin)
        try feedback.submit(semesterID: semester.id, .init(email: people[group.members[0].menteeID]!.email, rating: 5,
                                                          tags: ["great fit"]), by: fixture.admin)
        let app = Self.console(fixture, as: fixture.admin)
        app.handle(.character("4"))
        let dashboard = Self.screen(app)
        #expect(dashboard.contains("2 answers · average rating 3.00 / 5"))
        #expect(dashboard.contains("no_show") && dashboard.contains("great_fit"))
        #expect(dashboard.contains("Matches that need attention (1)") && dashboard.contains("“never met”"))
        #expect(dashboard.contains("rated 5") && dashboard.contains("1 (50%)"))

        app.handle(.character("a"))
        Self.type(people[group.members[1].menteeID]!.email, into: app)
        app.handle(.enter)
        #expect(app.status.hasPrefix("Recorded 5/5 from"))
        #expect(Self.screen(app).contains("3 answers"))

        let output = fixture.database.folder.appendingPathComponent("labeled.csv").path
        app.handle(.character("e"))
        for _ in 0..<400 { app.handle(.backspace) }
        Self.type(output, into: app)
        app.handle(.enter)
        #expect(app.status.hasPrefix("Exported ") && app.status.hasSuffix("to \(output)."))
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.hasPrefix("group_id,mentor_email,mentee_email,"))
    }

    @Test("quitting while this console's job runs asks first; staying keeps the job, quitting cancels it cleanly")
    func quitWhileRunning() throws {
        let fixture = try Fixture()
        _ = try fixture.demoSemester()
        let app = Self.console(fixture, as: fixture.coordinator)
        Self.startJob(app)
        app.handle(.character("q"))
        #expect(!app.finished && Self.screen(app).contains("Quit Match Console?"))
        #expect(Self.screen(app).contains("Quitting cancels it cleanly"))
        app.handle(.enter)  // Cancel is the default for a destructive choice
        #expect(!app.finished && app.dialog == nil)
        app.handle(.character("q"))
        app.handle(.character("q"))  // the first letter of "Quit"
        #expect(app.finished)
        let jobs = try MatchingService(store: fixture.store).list(semesterID: try fixture.semesters.list(by: fixture.admin).items[0].id,
                                                                  by: fixture.admin)
        #expect(jobs.first?.status.isFinished == true, "the job recorded how it ended before the console quit")
    }

    @Test("a job started elsewhere (the command line, another console) appears and is followed to its end")
    func jobFromElsewhere() throws {
        let fixture = try Fixture()
        let semester = try fixture.demoSemester()
        let app = Self.console(fixture, as: fixture.viewer)
        app.handle(.character("3"))
        #expect(Self.screen(app).contains("has not been matched yet. A coordinator or admin can run it."))
        let job = try MatchingService(store: fixture.store).start(semesterID: semester.id, by: fixture.admin)
        let factory = SQLiteStoreFactory(path: fixture.database.path)
        let worker = Thread {
            let store = try! factory.makeStore()
            _ = try? JobExecution.run(jobID: job.id, organizationID: job.organizationID, store: store, runnerPID: getpid())
        }
        worker.start()
        var seen = Set<String>()
        let deadline = Date().addingTimeInterval(120)
        while !Self.screen(app).contains("· completed ·"), Date() < deadline {
            app.tick()
            if let line = Self.screen(app).split(separator: "\n").first(where: { $0.contains("Job #\(job.id)") }) { seen.insert(String(line)) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(!seen.isEmpty && Self.screen(app).contains("Mentee scores"), "the viewer's console followed job #\(job.id)")
    }

    @Test("snapshot: the feedback dashboard of a matched demo semester with four answers")
    func feedbackSnapshot() throws {
        let fixture = try Fixture()
        let (semester, groups, people) = try fixture.matchedDemoSemester()
        let feedback = FeedbackService(store: fixture.store)
        let answers: [(MatchGroup, Int?, Int, [String], String)] = [
            (groups[0], nil, 2, ["no show", "scheduling"], "We never found a time."),
            (groups[0], 0, 5, ["great fit"], ""),
            (groups[1], nil, 4, ["great fit", "career advice"], "Helpful."),
            (groups[1], 0, 4, ["career advice"], ""),
        ]
        for (group, member, rating, tags, comment) in answers {
            let email = people[member.map { group.members[$0].menteeID } ?? group.mentorID]!.email
            try feedback.submit(semesterID: semester.id, .init(email: email, rating: rating, tags: tags, comment: comment), by: fixture.admin)
        }
        let session = ConsoleSession(
            actor: fixture.admin, semesters: SemesterService(store: fixture.store), applicants: ApplicantService(store: fixture.store),
            matching: MatchingService(store: fixture.store), feedback: feedback, quotas: QuotaService(store: fixture.store), glyphs: .unicode,
            storeFactory: SQLiteStoreFactory(path: fixture.database.path)
        ) { _, _ in throw DomainError.notInitialized }
        try session.reloadCurrentSemester()
        let pane = FeedbackPane(session: session)
        try pane.refresh()
        var terminal = VirtualTerminal(width: 96, height: 18)
        terminal.draw { pane.draw(into: &$0, x: 0, y: 0, width: 96, height: 18, focused: true) }
        let mentor = people[groups[0].mentorID]!.email
        let expected = """
            4 answers · average rating 3.75 / 5              Top tags
            Response rate  ▌░░░░░░░░░░░░░░░░░░   2% (4/159)  career_advice ███████████████████████████████ 2
            By role: mentees 4.50 (2) · mentors 3.00 (2)     great_fit     ███████████████████████████████ 2
                                                             no_show       ███████████████▌                1
                                                             scheduling    ███████████████▌                1
            Ratings
            rated 5 ███████████████▌                1 (25%)
            rated 4 ███████████████████████████████ 2 (50%)
            rated 3                                 0 (0%)
            rated 2 ███████████████▌                1 (25%)
            rated 1                                 0 (0%)

            Matches that need attention (1)  ↑↓ scroll
            group #\(groups[0].id)  \(mentor)  average 3.5  (mentor 2, lowest mentee 5)
                “We never found a time.”
            """
        #expect(terminal.mismatch(expected) == nil, "\(terminal.mismatch(expected) ?? "")")
    }

    @Test("every action is logged with a correlation id of its own, which its audit entries carry too")
    func actionsAreLogged() throws {
        let fixture = try Fixture()
        _ = try fixture.demoSemester()
        let log = RecordingLog()
        let app = Self.console(fixture, as: fixture.coordinator, log: log)
        app.handle(.character("2"))
        app.handle(.character("d"))
        app.handle(.character("r"))  // "Remove", by its first letter
        #expect(app.status.hasPrefix("Removed "))
        let lines = log.events
        #expect(lines.map(\.event) == ["console.remove", "console.dialog"])
        #expect(lines.map { $0.fields["result"] } == ["dialog opened", app.status])
        #expect(lines[0].correlationID == lines[1].correlationID && lines[0].staffEmail == fixture.coordinator.staff.email)
        let audit = try fixture.store.read {
            try $0.auditEntries(organizationID: fixture.coordinator.organizationID, includeUnscoped: false, since: nil, limit: 10)
        }
        #expect(audit.first { $0.action == "applicants.removed" }?.correlationID == lines[1].correlationID)
        app.handle(.character("d"))
        app.handle(.escape)
        #expect(log.events.count == 4 && log.events[2].correlationID != lines[0].correlationID, "the next action has a new id")
    }

    @Test("a console job keeps running, and quitting still asks, after another semester is chosen; that semester does not show it")
    func jobOfAnotherSemester() throws {
        let fixture = try Fixture()
        _ = try fixture.demoSemester()  // Spring 2027, with applicants
        _ = try fixture.semesters.create(Fixture.draft("Autumn 2027"), by: fixture.admin)  // newest, listed first
        let app = Self.console(fixture, as: fixture.coordinator)
        for key: Key in [.character("1"), .down, .enter] { app.handle(key) }
        #expect(app.session?.currentSemester?.name == "Spring 2027")
        Self.startJob(app)
        #expect(app.status.hasPrefix("Started matching job #"))
        for key: Key in [.character("1"), .up, .enter, .character("3")] { app.handle(key) }
        app.tick()
        #expect(app.session?.currentSemester?.name == "Autumn 2027" && !Self.screen(app).contains("Job #"))
        app.handle(.character("q"))
        #expect(!app.finished && Self.screen(app).contains("for Spring 2027 is running in this console"))
        app.handle(.character("q"))
        #expect(app.finished)
    }

    @Test("a file that cannot be read as a table is refused in the status line once its background check ends")
    func unreadableUpload() throws {
        let fixture = try Fixture()
        _ = try fixture.demoSemester()
        let binary = fixture.database.folder.appendingPathComponent("photo.csv")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x0D, 0x0A]).write(to: binary)
        let app = Self.console(fixture, as: fixture.coordinator)
        app.handle(.character("2"))
        app.handle(.character("u"))
        Self.type(binary.path, into: app)
        app.handle(.enter)
        app.handle(.escape)
        #expect(Self.screen(app).contains("cannot be stopped halfway"), "Esc explains instead of abandoning the work")
        Self.settle(app)
        #expect(app.dialog == nil && app.status.hasPrefix("Cannot import photo.csv:"), "\(app.status)")
    }
}

