/// An applicant as a list of thousands shows them: who, which role, and the few fields a table
/// has columns for. The whole record is read when one is opened.
public struct ApplicantSummary: Sendable, Hashable {
    public var id: Applicant.ID
    public var email: String
    public var name: String
    public var role: ApplicantRole
    public var field: String
    public var seniority: Double?
    public var capacity: Int?
    public var interests: String

    public init(id: Applicant.ID, email: String, name: String, role: ApplicantRole, field: String, seniority: Double?,
                capacity: Int?, interests: String) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.field = field
        self.seniority = seniority
        self.capacity = capacity
        self.interests = interests
    }
}
