/// What a run produced: groups with per-mentee scores and explanations, who stayed unmatched and
/// why, and what produced it.
public struct MatchingResult: Sendable {
    public var groups: [ProposedGroup]
    public var unmatched: [UnmatchedMentee]
    public var setAside: [SetAside]
    public var warnings: [String]
    public var summary: MatchSummary
    public var embedder: String
    public var training: TrainingReport
}

public struct ProposedGroup: Sendable, Hashable {
    public var mentorID: Applicant.ID
    public var members: [ProposedMember]
    /// Mean of the members' scores.
    public var score: Double
}

public struct ProposedMember: Sendable, Hashable {
    public var menteeID: Applicant.ID
    public var score: Double
    public var explanation: [ScoreContribution]
    /// The pair's features, kept for the labeled dataset the next semester trains on.
    public var features: [Double]
    public var locked: Bool
}

public struct UnmatchedMentee: Sendable, Hashable, Codable {
    public var applicantID: Applicant.ID
    public var email: String
    public var reason: String
}
