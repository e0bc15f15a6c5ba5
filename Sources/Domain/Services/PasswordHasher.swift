/// Key derivation for staff passwords; the implementation lives outside Domain (it needs libcrypto).
public protocol PasswordHasher: Sendable {
    /// Fresh random bytes for a new salt.
    func randomSalt() throws -> [UInt8]
    /// The derived key for `password`; the same inputs always give the same bytes.
    func derive(password: String, salt: [UInt8], iterations: Int) throws -> [UInt8]
}

/// What is stored for a password: never the password itself.
public struct PasswordCredential: Sendable, Hashable {
    /// OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Stored per credential, so raising it later only
    /// affects new and reset passwords.
    public static let defaultIterations = 210_000

    public var hash: [UInt8]
    public var salt: [UInt8]
    public var iterations: Int

    public init(hash: [UInt8], salt: [UInt8], iterations: Int) {
        self.hash = hash
        self.salt = salt
        self.iterations = iterations
    }

    public static func make(password: String, hasher: any PasswordHasher,
                            iterations: Int = defaultIterations) throws -> PasswordCredential {
        let salt = try hasher.randomSalt()
        return PasswordCredential(hash: try hasher.derive(password: password, salt: salt, iterations: iterations),
                                  salt: salt, iterations: iterations)
    }

    /// Compares in time that does not depend on where the bytes differ.
    public func matches(password: String, hasher: any PasswordHasher) throws -> Bool {
        let candidate = try hasher.derive(password: password, salt: salt, iterations: iterations)
        guard candidate.count == hash.count else { return false }
        var difference: UInt8 = 0
        for index in hash.indices { difference |= hash[index] ^ candidate[index] }
        return difference == 0
    }
}

/// The rules a new password must meet.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumLength = 1024

    public static func validate(_ password: String) throws {
        guard password.count >= minimumLength else { throw DomainError.passwordTooShort(minimum: minimumLength) }
        guard password.count <= maximumLength else { throw DomainError.passwordTooLong(maximum: maximumLength) }
    }
}
