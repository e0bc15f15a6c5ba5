/// Everything one matching run needs, read from the store before it starts.
public struct MatchingInput: Sendable {
    public var applicants: [Applicant]
    public var defaultCapacity: Int
    public var rules: MatchingRules
    /// Pairs staff fixed: always made.
    public var lockedPairs: [PairReference]
    /// Pairs staff ruled out: never made.
    public var forbiddenPairs: [PairReference]
    /// Labeled pairs from the organization's earlier semesters, for training.
    public var trainingExamples: [LabeledPair]

    public init(applicants: [Applicant], defaultCapacity: Int, rules: MatchingRules = .none,
                lockedPairs: [PairReference] = [], forbiddenPairs: [PairReference] = [],
                trainingExamples: [LabeledPair] = []) {
        self.applicants = applicants
        self.defaultCapacity = defaultCapacity
        self.rules = rules
        self.lockedPairs = lockedPairs
        self.forbiddenPairs = forbiddenPairs
        self.trainingExamples = trainingExamples
    }
}

public struct PairReference: Sendable, Hashable, Codable {
    public var mentorID: Applicant.ID
    public var menteeID: Applicant.ID

    public init(mentorID: Applicant.ID, menteeID: Applicant.ID) {
        self.mentorID = mentorID
        self.menteeID = menteeID
    }
}

/// One progress report: which step, how far within it, and a line for people.
public struct MatchingProgress: Sendable, Hashable {
    public var step: JobStatus
    public var done: Int
    public var total: Int
    public var message: String
}

/// Refusals that stop a run before it can produce anything useful.
public enum MatchingError: Error, Sendable, Hashable, CustomStringConvertible {
    case noMentors(setAside: Int)
    case noMentees
    case noCapacity
    case lockedOverCapacity(mentor: String, capacity: Int, locked: Int)
    case menteeLockedTwice(mentee: String)

    public var description: String {
        switch self {
        case let .noMentors(setAside):
            return "the semester has no mentors to match" + (setAside > 0 ? " (\(setAside) set aside)" : "")
        case .noMentees:
            return "the semester has no mentees to match"
        case .noCapacity:
            return "the mentors' total capacity is zero"
        case let .lockedOverCapacity(mentor, capacity, locked):
            return "\(locked) mentees are locked to \(mentor), whose capacity is \(capacity)"
        case let .menteeLockedTwice(mentee):
            return "\(mentee) is locked to more than one mentor"
        }
    }
}
