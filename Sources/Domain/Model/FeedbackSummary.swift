/// A semester's feedback at a glance, computed by the store with aggregate queries.
public struct FeedbackSummary: Sendable, Hashable, Codable {
    /// The worst groups listed under "needs attention"; a semester with more has bigger problems
    /// than a list can show.
    public static let attentionLimit = 50

    public struct RoleFigures: Sendable, Hashable, Codable {
        public var role: ApplicantRole
        public var count: Int
        public var averageRating: Double?

        public init(role: ApplicantRole, count: Int, averageRating: Double?) {
            self.role = role
            self.count = count
            self.averageRating = averageRating
        }
    }

    public struct TagCount: Sendable, Hashable, Codable {
        public var tag: String
        public var count: Int

        public init(tag: String, count: Int) {
            self.tag = tag
            self.count = count
        }
    }

    /// A group whose ratings call for a look: a low average or mentor and mentee far apart.
    public struct AttentionGroup: Sendable, Hashable, Codable {
        public var groupID: MatchGroup.ID
        public var mentorEmail: String
        public var averageRating: Double
        public var mentorRating: Int?
        public var lowestMenteeRating: Int?
        public var comments: [String]

        public init(groupID: MatchGroup.ID, mentorEmail: String, averageRating: Double, mentorRating: Int?, lowestMenteeRating: Int?, comments: [String]) {
            self.groupID = groupID
            self.mentorEmail = mentorEmail
            self.averageRating = averageRating
            self.mentorRating = mentorRating
            self.lowestMenteeRating = lowestMenteeRating
            self.comments = comments
        }
    }

    public struct TrendPoint: Sendable, Hashable, Codable {
        public var semesterID: Semester.ID
        public var semesterName: String
        public var averageRating: Double?
        public var responseRate: Double?

        public init(semesterID: Semester.ID, semesterName: String, averageRating: Double?, responseRate: Double?) {
            self.semesterID = semesterID
            self.semesterName = semesterName
            self.averageRating = averageRating
            self.responseRate = responseRate
        }
    }

    public var semesterID: Semester.ID
    public var total: Int
    /// People in the current groups.
    public var participants: Int
    /// Respondents ÷ participants; nil without groups.
    public var responseRate: Double?
    public var averageRating: Double?
    /// Counts for ratings 5, 4, 3, 2, 1, in that order.
    public var distribution: [Int]
    public var byRole: [RoleFigures]
    public var topTags: [TagCount]
    public var attention: [AttentionGroup]
    public var trend: [TrendPoint]

    public init(semesterID: Semester.ID, total: Int, participants: Int, responseRate: Double?, averageRating: Double?, distribution: [Int], byRole: [RoleFigures], topTags: [TagCount], attention: [AttentionGroup], trend: [TrendPoint]) {
        self.semesterID = semesterID
        self.total = total
        self.participants = participants
        self.responseRate = responseRate
        self.averageRating = averageRating
        self.distribution = distribution
        self.byRole = byRole
        self.topTags = topTags
        self.attention = attention
        self.trend = trend
    }
}

/// One (mentor, mentee) pair with feedback, as the labeled dataset exports it.
public struct LabeledPairRecord: Sendable, Hashable, Codable {
    public var groupID: MatchGroup.ID
    public var mentorEmail: String
    public var menteeEmail: String
    public var features: [String: Double]
    public var score: Double
    public var averageRating: Double
    public var feedbackCount: Int
    public var label: Int
    public var comments: [String]

    public init(groupID: MatchGroup.ID, mentorEmail: String, menteeEmail: String, features: [String: Double], score: Double, averageRating: Double, feedbackCount: Int, label: Int, comments: [String]) {
        self.groupID = groupID
        self.mentorEmail = mentorEmail
        self.menteeEmail = menteeEmail
        self.features = features
        self.score = score
        self.averageRating = averageRating
        self.feedbackCount = feedbackCount
        self.label = label
        self.comments = comments
    }

    /// The features in the model's order, for training.
    public var trainingPair: LabeledPair {
        LabeledPair(features: PairFeature.allCases.map { features[$0.rawValue] ?? 0 }, label: label)
    }
}
