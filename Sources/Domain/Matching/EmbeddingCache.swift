import Foundation

/// Keeps a context-free embedder's vectors in the store between runs, keyed by a digest of each
/// text, so a re-run embeds only the profiles that are new or changed. It works on the calling
/// thread's own store, like everything else a job does.
public struct EmbeddingCache {
    public typealias Digest = @Sendable (String) -> [UInt8]

    let store: any Store
    let digest: Digest
    let now: () -> Date

    public init(store: any Store, digest: @escaping Digest, now: @escaping () -> Date = { UTCTimestamp.now() }) {
        self.store = store
        self.digest = digest
        self.now = now
    }

    func lookup(_ digests: [[UInt8]], embedder: any Embedder) throws -> [[UInt8]: [Float]] {
        try store.read { try $0.cachedEmbeddings(embedder: embedder.name, dimension: embedder.dimension, digests: digests) }
    }

    func save(_ entries: [(digest: [UInt8], vector: ArraySlice<Float>)], embedder: any Embedder) throws {
        guard !entries.isEmpty else { return }
        let at = now()
        try store.write { try $0.saveEmbeddings(embedder: embedder.name, dimension: embedder.dimension, entries, at: at) }
    }
}
