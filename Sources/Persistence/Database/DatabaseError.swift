import CSQLite

/// A failure reported by SQLite: its result codes, its message and the statement's SQL.
/// Bound values are never included, so an error can be logged without leaking applicant data.
public struct DatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Int32
    public var extendedCode: Int32
    public var message: String
    public var sql: String?

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.code = code
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
    }

    init(connection: OpaquePointer?, code: Int32, sql: String?) {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let text = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        self.init(code: code & 0xFF, extendedCode: extended, message: text, sql: sql)
    }

    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    public var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }

    /// One line for people: what went wrong in their terms, then SQLite's own words.
    public var userMessage: String {
        switch code {
        case SQLITE_NOTADB: return "the file is not a SQLite database"
        case SQLITE_BUSY, SQLITE_LOCKED: return "the database is locked by another process; try again in a moment"
        case SQLITE_READONLY: return "the database is read-only (\(message))"
        case SQLITE_CANTOPEN: return "the database file cannot be opened (\(message))"
        case SQLITE_FULL: return "the disk is full; nothing was saved"
        case SQLITE_CORRUPT: return "the database file is damaged (\(message)); run `match-console doctor`"
        case SQLITE_IOERR: return "the database file could not be read or written (\(message))"
        case SQLITE_PERM, SQLITE_AUTH: return "access to the database was denied (\(message))"
        default: return "database error: \(message)"
        }
    }

    public var description: String {
        var text = "SQLite error \(code) (extended \(extendedCode)): \(message)"
        if let sql { text += " — in: \(sql)" }
        return text
    }
}

/// Conditions found while opening a database that SQLite itself does not treat as errors.
public enum DatabaseOpenError: Error, Sendable, Hashable, CustomStringConvertible {
    case notAMatchConsoleDatabase(path: String)
    case schemaTooNew(path: String, found: Int, supported: Int)
    case walUnavailable(path: String, mode: String)
    case readOnly(path: String)
    case nestedTransaction

    public var description: String {
        switch self {
        case let .notAMatchConsoleDatabase(path):
            return "\(path) is a SQLite database but not a Match Console one; refusing to change it"
        case let .schemaTooNew(path, found, supported):
            return "\(path) uses schema version \(found), but this match-console understands versions up to \(supported); use a newer match-console"
        case let .walUnavailable(path, mode):
            return "\(path) cannot use write-ahead logging (journal mode stayed \"\(mode)\"); put the database on a local file system"
        case let .readOnly(path):
            return "\(path) is read-only; check the file's permissions"
        case .nestedTransaction:
            return "internal error: a transaction was started inside another"
        }
    }
}
