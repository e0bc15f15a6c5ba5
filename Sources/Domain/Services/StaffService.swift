import Foundation

/// Staff accounts of the acting admin's organization.
public struct StaffService {
    private let store: any Store
    private let hasher: any PasswordHasher
    private let now: @Sendable () -> Date

    public init(store: any Store, hasher: any PasswordHasher, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.hasher = hasher
        self.now = now
    }

    @discardableResult
    public func add(email rawEmail: String, displayName rawName: String, role: Role, password: String, by actor: Actor) throws -> Staff {
        try PermissionChecker.require(.manageStaff, actor.staff)
        let email = try Self.validEmail(rawEmail)
        let displayName = try Self.validDisplayName(rawName)
        try PasswordPolicy.validate(password)
        let credential = try PasswordCredential.make(password: password, hasher: hasher)
        let at = now()
        return try store.write { tx in
            guard try tx.staff(email: email) == nil else { throw DomainError.emailTaken(email) }
            let staff = try tx.insertStaff(organizationID: actor.organizationID, email: email, displayName: displayName,
                                           role: role, at: at)
            try tx.setCredential(credential, staffID: staff.id)
            try tx.appendAudit(.by(actor, "staff.added", target: ("staff", email), details: ["role": role.rawValue], at: at))
            return staff
        }
    }

    public func list(by actor: Actor) throws -> [Staff] {
        try PermissionChecker.require(.manageStaff, actor.staff)
        return try store.read { try $0.staffMembers(organizationID: actor.organizationID) }
    }

    @discardableResult
    public func setRole(email: String, to role: Role, by actor: Actor) throws -> Staff {
        try PermissionChecker.require(.manageStaff, actor.staff)
        return try change(email, by: actor, action: "staff.role_changed") { tx, staff in
            guard staff.role != role else { return [:] }
            if staff.role == .admin, !staff.isDisabled, try tx.activeAdminCount(organizationID: actor.organizationID) <= 1 {
                throw DomainError.lastActiveAdmin(email: staff.email)
            }
            let details = ["from": staff.role.rawValue, "to": role.rawValue]
            staff.role = role
            return details
        }
    }

    @discardableResult
    public func disable(email: String, by actor: Actor) throws -> Staff {
        try PermissionChecker.require(.manageStaff, actor.staff)
        return try change(email, by: actor, action: "staff.disabled") { tx, staff in
            guard !staff.isDisabled else { return [:] }
            guard staff.id != actor.staff.id else { throw DomainError.cannotDisableSelf }
            if staff.role == .admin, try tx.activeAdminCount(organizationID: actor.organizationID) <= 1 {
                throw DomainError.lastActiveAdmin(email: staff.email)
            }
            staff.isDisabled = true
            return ["disabled": "true"]
        }
    }

    @discardableResult
    public func enable(email: String, by actor: Actor) throws -> Staff {
        try PermissionChecker.require(.manageStaff, actor.staff)
        return try change(email, by: actor, action: "staff.enabled") { _, staff in
            guard staff.isDisabled else { return [:] }
            staff.isDisabled = false
            return ["disabled": "false"]
        }
    }

    /// Sets a new password and lifts any sign-in lock on the account.
    public func resetPassword(email rawEmail: String, newPassword: String, by actor: Actor) throws {
        try PermissionChecker.require(.manageStaff, actor.staff)
        try PasswordPolicy.validate(newPassword)
        let credential = try PasswordCredential.make(password: newPassword, hasher: hasher)
        let email = EmailAddress.normalized(rawEmail)
        let at = now()
        try store.write { tx in
            let staff = try Self.member(email, in: tx, of: actor)
            try tx.setCredential(credential, staffID: staff.id)
            try tx.clearSignInState(email: staff.email)
            try tx.appendAudit(.by(actor, "staff.password_reset", target: ("staff", staff.email), at: at))
        }
    }

    /// Loads a member of the actor's organization, lets `body` change it, and saves and audits the
    /// change when `body` reports one (a non-empty details dictionary).
    private func change(_ rawEmail: String, by actor: Actor, action: String,
                        _ body: (any StoreWriter, inout Staff) throws -> [String: String]) throws -> Staff {
        let email = EmailAddress.normalized(rawEmail)
        let at = now()
        return try store.write { tx in
            var staff = try Self.member(email, in: tx, of: actor)
            let details = try body(tx, &staff)
            guard !details.isEmpty else { return staff }
            try tx.updateStaff(staff)
            try tx.appendAudit(.by(actor, action, target: ("staff", staff.email), details: details, at: at))
            return staff
        }
    }

    /// Staff of other organizations are "not found", exactly like emails nobody has.
    private static func member(_ email: String, in tx: any StoreReader, of actor: Actor) throws -> Staff {
        guard let staff = try tx.staff(email: email), staff.organizationID == actor.organizationID else {
            throw DomainError.notFound(kind: "staff member", reference: email)
        }
        return staff
    }

    static func validEmail(_ text: String) throws -> String {
        let email = EmailAddress.normalized(text)
        guard EmailAddress.isValid(email) else { throw DomainError.invalidEmail(text) }
        return email
    }

    static func validDisplayName(_ text: String) throws -> String {
        switch NameRules.check(text) {
        case .success(let name): return name
        case .failure(let problem): throw DomainError.displayNameInvalid(problem.reason)
        }
    }
}
