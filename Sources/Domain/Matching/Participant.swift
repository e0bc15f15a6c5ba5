/// An applicant as the matching engine sees it after preprocessing: normalised text, list fields
/// split into items, capacity resolved.
public struct Participant: Sendable, Hashable {
    public var applicantID: Applicant.ID
    public var email: String
    public var name: String
    public var role: ApplicantRole
    /// Lower-cased, white space collapsed.
    public var field: String
    public var department: String
    public var seniority: Double?
    public var interests: [String]
    public var availability: [String]
    public var languages: [String]
    public var timezone: String
    /// Free text used for semantic similarity: interests and goals for mentees, interests and bio for mentors.
    public var profileText: String
    /// Mentees this mentor takes; 0 for mentees.
    public var capacity: Int
}

/// Why an applicant was set aside before matching.
public struct SetAside: Sendable, Hashable, Codable {
    public var applicantID: Applicant.ID
    public var email: String
    public var reason: String
}
