import Foundation

/// Sign-in failures, the audit trail and quota counters.
public protocol SecurityReading {
    func signInState(email: String) throws -> SignInState?
    /// Newest first. `includeUnscoped` adds entries that belong to no organization.
    func auditEntries(organizationID: Organization.ID, includeUnscoped: Bool, since: Date?, limit: Int) throws -> [AuditEntry]
    /// Times of the staff member's counted uses of `kind` after `since`, oldest first.
    func quotaEventTimes(staffID: Staff.ID, kind: QuotaKind, since: Date) throws -> [Date]
    /// Matching jobs of the organization that are pending or running.
    func activeJobCount(organizationID: Organization.ID) throws -> Int
}

public protocol SecurityWriting {
    func saveSignInState(_ state: SignInState, email: String) throws
    func clearSignInState(email: String) throws
    func appendAudit(_ entry: AuditEntry) throws
    func recordQuotaEvent(kind: QuotaKind, staffID: Staff.ID, organizationID: Organization.ID, at: Date) throws
}
