import Foundation

/// First-run set-up and signing in. Every refusal to sign in reads the same whether or not the
/// email exists, and takes the same time: an unknown email is checked against a dummy credential.
public struct AuthService {
    private let store: any Store
    private let hasher: any PasswordHasher
    private let log: any EventLog
    private let now: @Sendable () -> Date

    public init(store: any Store, hasher: any PasswordHasher, log: any EventLog = DiscardingEventLog(),
                now: @escaping @Sendable () -> Date = { UTCTimestamp.now() }) {
        self.store = store
        self.hasher = hasher
        self.log = log
        self.now = now
    }

    public func isInitialized() throws -> Bool {
        try store.read { try $0.organizationCount() > 0 }
    }

    /// Creates the operator organization and its first admin; refused once any organization exists.
    public func initialize(organizationName: String, adminEmail: String, adminName: String, password: String,
                           correlationID: String) throws -> Actor {
        let name = try OrganizationService.validName(organizationName)
        let email = try StaffService.validEmail(adminEmail)
        let displayName = try StaffService.validDisplayName(adminName)
        try PasswordPolicy.validate(password)
        let credential = try PasswordCredential.make(password: password, hasher: hasher)
        let at = now()
        let staff = try store.write { tx -> Staff in
            guard try tx.organizationCount() == 0 else { throw DomainError.alreadyInitialized }
            let organization = try tx.insertOrganization(name: name, isOperator: true, quotas: .defaults, at: at)
            let admin = try tx.insertStaff(organizationID: organization.id, email: email, displayName: displayName,
                                           role: .admin, at: at)
            try tx.setCredential(credential, staffID: admin.id)
            try tx.appendAudit(.by(Actor(staff: admin, correlationID: correlationID), "setup.initialized",
                                   target: ("organization", String(organization.id)),
                                   details: ["organization": name, "admin": email], at: at))
            return admin
        }
        return Actor(staff: staff, correlationID: correlationID)
    }

    public func signIn(email rawEmail: String, password: String, correlationID: String) throws -> Actor {
        let email = EmailAddress.normalized(rawEmail)
        let started = now()
        let (state, staff, stored) = try store.read { tx in
            guard try tx.organizationCount() > 0 else { throw DomainError.notInitialized }
            let staff = try tx.staff(email: email)
            return (try tx.signInState(email: email), staff, try staff.flatMap { try tx.credential(staffID: $0.id) })
        }
        if let state, state.isLocked(at: started), let until = state.lockedUntil {
            let minutes = max(1, Int((until.timeIntervalSince(started) / 60).rounded(.up)))
            record(email: email, staff: staff, outcome: "refused", reason: "locked", correlationID: correlationID)
            throw DomainError.accountLocked(minutesRemaining: minutes)
        }
        let credential = stored ?? Self.dummyCredential
        let matches = try credential.matches(password: password, hasher: hasher) && stored != nil
        let at = now()
        guard matches, let staff else {
            let next = try store.write { tx -> SignInState in
                let next = try tx.signInState(email: email)?.addingFailure(at: at) ?? .first(at: at)
                try tx.saveSignInState(next, email: email)
                try tx.appendAudit(Self.failureEntry(email: email, staff: staff, state: next, correlationID: correlationID, at: at))
                return next
            }
            record(email: email, staff: staff, outcome: "refused", reason: next.lockedUntil == nil ? "invalid credentials" : "locked now",
                   correlationID: correlationID)
            throw DomainError.invalidCredentials
        }
        if staff.isDisabled {
            try store.write { tx in
                try tx.appendAudit(.by(Actor(staff: staff, correlationID: correlationID), "auth.sign_in_refused",
                                       details: ["reason": "account disabled"], at: at))
            }
            record(email: email, staff: staff, outcome: "refused", reason: "disabled", correlationID: correlationID)
            throw DomainError.accountDisabled(email: staff.email)
        }
        if state != nil {
            try store.write { try $0.clearSignInState(email: email) }
        }
        return Actor(staff: staff, correlationID: correlationID)
    }

    /// Checked when the email is unknown, so that case costs the same PBKDF2 work as a real one.
    private static let dummyCredential = PasswordCredential(
        hash: [UInt8](repeating: 0, count: 32), salt: [UInt8](repeating: 0x5A, count: 16),
        iterations: PasswordCredential.defaultIterations)

    private static func failureEntry(email: String, staff: Staff?, state: SignInState, correlationID: String, at: Date) -> AuditEntry {
        var details = ["email": email, "consecutive_failures": String(state.failures)]
        if let until = state.lockedUntil { details["locked_until"] = UTCTimestamp.string(from: until) }
        return AuditEntry(organizationID: staff?.organizationID, staffID: staff?.id, staffEmail: email,
                          action: state.lockedUntil == nil ? "auth.sign_in_failed" : "auth.locked",
                          details: details, correlationID: correlationID, createdAt: at)
    }

    private func record(email: String, staff: Staff?, outcome: String, reason: String, correlationID: String) {
        log.record(LogEvent(level: .warning, event: "auth.sign_in", correlationID: correlationID, staffEmail: email,
                            organizationID: staff?.organizationID, outcome: outcome, errorMessage: reason))
    }
}
