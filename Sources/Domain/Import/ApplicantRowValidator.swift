/// Rows of an applicant file → drafts and row errors. Every problem of every row is collected;
/// nothing stops at the first.
public enum ApplicantRowValidator {
    public static let maximumCapacity = 20

    public struct Outcome: Sendable, Hashable {
        public var mappings: [ColumnMapping]
        public var drafts: [ApplicantDraft]
        public var errors: [RowError]
    }

    /// How each header is understood; throws when a required column is missing.
    public static func mappings(for header: [String]) throws -> [ColumnMapping] {
        var mappings: [ColumnMapping] = []
        var taken: Set<ApplicantColumn> = []
        for (index, title) in header.enumerated() {
            var column = ApplicantColumn.match(header: title)
            if let found = column, taken.contains(found) { column = nil }  // a second "Email" column stays an extra
            if let column { taken.insert(column) }
            mappings.append(ColumnMapping(index: index, header: title, column: column, alsoFills: nil))
        }
        if !taken.contains(.field), let department = mappings.firstIndex(where: { $0.column == .department }) {
            mappings[department].alsoFills = .field
        }
        var missing: [String] = []
        if !taken.contains(.email) { missing.append("email") }
        if !taken.contains(.name) && !taken.contains(.firstName) { missing.append("name (or first name and last name)") }
        if !taken.contains(.role) { missing.append("role (mentor or mentee)") }
        if !missing.isEmpty {
            let found = header.map { "\"\($0)\"" }.joined(separator: ", ")
            throw DomainError.invalidFile("missing required column\(missing.count == 1 ? "" : "s"): \(missing.joined(separator: ", ")); the header has \(found)")
        }
        return mappings
    }

    public static func validate(_ table: CSVTable) throws -> Outcome {
        var session = try Session(header: table.header)
        var drafts: [ApplicantDraft] = [], errors: [RowError] = []
        drafts.reserveCapacity(table.records.count)
        session.validate(table.records, drafts: &drafts, errors: &errors)
        return Outcome(mappings: session.mappings, drafts: drafts, errors: errors)
    }

    /// Validation of one file whose rows arrive in chunks: what a row needs from the rows before it
    /// (duplicate emails) is kept between chunks.
    public struct Session: Sendable {
        public let mappings: [ColumnMapping]
        private let header: [String]
        private let columnIndex: [Int?]
        private let extras: [ColumnMapping]
        private let fieldSource: Int?
        private var firstLine: [String: Int] = [:]

        public init(header: [String]) throws {
            self.header = header
            mappings = try ApplicantRowValidator.mappings(for: header)
            // Indexed by the column's ordinal, not hashed: this runs for every cell of every row.
            let columns = ApplicantColumn.allCases
            var columnIndex = [Int?](repeating: nil, count: columns.count)
            for mapping in mappings { if let column = mapping.column { columnIndex[columns.firstIndex(of: column)!] = mapping.index } }
            self.columnIndex = columnIndex
            extras = mappings.filter { $0.column == nil }
            fieldSource = columnIndex[columns.firstIndex(of: .field)!] ?? mappings.first { $0.alsoFills == .field }?.index
        }

        public mutating func validate(_ records: [CSVRecord], drafts: inout [ApplicantDraft], errors: inout [RowError]) {
            let columns = ApplicantColumn.allCases
            let columnIndex = self.columnIndex, titles = self.header, extras = self.extras, fieldSource = self.fieldSource
            let position = { (column: ApplicantColumn) -> Int? in columnIndex[columns.firstIndex(of: column)!] }
            firstLine.reserveCapacity(firstLine.count + records.count)
            for record in records {
                let fields = record.fields
                func value(_ column: ApplicantColumn) -> String {
                    guard let index = position(column), index < fields.count else { return "" }
                    return fields[index].trimmingWhitespace()
                }
                func header(_ column: ApplicantColumn) -> String {
                    position(column).map { titles[$0] } ?? column.rawValue
                }
                var rowErrors: [RowError] = []
                func problem(_ column: ApplicantColumn?, _ message: String) {
                    rowErrors.append(RowError(line: record.line, column: column.map(header), message: message))
                }

                if fields.count > titles.count, fields[titles.count...].contains(where: { !$0.trimmingWhitespace().isEmpty }) {
                    problem(nil, "has \(fields.count) values but the header has \(titles.count) columns")
                }

                let rawEmail = value(.email)
                let email = EmailAddress.normalized(rawEmail)
                if rawEmail.isEmpty {
                    problem(.email, "missing email")
                } else if !EmailAddress.isValid(email) {
                    problem(.email, "\"\(rawEmail)\" is not an email address")
                } else if let earlier = firstLine[email] {
                    problem(.email, "\"\(email)\" is also on line \(earlier)")
                } else {
                    firstLine[email] = record.line
                }

                var name = value(.name)
                if name.isEmpty {
                    name = [value(.firstName), value(.lastName)].filter { !$0.isEmpty }.joined(separator: " ")
                }
                if name.isEmpty { problem(position(.name) != nil ? .name : .firstName, "missing name") }

                let rawRole = value(.role)
                let role = ApplicantRole(caseInsensitive: rawRole)
                if rawRole.isEmpty {
                    problem(.role, "missing role (mentor or mentee)")
                } else if role == nil {
                    problem(.role, "\"\(rawRole)\" is not a role; use mentor or mentee")
                }

                var capacity: Int?
                let rawCapacity = value(.capacity)
                if role == .mentor, !rawCapacity.isEmpty {
                    if let number = Int(rawCapacity), (1...maximumCapacity).contains(number) {
                        capacity = number
                    } else {
                        problem(.capacity, "\"\(rawCapacity)\" is not a whole number of mentees from 1 to \(maximumCapacity)")
                    }
                }

                var seniority: Double?
                let rawSeniority = value(.seniority)
                if !rawSeniority.isEmpty {
                    // Semicolon-separated files from European spreadsheets write decimal commas.
                    let decimal = rawSeniority.utf8.contains(UInt8(ascii: ",")) ? rawSeniority.replacingOccurrences(of: ",", with: ".") : rawSeniority
                    if let number = Double(decimal), number.isFinite, number >= 0 {
                        seniority = number
                    } else {
                        problem(.seniority, "\"\(rawSeniority)\" is not a number")
                    }
                }

                guard rowErrors.isEmpty, let role else {
                    errors += rowErrors
                    continue
                }
                var extra: [ExtraAttribute] = []
                for mapping in extras where mapping.index < fields.count {
                    let text = fields[mapping.index].trimmingWhitespace()
                    if !text.isEmpty { extra.append(ExtraAttribute(name: mapping.header, value: text)) }
                }
                let field = fieldSource.flatMap { $0 < fields.count ? fields[$0].trimmingWhitespace() : nil } ?? ""
                drafts.append(ApplicantDraft(
                    line: record.line, email: email, name: name, role: role, field: field, seniority: seniority,
                    interests: value(.interests), goals: value(.goals), bio: value(.bio), availability: value(.availability),
                    languages: value(.languages), timezone: value(.timezone), capacity: capacity,
                    department: value(.department), extra: extra))
            }
        }
    }
}
