import Domain
import Foundation
import Testing
@testable import Persistence

/// Every service method, tried by an admin of another organization and by a viewer of the right
/// one: each must be refused ("not found" across tenants, "not permitted" by role) with the
/// database exactly as it was.
@Suite("Tenancy and roles across every service")
struct TenancyAndRoleTests {
    struct Attempt: Sendable {
        let name: String
        let expected: DomainError
        let run: @Sendable (Fixture, Semester) throws -> Void
    }

    static func notFound(_ semester: Semester) -> DomainError { .notFound(kind: "semester", reference: "#\(semester.id)") }
    static let staffNotFound = DomainError.notFound(kind: "staff member", reference: "cy@northwind.org")

    /// An admin of Contoso reaching into Northwind.
    static let crossTenant: [Attempt] = [
        Attempt(name: "semester get", expected: .notFound(kind: "semester", reference: "#1")) { f, s in _ = try f.semesters.get(s.id, by: f.outsider) },
        Attempt(name: "semester find by id", expected: .notFound(kind: "semester", reference: "\"1\"")) { f, s in _ = try f.semesters.find(String(s.id), by: f.outsider) },
        Attempt(name: "semester find by name", expected: .notFound(kind: "semester", reference: "\"Spring 2027\"")) { f, s in _ = try f.semesters.find(s.name, by: f.outsider) },
        Attempt(name: "semester update", expected: .notFound(kind: "semester", reference: "#1")) { f, s in try f.semesters.update(s.id, SemesterChanges(menteeQuota: 99), by: f.outsider) },
        Attempt(name: "semester status", expected: .notFound(kind: "semester", reference: "#1")) { f, s in try f.semesters.update(s.id, SemesterChanges(status: .closed), by: f.outsider) },
        Attempt(name: "semester stats", expected: .notFound(kind: "semester", reference: "#1")) { f, s in _ = try f.semesters.stats(s.id, by: f.outsider) },
        Attempt(name: "staff set-role", expected: staffNotFound) { f, _ in try f.staffService.setRole(email: "cy@northwind.org", to: .admin, by: f.outsider) },
        Attempt(name: "staff disable", expected: staffNotFound) { f, _ in try f.staffService.disable(email: "cy@northwind.org", by: f.outsider) },
        Attempt(name: "staff enable", expected: staffNotFound) { f, _ in try f.staffService.enable(email: "cy@northwind.org", by: f.outsider) },
        Attempt(name: "staff reset-password", expected: staffNotFound) { f, _ in try f.staffService.resetPassword(email: "cy@northwind.org", newPassword: "taken-over-1", by: f.outsider) },
        Attempt(name: "org create", expected: .operatorOnly) { f, _ in try f.organizations.create(name: "X", adminEmail: "x@x.org", adminName: "X", adminPassword: "long-password", by: f.outsider) },
        Attempt(name: "org list", expected: .operatorOnly) { f, _ in _ = try f.organizations.list(by: f.outsider) },
    ]

    /// A viewer of Northwind trying anything that changes data or reads admin-only data.
    static let viewer: [Attempt] = [
        Attempt(name: "semester create", expected: .notPermitted(role: .viewer, permission: .manageSemesters)) { f, _ in try f.semesters.create(Fixture.draft("New"), by: f.viewer) },
        Attempt(name: "semester update", expected: .notPermitted(role: .viewer, permission: .manageSemesters)) { f, s in try f.semesters.update(s.id, SemesterChanges(menteeQuota: 99), by: f.viewer) },
        Attempt(name: "semester status", expected: .notPermitted(role: .viewer, permission: .manageSemesters)) { f, s in try f.semesters.update(s.id, SemesterChanges(status: .open), by: f.viewer) },
        Attempt(name: "staff add", expected: .notPermitted(role: .viewer, permission: .manageStaff)) { f, _ in try f.staffService.add(email: "n@northwind.org", displayName: "N", role: .admin, password: "long-password", by: f.viewer) },
        Attempt(name: "staff list", expected: .notPermitted(role: .viewer, permission: .manageStaff)) { f, _ in _ = try f.staffService.list(by: f.viewer) },
        Attempt(name: "staff set-role", expected: .notPermitted(role: .viewer, permission: .manageStaff)) { f, _ in try f.staffService.setRole(email: "vi@northwind.org", to: .admin, by: f.viewer) },
        Attempt(name: "staff disable", expected: .notPermitted(role: .viewer, permission: .manageStaff)) { f, _ in try f.staffService.disable(email: "cy@northwind.org", by: f.viewer) },
        Attempt(name: "staff enable", expected: .notPermitted(role: .viewer, permission: .manageStaff)) { f, _ in try f.staffService.enable(email: "cy@northwind.org", by: f.viewer) },
        Attempt(name: "staff reset-password", expected: .notPermitted(role: .viewer, permission: .manageStaff)) { f, _ in try f.staffService.resetPassword(email: "ada@northwind.org", newPassword: "taken-over-1", by: f.viewer) },
        Attempt(name: "org create", expected: .notPermitted(role: .viewer, permission: .manageOrganization)) { f, _ in try f.organizations.create(name: "X", adminEmail: "x@x.org", adminName: "X", adminPassword: "long-password", by: f.viewer) },
        Attempt(name: "org list", expected: .notPermitted(role: .viewer, permission: .manageOrganization)) { f, _ in _ = try f.organizations.list(by: f.viewer) },
        Attempt(name: "quota set", expected: .notPermitted(role: .viewer, permission: .manageOrganization)) { f, _ in try f.quotas.setLimits(.defaults, by: f.viewer) },
        Attempt(name: "audit list", expected: .notPermitted(role: .viewer, permission: .viewAuditLog)) { f, _ in _ = try f.audit.list(by: f.viewer) },
    ]

    @Test("an admin of another organization is refused by every method, and nothing changes")
    func crossTenantRefusals() throws {
        try check(Self.crossTenant)
    }

    @Test("a viewer is refused every change and every admin-only read, and nothing changes")
    func viewerRefusals() throws {
        try check(Self.viewer)
    }

    @Test("listings never include another organization's rows")
    func listingsAreScoped() throws {
        let f = try Fixture()
        try f.semesters.create(Fixture.draft(), by: f.admin)
        try f.semesters.create(Fixture.draft("Contoso only"), by: f.outsider)
        #expect(try f.semesters.list(by: f.outsider).items.map(\.name) == ["Contoso only"])
        #expect(try f.staffService.list(by: f.outsider).map(\.email) == ["olga@contoso.com"])
        #expect(try f.audit.list(by: f.outsider).allSatisfy { $0.organizationID == f.outsider.organizationID })
        try f.quotas.setLimits(UsageQuotas(uploadsPerUserPerDay: 1, jobsPerUserPerDay: 1, concurrentJobsPerOrganization: 1), by: f.outsider)
        #expect(try f.quotas.usage(by: f.admin).map(\.limit) == [10, 5, 5])
    }

    private func check(_ attempts: [Attempt]) throws {
        for attempt in attempts {
            let f = try Fixture()
            let semester = try f.semesters.create(Fixture.draft(), by: f.admin)
            let before = try f.snapshot()
            #expect(throws: attempt.expected, "\(attempt.name)") { try attempt.run(f, semester) }
            #expect(try f.snapshot() == before, "\(attempt.name) changed the database")
        }
    }
}
