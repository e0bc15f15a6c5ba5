import CCrypto
import Domain

/// PBKDF2-HMAC-SHA256 from libcrypto, with salts from OpenSSL's CSPRNG.
public struct PBKDF2PasswordHasher: PasswordHasher {
    public static let saltLength = 16
    public static let keyLength = 32

    public init() {}

    public func randomSalt() throws -> [UInt8] {
        var salt = [UInt8](repeating: 0, count: Self.saltLength)
        guard RAND_bytes(&salt, Int32(salt.count)) == 1 else { throw CredentialsError.randomUnavailable }
        return salt
    }

    public func derive(password: String, salt: [UInt8], iterations: Int) throws -> [UInt8] {
        guard iterations > 0, iterations <= Int(Int32.max) else { throw CredentialsError.invalidIterations(iterations) }
        var key = [UInt8](repeating: 0, count: Self.keyLength)
        let bytes = Array(password.utf8)
        let status = bytes.withUnsafeBufferPointer { passwordBytes in
            passwordBytes.withMemoryRebound(to: CChar.self) { passwordChars in
                ccrypto_pbkdf2_sha256(passwordChars.baseAddress, Int32(passwordChars.count), salt, Int32(salt.count),
                                      Int32(iterations), &key, Int32(key.count))
            }
        }
        guard status == 1 else { throw CredentialsError.derivationFailed }
        return key
    }
}

public enum CredentialsError: Error, CustomStringConvertible {
    case randomUnavailable
    case derivationFailed
    case invalidIterations(Int)

    public var description: String {
        switch self {
        case .randomUnavailable: return "the system's random number generator is unavailable"
        case .derivationFailed: return "password hashing failed in libcrypto"
        case .invalidIterations(let count): return "invalid PBKDF2 iteration count \(count)"
        }
    }
}
