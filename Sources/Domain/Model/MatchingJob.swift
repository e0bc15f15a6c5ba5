import Foundation

/// One run of the matching pipeline for a semester, as recorded for every process to see.
public struct MatchingJob: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    public var organizationID: Organization.ID
    public var semesterID: Semester.ID
    public var status: JobStatus
    public var progress: JobProgress
    public var config: MatchingConfig
    public var summary: MatchSummary?
    /// Names of what produced the results, e.g. "hashed-tfidf-v1" and "logistic-prior-v1".
    public var embedder: String?
    public var model: String?
    public var errorMessage: String?
    /// The step that was running when the job failed.
    public var failedStep: JobStatus?
    public var triggeredBy: Staff.ID?
    public var correlationID: String?
    /// The process running the job, so a later start-up can tell an interrupted job from a live one.
    public var runnerPID: Int32?
    public var createdAt: Date
    public var startedAt: Date?
    public var completedAt: Date?

    public init(id: ID, organizationID: Organization.ID, semesterID: Semester.ID, status: JobStatus = .pending,
                progress: JobProgress = JobProgress(), config: MatchingConfig, summary: MatchSummary? = nil,
                embedder: String? = nil, model: String? = nil, errorMessage: String? = nil,
                failedStep: JobStatus? = nil, triggeredBy: Staff.ID?, correlationID: String? = nil,
                runnerPID: Int32? = nil, createdAt: Date, startedAt: Date? = nil, completedAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.semesterID = semesterID
        self.status = status
        self.progress = progress
        self.config = config
        self.summary = summary
        self.embedder = embedder
        self.model = model
        self.errorMessage = errorMessage
        self.failedStep = failedStep
        self.triggeredBy = triggeredBy
        self.correlationID = correlationID
        self.runnerPID = runnerPID
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.completedAt = completedAt
    }

    /// Seconds from start to completion, or to `now` while running.
    public func elapsedSeconds(now: Date) -> Double? {
        guard let startedAt else { return nil }
        return (completedAt ?? now).timeIntervalSince(startedAt)
    }
}

public enum JobStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case preprocessing
    case embedding
    case training
    case matching
    case completed
    case failed
    case cancelled

    /// The working steps in the order a job passes through them.
    public static let steps: [JobStatus] = [.preprocessing, .embedding, .training, .matching]

    public var isFinished: Bool { self == .completed || self == .failed || self == .cancelled }
    public var isRunning: Bool { JobStatus.steps.contains(self) }
}

/// How rules and options were set for one job (the semester's rules, possibly overridden).
public struct MatchingConfig: Sendable, Hashable, Codable {
    public var rules: MatchingRules

    public init(rules: MatchingRules = .none) {
        self.rules = rules
    }
}

/// What a completed job produced, kept on the job row.
public struct MatchSummary: Sendable, Hashable, Codable {
    public var groups: Int
    public var matchedMentees: Int
    public var unmatchedMentees: Int
    public var averageCompatibility: Double?
    public var lowestMenteeScore: Double?
    /// What the training step learned for this run (examples, held-out quality, weights).
    public var training: TrainingReport?
    /// Who was left out and why: mentees without a group, then applicants set aside as unusable;
    /// the first `unmatchedListLimit` of them, so the job row stays small. Nil on jobs recorded
    /// before it was kept.
    public var unmatched: [UnmatchedMentee]?
    public static let unmatchedListLimit = 500

    public init(groups: Int, matchedMentees: Int, unmatchedMentees: Int, averageCompatibility: Double?, lowestMenteeScore: Double?,
                training: TrainingReport? = nil, unmatched: [UnmatchedMentee]? = nil) {
        self.groups = groups
        self.matchedMentees = matchedMentees
        self.unmatchedMentees = unmatchedMentees
        self.averageCompatibility = averageCompatibility
        self.lowestMenteeScore = lowestMenteeScore
        self.training = training
        self.unmatched = unmatched
    }
}
