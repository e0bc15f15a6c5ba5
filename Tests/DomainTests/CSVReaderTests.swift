import Testing
@testable import Domain

@Suite("CSV reader on the corpus")
struct CSVReaderTests {
    private func read(_ name: String) throws -> CSVTable { try CSVReader.read(try Corpus.bytes(name)) }

    @Test("Excel CSV UTF-8: BOM and CRLF are invisible")
    func excelUTF8() throws {
        let table = try read("excel-utf8-bom-crlf.csv")
        #expect(table.encoding == .utf8WithBOM && table.delimiter == ",")
        #expect(table.header == ["Email", "Full Name", "Role", "Major", "Max Mentees"])
        #expect(table.records == [
            CSVRecord(line: 2, fields: ["ada@example.org", "Ada Lovelace", "Mentor", "Mathematics", "3"]),
            CSVRecord(line: 3, fields: ["zoë@example.org", "Zoë Müller", "mentee", "Physics", ""]),
        ])
    }

    @Test("semicolons are sniffed; a comma inside a field stays in it")
    func semicolons() throws {
        let table = try read("excel-semicolon.csv")
        #expect(table.delimiter == ";")
        #expect(table.records[0].fields == ["ada@example.org", "Lovelace, Ada", "MENTOR", "Maths", "12,5"])
    }

    @Test("quoted fields keep line breaks, doubled quotes and delimiters; lines are physical")
    func quoted() throws {
        let table = try read("quoted-multiline.csv")
        #expect(table.records == [
            CSVRecord(line: 2, fields: ["ada@example.org", "Lovelace, Ada", "mentor", "Line one\nline \"two\"\nline three"]),
            CSVRecord(line: 5, fields: ["bob@example.org", "Bob", "mentee", "plain"]),
        ])
    }

    @Test("invalid UTF-8 is read as Windows-1252, with a warning naming the line")
    func windows1252() throws {
        let table = try read("windows-1252.csv")
        #expect(table.encoding == .windows1252)
        #expect(table.records[0].fields == ["rene@example.org", "René Descartes", "mentor", "“Cogito” – ergo sum €"])
        #expect(table.warnings.count == 1 && table.warnings[0].contains("first at line 2"))
    }

    @Test("UTF-16 with a byte-order mark, little and big endian")
    func utf16() throws {
        let little = try read("utf16le-tabs.csv")
        #expect(little.encoding == .utf16LittleEndian && little.delimiter == "\t")
        #expect(little.records == [CSVRecord(line: 2, fields: ["ada@example.org", "Ada 日本", "mentor"])])
        let big = try read("utf16be.csv")
        #expect(big.encoding == .utf16BigEndian && big.records[0].fields == ["bob@example.org", "Bob", "mentee"])
    }

    @Test("CR-only line ends")
    func carriageReturns() throws {
        let table = try read("cr-line-ends.csv")
        #expect(table.records.map(\.line) == [2, 3] && table.records[1].fields == ["bob@example.org", "Bob", "mentee"])
    }

    @Test("blank lines and delimiter-only rows are skipped, line numbers still count them")
    func blankLines() throws {
        let table = try read("blank-lines.csv")
        #expect(table.records == [
            CSVRecord(line: 3, fields: ["ada@example.org", "Ada", "mentor"]),
            CSVRecord(line: 7, fields: ["bob@example.org", "Bob", "mentee"]),
        ])
    }

    @Test("refusals say what is wrong", arguments: [
        ("empty.csv", CSVError.empty),
        ("binary.csv", .binary),
        ("unterminated-quote.csv", .unterminatedQuote(line: 3)),
    ])
    func refusals(name: String, expected: CSVError) throws {
        #expect(throws: expected) { try read(name) }
    }

    @Test("a header with no rows is a table with no records")
    func headerOnly() throws {
        let table = try read("header-only.csv")
        #expect(table.header == ["email", "name", "role"] && table.records.isEmpty)
    }

    @Test("limits: field size and row count")
    func limits() throws {
        let long = "a,b\n\"" + String(repeating: "x", count: CSVReader.maximumFieldBytes + 1) + "\",y\n"
        #expect(throws: CSVError.fieldTooLong(line: 2, limit: CSVReader.maximumFieldBytes)) { try CSVReader.read(Array(long.utf8)) }
        let plain = "a,b\n" + String(repeating: "x", count: CSVReader.maximumFieldBytes + 1) + ",y\n"
        #expect(throws: CSVError.fieldTooLong(line: 2, limit: CSVReader.maximumFieldBytes)) { try CSVReader.read(Array(plain.utf8)) }
        var many = "a\n"
        many += String(repeating: "1\n", count: CSVReader.maximumRows + 1)
        #expect(throws: CSVError.tooManyRows(limit: CSVReader.maximumRows)) { try CSVReader.read(Array(many.utf8)) }
    }

    @Test("a final field after a trailing delimiter is an empty field; text after a closing quote is kept")
    func edges() throws {
        #expect(try CSVReader.read(Array("a,b\n1,".utf8)).records == [CSVRecord(line: 2, fields: ["1", ""])])
        #expect(try CSVReader.read(Array("a,b\n\"x\"y,2".utf8)).records == [CSVRecord(line: 2, fields: ["xy", "2"])])
        #expect(try CSVReader.read(Array("a\tb;c\n".utf8)).delimiter == ";", "a tie goes to the earlier of , ; tab")
    }
}
