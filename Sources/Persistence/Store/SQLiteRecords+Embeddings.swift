import Domain
import Foundation

extension SQLiteRecords: EmbeddingReading, EmbeddingWriting {
    func cachedEmbeddings(embedder: String, dimension: Int, digests: [[UInt8]]) throws -> [[UInt8]: [Float]] {
        let lookup = try tx.prepare("SELECT vector FROM embeddings WHERE embedder = ? AND text_hash = ? AND dimension = ?")
        var found: [[UInt8]: [Float]] = [:]
        for digest in digests where found[digest] == nil {
            let bytes = try lookup.first([.text(embedder), .blob(digest), .integer(Int64(dimension))]) { $0.blob(0) }
            // A vector of the wrong length would be a damaged row: embed the text again instead.
            if let bytes, bytes.count == dimension * MemoryLayout<Float>.size { found[digest] = Self.floats(bytes) }
        }
        return found
    }

    func saveEmbeddings(embedder: String, dimension: Int, _ entries: [(digest: [UInt8], vector: ArraySlice<Float>)], at date: Date) throws {
        let insert = try tx.prepare("""
            INSERT INTO embeddings (embedder, text_hash, dimension, vector, created_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (embedder, text_hash) DO UPDATE SET dimension = excluded.dimension, vector = excluded.vector,
                created_at = excluded.created_at
            """)
        let stamp = StoredValue.timestamp(date)
        for entry in entries {
            precondition(entry.vector.count == dimension, "an embedding of \(entry.vector.count) floats, not \(dimension)")
            try insert.execute([.text(embedder), .blob(entry.digest), .integer(Int64(dimension)),
                                .blob(Self.bytes(entry.vector)), .text(stamp)])
        }
    }

    /// Little-endian IEEE floats, the same on every machine we run on.
    private static func bytes(_ vector: ArraySlice<Float>) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(vector.count * 4)
        for value in vector {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    private static func floats(_ bytes: [UInt8]) -> [Float] {
        stride(from: 0, to: bytes.count, by: 4).map { index in
            Float(bitPattern: UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
                  | UInt32(bytes[index + 3]) << 24)
        }
    }
}
