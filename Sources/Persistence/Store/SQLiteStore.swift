import Domain
import Foundation

/// The `Store` of the product, backed by one SQLite connection. Opening it migrates the schema.
public final class SQLiteStore: Store {
    public let connection: DatabaseConnection

    public init(path: String, options: DatabaseConnection.Options = .init()) throws {
        connection = try DatabaseConnection(path: path, options: options)
        if options.readOnly {
            _ = try Migrator.currentVersion(connection)
        } else {
            try Migrator.migrate(connection)
        }
    }

    public static var schemaVersion: Int { Migrator.latestVersion }

    public func read<T>(_ body: (any StoreReader) throws -> T) throws -> T {
        try connection.read { tx in try body(SQLiteRecords(tx: tx)) }
    }

    public func write<T>(_ body: (any StoreWriter) throws -> T) throws -> T {
        try connection.write { tx in try body(SQLiteRecords(tx: tx)) }
    }
}

/// Opens one `SQLiteStore` per caller, e.g. per background thread.
public struct SQLiteStoreFactory: StoreFactory {
    public let path: String
    public let options: DatabaseConnection.Options

    public init(path: String, options: DatabaseConnection.Options = .init()) {
        self.path = path
        self.options = options
    }

    public func makeStore() throws -> any Store {
        try SQLiteStore(path: path, options: options)
    }
}

/// The records of one transaction. Each concern's queries live in an extension file of its own.
struct SQLiteRecords {
    let tx: Transaction
}
