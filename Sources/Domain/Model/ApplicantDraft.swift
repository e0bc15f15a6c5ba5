/// One applicant as read from an uploaded row, validated and normalised, before it is stored.
public struct ApplicantDraft: Sendable, Hashable, Codable {
    public var line: Int
    public var email: String
    public var name: String
    public var role: ApplicantRole
    public var field: String
    public var seniority: Double?
    public var interests: String
    public var goals: String
    public var bio: String
    public var availability: String
    public var languages: String
    public var timezone: String
    public var capacity: Int?
    public var department: String
    public var extra: [ExtraAttribute]

    public init(line: Int, email: String, name: String, role: ApplicantRole, field: String = "", seniority: Double? = nil,
                interests: String = "", goals: String = "", bio: String = "", availability: String = "",
                languages: String = "", timezone: String = "", capacity: Int? = nil, department: String = "",
                extra: [ExtraAttribute] = []) {
        self.line = line
        self.email = email
        self.name = name
        self.role = role
        self.field = field
        self.seniority = seniority
        self.interests = interests
        self.goals = goals
        self.bio = bio
        self.availability = availability
        self.languages = languages
        self.timezone = timezone
        self.capacity = capacity
        self.department = department
        self.extra = extra
    }
}

/// A problem with one row (or one cell) of an uploaded file.
public struct RowError: Sendable, Hashable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: String?
    public var message: String

    public init(line: Int, column: String?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line 17, column "email": "bob@" is not an email address`; a problem of the whole file
    /// (line 0, e.g. a quota the import would exceed) is its message alone.
    public var description: String {
        guard line > 0 else { return message }
        return "line \(line)" + (column.map { ", column \"\($0)\"" } ?? "") + ": " + message
    }
}
