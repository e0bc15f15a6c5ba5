import Domain
import Foundation

/// Until staff accounts and sign-in exist, every command acts as this administrator of a default
/// organization, created on first use. This is the only place that decides who is acting; the
/// sign-in work replaces it.
enum BuiltInAdministrator {
    static let email = "admin@localhost"
    static let organizationName = "Default organization"

    static func resolve(in store: any Store, now: Date = Date()) throws -> Staff {
        try store.write { tx in
            if let staff = try tx.staff(email: email) { return staff }
            let organization = try tx.organizations().first
                ?? tx.insertOrganization(name: organizationName, isOperator: true, quotas: .defaults, at: now)
            return try tx.insertStaff(organizationID: organization.id, email: email, displayName: "Administrator",
                                      role: .admin, at: now)
        }
    }
}
