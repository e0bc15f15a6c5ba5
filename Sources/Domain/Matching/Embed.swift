/// The embed step: one unit vector per profile text. With a cache and a context-free embedder,
/// only the texts it has not seen (each distinct text once) go through the embedder.
enum Embed {
    static func run(_ texts: [String], embedder: any Embedder, cache: EmbeddingCache?, isCancelled: () -> Bool,
                    progress: (MatchingProgress) -> Void) throws -> [Float] {
        func report(_ done: Int, _ message: String) {
            progress(MatchingProgress(step: .embedding, done: done, total: texts.count, message: message))
        }
        guard let cache, embedder.isContextFree else {
            let message = "embedding \(texts.count) profiles with \(embedder.name)"
            return try embedder.embed(texts, isCancelled: isCancelled) { done, _ in report(done, message) }
        }
        let digests = texts.map(cache.digest)
        var known = try cache.lookup(digests, embedder: embedder)
        let reused = digests.filter { known[$0] != nil }.count
        var fresh: [(digest: [UInt8], text: String)] = []
        var queued = Set<[UInt8]>()
        for (digest, text) in zip(digests, texts) where known[digest] == nil && queued.insert(digest).inserted {
            fresh.append((digest, text))
        }
        let message = "embedding \(texts.count - reused) of \(texts.count) profiles with \(embedder.name), \(reused) unchanged from the cache"
        report(reused, message)
        if !fresh.isEmpty {
            let vectors = try embedder.embed(fresh.map(\.text), isCancelled: isCancelled) { done, _ in
                report(reused + done, message)
            }
            let dimension = embedder.dimension
            let entries = fresh.enumerated().map { index, item in
                (digest: item.digest, vector: vectors[(index * dimension)..<((index + 1) * dimension)])
            }
            try cache.save(entries, embedder: embedder)
            for entry in entries { known[entry.digest] = Array(entry.vector) }
        }
        var result: [Float] = []
        result.reserveCapacity(texts.count * embedder.dimension)
        for digest in digests { result.append(contentsOf: known[digest]!) }
        report(texts.count, message)
        return result
    }
}
