/// What a staff member may do is decided by their role alone; `Role.permissions` is the only table of it.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case admin
    case coordinator
    case viewer

    public var permissions: Set<Permission> {
        switch self {
        case .admin:
            return Set(Permission.allCases)
        case .coordinator:
            return [.viewData, .manageSemesters, .uploadApplicants, .runMatching, .manageFeedback]
        case .viewer:
            return [.viewData]
        }
    }

    public func allows(_ permission: Permission) -> Bool {
        permissions.contains(permission)
    }
}

public enum Permission: String, Sendable, Hashable, Codable, CaseIterable {
    case viewData
    case manageSemesters
    case uploadApplicants
    case runMatching
    case manageFeedback
    case export
    case manageStaff
    case viewAuditLog
    case manageOrganization

    /// Words for refusals: "your role (viewer) may not <description>".
    public var description: String {
        switch self {
        case .viewData: return "view this organization's data"
        case .manageSemesters: return "create or change semesters"
        case .uploadApplicants: return "upload or remove applicants"
        case .runMatching: return "run or change matching"
        case .manageFeedback: return "submit or import feedback"
        case .export: return "export data"
        case .manageStaff: return "manage staff accounts"
        case .viewAuditLog: return "read the audit log"
        case .manageOrganization: return "change organization settings such as quotas"
        }
    }
}
