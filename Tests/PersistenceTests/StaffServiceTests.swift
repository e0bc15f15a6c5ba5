import Domain
import Foundation
import Testing
@testable import Persistence

@Suite("Staff and organizations")
struct StaffServiceTests {
    @Test("admins add staff with unique, case-insensitive emails; the new account can sign in")
    func add() throws {
        let f = try Fixture()
        let added = try f.staffService.add(email: " Bo@Northwind.org", displayName: "Bo", role: .coordinator,
                                           password: "bo-password-1", by: f.admin)
        #expect(added.email == "bo@northwind.org" && added.organizationID == f.admin.organizationID)
        #expect(try f.auth.signIn(email: "bo@northwind.org", password: "bo-password-1", correlationID: "c").staff == added)
        #expect(throws: DomainError.emailTaken("bo@northwind.org")) {
            try f.staffService.add(email: "BO@northwind.org", displayName: "Bo 2", role: .viewer, password: "bo-password-1", by: f.admin)
        }
        #expect(throws: DomainError.emailTaken("olga@contoso.com"), "emails are unique across organizations") {
            try f.staffService.add(email: "olga@contoso.com", displayName: "O", role: .viewer, password: "bo-password-1", by: f.admin)
        }
        #expect(throws: DomainError.invalidEmail("not an email")) {
            try f.staffService.add(email: "not an email", displayName: "X", role: .viewer, password: "bo-password-1", by: f.admin)
        }
        #expect(throws: DomainError.passwordTooShort(minimum: 10)) {
            try f.staffService.add(email: "c@northwind.org", displayName: "C", role: .viewer, password: "123456789", by: f.admin)
        }
        #expect(try f.staffService.list(by: f.admin).map(\.email) == ["ada@northwind.org", "bo@northwind.org", "cy@northwind.org", "vi@northwind.org"])
        #expect(try f.auditActions(f.admin) == ["staff.added"])
    }

    @Test("the last active admin cannot be demoted or disabled; with a second admin they can")
    func lastAdmin() throws {
        let f = try Fixture()
        let before = try f.snapshot()
        #expect(throws: DomainError.lastActiveAdmin(email: "ada@northwind.org")) {
            try f.staffService.setRole(email: "ada@northwind.org", to: .viewer, by: f.admin)
        }
        #expect(throws: DomainError.cannotDisableSelf) { try f.staffService.disable(email: "ada@northwind.org", by: f.admin) }
        #expect(try f.snapshot() == before)
        try f.staffService.setRole(email: "cy@northwind.org", to: .admin, by: f.admin)
        let cy = Actor(staff: try #require(try f.store.read { try $0.staff(email: "cy@northwind.org") }), correlationID: "c")
        try f.staffService.setRole(email: "ada@northwind.org", to: .coordinator, by: cy)
        #expect(throws: DomainError.lastActiveAdmin(email: "cy@northwind.org")) {
            try f.staffService.setRole(email: "cy@northwind.org", to: .viewer, by: cy)
        }
        #expect(try f.auditActions(f.admin).filter { $0 == "staff.role_changed" }.count == 2)
    }

    @Test("a disabled admin does not count as the other admin")
    func disabledAdminDoesNotCount() throws {
        let f = try Fixture()
        try f.staffService.setRole(email: "cy@northwind.org", to: .admin, by: f.admin)
        try f.staffService.disable(email: "cy@northwind.org", by: f.admin)
        #expect(throws: DomainError.lastActiveAdmin(email: "ada@northwind.org")) {
            try f.staffService.setRole(email: "ada@northwind.org", to: .viewer, by: f.admin)
        }
        try f.staffService.enable(email: "cy@northwind.org", by: f.admin)
        try f.staffService.setRole(email: "ada@northwind.org", to: .viewer, by: f.admin)
    }

    @Test("a password reset lifts the lock on the account")
    func resetLiftsLock() throws {
        let f = try Fixture()
        try f.setPasswords()
        for _ in 1...5 { _ = try? f.auth.signIn(email: "vi@northwind.org", password: "wrong-password", correlationID: "c") }
        #expect(throws: DomainError.accountLocked(minutesRemaining: 15)) {
            try f.auth.signIn(email: "vi@northwind.org", password: Fixture.password, correlationID: "c")
        }
        try f.staffService.resetPassword(email: "vi@northwind.org", newPassword: "brand-new-pw-1", by: f.admin)
        #expect(try f.auth.signIn(email: "vi@northwind.org", password: "brand-new-pw-1", correlationID: "c").staff == f.viewer.staff)
        #expect(throws: DomainError.invalidCredentials) {
            try f.auth.signIn(email: "vi@northwind.org", password: Fixture.password, correlationID: "c")
        }
    }

    @Test("operator admins create organizations whose data they cannot see")
    func organizations() throws {
        let f = try Fixture()
        let (organization, admin) = try f.organizations.create(name: "Fabrikam", adminEmail: "fay@fabrikam.com", adminName: "Fay",
                                                               adminPassword: "fabrikam-pw-1", by: f.admin)
        #expect(!organization.isOperator && admin.organizationID == organization.id && admin.role == .admin)
        let fay = Actor(staff: admin, correlationID: "c")
        let theirs = try f.semesters.create(Fixture.draft(), by: fay)
        #expect(throws: DomainError.self) { try f.semesters.get(theirs.id, by: f.admin) }
        #expect(try f.organizations.list(by: f.admin).map(\.organization.name) == ["Northwind Mentoring", "Contoso Careers", "Fabrikam"])
        #expect(throws: DomainError.operatorOnly) { try f.organizations.list(by: fay) }
        #expect(throws: DomainError.operatorOnly) {
            try f.organizations.create(name: "Evil", adminEmail: "e@x.org", adminName: "E", adminPassword: "evil-password", by: f.outsider)
        }
        #expect(throws: DomainError.organizationNameTaken("fabrikam")) {
            try f.organizations.create(name: "fabrikam", adminEmail: "g@x.org", adminName: "G", adminPassword: "fabrikam-pw-1", by: f.admin)
        }
        #expect(try f.auditActions(fay).first == "semester.created")
        #expect(try f.auditActions(fay).contains("organization.created"))
    }
}
