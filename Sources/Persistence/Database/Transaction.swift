import CSQLite

/// The connection as seen inside `read { }` or `write { }`. Valid only during that closure.
/// Every statement takes its values as bound arguments; SQL text is never built from user input.
public struct Transaction {
    let connection: DatabaseConnection

    public func execute(_ sql: String, _ arguments: any SQLValueConvertible...) throws {
        try connection.execute(sql, arguments.map(\.sqlValue))
    }

    public func execute(_ sql: String, arguments: [SQLValue]) throws {
        try connection.execute(sql, arguments)
    }

    public func query<T>(_ sql: String, _ arguments: any SQLValueConvertible..., map: (Row) throws -> T) throws -> [T] {
        try query(sql, arguments: arguments.map(\.sqlValue), map: map)
    }

    public func query<T>(_ sql: String, arguments: [SQLValue], map: (Row) throws -> T) throws -> [T] {
        var results: [T] = []
        let prepared = try connection.statement(sql)
        try prepared.bind(arguments)
        try prepared.run { row in results.append(try map(row)) }
        return results
    }

    /// The first row mapped, or nil when there is none.
    public func queryFirst<T>(_ sql: String, _ arguments: any SQLValueConvertible..., map: (Row) throws -> T) throws -> T? {
        try queryFirst(sql, arguments: arguments.map(\.sqlValue), map: map)
    }

    public func queryFirst<T>(_ sql: String, arguments: [SQLValue], map: (Row) throws -> T) throws -> T? {
        var result: T?
        let prepared = try connection.statement(sql)
        try prepared.bind(arguments)
        try prepared.run { row in
            if result == nil { result = try map(row) }
        }
        return result
    }

    /// Calls `body` for each row without collecting them: for large results.
    public func forEach(_ sql: String, arguments: [SQLValue], _ body: (Row) throws -> Void) throws {
        let prepared = try connection.statement(sql)
        try prepared.bind(arguments)
        try prepared.run(body)
    }

    /// A statement to run many times in a loop, without looking it up by its text each time.
    public func prepare(_ sql: String) throws -> PreparedQuery {
        PreparedQuery(statement: try connection.statement(sql))
    }

    public func executeScript(_ sql: String) throws {
        try connection.executeScript(sql)
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(connection.handle) }
    public var changes: Int { Int(sqlite3_changes(connection.handle)) }
}

/// A compiled statement held for a loop inside one transaction.
public struct PreparedQuery {
    let statement: PreparedStatement

    public func execute(_ arguments: [SQLValue]) throws {
        try statement.bind(arguments)
        try statement.run { _ in }
    }

    /// Executes with parameters bound in order by `body`, with no argument array in between.
    public func execute(binding body: (inout ArgumentBinder) throws -> Void) throws {
        try statement.bind(body)
        try statement.run { _ in }
    }

    /// The first row mapped, or nil when there is none.
    public func first<T>(_ arguments: [SQLValue], map: (Row) throws -> T) throws -> T? {
        try first(binding: { binder in for value in arguments { try binder.bind(value) } }, map: map)
    }

    public func first<T>(binding body: (inout ArgumentBinder) throws -> Void, map: (Row) throws -> T) throws -> T? {
        try statement.bind(body)
        var result: T?
        try statement.run { row in
            if result == nil { result = try map(row) }
        }
        return result
    }
}
