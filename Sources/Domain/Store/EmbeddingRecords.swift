import Foundation

/// Vectors of context-free embedders, keyed by the embedder's name and a digest of the text, so a
/// re-run embeds only the profiles that changed. The text itself is never stored.
public protocol EmbeddingReading {
    /// The cached vectors among `digests`, by digest; those not cached are absent.
    func cachedEmbeddings(embedder: String, dimension: Int, digests: [[UInt8]]) throws -> [[UInt8]: [Float]]
}

public protocol EmbeddingWriting {
    func saveEmbeddings(embedder: String, dimension: Int, _ entries: [(digest: [UInt8], vector: ArraySlice<Float>)], at: Date) throws
}
