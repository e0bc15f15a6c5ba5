import Foundation

/// Matching jobs of the actor's organization: start one (checked against permissions and quotas),
/// follow it, cancel it, and manage the pairs staff lock or forbid. The work itself runs in
/// `JobExecution`, usually on a thread of its own via `JobRunner`.
public struct MatchingService {
    private let store: any Store
    private let now: @Sendable () -> Date

    public init(store: any Store, now: @escaping @Sendable () -> Date = { UTCTimestamp.now() }) {
        self.store = store
        self.now = now
    }

    /// Writes a pending job for the semester. `rules` overrides the semester's own for this run.
    public func start(semesterID: Semester.ID, rules: MatchingRules? = nil, by actor: Actor) throws -> MatchingJob {
        try PermissionChecker.require(.runMatching, actor.staff)
        let at = now()
        return try store.write { tx in
            let semester = try Scoped.semester(semesterID, tx, actor)
            guard semester.status == .draft || semester.status == .open else {
                throw DomainError.semesterNotMatchable(name: semester.name, status: semester.status)
            }
            if let active = try tx.activeJob(semesterID: semester.id) { throw DomainError.jobAlreadyActive(jobID: active.id) }
            try QuotaService.consume(.matchingJob, by: actor, in: tx, at: at)
            let job = try tx.insertJob(semesterID: semester.id, organizationID: actor.organizationID,
                                       config: MatchingConfig(rules: rules ?? semester.rules), triggeredBy: actor.staff.id,
                                       correlationID: actor.correlationID, at: at)
            try tx.appendAudit(.by(actor, "matching.started", target: ("job", String(job.id)),
                                   details: ["semester": semester.name], at: at))
            return job
        }
    }

    public func status(jobID: MatchingJob.ID, by actor: Actor) throws -> MatchingJob {
        try PermissionChecker.require(.viewData, actor.staff)
        return try store.read { tx in try Self.job(jobID, tx, actor) }
    }

    public func list(semesterID: Semester.ID, by actor: Actor) throws -> [MatchingJob] {
        try PermissionChecker.require(.viewData, actor.staff)
        return try store.read { tx in try tx.jobs(semesterID: try Scoped.semester(semesterID, tx, actor).id) }
    }

    /// Asks the job to stop. A job nobody has started yet ends at once; a running one stops at its
    /// next check, within a fraction of a second, and ends `cancelled`.
    public func cancel(jobID: MatchingJob.ID, by actor: Actor) throws -> MatchingJob {
        try PermissionChecker.require(.runMatching, actor.staff)
        let at = now()
        return try store.write { tx in
            var job = try Self.job(jobID, tx, actor)
            guard !job.status.isFinished else { throw DomainError.jobAlreadyFinished(jobID: job.id, status: job.status) }
            if job.status == .pending {
                try tx.finishJob(job.id, status: .cancelled, errorMessage: nil, failedStep: nil, at: at)
                job.status = .cancelled
            } else {
                try tx.requestCancel(job.id)
            }
            try tx.appendAudit(.by(actor, "matching.cancelled", target: ("job", String(job.id)), at: at))
            return job
        }
    }

    /// The semester's current groups: those of its latest completed job.
    public func groups(semesterID: Semester.ID, by actor: Actor) throws -> [MatchGroup] {
        try PermissionChecker.require(.viewData, actor.staff)
        return try store.read { tx in try tx.currentGroups(semesterID: try Scoped.semester(semesterID, tx, actor).id) }
    }

    /// The semester's locked and forbidden pairs, which every run keeps.
    public func pairRules(semesterID: Semester.ID, by actor: Actor) throws -> [PairRule] {
        try PermissionChecker.require(.viewData, actor.staff)
        return try store.read { tx in try tx.pairRules(semesterID: try Scoped.semester(semesterID, tx, actor).id) }
    }

    /// Locks or forbids a pair for every later run, or clears the rule (`kind` nil).
    public func setPairRule(semesterID: Semester.ID, mentorEmail: String, menteeEmail: String, kind: PairRule.Kind?,
                            by actor: Actor) throws {
        try PermissionChecker.require(.runMatching, actor.staff)
        let at = now()
        try store.write { tx in
            let semester = try Scoped.semester(semesterID, tx, actor)
            let mentor = try Self.applicant(mentorEmail, role: .mentor, semester, tx)
            let mentee = try Self.applicant(menteeEmail, role: .mentee, semester, tx)
            if let kind {
                try tx.setPairRule(PairRule(semesterID: semester.id, mentorID: mentor.id, menteeID: mentee.id, kind: kind,
                                            createdBy: actor.staff.id, createdAt: at))
            } else {
                _ = try tx.clearPairRule(semesterID: semester.id, mentorID: mentor.id, menteeID: mentee.id)
            }
            try tx.appendAudit(.by(actor, "matching.pair_\(kind?.rawValue ?? "cleared")", target: ("semester", String(semester.id)),
                                   details: ["mentor": mentor.email, "mentee": mentee.email], at: at))
        }
    }

    /// Jobs left running by a process that no longer exists end `failed` with "interrupted".
    /// Called at start-up; `isAlive` answers whether a process id is still running.
    @discardableResult
    public func recoverInterrupted(isAlive: (Int32) -> Bool) throws -> [MatchingJob.ID] {
        let at = now()
        // Most start-ups find nothing running: check that with a read, without taking the write lock.
        let suspects = try store.read { tx in try tx.activeJobs().filter { job in job.runnerPID.map { !isAlive($0) } ?? false } }
        guard !suspects.isEmpty else { return [] }
        return try store.write { tx in
            var recovered: [MatchingJob.ID] = []
            for job in try tx.activeJobs() where job.status != .pending {
                guard let pid = job.runnerPID, !isAlive(pid) else { continue }
                try tx.finishJob(job.id, status: .failed, errorMessage: "interrupted: the process running it stopped",
                                 failedStep: job.status, at: at)
                recovered.append(job.id)
            }
            return recovered
        }
    }

    private static func job(_ id: MatchingJob.ID, _ tx: any StoreReader, _ actor: Actor) throws -> MatchingJob {
        guard let job = try tx.job(id: id, organizationID: actor.organizationID) else {
            throw DomainError.notFound(kind: "matching job", reference: "#\(id)")
        }
        return job
    }

    private static func applicant(_ email: String, role: ApplicantRole, _ semester: Semester, _ tx: any StoreReader) throws -> Applicant {
        guard let applicant = try tx.applicant(semesterID: semester.id, email: EmailAddress.normalized(email)), applicant.role == role else {
            throw DomainError.notFound(kind: role.rawValue, reference: EmailAddress.normalized(email))
        }
        return applicant
    }
}
