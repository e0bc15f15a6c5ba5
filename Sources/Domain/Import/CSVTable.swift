/// A parsed CSV file: the header, the records under it with the physical line each starts on,
/// and what the reader had to guess (encoding, delimiter).
public struct CSVTable: Sendable, Hashable {
    public var header: [String]
    public var headerLine: Int
    public var records: [CSVRecord]
    public var delimiter: Character
    public var encoding: TextEncoding
    /// Things the user should know but that did not stop the reading (e.g. a Windows-1252 guess).
    public var warnings: [String]

    public init(header: [String], headerLine: Int, records: [CSVRecord], delimiter: Character,
                encoding: TextEncoding, warnings: [String]) {
        self.header = header
        self.headerLine = headerLine
        self.records = records
        self.delimiter = delimiter
        self.encoding = encoding
        self.warnings = warnings
    }
}

extension CSVTable {
    /// The header and how the bytes were read, as a streamed read reports them.
    public var head: CSVReader.Head {
        CSVReader.Head(fields: header, line: headerLine, delimiter: delimiter, encoding: encoding, warnings: warnings)
    }
}

public struct CSVRecord: Sendable, Hashable {
    /// 1-based line of the file where the record starts (a quoted field may span several lines).
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

public enum TextEncoding: String, Sendable, Hashable, Codable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16 LE"
    case utf16BigEndian = "UTF-16 BE"
    case windows1252 = "Windows-1252"
}

/// Why a file could not be read at all, with where it went wrong when that is known.
public enum CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case binary
    case unterminatedQuote(line: Int)
    case tooManyRows(limit: Int)
    case fieldTooLong(line: Int, limit: Int)

    public var description: String {
        switch self {
        case .empty:
            return "the file is empty"
        case let .tooLarge(bytes, limit):
            return "the file is \(bytes / 1_000_000) MB; the limit is \(limit / 1_000_000) MB"
        case .binary:
            return "the file contains NUL bytes: it is not a text CSV file (a spreadsheet saved as .xlsx, or UTF-16 without a byte-order mark?)"
        case let .unterminatedQuote(line):
            return "a quoted field that starts on line \(line) is never closed"
        case let .tooManyRows(limit):
            return "the file has more than \(limit) rows"
        case let .fieldTooLong(line, limit):
            return "line \(line) has a field longer than \(limit / 1024) KiB"
        }
    }
}
