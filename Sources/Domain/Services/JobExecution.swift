import Foundation

/// Runs one matching job to its end on the calling thread, with a store of its own: loads the
/// semester, runs the pipeline, persists progress (on every step change and at most a few times a
/// second within a step) so other processes can follow it, and stores the results in one
/// transaction that replaces the semester's current groups only when they are complete. Failure
/// or cancellation leaves the previous results untouched. `textDigest` turns on the embedding
/// cache: it names each profile text in the store without storing the text.
public enum JobExecution {
    public static let persistInterval: TimeInterval = 0.25

    public static func run(jobID: MatchingJob.ID, organizationID: Organization.ID, store: any Store,
                           pipeline: MatchingPipeline = MatchingPipeline(), textDigest: EmbeddingCache.Digest? = nil,
                           runnerPID: Int32,
                           log: any EventLog = DiscardingEventLog(), now: @escaping () -> Date = { UTCTimestamp.now() },
                           isCancelledLocally: () -> Bool = { false },
                           observe: (MatchingJob) -> Void = { _ in }) throws -> MatchingJob {
        let loaded: (MatchingJob, Semester, MatchingInput)? = try store.write { tx in
            guard var job = try tx.job(id: jobID, organizationID: organizationID), job.status == .pending,
                  let semester = try tx.semester(id: job.semesterID, organizationID: organizationID) else { return nil }
            let applicants = try tx.applicants(semesterID: semester.id, filter: ApplicantFilter(), skip: 0, limit: Int(Int32.max))
            let rules = try tx.pairRules(semesterID: semester.id)
            // Earlier semesters' feedback teaches this run's model.
            let examples = try tx.trainingPairs(organizationID: organizationID, excluding: semester.id,
                                                threshold: FeedbackService.defaultThreshold)
            let input = MatchingInput(
                applicants: applicants, defaultCapacity: semester.defaultMenteesPerMentor, rules: job.config.rules,
                lockedPairs: rules.filter { $0.kind == .lock }.map { PairReference(mentorID: $0.mentorID, menteeID: $0.menteeID) },
                forbiddenPairs: rules.filter { $0.kind == .forbid }.map { PairReference(mentorID: $0.mentorID, menteeID: $0.menteeID) },
                trainingExamples: examples)
            let at = now()
            try tx.markJobStarted(job.id, runnerPID: runnerPID, at: at)
            job.status = .preprocessing
            job.startedAt = at
            job.runnerPID = runnerPID
            job.progress = JobProgress(step: .preprocessing, completedSteps: 0, message: "starting")
            try tx.updateJobProgress(job.id, status: job.status, progress: job.progress)
            return (job, semester, input)
        }
        guard let (started, semester, input) = loaded else {
            // Cancelled before it started, or not ours: report it as it stands.
            return try store.read { tx in try tx.job(id: jobID, organizationID: organizationID) }
                ?? { throw DomainError.notFound(kind: "matching job", reference: "#\(jobID)") }()
        }
        var job = started
        observe(job)
        var lastPersisted = Date.distantPast
        var lastCancelCheck = Date.distantPast
        var cancelled = false
        var stepStarted = Date()

        func record(_ progress: MatchingProgress) throws {
            let stepChanged = progress.step != job.status
            if stepChanged {
                log.record(LogEvent(event: "matching.step", correlationID: job.correlationID, organizationID: organizationID,
                                    durationMilliseconds: Date().timeIntervalSince(stepStarted) * 1000, outcome: "ok",
                                    fields: ["job": String(job.id), "step": job.status.rawValue]))
                stepStarted = Date()
            }
            job.status = progress.step
            job.progress = JobProgress(step: progress.step, completedSteps: JobStatus.steps.firstIndex(of: progress.step) ?? 0,
                                       done: progress.done, total: progress.total, message: progress.message)
            observe(job)
            let moment = Date()
            guard stepChanged || moment.timeIntervalSince(lastPersisted) >= persistInterval else { return }
            lastPersisted = moment
            try store.write { tx in try tx.updateJobProgress(job.id, status: job.status, progress: job.progress) }
        }

        func isCancelled() -> Bool {
            if cancelled || isCancelledLocally() { return true }
            let moment = Date()
            guard moment.timeIntervalSince(lastCancelCheck) >= persistInterval else { return false }
            lastCancelCheck = moment
            cancelled = (try? store.read { try $0.isCancelRequested(jobID: job.id) }) ?? false
            return cancelled
        }

        do {
            var progressError: (any Error)?
            // With a digest, a context-free embedder's vectors are kept for the next run.
            let cache = textDigest.map { EmbeddingCache(store: store, digest: $0, now: now) }
            let result = try pipeline.run(input, cache: cache, progress: { progress in
                do { try record(progress) } catch { progressError = error }
            }, isCancelled: { progressError != nil || isCancelled() })
            if let progressError { throw progressError }
            let at = now()
            try store.write { tx in
                try tx.completeJob(job.id, semesterID: semester.id, result: result, modelName: result.training.model.name, at: at)
                if let current = try tx.semester(id: semester.id, organizationID: organizationID), current.status == .open {
                    var matched = current
                    matched.status = .matched
                    matched.updatedAt = at
                    try tx.updateSemester(matched)
                }
                try tx.appendAudit(AuditEntry(organizationID: organizationID, staffID: job.triggeredBy, staffEmail: nil,
                                              action: "matching.completed", targetType: "job", targetID: String(job.id),
                                              details: ["groups": String(result.summary.groups),
                                                        "matched": String(result.summary.matchedMentees),
                                                        "unmatched": String(result.summary.unmatchedMentees)],
                                              correlationID: job.correlationID, createdAt: at))
            }
            // The last step ends with the job, not with a step change: its line is written here.
            log.record(LogEvent(event: "matching.step", correlationID: job.correlationID, organizationID: organizationID,
                                durationMilliseconds: Date().timeIntervalSince(stepStarted) * 1000, outcome: "ok",
                                fields: ["job": String(job.id), "step": job.status.rawValue]))
            log.record(LogEvent(event: "matching.completed", correlationID: job.correlationID, organizationID: organizationID,
                                durationMilliseconds: at.timeIntervalSince(job.startedAt ?? at) * 1000, outcome: "ok",
                                fields: ["job": String(job.id), "groups": String(result.summary.groups),
                                         "matched": String(result.summary.matchedMentees),
                                         "unmatched": String(result.summary.unmatchedMentees), "embedder": result.embedder]))
        } catch is MatchingCancelled {
            try store.write { tx in try tx.finishJob(job.id, status: .cancelled, errorMessage: nil, failedStep: nil, at: now()) }
            log.record(LogEvent(level: .warning, event: "matching.cancelled", correlationID: job.correlationID,
                                organizationID: organizationID, outcome: "cancelled", fields: ["job": String(job.id), "step": job.status.rawValue]))
        } catch {
            let message = String(describing: error)
            try store.write { tx in try tx.finishJob(job.id, status: .failed, errorMessage: message, failedStep: job.status, at: now()) }
            log.record(LogEvent(level: .error, event: "matching.failed", correlationID: job.correlationID,
                                organizationID: organizationID, outcome: "failed",
                                errorType: String(describing: type(of: error)), errorMessage: message))
        }
        let final = try store.read { tx in try tx.job(id: job.id, organizationID: organizationID) } ?? job
        observe(final)
        return final
    }
}
