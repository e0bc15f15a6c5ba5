/// RFC 4180 CSV as spreadsheets really write it: quoted fields with embedded delimiters, line
/// breaks and doubled quotes; LF, CRLF or CR line ends; the delimiter sniffed from the header
/// (`,` `;` or tab); blank lines skipped. Works on bytes so 100,000 rows read in milliseconds.
public enum CSVReader {
    public static let maximumBytes = 100_000_000
    public static let maximumRows = 1_000_000
    public static let maximumFieldBytes = 64 * 1024

    public static func read(_ input: [UInt8]) throws -> CSVTable {
        guard !input.isEmpty else { throw CSVError.empty }
        guard input.count <= maximumBytes else { throw CSVError.tooLarge(bytes: input.count, limit: maximumBytes) }
        let decoded = try TextDecoding.decode(input)
        let bytes = decoded.bytes
        let delimiter = sniffDelimiter(bytes)
        var records = try parse(bytes, delimiter: delimiter)
        guard !records.isEmpty else { throw CSVError.empty }
        let header = records.removeFirst()
        return CSVTable(header: header.fields, headerLine: header.line, records: records,
                        delimiter: Character(Unicode.Scalar(delimiter)), encoding: decoded.encoding, warnings: decoded.warnings)
    }

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// The candidate that occurs most often, outside quotes, on the first line; comma on a tie.
    static func sniffDelimiter(_ bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var inQuotes = false
        for byte in bytes {
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == newline || byte == carriageReturn {
                    if counts.contains(where: { $0 > 0 }) { break }
                    continue
                }
                if let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
            }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
        return counts[best] > 0 ? candidates[best] : candidates[0]
    }

    private static func parse(_ bytes: [UInt8], delimiter: UInt8) throws -> [CSVRecord] {
        try bytes.withUnsafeBufferPointer { buffer in
            var records: [CSVRecord] = []
            var scratch: [UInt8] = []
            var index = 0
            var line = 1
            let count = buffer.count

            func field(_ start: Int, _ end: Int, startLine: Int) throws -> String {
                guard end - start <= maximumFieldBytes else { throw CSVError.fieldTooLong(line: startLine, limit: maximumFieldBytes) }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
            }

            while index < count {
                let recordLine = line
                var fields: [String] = []
                var recordEnded = false
                while !recordEnded {
                    if index < count && buffer[index] == quote {
                        // Quoted field: copy with doubled quotes collapsed; line breaks are content.
                        let quoteLine = line
                        scratch.removeAll(keepingCapacity: true)
                        index += 1
                        var closed = false
                        while index < count {
                            let byte = buffer[index]
                            if byte == quote {
                                if index + 1 < count && buffer[index + 1] == quote {
                                    scratch.append(quote)
                                    index += 2
                                    continue
                                }
                                index += 1
                                closed = true
                                break
                            }
                            if byte == newline || (byte == carriageReturn && (index + 1 >= count || buffer[index + 1] != newline)) {
                                line += 1
                            }
                            scratch.append(byte)
                            index += 1
                            if scratch.count > maximumFieldBytes { throw CSVError.fieldTooLong(line: quoteLine, limit: maximumFieldBytes) }
                        }
                        guard closed else { throw CSVError.unterminatedQuote(line: quoteLine) }
                        // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
                        while index < count, buffer[index] != delimiter, buffer[index] != newline, buffer[index] != carriageReturn {
                            scratch.append(buffer[index])
                            index += 1
                        }
                        guard scratch.count <= maximumFieldBytes else { throw CSVError.fieldTooLong(line: quoteLine, limit: maximumFieldBytes) }
                        fields.append(String(decoding: scratch, as: UTF8.self))
                    } else {
                        let start = index
                        while index < count, buffer[index] != delimiter, buffer[index] != newline, buffer[index] != carriageReturn {
                            index += 1
                        }
                        fields.append(try field(start, index, startLine: line))
                    }
                    if index < count && buffer[index] == delimiter {
                        index += 1
                    } else {
                        if index < count {
                            if buffer[index] == carriageReturn && index + 1 < count && buffer[index + 1] == newline { index += 1 }
                            index += 1
                            line += 1
                        }
                        recordEnded = true
                    }
                }
                if fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { continue }
                guard records.count < maximumRows + 1 else { throw CSVError.tooManyRows(limit: maximumRows) }
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            return records
        }
    }
}
