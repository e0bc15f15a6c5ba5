import Foundation

public protocol StaffReading {
    func staff(id: Staff.ID) throws -> Staff?
    /// Emails compare case-insensitively.
    func staff(email: String) throws -> Staff?
}

public protocol StaffWriting {
    func insertStaff(organizationID: Organization.ID, email: String, displayName: String, role: Role, at: Date) throws -> Staff
}
