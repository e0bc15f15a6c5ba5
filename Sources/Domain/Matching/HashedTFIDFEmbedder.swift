import Foundation

/// The built-in embedder; needs no model files. Each text becomes word unigrams and bigrams plus
/// character trigrams of its words, hashed (FNV-1a, with a sign bit) into a fixed number of
/// dimensions, weighted by (1 + log tf) × idf over the texts being embedded, and L2-normalised.
/// Same input, same vector, on every run and machine.
public struct HashedTFIDFEmbedder: Embedder {
    public let name = "hashed-tfidf-v1"
    /// IDF weights come from the whole semester, so a vector is only valid beside its neighbours.
    public let isContextFree = false
    public let dimension: Int

    public init(dimension: Int = 512) {
        self.dimension = dimension
    }

    public func embed(_ texts: [String], isCancelled: () -> Bool = { false },
                      progress: (Int, Int) -> Void = { _, _ in }) throws -> [Float] {
        // Pass 1: term counts per text, and how many texts hold each term.
        var documents: [[UInt64: Int]] = []
        documents.reserveCapacity(texts.count)
        var documentFrequency: [UInt64: Int] = [:]
        for (index, text) in texts.enumerated() {
            if index % 256 == 0 {
                if isCancelled() { throw MatchingCancelled() }
                progress(index, texts.count * 2)
            }
            var counts: [UInt64: Int] = [:]
            for term in Self.terms(of: text) { counts[term, default: 0] += 1 }
            for term in counts.keys { documentFrequency[term, default: 0] += 1 }
            documents.append(counts)
        }
        // Pass 2: weighted, hashed, normalised.
        let total = Float(texts.count)
        var vectors = [Float](repeating: 0, count: texts.count * dimension)
        for (index, counts) in documents.enumerated() {
            if index % 256 == 0 {
                if isCancelled() { throw MatchingCancelled() }
                progress(texts.count + index, texts.count * 2)
            }
            let base = index * dimension
            // Sorted terms: floating-point sums in the same order every run.
            for term in counts.keys.sorted() {
                let tf = 1 + log(Float(counts[term]!))
                let idf = log((1 + total) / (1 + Float(documentFrequency[term]!))) + 1
                let slot = Int(term % UInt64(dimension))
                vectors[base + slot] += (term >> 63 == 0 ? 1 : -1) * tf * idf
            }
            var norm: Float = 0
            for k in 0..<dimension { norm += vectors[base + k] * vectors[base + k] }
            if norm > 0 {
                let scale = 1 / norm.squareRoot()
                for k in 0..<dimension { vectors[base + k] *= scale }
            }
        }
        progress(texts.count * 2, texts.count * 2)
        return vectors
    }

    /// Hashed terms: words, word pairs and the character trigrams of each word (with boundary marks,
    /// so "learn" and "learning" share most of theirs).
    static func terms(of text: String) -> [UInt64] {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        var terms: [UInt64] = []
        terms.reserveCapacity(words.count * 8)
        for (index, word) in words.enumerated() {
            terms.append(hash("w:" + word))
            if index > 0 { terms.append(hash("b:" + words[index - 1] + " " + word)) }
            let characters = Array("<" + word + ">")
            if characters.count >= 3 {
                for start in 0...(characters.count - 3) {
                    terms.append(hash("c:" + String(characters[start..<start + 3])))
                }
            }
        }
        return terms
    }

    /// 64-bit FNV-1a: stable across runs and platforms, unlike `Hasher`.
    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return value
    }
}
