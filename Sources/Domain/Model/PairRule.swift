import Foundation

/// A staff decision about one pair that every matching run must respect.
public struct PairRule: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Always made.
        case lock
        /// Never made.
        case forbid
    }

    public var semesterID: Semester.ID
    public var mentorID: Applicant.ID
    public var menteeID: Applicant.ID
    public var kind: Kind
    public var createdBy: Staff.ID?
    public var createdAt: Date

    public init(semesterID: Semester.ID, mentorID: Applicant.ID, menteeID: Applicant.ID, kind: Kind,
                createdBy: Staff.ID?, createdAt: Date) {
        self.semesterID = semesterID
        self.mentorID = mentorID
        self.menteeID = menteeID
        self.kind = kind
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
