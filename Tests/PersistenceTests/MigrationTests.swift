import CSQLite
import Foundation
import Testing
@testable import Persistence

@Suite("Migrations")
struct MigrationTests {
    static let tables = ["applicants", "audit_log", "embeddings", "feedback", "feedback_group_tallies", "feedback_tag_counts",
                         "feedback_tallies", "match_groups", "match_members",
                         "matching_jobs", "organizations", "pair_rules", "quota_events", "semesters", "sign_in_failures", "staff"]

    @Test("a new database gets every table, the schema version and our application id")
    func freshDatabase() throws {
        let temp = TemporaryDatabase()
        let store = try temp.store()
        let (version, application, tables) = try store.connection.read { tx in
            (try tx.queryFirst("PRAGMA user_version") { $0.int(0) },
             try tx.queryFirst("PRAGMA application_id") { $0.int64(0) },
             try tx.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") { $0.string(0) })
        }
        #expect(version == SQLiteStore.schemaVersion)
        #expect(application == Migrator.applicationID)
        #expect(tables == Self.tables)
        #expect(try store.connection.read { try $0.queryFirst("PRAGMA foreign_key_check") { $0.string(0) } } == nil)
    }

    @Test("opening again changes nothing")
    func idempotent() throws {
        let temp = TemporaryDatabase()
        _ = try temp.store()
        let before = try schema(temp.path)
        _ = try temp.store()
        #expect(try schema(temp.path) == before)
    }

    @Test("a database from a newer match-console is refused and left alone")
    func tooNew() throws {
        let temp = TemporaryDatabase()
        let store = try temp.store()
        try store.connection.executeOutsideTransaction("PRAGMA user_version = 99")
        let before = try schema(temp.path)
        #expect(throws: DatabaseOpenError.schemaTooNew(path: temp.path, found: 99, supported: SQLiteStore.schemaVersion)) {
            _ = try temp.store()
        }
        #expect(try schema(temp.path) == before)
    }

    @Test("someone else's SQLite database is not migrated")
    func foreignDatabase() throws {
        let temp = TemporaryDatabase()
        try DatabaseConnection(path: temp.path).write { try $0.execute("CREATE TABLE recipes (name TEXT)") }
        #expect(throws: DatabaseOpenError.notAMatchConsoleDatabase(path: temp.path)) { _ = try temp.store() }
        #expect(try schema(temp.path) == ["recipes"])
    }

    @Test("a failing migration leaves the database at the last complete version")
    func atomic() throws {
        struct Broken: Error {}
        let temp = TemporaryDatabase()
        let connection = try DatabaseConnection(path: temp.path)
        let migrations = [
            Migration(version: 1, name: "one", apply: { try $0.execute("CREATE TABLE one (x)") }),
            Migration(version: 2, name: "two", apply: { tx in
                try tx.execute("CREATE TABLE two (x)")
                throw Broken()
            }),
        ]
        #expect(throws: Broken.self) { try Migrator.migrate(connection, migrations: migrations) }
        #expect(try connection.read { try $0.queryFirst("PRAGMA user_version") { $0.int(0) } } == 1)
        #expect(try schema(temp.path) == ["one"])
    }

    private func schema(_ path: String) throws -> [String] {
        try DatabaseConnection(path: path, options: .init(readOnly: true)).read { tx in
            try tx.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") { $0.string(0) }
        }
    }
}
