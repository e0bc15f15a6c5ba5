import Domain
import Foundation

extension SQLiteRecords: StaffReading, StaffWriting {
    private static let columns = "id, organization_id, email, display_name, role, is_disabled, created_at"

    func staff(id: Staff.ID) throws -> Staff? {
        try tx.queryFirst("SELECT \(Self.columns) FROM staff WHERE id = ?", id, map: Self.staff)
    }

    func staff(email: String) throws -> Staff? {
        try tx.queryFirst("SELECT \(Self.columns) FROM staff WHERE email = ?", email, map: Self.staff)
    }

    func staffMembers(organizationID: Organization.ID) throws -> [Staff] {
        try tx.query("SELECT \(Self.columns) FROM staff WHERE organization_id = ? ORDER BY email", organizationID, map: Self.staff)
    }

    func credential(staffID: Staff.ID) throws -> PasswordCredential? {
        try tx.queryFirst("""
            SELECT password_hash, password_salt, password_iterations FROM staff
            WHERE id = ? AND password_hash IS NOT NULL
            """, staffID) { row in
            PasswordCredential(hash: row.blob(0), salt: row.blob(1), iterations: row.int(2))
        }
    }

    func activeAdminCount(organizationID: Organization.ID) throws -> Int {
        try tx.queryFirst("""
            SELECT count(*) FROM staff WHERE organization_id = ? AND role = 'admin' AND is_disabled = 0
            """, organizationID) { $0.int(0) } ?? 0
    }

    func insertStaff(organizationID: Organization.ID, email: String, displayName: String, role: Role, at date: Date) throws -> Staff {
        try tx.execute("""
            INSERT INTO staff (organization_id, email, display_name, role, created_at) VALUES (?, ?, ?, ?, ?)
            """, organizationID, email, displayName, role.rawValue, StoredValue.timestamp(date))
        return Staff(id: tx.lastInsertRowID, organizationID: organizationID, email: email, displayName: displayName,
                     role: role, createdAt: date)
    }

    func updateStaff(_ staff: Staff) throws {
        try tx.execute("""
            UPDATE staff SET display_name = ?, role = ?, is_disabled = ? WHERE id = ? AND organization_id = ?
            """, staff.displayName, staff.role.rawValue, staff.isDisabled, staff.id, staff.organizationID)
    }

    func setCredential(_ credential: PasswordCredential, staffID: Staff.ID) throws {
        try tx.execute("UPDATE staff SET password_hash = ?, password_salt = ?, password_iterations = ? WHERE id = ?",
                       credential.hash, credential.salt, credential.iterations, staffID)
    }

    private static func staff(_ row: Row) throws -> Staff {
        Staff(id: row.int64(0), organizationID: row.int64(1), email: row.string(2), displayName: row.string(3),
              role: try StoredValue.enumeration(row.string(4), column: "staff.role"), isDisabled: row.bool(5),
              createdAt: try StoredValue.date(row.string(6), column: "staff.created_at"))
    }
}
