import CSQLite

/// A compiled statement owned by one connection's cache. Every use binds fresh arguments and ends
/// with a reset, so no statement keeps a read snapshot open after its caller is done with it.
final class PreparedStatement {
    let handle: OpaquePointer
    let sql: String
    private let connection: OpaquePointer

    init(connection: OpaquePointer, sql: String) throws {
        var statement: OpaquePointer?
        // The tail pointer points into the C string, so it is read while that string is alive.
        let (code, hasMore) = sql.withCString { text -> (Int32, Bool) in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(connection, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            let rest = tail.map { String(cString: $0) } ?? ""
            return (code, !rest.allSatisfy(\.isWhitespace))
        }
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(connection: connection, code: code, sql: sql)
        }
        if hasMore {
            sqlite3_finalize(statement)
            throw DatabaseError(code: SQLITE_MISUSE, message: "one statement expected, found more", sql: sql)
        }
        self.handle = statement
        self.sql = sql
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    func bind(_ arguments: [SQLValue]) throws {
        try bind { binder in
            for value in arguments { try binder.bind(value) }
        }
    }

    /// Binds every parameter in order through `body`, without building an argument array: the
    /// hot loops (uploads write 100,000 rows) bind each field straight from their own values.
    func bind(_ body: (inout ArgumentBinder) throws -> Void) throws {
        sqlite3_reset(handle)
        var binder = ArgumentBinder(statement: self)
        try body(&binder)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard binder.count == expected else {
            throw DatabaseError(code: SQLITE_RANGE, message: "statement takes \(expected) arguments, got \(binder.count)", sql: sql)
        }
    }

    fileprivate func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw DatabaseError(connection: connection, code: code, sql: sql) }
    }

    /// Steps through every row; `body` sees each. Resets the statement however it ends.
    func run(_ body: (Row) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            switch code {
            case SQLITE_ROW:
                try body(Row(statement: handle))
            case SQLITE_DONE:
                return
            default:
                throw DatabaseError(connection: connection, code: code, sql: sql)
            }
        }
    }
}

/// Binds a statement's parameters one after another, 1, 2, 3…; texts and blobs are copied by
/// SQLite, so the Swift values need not outlive the call.
public struct ArgumentBinder {
    fileprivate let statement: PreparedStatement
    public private(set) var count = 0

    fileprivate init(statement: PreparedStatement) {
        self.statement = statement
    }

    private mutating func next() -> Int32 {
        count += 1
        return Int32(count)
    }

    public mutating func bind(_ value: SQLValue) throws {
        switch value {
        case .null: try statement.check(sqlite3_bind_null(statement.handle, next()))
        case .integer(let number): try statement.check(sqlite3_bind_int64(statement.handle, next(), number))
        case .real(let number): try statement.check(sqlite3_bind_double(statement.handle, next(), number))
        case .text(let text): try bind(text)
        case .blob(let bytes):
            let index = next()
            try statement.check(bytes.withUnsafeBytes { raw in
                sqlite3_bind_blob(statement.handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count),
                                  csqlite_transient())
            })
        }
    }

    public mutating func bind(_ text: String) throws {
        let index = next(), handle = statement.handle
        // Native strings lend their UTF-8 in place; others are made contiguous first.
        let code = text.utf8.withContiguousStorageIfAvailable { bytes in
            Self.bindText(handle, index, bytes)
        } ?? {
            var copy = text
            return copy.withUTF8 { Self.bindText(handle, index, $0) }
        }()
        try statement.check(code)
    }

    public mutating func bind(_ number: Int?) throws {
        try bind(number.map { SQLValue.integer(Int64($0)) } ?? .null)
    }

    public mutating func bind(_ number: Double?) throws {
        try bind(number.map { SQLValue.real($0) } ?? .null)
    }

    private static func bindText(_ handle: OpaquePointer, _ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard let base = bytes.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, csqlite_transient()) }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            sqlite3_bind_text(handle, index, $0, Int32(bytes.count), csqlite_transient())
        }
    }
}

