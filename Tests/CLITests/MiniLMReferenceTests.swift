import Domain
import Foundation
import Testing

/// Our tokenizer and forward pass against sentence-transformers on the same weights: accents,
/// CJK, emoji, control characters, over-long and empty text.
@Suite("all-MiniLM-L6-v2 against sentence-transformers")
struct MiniLMReferenceTests {
    @Test("every token id of the 20 reference texts, exactly")
    func tokenIDs() throws {
        let folder = try MiniLMModel.folder
        let tokenizer = try WordPieceTokenizer(vocabulary: String(contentsOf: folder.appendingPathComponent("vocab.txt"), encoding: .utf8))
        let reference = try MiniLMReference.load()
        #expect(reference.sentences.count == 20)
        for sentence in reference.sentences {
            #expect(tokenizer.encode(sentence.text) == sentence.tokenIDs, "\(sentence.text.debugDescription)")
        }
    }

    @Test("every embedding through `match-console embed --json`, cosine ≥ 0.9999")
    func embeddingsFromTheCommand() throws {
        let reference = try MiniLMReference.load()
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = try MiniLMModel.dataHome.get().path
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("embed-\(UUID().uuidString).json")
        try JSONEncoder().encode(reference.sentences.map(\.text)).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let outcome = try Subprocess.run(["/bin/sh", "-c", "exec \"$0\" embed --embedder minilm --json < \"$1\"",
                                          CommandRunner.binary.path, input.path], environment: environment)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let vectors = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[Double]])
        #expect(vectors.count == reference.sentences.count)
        for (vector, sentence) in zip(vectors, reference.sentences) {
            #expect(vector.count == 384)
            let cosine = MiniLMReference.cosine(ArraySlice(vector.map(Float.init)), sentence.embedding)
            #expect(cosine >= 0.9999, "\(sentence.text.debugDescription): cosine \(cosine)")
        }
    }

    @Test("batched on two threads or one text at a time, the vectors agree")
    func batchingDoesNotChangeVectors() throws {
        let embedder = try MiniLMEmbedder(folder: try MiniLMModel.folder, threads: 2)
        let texts = try MiniLMReference.load().sentences.map(\.text)
        var reported: [(Int, Int)] = []
        let together = try embedder.embed(texts, isCancelled: { false }) { reported.append(($0, $1)) }
        #expect(reported.first! == (0, texts.count) && reported.last! == (texts.count, texts.count))
        for (index, text) in texts.enumerated() {
            let alone = try embedder.embed([text], isCancelled: { false }) { _, _ in }
            let cosine = MiniLMReference.cosine(together[(index * 384)..<((index + 1) * 384)], alone)
            #expect(cosine > 0.999999, "\(text.debugDescription)")
        }
        #expect(throws: MatchingCancelled.self) { try embedder.embed(texts, isCancelled: { true }) { _, _ in } }
    }

    @Test("machine learning sits closer to AI than to cooking")
    func semanticNeighbours() throws {
        let embedder = try MiniLMEmbedder(folder: try MiniLMModel.folder, threads: 1)
        let vectors = try embedder.embed(["machine learning", "AI", "cooking"], isCancelled: { false }) { _, _ in }
        func dot(_ a: Int, _ b: Int) -> Float { (0..<384).reduce(0) { $0 + vectors[a * 384 + $1] * vectors[b * 384 + $1] } }
        #expect(dot(0, 1) > dot(0, 2) + 0.1)
    }
}
