import Foundation

public enum ApplicantRole: String, Sendable, Hashable, Codable, CaseIterable {
    case mentor
    case mentee

    /// "Mentor", "MENTEE", … as spreadsheets write them.
    public init?(caseInsensitive text: String) {
        let match = ApplicantRole.allCases.first { role in
            role.rawValue.utf8.elementsEqual(text.utf8) { a, b in a == (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
        }
        guard let match else { return nil }
        self = match
    }
}

/// A column of the uploaded file that the console does not interpret, kept as the file said it.
public struct ExtraAttribute: Sendable, Hashable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A person who applied to a semester as a mentor or a mentee. List-like fields (interests,
/// availability, languages) keep the text the applicant wrote; the matching engine splits them.
public struct Applicant: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    public var semesterID: Semester.ID
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
    /// Mentees a mentor takes; nil means the semester's default. Always nil for mentees.
    public var capacity: Int?
    public var department: String
    public var extra: [ExtraAttribute]
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: ID, semesterID: Semester.ID, email: String, name: String, role: ApplicantRole, field: String = "",
                seniority: Double? = nil, interests: String = "", goals: String = "", bio: String = "",
                availability: String = "", languages: String = "", timezone: String = "", capacity: Int? = nil,
                department: String = "", extra: [ExtraAttribute] = [], createdAt: Date, updatedAt: Date) {
        self.id = id
        self.semesterID = semesterID
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
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
