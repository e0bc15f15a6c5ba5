import Foundation

/// Reading the audit trail, and recording refusals that no service recorded itself.
public struct AuditService {
    public static let defaultLimit = 100

    private let store: any Store
    private let now: @Sendable () -> Date

    public init(store: any Store, now: @escaping @Sendable () -> Date = { UTCTimestamp.now() }) {
        self.store = store
        self.now = now
    }

    /// Newest first. Operator admins also see events that belong to no organization.
    public func list(since: Date? = nil, limit: Int = AuditService.defaultLimit, by actor: Actor) throws -> [AuditEntry] {
        try PermissionChecker.require(.viewAuditLog, actor.staff)
        guard (1...10_000).contains(limit) else { throw DomainError.invalidPage("limit must be between 1 and 10000 (got \(limit))") }
        return try store.read { tx in
            let isOperator = try tx.organization(id: actor.organizationID)?.isOperator ?? false
            return try tx.auditEntries(organizationID: actor.organizationID, includeUnscoped: isOperator, since: since, limit: limit)
        }
    }

    /// Records that `action` was refused, with the reason, in its own transaction (the refused
    /// action's transaction, if any, was rolled back).
    public func recordRefusal(_ action: String, reason: DomainError, by actor: Actor) throws {
        try store.write { tx in
            try tx.appendAudit(.by(actor, action + ".refused", details: ["reason": reason.description], at: now()))
        }
    }
}
