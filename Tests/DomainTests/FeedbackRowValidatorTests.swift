import Testing
@testable import Domain

@Suite("Survey rows")
struct FeedbackRowValidatorTests {
    @Test("question-style headers; every bad rating, duplicate and empty tag is a row-numbered error")
    func rows() throws {
        let text = """
            Timestamp,Email Address,How satisfied are you with your match? (1-5),Tags,Anything else?
            2026/10/01 10:00:00,ada@example.org,5,"Great fit; helpful",Lovely
            2026/10/01 10:05:00,bob@example.org,0,,
            2026/10/01 10:06:00,cy@example.org,4.5,,
            2026/10/01 10:07:00,dee@example.org,five,,
            2026/10/01 10:08:00,ADA@example.org,3,,
            2026/10/01 10:09:00,eve@example.org,4,"a;;b",
            2026/10/01 10:10:00,fay@example.org,6,,
            """
        let outcome = try FeedbackRowValidator.validate(try CSVReader.read(Array(text.utf8)))
        #expect(outcome.mappings["How satisfied are you with your match? (1-5)"] == .rating)
        #expect(outcome.mappings["Anything else?"] == .comment && outcome.mappings["Timestamp"] == .timestamp)
        #expect(outcome.rows.map(\.submission.email) == ["ada@example.org"])
        #expect(outcome.rows[0].submission.tags == ["great_fit", "helpful"] && outcome.rows[0].submittedAt != nil)
        let rating = "How satisfied are you with your match? (1-5)"
        #expect(outcome.errors.map(\.description) == [
            "line 3, column \"\(rating)\": rating must be a whole number from 1 to 5 (got \"0\")",
            "line 4, column \"\(rating)\": rating must be a whole number from 1 to 5 (got \"4.5\")",
            "line 5, column \"\(rating)\": rating must be a whole number from 1 to 5 (got \"five\")",
            "line 6, column \"Email Address\": \"ada@example.org\" is also on line 2",
            "line 7, column \"Tags\": empty tag in \"a,,b\"; separate tags with single commas or semicolons",
            "line 8, column \"\(rating)\": rating must be a whole number from 1 to 5 (got \"6\")",
        ])
    }

    @Test("a file without an email or rating column is refused whole")
    func missingColumns() {
        #expect(throws: DomainError.invalidFile("missing required column: rating; the header has \"email\", \"comment\"")) {
            try FeedbackRowValidator.validate(try CSVReader.read(Array("email,comment\nada@example.org,hi\n".utf8)))
        }
    }
}
