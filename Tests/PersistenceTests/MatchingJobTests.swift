import Domain
import Foundation
import Testing
@testable import Persistence

@Suite("Matching jobs on SQLite")
struct MatchingJobTests {
    static let demo = Fixture.demo

    /// A fixture with the demo applicants imported into an open semester.
    /// A fixture with the demo applicants imported into an open semester.
    private func setUp(mentors: Bool = true) throws -> (Fixture, Semester, MatchingService) {
        let f = try Fixture()
        let semester = try f.demoSemester(mentors: mentors)
        return (f, semester, MatchingService(store: f.store, now: { [clock = f.clock] in clock.now }))
    }

    private func execute(_ f: Fixture, _ job: MatchingJob, cancelAfter step: JobStatus? = nil,
                         observe: (MatchingJob) -> Void = { _ in }) throws -> MatchingJob {
        var seen: JobStatus?
        return try JobExecution.run(jobID: job.id, organizationID: job.organizationID, store: try f.database.store(),
                                    runnerPID: 4242, isCancelledLocally: { seen == step && step != nil }) { job in
            seen = job.status
            observe(job)
        }
    }

    @Test("a job goes through every step in order, saves its groups and marks the semester matched")
    func completes() throws {
        let (f, semester, service) = try setUp()
        let job = try service.start(semesterID: semester.id, by: f.coordinator)
        #expect(job.status == .pending && job.config.rules == semester.rules)
        var statuses: [JobStatus] = []
        let done = try execute(f, job) { if statuses.last != $0.status { statuses.append($0.status) } }
        #expect(statuses == [.preprocessing, .embedding, .training, .matching, .completed])
        #expect(done.status == .completed && done.progress.completedSteps == JobProgress.totalSteps)
        #expect(done.embedder == "hashed-tfidf-v1" && done.model == "logistic-prior-v1" && done.runnerPID == 4242)
        let summary = try #require(done.summary)
        #expect(summary.matchedMentees == 120 && summary.unmatchedMentees == 0 && summary.training?.examples == 0)
        let groups = try service.groups(semesterID: semester.id, by: f.viewer)
        #expect(groups.count == summary.groups && groups.reduce(0) { $0 + $1.members.count } == 120)
        #expect(groups.allSatisfy { group in group.members.allSatisfy { !$0.explanation.isEmpty } })
        #expect(try f.semesters.get(semester.id, by: f.admin).status == .matched)
        let stats = try f.semesters.stats(semester.id, by: f.admin)
        #expect(stats.groups == summary.groups && stats.matchedMentees == 120)
        #expect(try f.auditActions(f.admin).contains("matching.completed"))
        #expect(try f.quotas.usage(by: f.coordinator)[1].used == 1)
    }

    @Test("one active job per semester; cancelling a pending job ends it at once")
    func oneAtATime() throws {
        let (f, semester, service) = try setUp()
        let job = try service.start(semesterID: semester.id, by: f.admin)
        #expect(throws: DomainError.jobAlreadyActive(jobID: job.id)) { try service.start(semesterID: semester.id, by: f.admin) }
        #expect(try service.cancel(jobID: job.id, by: f.admin).status == .cancelled)
        #expect(throws: DomainError.jobAlreadyFinished(jobID: job.id, status: .cancelled)) { try service.cancel(jobID: job.id, by: f.admin) }
        #expect(try execute(f, job).status == .cancelled, "a runner that arrives late does nothing")
    }

    @Test("a cancelled or failed run leaves the previous results as they were")
    func cancelKeepsPreviousResults() throws {
        let (f, semester, service) = try setUp()
        _ = try execute(f, try service.start(semesterID: semester.id, by: f.admin))
        let before = try service.groups(semesterID: semester.id, by: f.admin)
        try f.semesters.update(semester.id, SemesterChanges(status: .open), by: f.admin)
        let second = try service.start(semesterID: semester.id, by: f.admin)
        let stopped = try execute(f, second, cancelAfter: .embedding)
        #expect(stopped.status == .cancelled)
        #expect(try service.groups(semesterID: semester.id, by: f.admin) == before)
        // A cancel requested from another process (through the database) is noticed too.
        let third = try service.start(semesterID: semester.id, by: f.admin)
        let other = MatchingService(store: try f.database.store())
        var requested = false
        let ended = try execute(f, third) { job in
            if job.status == .embedding && !requested {
                requested = true
                _ = try? other.cancel(jobID: job.id, by: f.admin)
                Thread.sleep(forTimeInterval: JobExecution.persistInterval)
            }
        }
        #expect(ended.status == .cancelled)
        #expect(try service.groups(semesterID: semester.id, by: f.admin) == before)
    }

    @Test("a semester with no mentors fails with the reason and the step it failed in")
    func failure() throws {
        let (f, semester, service) = try setUp(mentors: false)
        let failed = try execute(f, try service.start(semesterID: semester.id, by: f.admin))
        #expect(failed.status == .failed && failed.failedStep == .preprocessing)
        #expect(failed.errorMessage == "the semester has no mentors to match")
        #expect(try service.groups(semesterID: semester.id, by: f.admin).isEmpty)
    }

    @Test("a job whose process died is marked interrupted at the next start-up")
    func recovery() throws {
        let (f, semester, service) = try setUp()
        let job = try service.start(semesterID: semester.id, by: f.admin)
        try f.store.write { tx in
            try tx.markJobStarted(job.id, runnerPID: 999_999, at: f.now)
            try tx.updateJobProgress(job.id, status: .embedding, progress: JobProgress(step: .embedding, completedSteps: 1))
        }
        #expect(try service.recoverInterrupted(isAlive: { $0 != 999_999 }) == [job.id])
        let recovered = try service.status(jobID: job.id, by: f.viewer)
        #expect(recovered.status == .failed && recovered.failedStep == .embedding)
        #expect(recovered.errorMessage == "interrupted: the process running it stopped")
        #expect(try service.recoverInterrupted(isAlive: { _ in false }).isEmpty)
    }

    @Test("locked pairs are kept and forbidden pairs never made")
    func pairRules() throws {
        let (f, semester, service) = try setUp()
        let applicants = try ApplicantService(store: f.store).list(semesterID: semester.id, by: f.admin).items
        let mentor = try #require(applicants.first { $0.role == .mentor })
        let mentees = applicants.filter { $0.role == .mentee }
        try service.setPairRule(semesterID: semester.id, mentorEmail: mentor.email, menteeEmail: mentees[0].email, kind: .lock, by: f.coordinator)
        _ = try execute(f, try service.start(semesterID: semester.id, by: f.admin))
        var groups = try service.groups(semesterID: semester.id, by: f.admin)
        let partner = try #require(groups.first { $0.members.contains { $0.menteeID == mentees[0].id } })
        #expect(partner.mentorID == mentor.id)
        // Forbid every pair the last run made with this mentor and run again.
        for member in partner.members where member.menteeID != mentees[0].id {
            let email = try #require(mentees.first { $0.id == member.menteeID }?.email)
            try service.setPairRule(semesterID: semester.id, mentorEmail: mentor.email, menteeEmail: email, kind: .forbid, by: f.admin)
        }
        try service.setPairRule(semesterID: semester.id, mentorEmail: mentor.email, menteeEmail: mentees[0].email, kind: nil, by: f.admin)
        try f.semesters.update(semester.id, SemesterChanges(status: .open), by: f.admin)
        _ = try execute(f, try service.start(semesterID: semester.id, by: f.admin))
        groups = try service.groups(semesterID: semester.id, by: f.admin)
        let forbidden = Set(partner.members.map(\.menteeID)).subtracting([mentees[0].id])
        #expect(!(groups.first { $0.mentorID == mentor.id }?.members.contains { forbidden.contains($0.menteeID) } ?? false))
        #expect(throws: DomainError.notFound(kind: "mentor", reference: mentees[1].email)) {
            try service.setPairRule(semesterID: semester.id, mentorEmail: mentees[1].email, menteeEmail: mentees[2].email, kind: .lock, by: f.admin)
        }
    }

    @Test("other organizations and viewers can neither start, see nor cancel jobs")
    func tenancy() throws {
        let (f, semester, service) = try setUp()
        let job = try service.start(semesterID: semester.id, by: f.admin)
        let before = try f.snapshot()
        #expect(throws: DomainError.notFound(kind: "semester", reference: "#\(semester.id)")) { try service.start(semesterID: semester.id, by: f.outsider) }
        #expect(throws: DomainError.notFound(kind: "matching job", reference: "#\(job.id)")) { try service.status(jobID: job.id, by: f.outsider) }
        #expect(throws: DomainError.notFound(kind: "matching job", reference: "#\(job.id)")) { try service.cancel(jobID: job.id, by: f.outsider) }
        #expect(throws: DomainError.notPermitted(role: .viewer, permission: .runMatching)) { try service.start(semesterID: semester.id, by: f.viewer) }
        #expect(throws: DomainError.notPermitted(role: .viewer, permission: .runMatching)) { try service.cancel(jobID: job.id, by: f.viewer) }
        #expect(try f.snapshot() == before)
    }
}

@Suite("Job runner thread")
struct JobRunnerTests {
    @Test("runs on its own thread and connection, posting progress the caller drains without blocking it")
    func runsInBackground() throws {
        let f = try Fixture()
        let semester = try f.demoSemester()
        let job = try MatchingService(store: f.store).start(semesterID: semester.id, by: f.admin)
        let inbox = Inbox<JobRunner.Event>()
        _ = JobRunner.start(job, factory: SQLiteStoreFactory(path: f.database.path), runnerPID: getpid(), inbox: inbox)
        var statuses: [JobStatus] = []
        var final: MatchingJob?
        let deadline = Date().addingTimeInterval(30)
        while final == nil && Date() < deadline {
            for event in inbox.drain() {
                switch event {
                case .progress(let job): if statuses.last != job.status { statuses.append(job.status) }
                case .finished(let job): final = job
                case .crashed(_, let message): Issue.record("crashed: \(message)")
                }
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(final?.status == .completed)
        #expect(statuses == [.preprocessing, .embedding, .training, .matching, .completed])
        #expect(try MatchingService(store: f.store).groups(semesterID: semester.id, by: f.viewer).count == final?.summary?.groups)
    }
}
