import CSQLite

/// What `doctor` needs to know about a database file, read without changing it.
public struct DatabaseDiagnosis: Sendable {
    public var schemaVersion: Int
    public var supportedSchemaVersion: Int
    /// `["ok"]` when the file is sound; otherwise SQLite's list of problems.
    public var integrityProblems: [String]
    public var foreignKeyViolations: Int
    public var journalMode: String
    public var sqliteVersion: String

    /// Opens `path` read-only and runs SQLite's own consistency checks.
    public static func examine(path: String) throws -> DatabaseDiagnosis {
        let connection = try DatabaseConnection(path: path, options: .init(readOnly: true))
        let version = try Migrator.currentVersion(connection)
        return try connection.read { tx in
            let integrity = try tx.query("PRAGMA integrity_check") { $0.string(0) }
            return DatabaseDiagnosis(
                schemaVersion: version, supportedSchemaVersion: Migrator.latestVersion,
                integrityProblems: integrity == ["ok"] ? [] : integrity,
                foreignKeyViolations: try tx.query("PRAGMA foreign_key_check") { _ in 1 }.count,
                journalMode: try tx.queryFirst("PRAGMA journal_mode") { $0.string(0) } ?? "unknown",
                sqliteVersion: String(cString: sqlite3_libversion()))
        }
    }
}
