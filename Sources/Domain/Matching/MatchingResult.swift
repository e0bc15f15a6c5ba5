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

    public init(groups: [ProposedGroup], unmatched: [UnmatchedMentee], setAside: [SetAside], warnings: [String], summary: MatchSummary, embedder: String, training: TrainingReport) {
        self.groups = groups
        self.unmatched = unmatched
        self.setAside = setAside
        self.warnings = warnings
        self.summary = summary
        self.embedder = embedder
        self.training = training
    }
}

public struct ProposedGroup: Sendable, Hashable {
    public var mentorID: Applicant.ID
    public var members: [ProposedMember]
    /// Mean of the members' scores.
    public var score: Double

    public init(mentorID: Applicant.ID, members: [ProposedMember], score: Double) {
        self.mentorID = mentorID
        self.members = members
        self.score = score
    }
}

public struct ProposedMember: Sendable, Hashable {
    public var menteeID: Applicant.ID
    public var score: Double
    public var explanation: [ScoreContribution]
    /// The pair's features, kept for the labeled dataset the next semester trains on.
    public var features: [Double]
    public var locked: Bool

    public init(menteeID: Applicant.ID, score: Double, explanation: [ScoreContribution], features: [Double], locked: Bool) {
        self.menteeID = menteeID
        self.score = score
        self.explanation = explanation
        self.features = features
        self.locked = locked
    }
}

public struct UnmatchedMentee: Sendable, Hashable, Codable {
    public var applicantID: Applicant.ID
    public var email: String
    public var reason: String

    public init(applicantID: Applicant.ID, email: String, reason: String) {
        self.applicantID = applicantID
        self.email = email
        self.reason = reason
    }
}
