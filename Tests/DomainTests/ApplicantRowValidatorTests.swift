import Testing
@testable import Domain

@Suite("Applicant columns and row validation")
struct ApplicantRowValidatorTests {
    private func validate(_ name: String) throws -> ApplicantRowValidator.Outcome {
        try ApplicantRowValidator.validate(try CSVReader.read(try Corpus.bytes(name)))
    }

    @Test("headers match case-insensitively, with spaces, _ and - alike, and aliases", arguments: [
        ("Email", ApplicantColumn.email), ("E-mail", .email), ("email_address", .email), ("EMAIL ADDRESS", .email),
        ("What is your email?", .email), ("Full Name", .name), ("first_name", .firstName), ("Surname", .lastName),
        ("Type", .role), ("Applying as", .role), ("Are you applying as a mentor or mentee?", .role),
        ("Major", .field), ("Profession", .field), ("Year", .seniority), ("Years of Experience", .seniority),
        ("Max Mentees", .capacity), ("Time Zone", .timezone), ("What are your goals?", .goals),
        ("Areas of interest", .interests), ("Department", .department), ("Interests*", .interests),
        ("Rating (1-5)", nil), ("Timestamp", nil),
    ])
    func aliases(header: String, expected: ApplicantColumn?) {
        #expect(ApplicantColumn.match(header: header) == expected)
    }

    @Test("Excel file: every row valid, emails lower-cased, empty capacity means the default")
    func excel() throws {
        let outcome = try validate("excel-utf8-bom-crlf.csv")
        #expect(outcome.errors.isEmpty)
        #expect(outcome.drafts.map(\.email) == ["ada@example.org", "zoë@example.org"])
        #expect(outcome.drafts[0] == ApplicantDraft(line: 2, email: "ada@example.org", name: "Ada Lovelace", role: .mentor,
                                                    field: "Mathematics", capacity: 3))
        #expect(outcome.drafts[1].role == .mentee && outcome.drafts[1].capacity == nil)
    }

    @Test("decimal commas in semicolon files")
    func decimalComma() throws {
        #expect(try validate("excel-semicolon.csv").drafts[0].seniority == 12.5)
    }

    @Test("Google Forms: first + last name, question headers, Timestamp kept as an extra attribute")
    func googleForms() throws {
        let outcome = try validate("google-forms.csv")
        #expect(outcome.errors.isEmpty)
        #expect(outcome.drafts[0].name == "Ada Lovelace" && outcome.drafts[0].role == .mentor && outcome.drafts[0].capacity == 4)
        #expect(outcome.drafts[0].goals == "Teach")
        #expect(outcome.drafts[0].extra == [ExtraAttribute(name: "Timestamp", value: "2026/08/01 10:00:00")])
        #expect(outcome.drafts[1].name == "Bob" && outcome.drafts[1].goals == "Learn, grow")
        #expect(outcome.mappings.map(\.column) == [nil, .email, .firstName, .lastName, .role, .goals, .capacity])
    }

    @Test("a missing required column refuses the whole file, naming what was looked for and found")
    func missingColumn() throws {
        #expect(throws: DomainError.invalidFile("missing required column: role (mentor or mentee); the header has \"email\", \"name\", \"field\"")) {
            try validate("missing-role.csv")
        }
    }

    @Test("every problem of every row, with line and column")
    func problems() throws {
        let outcome = try validate("invalid-values.csv")
        #expect(outcome.drafts.isEmpty)
        #expect(outcome.errors.map(\.description) == [
            "line 2, column \"email\": \"bob@\" is not an email address",
            "line 4, column \"name\": missing name",
            "line 4, column \"role\": \"coach\" is not a role; use mentor or mentee",
            "line 4, column \"seniority\": \"senior\" is not a number",
            "line 5, column \"capacity\": \"0\" is not a whole number of mentees from 1 to 20",
            "line 6, column \"capacity\": \"2.5\" is not a whole number of mentees from 1 to 20",
            "line 6, column \"seniority\": \"-1\" is not a number",
        ])
    }

    @Test("duplicate emails name both lines; ragged rows are padded or refused")
    func duplicatesAndRagged() throws {
        let duplicates = try validate("duplicates.csv")
        #expect(duplicates.errors.map(\.description) == ["line 4, column \"email\": \"ada@example.org\" is also on line 2"])
        #expect(duplicates.drafts.count == 2)
        let ragged = try validate("ragged.csv")
        #expect(ragged.errors.map(\.description) == ["line 3: has 6 values but the header has 5 columns"])
        #expect(ragged.drafts.map(\.email) == ["ada@example.org", "cy@example.org"])
    }
}
