import Foundation
@testable import Persistence

/// A database file in a fresh temporary folder, removed when the value is released.
final class TemporaryDatabase {
    let folder: URL
    var path: String { folder.appendingPathComponent("test.sqlite3").path }

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("mc-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func store() throws -> SQLiteStore {
        try SQLiteStore(path: path)
    }
}
