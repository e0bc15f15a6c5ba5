import Domain
import Testing
@testable import Credentials

@Suite("PBKDF2 password hashing")
struct PBKDF2Tests {
    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test("matches the published PBKDF2-HMAC-SHA256 test vectors")
    func vectors() throws {
        let hasher = PBKDF2PasswordHasher()
        // From RFC 7914 §11 (PBKDF2-HMAC-SHA256, first 32 bytes of the 64-byte outputs).
        #expect(hex(try hasher.derive(password: "passwd", salt: Array("salt".utf8), iterations: 1))
                == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
        #expect(hex(try hasher.derive(password: "Password", salt: Array("NaCl".utf8), iterations: 80000))
                == "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56")
    }

    @Test("salts are random and credentials verify only the right password")
    func credentials() throws {
        let hasher = PBKDF2PasswordHasher()
        #expect(try hasher.randomSalt() != hasher.randomSalt())
        let credential = try PasswordCredential.make(password: "correct horse battery", hasher: hasher, iterations: 1000)
        #expect(credential.hash.count == 32 && credential.iterations == 1000)
        #expect(try credential.matches(password: "correct horse battery", hasher: hasher))
        #expect(try !credential.matches(password: "correct horse batterY", hasher: hasher))
        #expect(try !credential.matches(password: "", hasher: hasher))
    }
}
