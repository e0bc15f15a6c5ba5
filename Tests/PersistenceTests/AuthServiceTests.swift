import Domain
import Foundation
import Testing
@testable import Persistence

@Suite("Sign-in and set-up")
struct AuthServiceTests {
    @Test("init creates the operator organization and its admin once, then refuses")
    func initialize() throws {
        let database = TemporaryDatabase()
        let store = try database.store()
        let fixtureHasher = try Fixture().hasher
        let auth = AuthService(store: store, hasher: fixtureHasher)
        #expect(try !auth.isInitialized())
        #expect(throws: DomainError.notInitialized) { try auth.signIn(email: "a@x.org", password: "whatever12", correlationID: "c") }
        #expect(throws: DomainError.passwordTooShort(minimum: 10)) {
            try auth.initialize(organizationName: "Northwind", adminEmail: "ada@x.org", adminName: "Ada", password: "short", correlationID: "c")
        }
        #expect(throws: DomainError.invalidEmail("ada@")) {
            try auth.initialize(organizationName: "Northwind", adminEmail: "ada@", adminName: "Ada", password: "long enough pw", correlationID: "c")
        }
        #expect(try !auth.isInitialized(), "refused set-ups leave nothing behind")
        let admin = try auth.initialize(organizationName: " Northwind ", adminEmail: " Ada@X.org ", adminName: "Ada",
                                        password: "long enough pw", correlationID: "c1")
        #expect(admin.staff.email == "ada@x.org" && admin.staff.role == .admin)
        #expect(try store.read { try $0.organization(id: admin.organizationID) }?.isOperator == true)
        #expect(throws: DomainError.alreadyInitialized) {
            try auth.initialize(organizationName: "Other", adminEmail: "b@x.org", adminName: "B", password: "long enough pw", correlationID: "c")
        }
        #expect(try auth.signIn(email: "ADA@x.org", password: "long enough pw", correlationID: "c2").staff == admin.staff)
    }

    @Test("a wrong password and an unknown email get the same refusal")
    func sameRefusal() throws {
        let f = try Fixture()
        try f.setPasswords()
        #expect(throws: DomainError.invalidCredentials) { try f.auth.signIn(email: "ada@northwind.org", password: "nope-nope-nope", correlationID: "c") }
        #expect(throws: DomainError.invalidCredentials) { try f.auth.signIn(email: "ghost@northwind.org", password: "nope-nope-nope", correlationID: "c") }
        #expect(try f.auth.signIn(email: "ada@northwind.org", password: Fixture.password, correlationID: "c").staff == f.admin.staff)
    }

    @Test("five failures lock the email for 15 minutes, persisted; the right password does not help meanwhile")
    func lockout() throws {
        let f = try Fixture()
        try f.setPasswords()
        for _ in 1...4 {
            #expect(throws: DomainError.invalidCredentials) { try f.auth.signIn(email: "cy@northwind.org", password: "wrong-password", correlationID: "c") }
            f.now += 10
        }
        #expect(throws: DomainError.invalidCredentials) { try f.auth.signIn(email: "cy@northwind.org", password: "wrong-password", correlationID: "c") }
        // A new service over a new connection: the lock lives in the database, not in memory.
        let reopened = AuthService(store: try f.database.store(), hasher: f.hasher, now: { [clock = f.clock] in clock.now })
        #expect(throws: DomainError.accountLocked(minutesRemaining: 15)) {
            try reopened.signIn(email: "cy@northwind.org", password: Fixture.password, correlationID: "c")
        }
        f.now += 14 * 60 + 1
        #expect(throws: DomainError.accountLocked(minutesRemaining: 1)) {
            try reopened.signIn(email: "CY@northwind.org", password: Fixture.password, correlationID: "c")
        }
        f.now += 60
        #expect(try reopened.signIn(email: "cy@northwind.org", password: Fixture.password, correlationID: "c").staff == f.coordinator.staff)
        // Success clears the count: four new failures do not lock.
        for _ in 1...4 {
            #expect(throws: DomainError.invalidCredentials) { try f.auth.signIn(email: "cy@northwind.org", password: "wrong-password", correlationID: "c") }
        }
        #expect(try f.auth.signIn(email: "cy@northwind.org", password: Fixture.password, correlationID: "c").staff == f.coordinator.staff)
        let actions = try f.auditActions(f.coordinator)
        #expect(actions.filter { $0 == "auth.sign_in_failed" }.count == 8)
        #expect(actions.filter { $0 == "auth.locked" }.count == 1)
    }

    @Test("unknown emails lock exactly like real ones, so a lock reveals nothing")
    func unknownEmailLocks() throws {
        let f = try Fixture()
        for _ in 1...5 {
            #expect(throws: DomainError.invalidCredentials) { try f.auth.signIn(email: "ghost@x.org", password: "wrong-password", correlationID: "c") }
        }
        #expect(throws: DomainError.accountLocked(minutesRemaining: 15)) {
            try f.auth.signIn(email: "ghost@x.org", password: "wrong-password", correlationID: "c")
        }
    }

    @Test("failures spread over more than the lock window do not add up")
    func staleFailures() throws {
        let f = try Fixture()
        try f.setPasswords()
        for _ in 1...10 {
            #expect(throws: DomainError.invalidCredentials) { try f.auth.signIn(email: "vi@northwind.org", password: "wrong-password", correlationID: "c") }
            f.now += 16 * 60
        }
        #expect(try f.auth.signIn(email: "vi@northwind.org", password: Fixture.password, correlationID: "c").staff == f.viewer.staff)
    }

    @Test("a disabled account is refused even with the right password, and the refusal is audited")
    func disabled() throws {
        let f = try Fixture()
        try f.setPasswords()
        try f.staffService.disable(email: "vi@northwind.org", by: f.admin)
        #expect(throws: DomainError.accountDisabled(email: "vi@northwind.org")) {
            try f.auth.signIn(email: "vi@northwind.org", password: Fixture.password, correlationID: "c")
        }
        #expect(try f.auditActions(f.admin).contains("auth.sign_in_refused"))
        #expect(throws: DomainError.invalidCredentials) { try f.auth.signIn(email: "vi@northwind.org", password: "wrong-password", correlationID: "c") }
    }

    @Test("the lock state machine", arguments: [(4, false), (5, true), (6, true)])
    func signInState(failures: Int, locked: Bool) {
        let start = Date(timeIntervalSince1970: 0)
        var state = SignInState.first(at: start)
        for index in 1..<failures { state = state.addingFailure(at: start + Double(index)) }
        #expect(state.failures == failures)
        #expect(state.isLocked(at: start + Double(failures)) == locked)
        #expect(!state.isLocked(at: start + Double(failures) + SignInState.lockDuration))
    }
}
