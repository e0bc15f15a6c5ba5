import Foundation

public protocol OrganizationReading {
    func organization(id: Organization.ID) throws -> Organization?
    func organizations() throws -> [Organization]
}

public protocol OrganizationWriting {
    func insertOrganization(name: String, isOperator: Bool, quotas: UsageQuotas, at: Date) throws -> Organization
}
