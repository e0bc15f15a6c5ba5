import Foundation

/// A participant's rating of their match; one per person per semester (a resubmission replaces it).
public struct Feedback: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Int64
    public static let ratingRange = 1...5

    public var id: ID
    public var semesterID: Semester.ID
    public var groupID: MatchGroup.ID
    public var submitterEmail: String
    public var role: ApplicantRole
    public var rating: Int
    public var tags: [String]
    public var comment: String
    public var submittedAt: Date

    public init(id: ID, semesterID: Semester.ID, groupID: MatchGroup.ID, submitterEmail: String, role: ApplicantRole,
                rating: Int, tags: [String], comment: String, submittedAt: Date) {
        self.id = id
        self.semesterID = semesterID
        self.groupID = groupID
        self.submitterEmail = submitterEmail
        self.role = role
        self.rating = rating
        self.tags = tags
        self.comment = comment
        self.submittedAt = submittedAt
    }
}
