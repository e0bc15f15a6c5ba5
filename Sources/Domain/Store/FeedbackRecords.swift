import Foundation

public protocol FeedbackReading {
    /// The current group and role of a person of the semester, if they are in one.
    func currentMembership(semesterID: Semester.ID, email: String) throws -> (groupID: MatchGroup.ID, role: ApplicantRole)?
    /// Who has already answered in this semester.
    func feedbackEmails(semesterID: Semester.ID) throws -> Set<String>
    func feedbackSummary(semesterID: Semester.ID, organizationID: Organization.ID) throws -> FeedbackSummary
    /// Pairs of the semester's current groups that have feedback from the mentor or the mentee.
    func labeledPairs(semesterID: Semester.ID, threshold: Double) throws -> [LabeledPairRecord]
    /// Labeled pairs of every other semester of the organization, for training.
    func trainingPairs(organizationID: Organization.ID, excluding semesterID: Semester.ID, threshold: Double) throws -> [LabeledPair]
}

public protocol FeedbackWriting {
    /// One feedback per person per semester: a second submission replaces the first.
    func upsertFeedback(semesterID: Semester.ID, groupID: MatchGroup.ID, email: String, role: ApplicantRole, rating: Int,
                        tags: [String], comment: String, at: Date) throws
}
