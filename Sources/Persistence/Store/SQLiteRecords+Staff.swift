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

    func insertStaff(organizationID: Organization.ID, email: String, displayName: String, role: Role, at date: Date) throws -> Staff {
        try tx.execute("""
            INSERT INTO staff (organization_id, email, display_name, role, created_at) VALUES (?, ?, ?, ?, ?)
            """, organizationID, email, displayName, role.rawValue, StoredValue.timestamp(date))
        return Staff(id: tx.lastInsertRowID, organizationID: organizationID, email: email, displayName: displayName,
                     role: role, createdAt: date)
    }

    private static func staff(_ row: Row) throws -> Staff {
        Staff(id: row.int64(0), organizationID: row.int64(1), email: row.string(2), displayName: row.string(3),
              role: try StoredValue.enumeration(row.string(4), column: "staff.role"), isDisabled: row.bool(5),
              createdAt: try StoredValue.date(row.string(6), column: "staff.created_at"))
    }
}
