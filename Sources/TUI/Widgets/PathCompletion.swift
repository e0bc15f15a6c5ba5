import Foundation

/// Tab completion of file paths as shells do it: the longest common continuation of the
/// entries that start with what was typed, a `/` after a folder, and `~` for the home folder
/// (kept as typed, expanded only to look).
public struct PathCompletion: Sendable {
    public struct Result: Sendable, Equatable {
        /// The text with the completion applied.
        public let text: String
        /// Every entry that matched, when more than one did (to show as candidates).
        public let candidates: [String]
    }

    public let home: String

    public init(home: String = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) {
        self.home = home
    }

    public func expand(_ text: String) -> String {
        if text == "~" { return home }
        if text.hasPrefix("~/") { return home + text.dropFirst(1) }
        return text
    }

    public func complete(_ text: String) -> Result {
        let typedFolder: String, prefix: String
        if let slash = text.lastIndex(of: "/") {
            typedFolder = String(text[...slash])
            prefix = String(text[text.index(after: slash)...])
        } else if text == "~" {
            return Result(text: "~/", candidates: [])
        } else {
            typedFolder = ""
            prefix = text
        }
        let folder = typedFolder.isEmpty ? FileManager.default.currentDirectoryPath : expand(typedFolder)
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }
            .sorted()
        guard let first = entries.first else { return Result(text: text, candidates: []) }
        var common = first
        for entry in entries.dropFirst() {
            while !entry.hasPrefix(common) { common.removeLast() }
        }
        var completed = typedFolder + common
        if entries.count == 1 {
            var isFolder: ObjCBool = false
            let path = (folder as NSString).appendingPathComponent(first)
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { completed += "/" }
            return Result(text: completed, candidates: [])
        }
        return Result(text: completed, candidates: entries)
    }
}
