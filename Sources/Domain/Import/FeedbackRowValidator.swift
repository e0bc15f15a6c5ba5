import Foundation

/// Survey exports → feedback submissions and row errors, with the same reading rules as
/// applicant uploads: every problem of every row, with its line and column.
public enum FeedbackRowValidator {
    public enum Column: String, Sendable, Hashable, Codable, CaseIterable {
        case email, rating, tags, comment, timestamp
    }

    public struct Row: Sendable, Hashable {
        public var line: Int
        public var submission: FeedbackService.Submission
        public var submittedAt: Date?
    }

    public struct Outcome: Sendable, Hashable {
        public var mappings: [String: Column]
        public var rows: [Row]
        public var errors: [RowError]
    }

    static func column(for header: String) -> Column? {
        let key = ApplicantColumn.normalize(header)
        if ApplicantColumn.match(header: header) == .email { return .email }
        if ["rating", "score", "stars", "satisfaction", "overall rating"].contains(key) || key.contains("satisf")
            || key.contains("1 5") || key.contains("rate your") { return .rating }
        if ["tags", "tag", "keywords", "labels", "themes"].contains(key) { return .tags }
        if ["comment", "comments", "feedback", "notes", "remarks", "additional comments"].contains(key)
            || key.contains("anything else") || key.contains("comment") { return .comment }
        if ["timestamp", "submitted at", "submitted", "date", "completion time", "end date", "recorded date"].contains(key) {
            return .timestamp
        }
        return nil
    }

    public static func validate(_ table: CSVTable) throws -> Outcome {
        var position: [Column: Int] = [:]
        var mappings: [String: Column] = [:]
        for (index, header) in table.header.enumerated() {
            if let column = column(for: header), position[column] == nil {
                position[column] = index
                mappings[header] = column
            }
        }
        let missing = [Column.email, .rating].filter { position[$0] == nil }.map(\.rawValue)
        guard missing.isEmpty else {
            throw DomainError.invalidFile("missing required column\(missing.count == 1 ? "" : "s"): \(missing.joined(separator: ", ")); "
                                          + "the header has " + table.header.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        var rows: [Row] = []
        var errors: [RowError] = []
        var firstLine: [String: Int] = [:]
        for record in table.records {
            func value(_ column: Column) -> String {
                guard let index = position[column], index < record.fields.count else { return "" }
                return record.fields[index].trimmingWhitespace()
            }
            func header(_ column: Column) -> String { position[column].map { table.header[$0] } ?? column.rawValue }
            var problems: [RowError] = []
            let email = EmailAddress.normalized(value(.email))
            if email.isEmpty {
                problems.append(RowError(line: record.line, column: header(.email), message: "missing email"))
            } else if !EmailAddress.isValid(email) {
                problems.append(RowError(line: record.line, column: header(.email), message: "\"\(value(.email))\" is not an email address"))
            } else if let earlier = firstLine[email] {
                problems.append(RowError(line: record.line, column: header(.email), message: "\"\(email)\" is also on line \(earlier)"))
            } else {
                firstLine[email] = record.line
            }
            var rating = 0
            do { rating = try FeedbackService.rating(from: value(.rating)) } catch let error as DomainError {
                problems.append(RowError(line: record.line, column: header(.rating), message: error.description))
            }
            var submission = FeedbackService.Submission(email: email, rating: rating,
                                                        tags: FeedbackService.tagList(value(.tags)),
                                                        comment: value(.comment))
            if problems.isEmpty {
                do {
                    submission = try FeedbackService.validated(submission)
                } catch let error as DomainError {
                    var column = Column.tags
                    if case .commentTooLong = error { column = .comment }
                    problems.append(RowError(line: record.line, column: header(column), message: error.description))
                }
            }
            if problems.isEmpty {
                rows.append(Row(line: record.line, submission: submission, submittedAt: timestamp(value(.timestamp))))
            } else {
                errors += problems
            }
        }
        return Outcome(mappings: mappings, rows: rows, errors: errors)
    }

    /// The formats survey tools write: ISO 8601, Google Forms' `2026/08/01 10:00:00`, and
    /// `2026-08-01 10:00:00`; local time unless a zone is given. Anything else: nil (the import time).
    static func timestamp(_ text: String) -> Date? {
        guard !text.isEmpty else { return nil }
        if let date = UTCTimestamp.date(from: text) { return date }
        for format in ["yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "M/d/yyyy H:mm:ss", "yyyy-MM-dd"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = .current
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

/// What a survey import found and did.
public struct FeedbackImportReport: Sendable, Hashable, Codable {
    public var rows: Int
    public var mappings: [String: FeedbackRowValidator.Column]
    public var warnings: [String]
    public var valid: Int
    public var created: Int
    public var replaced: Int
    public var skipped: Int
    public var problems: [RowError]
    public var applied: Bool
}
