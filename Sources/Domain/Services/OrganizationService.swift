import Foundation

/// Organizations are created by admins of the installation's operator organization. Creating one
/// gives the operator no access to its data: the new organization's first admin is its own.
public struct OrganizationService {
    private let store: any Store
    private let hasher: any PasswordHasher
    private let now: @Sendable () -> Date

    public init(store: any Store, hasher: any PasswordHasher, now: @escaping @Sendable () -> Date = { UTCTimestamp.now() }) {
        self.store = store
        self.hasher = hasher
        self.now = now
    }

    public struct Listing: Sendable, Hashable, Codable {
        public var organization: Organization
        public var staffCount: Int
    }

    @discardableResult
    public func create(name rawName: String, adminEmail: String, adminName: String, adminPassword: String,
                       by actor: Actor) throws -> (Organization, Staff) {
        try PermissionChecker.require(.manageOrganization, actor.staff)
        let name = try Self.validName(rawName)
        let email = try StaffService.validEmail(adminEmail)
        let displayName = try StaffService.validDisplayName(adminName)
        try PasswordPolicy.validate(adminPassword)
        let credential = try PasswordCredential.make(password: adminPassword, hasher: hasher)
        let at = now()
        return try store.write { tx in
            try Self.requireOperator(actor, tx)
            guard try tx.organization(named: name) == nil else { throw DomainError.organizationNameTaken(name) }
            guard try tx.staff(email: email) == nil else { throw DomainError.emailTaken(email) }
            let organization = try tx.insertOrganization(name: name, isOperator: false, quotas: .defaults, at: at)
            let admin = try tx.insertStaff(organizationID: organization.id, email: email, displayName: displayName,
                                           role: .admin, at: at)
            try tx.setCredential(credential, staffID: admin.id)
            let details = ["name": name, "admin": email]
            try tx.appendAudit(.by(actor, "organization.created", target: ("organization", String(organization.id)),
                                   details: details, at: at))
            // The new organization's own trail starts with how it came to be.
            var origin = AuditEntry.by(actor, "organization.created", target: ("organization", String(organization.id)),
                                       details: details, at: at)
            origin.organizationID = organization.id
            try tx.appendAudit(origin)
            return (organization, admin)
        }
    }

    public func list(by actor: Actor) throws -> [Listing] {
        try PermissionChecker.require(.manageOrganization, actor.staff)
        return try store.read { tx in
            try Self.requireOperator(actor, tx)
            return try tx.organizations().map { organization in
                Listing(organization: organization, staffCount: try tx.staffMembers(organizationID: organization.id).count)
            }
        }
    }

    /// The signed-in member's own organization.
    public func current(by actor: Actor) throws -> Organization {
        try PermissionChecker.require(.viewData, actor.staff)
        return try store.read { tx in try Self.own(actor, tx) }
    }

    /// Chooses the embedder the organization's next matching jobs use (admins).
    public func setEmbedder(_ choice: EmbedderChoice, by actor: Actor) throws {
        try PermissionChecker.require(.manageOrganization, actor.staff)
        let at = now()
        try store.write { tx in
            let before = try Self.own(actor, tx).embedder
            guard before != choice else { throw DomainError.nothingToChange }
            try tx.updateEmbedder(choice, organizationID: actor.organizationID)
            try tx.appendAudit(.by(actor, "organization.embedder_changed", target: ("organization", String(actor.organizationID)),
                                   details: ["embedder": "\(before.rawValue) -> \(choice.rawValue)"], at: at))
        }
    }

    private static func own(_ actor: Actor, _ tx: any StoreReader) throws -> Organization {
        guard let organization = try tx.organization(id: actor.organizationID) else {
            throw DomainError.notFound(kind: "organization", reference: "#\(actor.organizationID)")
        }
        return organization
    }

    private static func requireOperator(_ actor: Actor, _ tx: any StoreReader) throws {
        guard try tx.organization(id: actor.organizationID)?.isOperator == true else { throw DomainError.operatorOnly }
    }

    static func validName(_ text: String) throws -> String {
        switch NameRules.check(text) {
        case .success(let name): return name
        case .failure(let problem): throw DomainError.organizationNameInvalid(problem.reason)
        }
    }
}
