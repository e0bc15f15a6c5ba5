/// Numbers for a semester's overview; zero or nil where no data exists yet.
public struct SemesterStats: Sendable, Hashable, Codable {
    public var semesterID: Semester.ID
    public var mentors: Int
    public var mentorQuota: Int
    public var mentees: Int
    public var menteeQuota: Int
    /// Sum of mentor capacities (stated or the semester default).
    public var mentorCapacity: Int
    public var matchedMentees: Int
    public var groups: Int
    /// Mean of the current groups' scores; nil before any matching.
    public var averageCompatibility: Double?
    public var feedbackCount: Int
    /// Mean rating of the feedback; nil before any feedback.
    public var averageRating: Double?

    public init(semesterID: Semester.ID, mentors: Int, mentorQuota: Int, mentees: Int, menteeQuota: Int,
                mentorCapacity: Int, matchedMentees: Int, groups: Int, averageCompatibility: Double?,
                feedbackCount: Int, averageRating: Double?) {
        self.semesterID = semesterID
        self.mentors = mentors
        self.mentorQuota = mentorQuota
        self.mentees = mentees
        self.menteeQuota = menteeQuota
        self.mentorCapacity = mentorCapacity
        self.matchedMentees = matchedMentees
        self.groups = groups
        self.averageCompatibility = averageCompatibility
        self.feedbackCount = feedbackCount
        self.averageRating = averageRating
    }

    public var unmatchedMentees: Int { max(0, mentees - matchedMentees) }

    /// Absent figures are written as explicit nulls, so scripts see every key every time.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(semesterID, forKey: .semesterID)
        try container.encode(mentors, forKey: .mentors)
        try container.encode(mentorQuota, forKey: .mentorQuota)
        try container.encode(mentees, forKey: .mentees)
        try container.encode(menteeQuota, forKey: .menteeQuota)
        try container.encode(mentorCapacity, forKey: .mentorCapacity)
        try container.encode(matchedMentees, forKey: .matchedMentees)
        try container.encode(groups, forKey: .groups)
        try container.encode(averageCompatibility, forKey: .averageCompatibility)
        try container.encode(feedbackCount, forKey: .feedbackCount)
        try container.encode(averageRating, forKey: .averageRating)
    }
}
