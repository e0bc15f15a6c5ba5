import Foundation

/// A person who signs in to the console; belongs to exactly one organization.
public struct Staff: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    public var organizationID: Organization.ID
    public var email: String
    public var displayName: String
    public var role: Role
    public var isDisabled: Bool
    public var createdAt: Date

    public init(id: ID, organizationID: Organization.ID, email: String, displayName: String, role: Role, isDisabled: Bool = false, createdAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.email = email
        self.displayName = displayName
        self.role = role
        self.isDisabled = isDisabled
        self.createdAt = createdAt
    }
}
