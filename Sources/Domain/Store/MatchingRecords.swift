import Foundation

public protocol MatchingReading {
    func job(id: MatchingJob.ID, organizationID: Organization.ID) throws -> MatchingJob?
    /// Newest first.
    func jobs(semesterID: Semester.ID) throws -> [MatchingJob]
    /// A pending or running job of the semester, if any.
    func activeJob(semesterID: Semester.ID) throws -> MatchingJob?
    /// Pending or running jobs of every organization, for recovery at start-up.
    func activeJobs() throws -> [MatchingJob]
    func isCancelRequested(jobID: MatchingJob.ID) throws -> Bool
    /// The groups of the semester's latest completed job.
    func currentGroups(semesterID: Semester.ID) throws -> [MatchGroup]
    func pairRules(semesterID: Semester.ID) throws -> [PairRule]
}

public protocol MatchingWriting {
    func insertJob(semesterID: Semester.ID, organizationID: Organization.ID, config: MatchingConfig,
                   triggeredBy: Staff.ID?, correlationID: String, at: Date) throws -> MatchingJob
    func markJobStarted(_ id: MatchingJob.ID, runnerPID: Int32, at: Date) throws
    func updateJobProgress(_ id: MatchingJob.ID, status: JobStatus, progress: JobProgress) throws
    /// Ends a job without results: failed (with the message and step) or cancelled.
    func finishJob(_ id: MatchingJob.ID, status: JobStatus, errorMessage: String?, failedStep: JobStatus?, at: Date) throws
    /// Stores the groups and marks the job completed, in the caller's transaction.
    func completeJob(_ id: MatchingJob.ID, semesterID: Semester.ID, result: MatchingResult, modelName: String, at: Date) throws
    func requestCancel(_ id: MatchingJob.ID) throws
    func setPairRule(_ rule: PairRule) throws
    func clearPairRule(semesterID: Semester.ID, mentorID: Applicant.ID, menteeID: Applicant.ID) throws -> Bool
}
