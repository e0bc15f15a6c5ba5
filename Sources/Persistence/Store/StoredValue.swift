import CSQLite
import Domain
import Foundation

/// Conversions between domain values and their stored form, and the error raised when a stored
/// value cannot be read back (a file edited by hand, or written by a buggy build).
enum StoredValue {
    static func timestamp(_ date: Date) -> String {
        UTCTimestamp.string(from: date)
    }

    static func date(_ text: String, column: String) throws -> Date {
        guard let date = UTCTimestamp.date(from: text) else { throw unreadable(column, text) }
        return date
    }

    static func optionalDate(_ text: String?, column: String) throws -> Date? {
        try text.map { try date($0, column: column) }
    }

    static func calendarDate(_ text: String, column: String) throws -> CalendarDate {
        guard let date = CalendarDate(parsing: text) else { throw unreadable(column, text) }
        return date
    }

    static func enumeration<E: RawRepresentable>(_ text: String, column: String) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: text) else { throw unreadable(column, text) }
        return value
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String, column: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw unreadable(column, String(text.prefix(80)))
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static func unreadable(_ column: String, _ text: String) -> DatabaseError {
        DatabaseError(code: SQLITE_MISMATCH, message: "stored value \"\(text)\" in column \(column) cannot be read")
    }
}
