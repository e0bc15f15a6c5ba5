import CSQLite
import Foundation
import Testing
@testable import Persistence

@Suite("SQLite connection")
struct DatabaseConnectionTests {
    @Test("opens with WAL, foreign keys, NORMAL synchronous and a private file")
    func configuration() throws {
        let temp = TemporaryDatabase()
        let db = try DatabaseConnection(path: temp.path)
        #expect(try db.scalarOutsideTransaction("PRAGMA journal_mode") == .text("wal"))
        #expect(try db.scalarOutsideTransaction("PRAGMA foreign_keys") == .integer(1))
        #expect(try db.scalarOutsideTransaction("PRAGMA synchronous") == .integer(1))
        let mode = try FileManager.default.attributesOfItem(atPath: temp.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("creates the missing folder, private to its owner")
    func createsFolder() throws {
        let temp = TemporaryDatabase()
        let path = temp.folder.appendingPathComponent("a/b/console.sqlite3").path
        _ = try DatabaseConnection(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: temp.folder.appendingPathComponent("a/b").path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test("binds and reads back every value type")
    func roundTrip() throws {
        let temp = TemporaryDatabase()
        let db = try DatabaseConnection(path: temp.path)
        try db.write { tx in
            try tx.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
            try tx.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", Int64.max, 2.5, "naïve 日本 😀 'quoted'; DROP TABLE t",
                           [UInt8]([0, 1, 255]), Optional<String>.none)
            try tx.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", 0, 0.0, "", [UInt8](), "x")
        }
        let rows = try db.read { tx in
            try tx.query("SELECT i, r, s, b, n FROM t ORDER BY rowid") { row in
                (row.int64(0), row.double(1), row.string(2), row.blob(3), row.optionalString(4))
            }
        }
        #expect(rows.count == 2)
        #expect(rows[0].0 == Int64.max && rows[0].1 == 2.5)
        #expect(rows[0].2 == "naïve 日本 😀 'quoted'; DROP TABLE t")
        #expect(rows[0].3 == [0, 1, 255] && rows[0].4 == nil)
        #expect(rows[1].2 == "" && rows[1].3 == [] && rows[1].4 == "x")
    }

    @Test("a throwing write rolls everything back")
    func rollback() throws {
        struct Boom: Error {}
        let temp = TemporaryDatabase()
        let db = try DatabaseConnection(path: temp.path)
        try db.write { try $0.execute("CREATE TABLE t (x INTEGER)") }
        #expect(throws: Boom.self) {
            try db.write { tx in
                try tx.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try db.read { try $0.queryFirst("SELECT count(*) FROM t") { $0.int(0) } } == 0)
        // The connection is usable again afterwards.
        try db.write { try $0.execute("INSERT INTO t VALUES (2)") }
        #expect(try db.read { try $0.queryFirst("SELECT count(*) FROM t") { $0.int(0) } } == 1)
    }

    @Test("a transaction inside another is refused, not silently merged")
    func nested() throws {
        let temp = TemporaryDatabase()
        let db = try DatabaseConnection(path: temp.path)
        #expect(throws: DatabaseOpenError.nestedTransaction) {
            try db.read { _ in try db.write { _ in } }
        }
    }

    @Test("writes use BEGIN IMMEDIATE: a second writer waits, then reports the lock")
    func immediateWriteLock() throws {
        let temp = TemporaryDatabase()
        let first = try DatabaseConnection(path: temp.path)
        let second = try DatabaseConnection(path: temp.path, options: .init(busyTimeoutMilliseconds: 50))
        try first.write { try $0.execute("CREATE TABLE t (x INTEGER)") }
        try first.write { _ in
            // Even a write transaction that has not written yet holds the lock.
            let error = #expect(throws: DatabaseError.self) { try second.write { _ in } }
            #expect(error?.isBusy == true)
            #expect(error?.sql == "BEGIN IMMEDIATE")
            // WAL: readers are not blocked by the writer.
            let count = try second.read { try $0.queryFirst("SELECT count(*) FROM t") { $0.int(0) } }
            #expect(count == 0)
        }
    }

    @Test("errors carry codes, message and SQL but never the bound values")
    func errorContents() throws {
        let temp = TemporaryDatabase()
        let db = try DatabaseConnection(path: temp.path)
        try db.write { try $0.execute("CREATE TABLE t (x TEXT NOT NULL UNIQUE)") }
        try db.write { try $0.execute("INSERT INTO t VALUES (?)", "secret-value") }
        let error = #expect(throws: DatabaseError.self) {
            try db.write { try $0.execute("INSERT INTO t VALUES (?)", "secret-value") }
        }
        #expect(error?.code == SQLITE_CONSTRAINT)
        #expect(error?.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(error?.sql == "INSERT INTO t VALUES (?)")
        #expect(error.map { !"\($0)".contains("secret-value") } == true)
    }

    @Test("a wrong number of arguments is an error, not a silent NULL")
    func argumentCount() throws {
        let temp = TemporaryDatabase()
        let db = try DatabaseConnection(path: temp.path)
        try db.write { try $0.execute("CREATE TABLE t (x, y)") }
        let error = #expect(throws: DatabaseError.self) { try db.write { try $0.execute("INSERT INTO t VALUES (?, ?)", 1) } }
        #expect(error?.code == SQLITE_RANGE)
    }

    @Test("foreign keys are enforced")
    func foreignKeys() throws {
        let temp = TemporaryDatabase()
        let db = try DatabaseConnection(path: temp.path)
        try db.write { tx in
            try tx.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
            try tx.execute("CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id))")
        }
        let error = #expect(throws: DatabaseError.self) { try db.write { try $0.execute("INSERT INTO child VALUES (42)") } }
        #expect(error?.extendedCode == 787)  // SQLITE_CONSTRAINT_FOREIGNKEY
    }

    @Test("a file that is not a database is refused with a clear message and left unchanged")
    func notADatabase() throws {
        let temp = TemporaryDatabase()
        let text = String(repeating: "name,email\nAda,ada@example.org\n", count: 100)
        try text.write(toFile: temp.path, atomically: true, encoding: .utf8)
        let error = #expect(throws: DatabaseError.self) { _ = try DatabaseConnection(path: temp.path) }
        #expect(error?.code == SQLITE_NOTADB)
        #expect(error?.userMessage == "the file is not a SQLite database")
        #expect(try String(contentsOfFile: temp.path, encoding: .utf8) == text)
    }

    @Test("a read-only connection refuses writes with SQLITE_READONLY")
    func readOnly() throws {
        let temp = TemporaryDatabase()
        try DatabaseConnection(path: temp.path).write { try $0.execute("CREATE TABLE t (x)") }
        let db = try DatabaseConnection(path: temp.path, options: .init(readOnly: true))
        #expect(db.isReadOnly)
        let error = #expect(throws: DatabaseError.self) { try db.write { try $0.execute("INSERT INTO t VALUES (1)") } }
        #expect(error?.code == SQLITE_READONLY)
    }

    @Test("opening a missing file read-only does not create it")
    func readOnlyMissing() throws {
        let temp = TemporaryDatabase()
        #expect(throws: DatabaseError.self) { _ = try DatabaseConnection(path: temp.path, options: .init(readOnly: true)) }
        #expect(!FileManager.default.fileExists(atPath: temp.path))
    }

    @Test("statements are prepared once and reused")
    func statementCache() throws {
        let temp = TemporaryDatabase()
        let db = try DatabaseConnection(path: temp.path)
        try db.write { try $0.execute("CREATE TABLE t (x)") }
        try db.write { tx in
            for value in 0..<100 { try tx.execute("INSERT INTO t VALUES (?)", value) }
        }
        let first = try db.statement("INSERT INTO t VALUES (?)")
        let second = try db.statement("INSERT INTO t VALUES (?)")
        #expect(first === second)
        #expect(try db.read { try $0.queryFirst("SELECT sum(x) FROM t") { $0.int(0) } } == 4950)
    }

    @Test("more than one statement in a query is refused")
    func oneStatement() throws {
        let temp = TemporaryDatabase()
        let db = try DatabaseConnection(path: temp.path)
        #expect(throws: DatabaseError.self) { try db.write { try $0.execute("CREATE TABLE a (x); CREATE TABLE b (y)") } }
    }
}
