import Foundation

/// One mentor and the mentees assigned to them by a job.
public struct MatchGroup: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    public var semesterID: Semester.ID
    public var jobID: MatchingJob.ID
    public var mentorID: Applicant.ID
    public var members: [MatchMember]
    /// Mean of the members' scores.
    public var score: Double
    public var createdAt: Date

    public init(id: ID, semesterID: Semester.ID, jobID: MatchingJob.ID, mentorID: Applicant.ID,
                members: [MatchMember], score: Double, createdAt: Date) {
        self.id = id
        self.semesterID = semesterID
        self.jobID = jobID
        self.mentorID = mentorID
        self.members = members
        self.score = score
        self.createdAt = createdAt
    }
}

public struct MatchMember: Sendable, Hashable, Codable {
    public var menteeID: Applicant.ID
    /// Compatibility of this mentee with the group's mentor, 0…1.
    public var score: Double
    /// The features that contributed most, strongest first.
    public var explanation: [ScoreContribution]

    public init(menteeID: Applicant.ID, score: Double, explanation: [ScoreContribution]) {
        self.menteeID = menteeID
        self.score = score
        self.explanation = explanation
    }
}

/// One feature's share of a score, in words a coordinator can read ("shared interests: robotics").
public struct ScoreContribution: Sendable, Hashable, Codable {
    public var feature: String
    public var detail: String
    public var contribution: Double

    public init(feature: String, detail: String, contribution: Double) {
        self.feature = feature
        self.detail = detail
        self.contribution = contribution
    }
}
