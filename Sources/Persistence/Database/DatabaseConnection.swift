import CSQLite
import Foundation

/// One SQLite connection, configured the way the product relies on: write-ahead logging (readers
/// never wait for the writer), foreign keys enforced, a busy timeout so concurrent processes queue
/// instead of failing, and a private file. Statements are compiled once and cached.
///
/// Not `Sendable` on purpose: a connection belongs to the thread that opened it. Another thread
/// opens its own.
public final class DatabaseConnection {
    public struct Options: Sendable {
        /// How long a writer waits for another process's write lock before giving up.
        public var busyTimeoutMilliseconds: Int32 = 5_000
        /// Open without the right to write (e.g. `doctor` on a file it must not change).
        public var readOnly = false

        public init(busyTimeoutMilliseconds: Int32 = 5_000, readOnly: Bool = false) {
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.readOnly = readOnly
        }
    }

    public let path: String
    let handle: OpaquePointer
    private var statements: [String: PreparedStatement] = [:]
    private var inTransaction = false

    public init(path: String, options: Options = Options()) throws {
        if !options.readOnly {
            try Self.createPrivateFileIfMissing(path)
        }
        var connection: OpaquePointer?
        // NOMUTEX: a connection is only ever used by the thread that opened it, so SQLite's own
        // per-call locking would be pure overhead.
        let flags = (options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = DatabaseError(connection: connection, code: code, sql: nil)
            sqlite3_close_v2(connection)
            throw error
        }
        self.path = path
        self.handle = connection
        do {
            try configure(options)
        } catch {
            statements.removeAll()
            sqlite3_close_v2(connection)
            throw error
        }
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// A consistent snapshot for several queries; other processes may write meanwhile.
    public func read<T>(_ body: (Transaction) throws -> T) throws -> T {
        try transaction(begin: "BEGIN DEFERRED", body)
    }

    /// A write transaction that holds the write lock from its first statement (`BEGIN IMMEDIATE`),
    /// so checks made inside it stay true until it commits. Rolled back when `body` throws.
    public func write<T>(_ body: (Transaction) throws -> T) throws -> T {
        try transaction(begin: "BEGIN IMMEDIATE", body)
    }

    /// Statements that must run outside a transaction (pragmas such as `foreign_keys`, `VACUUM`).
    public func executeOutsideTransaction(_ sql: String) throws {
        guard !inTransaction else { throw DatabaseOpenError.nestedTransaction }
        try execute(sql)
    }

    /// The first column of the first row of a pragma or query run outside any transaction.
    public func scalarOutsideTransaction(_ sql: String) throws -> SQLValue? {
        guard !inTransaction else { throw DatabaseOpenError.nestedTransaction }
        var result: SQLValue?
        try statement(sql).run { row in
            if result == nil { result = row.value(0) }
        }
        return result
    }

    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    private func transaction<T>(begin: String, _ body: (Transaction) throws -> T) throws -> T {
        guard !inTransaction else { throw DatabaseOpenError.nestedTransaction }
        try execute(begin)
        inTransaction = true
        defer { inTransaction = false }
        do {
            let result = try body(Transaction(connection: self))
            try execute("COMMIT")
            return result
        } catch {
            if sqlite3_get_autocommit(handle) == 0 {
                _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
            }
            throw error
        }
    }

    func statement(_ sql: String) throws -> PreparedStatement {
        if let cached = statements[sql] { return cached }
        let prepared = try PreparedStatement(connection: handle, sql: sql)
        statements[sql] = prepared
        return prepared
    }

    func execute(_ sql: String, _ arguments: [SQLValue] = []) throws {
        let prepared = try statement(sql)
        try prepared.bind(arguments)
        try prepared.run { _ in }
    }

    /// Several statements separated by semicolons, with no arguments: migrations only.
    func executeScript(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw DatabaseError(code: code & 0xFF, extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    private func configure(_ options: Options) throws {
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, options.busyTimeoutMilliseconds)
        // Reading the schema fails here, with SQLITE_NOTADB, when the file is not a database.
        _ = try scalarOutsideTransaction("SELECT count(*) FROM sqlite_schema")
        if !options.readOnly {
            if isReadOnly { throw DatabaseOpenError.readOnly(path: path) }
            let mode = try scalarOutsideTransaction("PRAGMA journal_mode = WAL")
            guard case .text(let text)? = mode, text.lowercased() == "wal" else {
                let shown: String
                if case .text(let text)? = mode { shown = text } else { shown = "unknown" }
                throw DatabaseOpenError.walUnavailable(path: path, mode: shown)
            }
            try execute("PRAGMA synchronous = NORMAL")
        }
        try execute("PRAGMA foreign_keys = ON")
        guard case .integer(1)? = try scalarOutsideTransaction("PRAGMA foreign_keys") else {
            throw DatabaseError(code: SQLITE_MISUSE, message: "this SQLite cannot enforce foreign keys", sql: "PRAGMA foreign_keys")
        }
    }

    /// The file (and its folder) are created private to their owner before SQLite opens it; SQLite
    /// gives the -wal and -shm files the database file's permissions.
    private static func createPrivateFileIfMissing(_ path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw DatabaseError(code: SQLITE_CANTOPEN, message: "cannot create folder \(folder): \(error.localizedDescription)")
            }
        }
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            let reason = String(cString: strerror(errno))
            throw DatabaseError(code: SQLITE_CANTOPEN, message: "cannot create \(path): \(reason)")
        }
    }
}
