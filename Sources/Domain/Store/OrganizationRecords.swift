import Foundation

public protocol OrganizationReading {
    func organization(id: Organization.ID) throws -> Organization?
    /// Names compare case-insensitively.
    func organization(named name: String) throws -> Organization?
    func organizations() throws -> [Organization]
    func organizationCount() throws -> Int
}

public protocol OrganizationWriting {
    func insertOrganization(name: String, isOperator: Bool, quotas: UsageQuotas, at: Date) throws -> Organization
    func updateQuotas(_ quotas: UsageQuotas, organizationID: Organization.ID) throws
    func updateEmbedder(_ choice: EmbedderChoice, organizationID: Organization.ID) throws
}
