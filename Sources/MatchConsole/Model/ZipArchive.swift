import CZlib
import Foundation

/// Reads the members of a zip file (a Python wheel is one), stored or deflated, checking each
/// member's CRC-32. Zip64 archives are refused: a wheel of a small model never needs them.
struct ZipArchive {
    struct Entry {
        let name: String
        let method: UInt16
        let crc32: UInt32
        let compressedSize: Int
        let size: Int
        let localHeaderOffset: Int
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let path: String
    let entries: [Entry]
    private let data: Data

    init(path: String) throws {
        self.path = path
        data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        entries = try Self.centralDirectory(data, path: path)
    }

    /// The member whose path ends with `suffix` (wheels nest files under a package folder).
    func entry(endingWith suffix: String) -> Entry? {
        entries.first { $0.name == suffix || $0.name.hasSuffix("/" + suffix) }
    }

    /// Writes a member to `destination`, inflating as it goes, and checks its CRC-32 and size.
    func extract(_ entry: Entry, to destination: URL) throws {
        guard let signature = data.littleEndian(UInt32.self, at: entry.localHeaderOffset), signature == 0x0403_4B50,
              let nameLength = data.littleEndian(UInt16.self, at: entry.localHeaderOffset + 26),
              let extraLength = data.littleEndian(UInt16.self, at: entry.localHeaderOffset + 28) else {
            throw Failure(description: "\(path): the local header of \(entry.name) is damaged")
        }
        let start = entry.localHeaderOffset + 30 + Int(nameLength) + Int(extraLength)
        guard start + entry.compressedSize <= data.count else { throw Failure(description: "\(path): \(entry.name) runs past the end of the file") }
        _ = FileManager.default.createFile(atPath: destination.path, contents: nil, attributes: [.posixPermissions: 0o600])
        let output = try FileHandle(forWritingTo: destination)
        defer { try? output.close() }
        var crc: UInt = crc32(0, nil, 0)
        var written = 0
        func emit(_ chunk: UnsafeRawBufferPointer) throws {
            crc = crc32(crc, chunk.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(chunk.count))
            written += chunk.count
            try output.write(contentsOf: Data(chunk))
        }
        try data.withUnsafeBytes { raw in
            let compressed = UnsafeRawBufferPointer(rebasing: raw[start..<(start + entry.compressedSize)])
            switch entry.method {
            case 0: try emit(compressed)
            case 8: try Self.inflate(compressed, name: entry.name, emit: emit)
            default: throw Failure(description: "\(path): \(entry.name) uses compression method \(entry.method), which is not supported")
            }
        }
        guard written == entry.size, UInt32(crc) == entry.crc32 else {
            throw Failure(description: "\(path): \(entry.name) is damaged (its size or CRC-32 does not match)")
        }
    }

    private static func inflate(_ input: UnsafeRawBufferPointer, name: String, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        var stream = z_stream()
        guard czlib_inflate_init_raw(&stream) == Z_OK else { throw Failure(description: "zlib could not start inflating \(name)") }
        defer { inflateEnd(&stream) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        var status = Z_OK
        repeat {
            try buffer.withUnsafeMutableBytes { out in
                stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(out.count)
                status = CZlib.inflate(&stream, Z_NO_FLUSH)
                guard status == Z_OK || status == Z_STREAM_END else {
                    throw Failure(description: "\(name) is not valid deflate data (zlib status \(status))")
                }
                try emit(UnsafeRawBufferPointer(rebasing: out[0..<(out.count - Int(stream.avail_out))]))
            }
            if status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0 {
                throw Failure(description: "\(name) ends before its deflate stream does")
            }
        } while status != Z_STREAM_END
    }

    private static func centralDirectory(_ data: Data, path: String) throws -> [Entry] {
        // The end record sits in the last 22 bytes plus at most a 64 KiB comment.
        let earliest = max(0, data.count - 22 - 65_535)
        var end = data.count - 22
        while end >= earliest && data.littleEndian(UInt32.self, at: end) != 0x0605_4B50 { end -= 1 }
        guard end >= earliest, let count = data.littleEndian(UInt16.self, at: end + 10),
              let directoryOffset = data.littleEndian(UInt32.self, at: end + 16) else {
            throw Failure(description: "\(path) is not a zip file (a wheel is one)")
        }
        guard directoryOffset != 0xFFFF_FFFF && count != 0xFFFF else { throw Failure(description: "\(path) is a zip64 archive, which is not supported") }
        var entries: [Entry] = []
        var offset = Int(directoryOffset)
        for _ in 0..<count {
            guard data.littleEndian(UInt32.self, at: offset) == 0x0201_4B50,
                  let method = data.littleEndian(UInt16.self, at: offset + 10),
                  let crc = data.littleEndian(UInt32.self, at: offset + 16),
                  let compressed = data.littleEndian(UInt32.self, at: offset + 20),
                  let size = data.littleEndian(UInt32.self, at: offset + 24),
                  let nameLength = data.littleEndian(UInt16.self, at: offset + 28),
                  let extraLength = data.littleEndian(UInt16.self, at: offset + 30),
                  let commentLength = data.littleEndian(UInt16.self, at: offset + 32),
                  let local = data.littleEndian(UInt32.self, at: offset + 42),
                  offset + 46 + Int(nameLength) <= data.count else {
                throw Failure(description: "\(path): the zip directory is damaged")
            }
            let name = String(decoding: data[(offset + 46)..<(offset + 46 + Int(nameLength))], as: UTF8.self)
            entries.append(Entry(name: name, method: method, crc32: crc, compressedSize: Int(compressed), size: Int(size),
                                 localHeaderOffset: Int(local)))
            offset += 46 + Int(nameLength) + Int(extraLength) + Int(commentLength)
        }
        return entries
    }
}

extension Data {
    /// A little-endian integer at a byte offset from the start, or nil past the end.
    func littleEndian<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T? {
        guard offset >= 0, offset + MemoryLayout<T>.size <= count else { return nil }
        return withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }
}
