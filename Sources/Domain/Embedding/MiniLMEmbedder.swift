import Dispatch
import Foundation

/// sentence-transformers/all-MiniLM-L6-v2 run natively: WordPiece tokens → 6-layer BERT →
/// mean pooling → unit vectors of 384 floats, the same as the reference to cosine ≥ 0.9999.
public struct MiniLMEmbedder: Embedder {
    public static let identifier = "all-MiniLM-L6-v2"
    /// The files `model install` copies and this embedder reads.
    public static let files = ["model.safetensors", "vocab.txt", "config.json"]

    public let name = MiniLMEmbedder.identifier
    public let isContextFree = true
    public var dimension: Int { encoder.configuration.hiddenSize }
    public let tokenizer: WordPieceTokenizer
    public let encoder: BertEncoder
    /// Worker threads; each encodes whole batches, so nothing is shared while they run.
    public let threads: Int
    /// About this many tokens go through the layers together: enough rows for the matrix kernels,
    /// few enough that a batch's activations stay in cache-friendly sizes.
    static let tokensPerBatch = 1024

    /// Loads the model from a folder holding `files`.
    public init(folder: URL, threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        let configuration = try BertConfiguration(json: try Data(contentsOf: folder.appendingPathComponent("config.json")))
        tokenizer = try WordPieceTokenizer(vocabulary: try String(contentsOf: folder.appendingPathComponent("vocab.txt"), encoding: .utf8),
                                           maxTokens: 256)
        guard tokenizer.vocabularySize <= configuration.vocabularySize else {
            throw SafetensorsFile.FormatError(description: "vocab.txt has \(tokenizer.vocabularySize) tokens but the model only \(configuration.vocabularySize)")
        }
        encoder = try BertEncoder(weights: try SafetensorsFile(contentsOf: folder.appendingPathComponent("model.safetensors")),
                                  configuration: configuration)
        self.threads = max(1, threads)
    }

    /// The same loaded model with another number of threads.
    public init(reusing other: MiniLMEmbedder, threads: Int) {
        tokenizer = other.tokenizer
        encoder = other.encoder
        self.threads = max(1, threads)
    }

    public func embed(_ texts: [String], isCancelled: () -> Bool, progress: (Int, Int) -> Void) throws -> [Float] {
        let sequences = texts.map(tokenizer.encode)
        let batches = Self.batches(sequences.map(\.count))
        var vectors = [Float](repeating: 0, count: texts.count * dimension)
        var done = 0
        progress(0, texts.count)
        // Rounds of one batch per thread, so cancellation and progress are seen between rounds.
        for round in stride(from: 0, to: batches.count, by: threads) {
            if isCancelled() { throw MatchingCancelled() }
            let work = Array(batches[round..<min(round + threads, batches.count)])
            let results = UnsafeSendableSlots<[Float]>(count: work.count)
            DispatchQueue.concurrentPerform(iterations: work.count) { index in
                results.set(index, encoder.encode(work[index].map { sequences[$0] }))
            }
            for (index, batch) in work.enumerated() {
                let encoded = results.take(index)
                for (position, text) in batch.enumerated() {
                    vectors.replaceSubrange(text * dimension..<(text + 1) * dimension,
                                            with: encoded[position * dimension..<(position + 1) * dimension])
                }
                done += batch.count
            }
            progress(done, texts.count)
        }
        return vectors
    }

    /// Groups text indexes into batches of about `tokensPerBatch` tokens, longest texts first so
    /// the batches even out across threads.
    static func batches(_ lengths: [Int]) -> [[Int]] {
        let order = lengths.indices.sorted { lengths[$0] > lengths[$1] }
        var batches: [[Int]] = []
        var current: [Int] = [], tokens = 0
        for index in order {
            if tokens + lengths[index] > tokensPerBatch && !current.isEmpty {
                batches.append(current)
                current = []
                tokens = 0
            }
            current.append(index)
            tokens += lengths[index]
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }
}

/// Result slots that concurrent workers fill, each its own index exactly once, and the caller
/// reads after they all finished (`concurrentPerform` returns only then).
final class UnsafeSendableSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    func take(_ index: Int) -> Value {
        slots[index]!
    }
}
