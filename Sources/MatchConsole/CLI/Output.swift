import Domain
import Foundation

/// Where a command writes: standard output for results, standard error for messages.
struct Output: Sendable {
    var writeOut: @Sendable (String) -> Void
    var writeError: @Sendable (String) -> Void

    static let standard = Output(
        writeOut: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        writeError: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })

    func line(_ text: String = "") { writeOut(text) }

    func error(_ text: String) { writeError(text) }

    /// Row problems on stderr, one per line, the first `shown` of them and then a count of the rest.
    func problems(_ problems: [RowError], shown: Int = 20) {
        guard !problems.isEmpty else { return }
        error("Problems (\(problems.count)):")
        problems.prefix(shown).forEach { error("  \($0.description)") }
        if problems.count > shown { error("  … and \(problems.count - shown) more") }
    }

    /// Scripts read these: snake_case keys, UTC timestamps, stable key order.
    func json<T: Encodable>(_ value: T) throws {
        writeOut(String(decoding: try Self.encoder.encode(value), as: UTF8.self))
    }

    static var encoder: JSONEncoder { ScriptJSON.encoder }
}

/// Plain columns for terminal listings; every column as wide as its widest cell.
struct TextTable {
    let headers: [String]
    var rows: [[String]] = []

    func render() -> [String] {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1 ? row[column] : row[column] + String(repeating: " ", count: widths[column] - row[column].count)
            }.joined(separator: "  ")
        }
    }
}
