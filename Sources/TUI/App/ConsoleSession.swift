import Domain
import Foundation

/// What every pane of one signed-in console shares: who is signed in, the services acting for
/// them, the semester the panes are about, and how matching jobs are started here.
public final class ConsoleSession {
    /// The signed-in staff member, with the correlation id of the action in progress: each key
    /// that acts starts a new one, so its log line and its audit entries can be matched.
    public private(set) var actor: Actor
    /// Where the console's actions are logged, as the command line logs its commands.
    public let log: any EventLog
    public let semesters: SemesterService
    public let applicants: ApplicantService
    public let matching: MatchingService
    public let feedback: FeedbackService
    public let quotas: QuotaService
    public let glyphs: Glyphs
    public let now: () -> Date
    /// Opens a store of its own for work done off the main thread (a large import).
    public let storeFactory: any StoreFactory
    /// Starts a pending job on a thread of its own, posting its progress to `inbox`. The
    /// composition root decides the store and the embedder; the TUI only watches. Throws when the
    /// job cannot run (its embedder is missing), having ended the job failed with the reason.
    public let startJob: (MatchingJob, Inbox<JobRunner.Event>) throws -> JobRunner
    /// The semester the applicants, matching and feedback panes show (Enter on the semesters pane).
    public var currentSemester: Semester?

    public init(actor: Actor, semesters: SemesterService, applicants: ApplicantService, matching: MatchingService,
                feedback: FeedbackService, quotas: QuotaService, glyphs: Glyphs = .forLocale(), now: @escaping () -> Date = Date.init,
                log: any EventLog = DiscardingEventLog(), storeFactory: any StoreFactory,
                startJob: @escaping (MatchingJob, Inbox<JobRunner.Event>) throws -> JobRunner) {
        self.actor = actor
        self.log = log
        self.storeFactory = storeFactory
        self.semesters = semesters
        self.applicants = applicants
        self.matching = matching
        self.feedback = feedback
        self.quotas = quotas
        self.glyphs = glyphs
        self.now = now
        self.startJob = startJob
    }

    /// Starts a new action: a fresh correlation id for what it does.
    public func beginAction() {
        actor.correlationID = CorrelationID.make()
    }

    /// One line in the log for what an action ended with (the status line's words).
    public func logAction(_ event: String, pane: String, outcome: String, started: Date) {
        log.record(LogEvent(event: event, correlationID: actor.correlationID, staffEmail: actor.staff.email,
                            organizationID: actor.organizationID, durationMilliseconds: now().timeIntervalSince(started) * 1000,
                            outcome: "ok", fields: ["pane": pane, "result": outcome,
                                                    "semester": currentSemester.map { String($0.id) } ?? ""]))
    }

    /// Why a semester pane's action cannot run yet, or nil once a semester is chosen.
    public var noSemester: String? { currentSemester == nil ? "choose a semester on the Semesters pane first" : nil }

    /// What a semester pane shows before a semester is chosen.
    public static let noSemesterNotice = "No semester chosen. Pick one on the Semesters pane (press 1, then Enter)."

    /// Why the signed-in role may not do this, or nil when it may.
    public func refusal(_ permission: Permission) -> String? {
        actor.staff.role.allows(permission) ? nil : "a \(actor.staff.role.rawValue) may not \(permission.description)"
    }

    /// The current semester, re-read so a change made elsewhere shows; the newest one when none
    /// was chosen yet.
    public func reloadCurrentSemester() throws {
        if let id = currentSemester?.id, let fresh = try? semesters.get(id, by: actor) {
            currentSemester = fresh
        } else {
            currentSemester = try semesters.list(limit: 1, by: actor).items.first
        }
    }
}
