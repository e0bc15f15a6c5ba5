import Domain
import Numerics
import Foundation

/// `bench embed`: MiniLM throughput on texts cut to an exact token count (the way PyTorch's
/// figures are quoted), per thread count, and the time to embed a synthetic semester.
enum EmbedBenchmark {
    static let command = CommandSpec(
        ["bench", "embed"], summary: "Benchmark the MiniLM embedder: sentences per second at 64 and 33 tokens, and a 4,000-applicant semester (release build).",
        options: [
            .value("--sentences", "N", "sentences per throughput run (default 512)"),
            .value("--applicants", "N", "applicants in the semester run (default 4000)"),
        ]
    ) { invocation, context in
        let count = try invocation.int("--sentences") ?? 512
        let applicants = try invocation.int("--applicants") ?? 4000
        guard count > 0, applicants >= 0 else { throw invocation.usage("counts must be positive") }
        var loaded: MiniLMEmbedder?
        let loadSeconds = try BenchmarkSupport.seconds {
            guard let embedder = try EmbedderCatalog(environment: context.environment).embedder(.minilm) as? MiniLMEmbedder else {
                throw CommandFailure("the MiniLM embedder did not load")
            }
            loaded = embedder
        }
        let embedder = loaded!
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var runs: [Run] = []
        for tokens in [64, 33] {
            let texts = Self.texts(count: count, tokens: tokens, tokenizer: embedder.tokenizer)
            for threads in Array(Set([1, cores])).sorted() {
                let sized = MiniLMEmbedder(reusing: embedder, threads: threads)
                _ = try sized.embed(Array(texts.prefix(8)), isCancelled: { false }, progress: { _, _ in })
                let seconds = try BenchmarkSupport.seconds {
                    _ = try sized.embed(texts, isCancelled: { false }, progress: { _, _ in })
                }
                runs.append(Run(tokens: tokens, threads: threads, sentences: count, seconds: BenchmarkSupport.rounded(seconds),
                                sentencesPerSecond: BenchmarkSupport.rounded(Double(count) / seconds, 1)))
            }
        }
        let kernel = Self.linearRate()
        var generator = SyntheticApplicants(seed: 7)
        let profiles = (0..<applicants).map { _ in generator.profileText() }
        let profileTokens = profiles.reduce(0) { $0 + embedder.tokenizer.encode($1).count }
        let semesterSeconds = try BenchmarkSupport.seconds {
            _ = try embedder.embed(profiles, isCancelled: { false }, progress: { _, _ in })
        }
        try context.output.json(Figures(
            loadSeconds: BenchmarkSupport.rounded(loadSeconds), threadsAvailable: cores,
            linearLayerGmacPerSecond: BenchmarkSupport.rounded(kernel, 1), throughput: runs,
            semester: Semester(applicants: applicants, averageTokens: applicants == 0 ? 0 : BenchmarkSupport.rounded(Double(profileTokens) / Double(applicants), 1),
                               seconds: BenchmarkSupport.rounded(semesterSeconds)),
            peakRSSMegabytes: BenchmarkSupport.rounded(BenchmarkSupport.peakResidentMegabytes, 1)))
    }

    static func linearRate() -> Double {
        let inputs = 384, outputs = 1536, rows = 1024
        var generator = SyntheticApplicants(seed: 3)
        let weights = (0..<(inputs * outputs)).map { _ in Float(generator.next(2000)) / 1000 - 1 }
        let layer = PackedLinear(weight: weights, bias: [Float](repeating: 0, count: outputs), inputs: inputs, outputs: outputs)
        let input = (0..<(rows * inputs)).map { _ in Float(generator.next(2000)) / 1000 - 1 }
        var output = [Float](repeating: 0, count: rows * outputs)
        let repeats = 20
        let seconds = BenchmarkSupport.seconds {
            for _ in 0..<repeats { layer.apply(input, rows: rows, into: &output) }
        }
        return Double(repeats * rows * inputs * outputs) / seconds / 1e9
    }

    /// Texts of exactly `tokens` tokens including [CLS] and [SEP], built from common words.
    static func texts(count: Int, tokens: Int, tokenizer: WordPieceTokenizer) -> [String] {
        let words = ["mentor", "student", "career", "research", "software", "design", "health", "policy", "data", "learning",
                     "engineering", "community", "startup", "finance", "writing", "teaching", "robotics", "biology", "music", "travel"]
        var generator = SyntheticApplicants(seed: UInt64(tokens))
        return (0..<count).map { _ in
            var text = ""
            while tokenizer.encode(text).count < tokens {
                text += (text.isEmpty ? "" : " ") + words[generator.next(words.count)]
            }
            return text
        }
    }

    struct Run: Encodable {
        let tokens: Int
        let threads: Int
        let sentences: Int
        let seconds: Double
        let sentencesPerSecond: Double
    }

    struct Semester: Encodable {
        let applicants: Int
        let averageTokens: Double
        let seconds: Double
    }

    struct Figures: Encodable {
        let loadSeconds: Double
        let threadsAvailable: Int
        /// One thread, the 384 → 1536 feed-forward layer on 1,024 rows: how close the matrix
        /// kernel comes to the core's peak (16 multiply-adds per cycle with AVX2 FMA).
        let linearLayerGmacPerSecond: Double
        let throughput: [Run]
        let semester: Semester
        let peakRSSMegabytes: Double
    }
}
