/// Where a job is: which step, how many of the five are done, and how far the current one has got.
/// The five steps are the four working statuses plus saving the results (counted when `completed`).
public struct JobProgress: Sendable, Hashable, Codable {
    public static let totalSteps = 5

    public var step: JobStatus
    public var completedSteps: Int
    /// Units of work done and expected within the current step (rows, vectors, mentees, …).
    public var done: Int
    public var total: Int
    public var message: String

    public init(step: JobStatus = .pending, completedSteps: Int = 0, done: Int = 0, total: Int = 0, message: String = "") {
        self.step = step
        self.completedSteps = completedSteps
        self.done = done
        self.total = total
        self.message = message
    }

    /// 0…1 across the whole job, counting the current step's fraction.
    public var overallFraction: Double {
        let within = total > 0 ? Double(min(done, total)) / Double(total) : 0
        return min(1, (Double(completedSteps) + within) / Double(JobProgress.totalSteps))
    }
}
