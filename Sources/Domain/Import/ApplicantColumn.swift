/// The applicant fields a column can fill, with the header names real tools use for each.
public enum ApplicantColumn: String, Sendable, Hashable, Codable, CaseIterable {
    case email, name, firstName = "first name", lastName = "last name", role, field, seniority, interests, goals,
         bio, availability, languages, timezone, capacity, department

    public static let required: [ApplicantColumn] = [.email, .name, .role]

    /// Header names after normalisation (lower case; spaces, `_` and `-` alike; trailing `?`, `:`,
    /// `*` and parenthesised hints removed).
    public var aliases: [String] {
        switch self {
        case .email: return ["email", "e mail", "email address", "e mail address", "mail", "your email", "email addr"]
        case .name: return ["name", "full name", "your name", "applicant name", "participant name", "fullname"]
        case .firstName: return ["first name", "firstname", "given name", "forename"]
        case .lastName: return ["last name", "lastname", "surname", "family name"]
        case .role: return ["role", "type", "applying as", "apply as", "applicant type", "participant type",
                            "mentor or mentee", "mentor mentee", "i am applying as", "i want to be a"]
        case .field: return ["field", "major", "profession", "field of study", "discipline", "area", "industry",
                             "occupation", "subject", "specialty", "specialization", "expertise"]
        case .seniority: return ["seniority", "year", "grade", "years of experience", "experience", "years experience",
                                 "level", "year of study", "class year", "years in industry"]
        case .interests: return ["interests", "interest", "topics", "areas of interest", "hobbies", "skills"]
        case .goals: return ["goals", "goal", "objectives", "objective", "what do you hope to gain", "aims"]
        case .bio: return ["bio", "about", "about me", "about you", "biography", "background", "description", "summary"]
        case .availability: return ["availability", "available", "schedule", "when are you available", "available times"]
        case .languages: return ["languages", "language", "spoken languages", "languages spoken"]
        case .timezone: return ["timezone", "time zone", "tz", "your time zone"]
        case .capacity: return ["capacity", "max mentees", "maximum mentees", "number of mentees", "how many mentees",
                                "mentee capacity", "max number of mentees"]
        case .department: return ["department", "dept", "team", "faculty", "school", "division", "unit"]
        }
    }

    private static let byAlias: [String: ApplicantColumn] = {
        var table: [String: ApplicantColumn] = [:]
        for column in allCases { for alias in column.aliases { table[alias] = column } }
        return table
    }()

    public static func match(header: String) -> ApplicantColumn? {
        let key = normalize(header)
        if let column = byAlias[key] { return column }
        // Survey tools write questions: "What are your goals for this program?" still means goals.
        return keywords.first { key.contains($0.0) }?.1
    }

    /// Words that identify a question-style header, tried in order after the exact aliases.
    private static let keywords: [(String, ApplicantColumn)] = [
        ("email", .email), ("e mail", .email), ("goal", .goals), ("interest", .interests), ("availab", .availability),
        ("language", .languages), ("time zone", .timezone), ("timezone", .timezone), ("how many mentees", .capacity),
        ("applying as", .role), ("mentor or mentee", .role),
    ]

    /// Lower case, `_`/`-`/runs of spaces as one space, trailing punctuation and "(…)" hints removed.
    public static func normalize(_ header: String) -> String {
        var text = header.lowercased()
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") { text = String(text[..<open]) }
        var words: [Substring] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" || $0 == "." }) {
            words.append(word)
        }
        var result = words.joined(separator: " ")
        while let last = result.last, "?:*!".contains(last) || last == " " { result.removeLast() }
        return result
    }
}

/// How one header of the file was understood, for the preview.
public struct ColumnMapping: Sendable, Hashable, Codable {
    public var index: Int
    public var header: String
    /// Nil when the column is kept as an extra attribute.
    public var column: ApplicantColumn?
    /// Set when the column also fills another field (department standing in for a missing field).
    public var alsoFills: ApplicantColumn?

    public var summary: String {
        guard let column else { return "\"\(header)\" → kept as extra attribute" }
        let also = alsoFills.map { " (also used as \($0.rawValue))" } ?? ""
        return "\"\(header)\" → \(column.rawValue)\(also)"
    }
}
