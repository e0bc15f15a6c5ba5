import Credentials
import Domain
import Foundation
import Persistence

/// The composition root for one command: opens the database when first needed, signs the user
/// in when the command first needs to know who is acting, and builds the services over both.
final class CommandContext {
    let output: Output
    let databasePath: String
    let environment: [String: String]
    let log: any EventLog
    /// One per command run: every log line and audit row of this action carries it.
    let correlationID = CorrelationID.make()
    let hasher: any PasswordHasher = PBKDF2PasswordHasher()
    let userEmail: String?
    private let commandPath: [String]
    private var openedStore: SQLiteStore?
    private(set) var signedIn: Actor?

    init(output: Output, databasePath: String, environment: [String: String], userEmail: String?,
         commandPath: [String], log: any EventLog) {
        self.output = output
        self.databasePath = databasePath
        self.environment = environment
        self.userEmail = userEmail ?? environment["MATCH_CONSOLE_USER"]
        self.commandPath = commandPath
        self.log = log
    }

    func store() throws -> SQLiteStore {
        if let openedStore { return openedStore }
        let store = try SQLiteStore(path: databasePath)
        openedStore = store
        // A job whose process is gone is marked interrupted before anyone reads it as running.
        try MatchingService(store: store).recoverInterrupted { pid in kill(pid, 0) == 0 || errno == EPERM }
        return store
    }

    /// The signed-in staff member; signs in on first use with `--user` and the password.
    func actor() throws -> Actor {
        if let signedIn { return signedIn }
        guard let email = userEmail, !email.isEmpty else {
            throw UsageError("sign in with --user EMAIL (or set MATCH_CONSOLE_USER)", command: commandPath)
        }
        let auth = authService(try store())
        guard try auth.isInitialized() else { throw DomainError.notInitialized }
        let password = try PasswordInput(environment: environment).signInPassword(for: email)
        let actor = try auth.signIn(email: email, password: password, correlationID: correlationID)
        signedIn = actor
        return actor
    }

    /// Records the actor of a command that created its own account (`init`).
    func adopt(_ actor: Actor) {
        signedIn = actor
    }

    var passwords: PasswordInput { PasswordInput(environment: environment) }

    func authService(_ store: SQLiteStore) -> AuthService {
        AuthService(store: store, hasher: hasher, log: log)
    }

    func semesterService() throws -> SemesterService { SemesterService(store: try store()) }
    func staffService() throws -> StaffService { StaffService(store: try store(), hasher: hasher) }
    func organizationService() throws -> OrganizationService { OrganizationService(store: try store(), hasher: hasher) }
    func quotaService() throws -> QuotaService { QuotaService(store: try store()) }
    func auditService() throws -> AuditService { AuditService(store: try store()) }
    func applicantService() throws -> ApplicantService { ApplicantService(store: try store()) }
    func matchingService() throws -> MatchingService { MatchingService(store: try store()) }
    func feedbackService() throws -> FeedbackService { FeedbackService(store: try store()) }
}
