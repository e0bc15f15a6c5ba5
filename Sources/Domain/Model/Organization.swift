import Foundation

/// A tenant: a mentoring program whose data no other organization can see.
public struct Organization: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Int64

    public var id: ID
    public var name: String
    /// The installation's operator organization may create further organizations.
    public var isOperator: Bool
    public var quotas: UsageQuotas
    /// Which embedder the organization's matching jobs use.
    public var embedder: EmbedderChoice
    public var createdAt: Date

    public init(id: ID, name: String, isOperator: Bool, quotas: UsageQuotas = .defaults, embedder: EmbedderChoice = .automatic,
                createdAt: Date) {
        self.id = id
        self.name = name
        self.isOperator = isOperator
        self.quotas = quotas
        self.embedder = embedder
        self.createdAt = createdAt
    }
}

/// Limits that stop one user or one organization from monopolising the machine.
public struct UsageQuotas: Sendable, Hashable, Codable {
    public var uploadsPerUserPerDay: Int
    public var jobsPerUserPerDay: Int
    public var concurrentJobsPerOrganization: Int

    public static let defaults = UsageQuotas(uploadsPerUserPerDay: 10, jobsPerUserPerDay: 5, concurrentJobsPerOrganization: 5)

    public init(uploadsPerUserPerDay: Int, jobsPerUserPerDay: Int, concurrentJobsPerOrganization: Int) {
        self.uploadsPerUserPerDay = uploadsPerUserPerDay
        self.jobsPerUserPerDay = jobsPerUserPerDay
        self.concurrentJobsPerOrganization = concurrentJobsPerOrganization
    }
}
