import CCrypto
import Foundation

/// SHA-256 from libcrypto, fed in pieces so a 90 MB model file never has to sit in memory twice.
public final class SHA256Digest {
    private var context: UnsafeMutableRawPointer?

    public init() {
        guard let context = ccrypto_sha256_begin() else { fatalError("libcrypto cannot create a SHA-256 context") }
        self.context = context
    }

    deinit {
        // An unfinished context is freed by finishing it.
        if let context { _ = ccrypto_sha256_finish(context, nil) }
    }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let context, let base = bytes.baseAddress, bytes.count > 0 else { return }
        _ = ccrypto_sha256_update(context, base, bytes.count)
    }

    /// The 32 bytes of the digest; the context is used up.
    public func finishBytes() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        guard let context else { preconditionFailure("a SHA-256 digest is finished once") }
        _ = ccrypto_sha256_finish(context, &digest)
        self.context = nil
        return digest
    }

    /// The digest as lower-case hex; the context is used up.
    public func finish() -> String {
        finishBytes().map { String(format: "%02x", $0) }.joined()
    }

    /// The digest of a text's UTF-8 bytes.
    public static func bytes(of text: String) -> [UInt8] {
        let digest = SHA256Digest()
        var text = text
        text.withUTF8 { digest.update(UnsafeRawBufferPointer($0)) }
        return digest.finishBytes()
    }

    public static func hex(of data: Data) -> String {
        let digest = SHA256Digest()
        data.withUnsafeBytes { digest.update($0) }
        return digest.finish()
    }

    /// The digest of a file, read 1 MiB at a time.
    public static func hex(ofFile path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        defer { try? handle.close() }
        let digest = SHA256Digest()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { digest.update($0) }
        }
        return digest.finish()
    }
}
