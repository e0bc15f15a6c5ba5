import Foundation

/// One round of a mentoring program: who applied, how they were matched, how it went.
public struct Semester: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    public var organizationID: Organization.ID
    public var name: String
    public var startDate: CalendarDate
    public var endDate: CalendarDate
    public var mentorQuota: Int
    public var menteeQuota: Int
    /// Capacity given to mentors whose application does not state one.
    public var defaultMenteesPerMentor: Int
    public var rules: MatchingRules
    public var status: SemesterStatus
    public var createdBy: Staff.ID?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: ID, organizationID: Organization.ID, name: String, startDate: CalendarDate, endDate: CalendarDate,
                mentorQuota: Int, menteeQuota: Int, defaultMenteesPerMentor: Int, rules: MatchingRules,
                status: SemesterStatus, createdBy: Staff.ID?, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.startDate = startDate
        self.endDate = endDate
        self.mentorQuota = mentorQuota
        self.menteeQuota = menteeQuota
        self.defaultMenteesPerMentor = defaultMenteesPerMentor
        self.rules = rules
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The fields staff choose, as one value so creation and editing validate the same way.
    public var draft: SemesterDraft {
        SemesterDraft(name: name, startDate: startDate, endDate: endDate, mentorQuota: mentorQuota,
                      menteeQuota: menteeQuota, defaultMenteesPerMentor: defaultMenteesPerMentor, rules: rules)
    }
}

/// What staff type in to create a semester (or the result of applying a `SemesterChanges`).
public struct SemesterDraft: Sendable, Hashable, Codable {
    public static let maximumNameLength = 200
    public static let menteesPerMentorRange = 1...20
    public static let defaultMenteesPerMentor = 3

    public var name: String
    public var startDate: CalendarDate
    public var endDate: CalendarDate
    public var mentorQuota: Int
    public var menteeQuota: Int
    public var defaultMenteesPerMentor: Int
    public var rules: MatchingRules

    public init(name: String, startDate: CalendarDate, endDate: CalendarDate, mentorQuota: Int, menteeQuota: Int,
                defaultMenteesPerMentor: Int = SemesterDraft.defaultMenteesPerMentor, rules: MatchingRules = .none) {
        self.name = name
        self.startDate = startDate
        self.endDate = endDate
        self.mentorQuota = mentorQuota
        self.menteeQuota = menteeQuota
        self.defaultMenteesPerMentor = defaultMenteesPerMentor
        self.rules = rules
    }
}

/// A partial edit: nil leaves a field as it is.
public struct SemesterChanges: Sendable, Hashable {
    public var name: String?
    public var startDate: CalendarDate?
    public var endDate: CalendarDate?
    public var mentorQuota: Int?
    public var menteeQuota: Int?
    public var defaultMenteesPerMentor: Int?
    public var rules: MatchingRules?
    public var status: SemesterStatus?

    public init(name: String? = nil, startDate: CalendarDate? = nil, endDate: CalendarDate? = nil,
                mentorQuota: Int? = nil, menteeQuota: Int? = nil, defaultMenteesPerMentor: Int? = nil,
                rules: MatchingRules? = nil, status: SemesterStatus? = nil) {
        self.name = name
        self.startDate = startDate
        self.endDate = endDate
        self.mentorQuota = mentorQuota
        self.menteeQuota = menteeQuota
        self.defaultMenteesPerMentor = defaultMenteesPerMentor
        self.rules = rules
        self.status = status
    }

    public var isEmpty: Bool {
        name == nil && startDate == nil && endDate == nil && mentorQuota == nil && menteeQuota == nil
            && defaultMenteesPerMentor == nil && rules == nil && status == nil
    }

    public func applied(to draft: SemesterDraft) -> SemesterDraft {
        var result = draft
        if let name { result.name = name }
        if let startDate { result.startDate = startDate }
        if let endDate { result.endDate = endDate }
        if let mentorQuota { result.mentorQuota = mentorQuota }
        if let menteeQuota { result.menteeQuota = menteeQuota }
        if let defaultMenteesPerMentor { result.defaultMenteesPerMentor = defaultMenteesPerMentor }
        if let rules { result.rules = rules }
        return result
    }
}
