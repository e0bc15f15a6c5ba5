import Foundation

public protocol StaffReading {
    func staff(id: Staff.ID) throws -> Staff?
    /// Emails compare case-insensitively.
    func staff(email: String) throws -> Staff?
    func staffMembers(organizationID: Organization.ID) throws -> [Staff]
    func credential(staffID: Staff.ID) throws -> PasswordCredential?
    /// Admins of the organization whose accounts are enabled.
    func activeAdminCount(organizationID: Organization.ID) throws -> Int
}

public protocol StaffWriting {
    func insertStaff(organizationID: Organization.ID, email: String, displayName: String, role: Role, at: Date) throws -> Staff
    func updateStaff(_ staff: Staff) throws
    func setCredential(_ credential: PasswordCredential, staffID: Staff.ID) throws
}
