/// One numbered step of the schema. Applied once, atomically, in version order.
struct Migration: Sendable {
    let version: Int
    let name: String
    let apply: @Sendable (Transaction) throws -> Void
}

/// Brings a database to the schema this binary was built for, recording progress in
/// `PRAGMA user_version`. Each migration commits together with its new version number, so a crash
/// leaves the database at the last complete version. A database newer than this binary is refused.
enum Migrator {
    /// Marks our files (`PRAGMA application_id`) so we never "migrate" someone else's SQLite database.
    static let applicationID: Int64 = 0x4D43_4F4E  // "MCON"

    static let migrations: [Migration] = [
        Migration(version: 1, name: "initial schema", apply: { try $0.executeScript(SchemaVersion1.sql) }),
        Migration(version: 2, name: "feedback tallies", apply: { try $0.executeScript(SchemaVersion2.sql) }),
        Migration(version: 3, name: "embedder per organization", apply: { try $0.executeScript(SchemaVersion3.sql) }),
    ]

    static var latestVersion: Int { migrations.last?.version ?? 0 }

    static func migrate(_ connection: DatabaseConnection, migrations: [Migration] = Migrator.migrations) throws {
        let latest = migrations.last?.version ?? 0
        guard try currentVersion(connection, latest: latest) != latest else { return }
        for migration in migrations {
            // Re-checked under the write lock: another process may have migrated in the meantime.
            try connection.write { tx in
                let version = try userVersion(tx)
                try refuseIfForeign(tx, version: version, path: connection.path)
                try refuseIfTooNew(version: version, latest: latest, path: connection.path)
                guard version < migration.version else { return }
                try migration.apply(tx)
                try tx.execute("PRAGMA user_version = \(migration.version)")
                if version == 0 { try tx.execute("PRAGMA application_id = \(applicationID)") }
            }
        }
    }

    /// The schema version, checking that the file is ours and not newer than this binary.
    static func currentVersion(_ connection: DatabaseConnection, latest: Int = Migrator.latestVersion) throws -> Int {
        try connection.read { tx in
            let version = try userVersion(tx)
            try refuseIfForeign(tx, version: version, path: connection.path)
            try refuseIfTooNew(version: version, latest: latest, path: connection.path)
            return version
        }
    }

    private static func userVersion(_ tx: Transaction) throws -> Int {
        try tx.queryFirst("PRAGMA user_version") { $0.int(0) } ?? 0
    }

    private static func refuseIfTooNew(version: Int, latest: Int, path: String) throws {
        if version > latest {
            throw DatabaseOpenError.schemaTooNew(path: path, found: version, supported: latest)
        }
    }

    private static func refuseIfForeign(_ tx: Transaction, version: Int, path: String) throws {
        let application = try tx.queryFirst("PRAGMA application_id") { $0.int64(0) } ?? 0
        if version == 0 {
            let objects = try tx.queryFirst("SELECT count(*) FROM sqlite_schema") { $0.int(0) } ?? 0
            if objects > 0 || application != 0 { throw DatabaseOpenError.notAMatchConsoleDatabase(path: path) }
        } else if application != applicationID {
            throw DatabaseOpenError.notAMatchConsoleDatabase(path: path)
        }
    }
}
