import Domain
import Foundation

extension SQLiteRecords: OrganizationReading, OrganizationWriting {
    private static let columns = """
        id, name, is_operator, quota_uploads_per_day, quota_jobs_per_day, quota_concurrent_jobs, created_at, embedder
        """

    func organization(id: Organization.ID) throws -> Organization? {
        try tx.queryFirst("SELECT \(Self.columns) FROM organizations WHERE id = ?", id, map: Self.organization)
    }

    func organization(named name: String) throws -> Organization? {
        try tx.queryFirst("SELECT \(Self.columns) FROM organizations WHERE name = ?", name, map: Self.organization)
    }

    func organizationCount() throws -> Int {
        try tx.queryFirst("SELECT count(*) FROM organizations") { $0.int(0) } ?? 0
    }

    func updateQuotas(_ quotas: UsageQuotas, organizationID: Organization.ID) throws {
        try tx.execute("""
            UPDATE organizations SET quota_uploads_per_day = ?, quota_jobs_per_day = ?, quota_concurrent_jobs = ?
            WHERE id = ?
            """, quotas.uploadsPerUserPerDay, quotas.jobsPerUserPerDay, quotas.concurrentJobsPerOrganization, organizationID)
    }

    func updateEmbedder(_ choice: EmbedderChoice, organizationID: Organization.ID) throws {
        try tx.execute("UPDATE organizations SET embedder = ? WHERE id = ?", choice.rawValue, organizationID)
    }

    func organizations() throws -> [Organization] {
        try tx.query("SELECT \(Self.columns) FROM organizations ORDER BY id", map: Self.organization)
    }

    func insertOrganization(name: String, isOperator: Bool, quotas: UsageQuotas, at date: Date) throws -> Organization {
        try tx.execute("""
            INSERT INTO organizations (name, is_operator, quota_uploads_per_day, quota_jobs_per_day,
                                       quota_concurrent_jobs, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, name, isOperator, quotas.uploadsPerUserPerDay, quotas.jobsPerUserPerDay,
            quotas.concurrentJobsPerOrganization, StoredValue.timestamp(date))
        return Organization(id: tx.lastInsertRowID, name: name, isOperator: isOperator, quotas: quotas, createdAt: date)
    }

    private static func organization(_ row: Row) throws -> Organization {
        Organization(
            id: row.int64(0), name: row.string(1), isOperator: row.bool(2),
            quotas: UsageQuotas(uploadsPerUserPerDay: row.int(3), jobsPerUserPerDay: row.int(4),
                                concurrentJobsPerOrganization: row.int(5)),
            embedder: try StoredValue.enumeration(row.string(7), column: "organizations.embedder"),
            createdAt: try StoredValue.date(row.string(6), column: "organizations.created_at"))
    }
}
