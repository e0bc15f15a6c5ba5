import Foundation

/// One line of the audit trail: who did what to what, and when. Refusals are recorded too.
public struct AuditEntry: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    /// Nil for events outside any organization (a failed sign-in for an unknown email).
    public var organizationID: Organization.ID?
    public var staffID: Staff.ID?
    public var staffEmail: String?
    /// Dotted verb, e.g. `semester.created`, `staff.role_changed`, `auth.sign_in_failed`.
    public var action: String
    public var targetType: String?
    public var targetID: String?
    public var details: [String: String]
    public var correlationID: String?
    public var createdAt: Date

    public init(id: ID = 0, organizationID: Organization.ID?, staffID: Staff.ID?, staffEmail: String?, action: String,
                targetType: String? = nil, targetID: String? = nil, details: [String: String] = [:],
                correlationID: String?, createdAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.staffID = staffID
        self.staffEmail = staffEmail
        self.action = action
        self.targetType = targetType
        self.targetID = targetID
        self.details = details
        self.correlationID = correlationID
        self.createdAt = createdAt
    }

    /// An entry for something `actor` did.
    public static func by(_ actor: Actor, _ action: String, target: (type: String, id: String)? = nil,
                          details: [String: String] = [:], at date: Date) -> AuditEntry {
        AuditEntry(organizationID: actor.organizationID, staffID: actor.staff.id, staffEmail: actor.staff.email,
                   action: action, targetType: target?.type, targetID: target?.id, details: details,
                   correlationID: actor.correlationID, createdAt: date)
    }
}
