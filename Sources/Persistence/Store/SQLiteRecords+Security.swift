import Domain
import Foundation

extension SQLiteRecords: SecurityReading, SecurityWriting {
    func signInState(email: String) throws -> SignInState? {
        try tx.queryFirst("SELECT failures, last_failure_at, locked_until FROM sign_in_failures WHERE email = ?", email) { row in
            SignInState(failures: row.int(0),
                        lastFailureAt: try StoredValue.date(row.string(1), column: "sign_in_failures.last_failure_at"),
                        lockedUntil: try StoredValue.optionalDate(row.optionalString(2), column: "sign_in_failures.locked_until"))
        }
    }

    func saveSignInState(_ state: SignInState, email: String) throws {
        try tx.execute("""
            INSERT INTO sign_in_failures (email, failures, last_failure_at, locked_until) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (email) DO UPDATE SET failures = ?2, last_failure_at = ?3, locked_until = ?4
            """, email, state.failures, StoredValue.timestamp(state.lastFailureAt), state.lockedUntil.map(StoredValue.timestamp))
    }

    func clearSignInState(email: String) throws {
        try tx.execute("DELETE FROM sign_in_failures WHERE email = ?", email)
    }

    func auditEntries(organizationID: Organization.ID, includeUnscoped: Bool, since: Date?, limit: Int) throws -> [AuditEntry] {
        try tx.query("""
            SELECT id, organization_id, staff_id, staff_email, action, target_type, target_id, details, correlation_id, created_at
            FROM audit_log
            WHERE (organization_id = ?1 OR (?2 AND organization_id IS NULL)) AND (?3 IS NULL OR created_at >= ?3)
            ORDER BY created_at DESC, id DESC LIMIT ?4
            """, organizationID, includeUnscoped, since.map(StoredValue.timestamp), limit) { row in
            AuditEntry(id: row.int64(0), organizationID: row.optionalInt64(1), staffID: row.optionalInt64(2),
                       staffEmail: row.optionalString(3), action: row.string(4), targetType: row.optionalString(5),
                       targetID: row.optionalString(6),
                       details: try StoredValue.decodeJSON([String: String].self, row.string(7), column: "audit_log.details"),
                       correlationID: row.optionalString(8),
                       createdAt: try StoredValue.date(row.string(9), column: "audit_log.created_at"))
        }
    }

    func appendAudit(_ entry: AuditEntry) throws {
        try tx.execute("""
            INSERT INTO audit_log (organization_id, staff_id, staff_email, action, target_type, target_id, details,
                                   correlation_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, entry.organizationID, entry.staffID, entry.staffEmail, entry.action, entry.targetType, entry.targetID,
            try StoredValue.json(entry.details), entry.correlationID, StoredValue.timestamp(entry.createdAt))
    }

    func quotaEventTimes(staffID: Staff.ID, kind: QuotaKind, since: Date) throws -> [Date] {
        try tx.query("""
            SELECT created_at FROM quota_events WHERE staff_id = ? AND kind = ? AND created_at > ? ORDER BY created_at
            """, staffID, kind.rawValue, StoredValue.timestamp(since)) { row in
            try StoredValue.date(row.string(0), column: "quota_events.created_at")
        }
    }

    func activeJobCount(organizationID: Organization.ID) throws -> Int {
        try tx.queryFirst("""
            SELECT count(*) FROM matching_jobs
            WHERE organization_id = ? AND status IN ('pending', 'preprocessing', 'embedding', 'training', 'matching')
            """, organizationID) { $0.int(0) } ?? 0
    }

    func recordQuotaEvent(kind: QuotaKind, staffID: Staff.ID, organizationID: Organization.ID, at date: Date) throws {
        try tx.execute("INSERT INTO quota_events (organization_id, staff_id, kind, created_at) VALUES (?, ?, ?, ?)",
                       organizationID, staffID, kind.rawValue, StoredValue.timestamp(date))
    }
}
