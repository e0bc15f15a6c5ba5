import Foundation

/// Feedback from the people in a semester's groups: submissions, the analytics summary, and the
/// labeled dataset the next semester's training learns from.
/// A survey import refused for its problems; nothing was written. Carries the full report.
public struct FeedbackImportRefused: Error, Sendable, CustomStringConvertible {
    public let report: FeedbackImportReport

    public var description: String {
        let count = report.problems.count
        return "nothing was imported: \(count) problem\(count == 1 ? "" : "s") in the file (use --skip-invalid to import the valid rows)"
    }
}

public struct FeedbackService {
    public static let defaultThreshold = 4.0
    public static let maximumTags = 10
    public static let maximumTagLength = 40
    public static let maximumCommentLength = 2000

    public struct Submission: Sendable, Hashable {
        public var email: String
        public var rating: Int
        public var tags: [String]
        public var comment: String

        public init(email: String, rating: Int, tags: [String] = [], comment: String = "") {
            self.email = email
            self.rating = rating
            self.tags = tags
            self.comment = comment
        }
    }

    private let store: any Store
    private let now: @Sendable () -> Date

    public init(store: any Store, now: @escaping @Sendable () -> Date = { UTCTimestamp.now() }) {
        self.store = store
        self.now = now
    }

    /// Records one person's feedback; the group and role come from their email. A second
    /// submission by the same person replaces the first.
    @discardableResult
    public func submit(semesterID: Semester.ID, _ submission: Submission, by actor: Actor) throws -> ApplicantRole {
        try PermissionChecker.require(.manageFeedback, actor.staff)
        let clean = try Self.validated(submission)
        let at = now()
        return try store.write { tx in
            let semester = try Scoped.semester(semesterID, tx, actor)
            let role = try Self.record(clean, semester: semester, tx, at: at)
            try tx.appendAudit(.by(actor, "feedback.submitted", target: ("semester", String(semester.id)),
                                   details: ["email": clean.email, "rating": String(clean.rating)], at: at))
            return role
        }
    }

    public func summary(semesterID: Semester.ID, by actor: Actor) throws -> FeedbackSummary {
        try PermissionChecker.require(.viewData, actor.staff)
        return try store.read { tx in
            try tx.feedbackSummary(semesterID: try Scoped.semester(semesterID, tx, actor).id, organizationID: actor.organizationID)
        }
    }

    /// One row per (mentor, mentee) pair with feedback; label 1 when its average rating reaches `threshold`.
    public func export(semesterID: Semester.ID, threshold: Double = defaultThreshold, by actor: Actor) throws -> [LabeledPairRecord] {
        try PermissionChecker.require(.export, actor.staff)
        let at = now()
        return try store.write { tx in
            let semester = try Scoped.semester(semesterID, tx, actor)
            let rows = try tx.labeledPairs(semesterID: semester.id, threshold: threshold)
            try tx.appendAudit(.by(actor, "feedback.exported", target: ("semester", String(semester.id)),
                                   details: ["pairs": String(rows.count), "threshold": String(threshold)], at: at))
            return rows
        }
    }

    /// Imports a survey export in one transaction: all or nothing unless `skipInvalid`; with
    /// `dryRun`, only checks. Every respondent must be in one of the semester's current groups.
    public func importSurvey(semesterID: Semester.ID, file: [UInt8], skipInvalid: Bool, dryRun: Bool,
                             by actor: Actor) throws -> FeedbackImportReport {
        try PermissionChecker.require(.manageFeedback, actor.staff)
        let table = try Scoped.csv(file)
        let outcome = try FeedbackRowValidator.validate(table)
        let at = now()
        // Checks shared by the dry run (a read) and the import (a write).
        func check(_ tx: any StoreReader) throws -> (Semester, [FeedbackRowValidator.Row], FeedbackImportReport) {
            let semester = try Scoped.semester(semesterID, tx, actor)
            var problems = outcome.errors
            var accepted: [FeedbackRowValidator.Row] = []
            var checkedForGroups = false
            for row in outcome.rows {
                guard try tx.currentMembership(semesterID: semester.id, email: row.submission.email) != nil else {
                    // Without groups nobody can be in one: the whole file is refused. Checked once, not per row.
                    if !checkedForGroups {
                        if try tx.currentGroups(semesterID: semester.id).isEmpty { throw DomainError.noMatchesYet(semester: semester.name) }
                        checkedForGroups = true
                    }
                    problems.append(RowError(line: row.line, column: nil, message: DomainError.notInAnyGroup(email: row.submission.email).description))
                    continue
                }
                accepted.append(row)
            }
            problems.sort { $0.line < $1.line }
            let answered = try tx.feedbackEmails(semesterID: semester.id)
            let replaced = accepted.filter { answered.contains($0.submission.email) }.count
            let report = FeedbackImportReport(rows: table.records.count, mappings: outcome.mappings, warnings: table.warnings,
                                              valid: accepted.count, created: accepted.count - replaced, replaced: replaced,
                                              skipped: skipInvalid ? Set(problems.map(\.line)).count : 0, problems: problems,
                                              applied: false)
            if !problems.isEmpty && !skipInvalid { throw FeedbackImportRefused(report: report) }
            return (semester, accepted, report)
        }
        if dryRun { return try store.read { tx in try check(tx).2 } }
        return try store.write { tx in
            var (semester, accepted, report) = try check(tx)
            for row in accepted { _ = try Self.record(row.submission, semester: semester, tx, at: row.submittedAt ?? at) }
            report.applied = true
            try tx.appendAudit(.by(actor, "feedback.imported", target: ("semester", String(semester.id)), details: [
                "created": String(report.created), "replaced": String(report.replaced), "skipped": String(report.skipped),
            ], at: at))
            return report
        }
    }

    /// "4" → 4; "0", "6", "4.5", "five" → a clear refusal.
    public static func rating(from text: String) throws -> Int {
        let trimmed = text.trimmingWhitespace()
        guard let value = Int(trimmed), (1...5).contains(value) else { throw DomainError.invalidRating(trimmed) }
        return value
    }

    /// Lower case, spaces as `_`, duplicates removed, order kept; an empty tag is refused.
    public static func normalizedTags(_ tags: [String]) throws -> [String] {
        var seen = Set<String>()
        let cleaned = tags.map { $0.trimmingWhitespace().lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "_") }
        if cleaned.contains(where: \.isEmpty) { throw DomainError.emptyTag(tags.joined(separator: ",")) }
        let unique = cleaned.filter { seen.insert($0).inserted }
        guard unique.count <= maximumTags else { throw DomainError.tooManyTags(count: unique.count, limit: maximumTags) }
        if let long = unique.first(where: { $0.count > maximumTagLength }) {
            throw DomainError.tagTooLong(tag: long, limit: maximumTagLength)
        }
        return unique
    }

    /// "helpful; great fit" → ["helpful", "great fit"]; an empty cell → []; "a;;b" keeps the empty
    /// middle so that validation can refuse it.
    public static func tagList(_ text: String) -> [String] {
        text.trimmingWhitespace().isEmpty ? [] : text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == ";" }).map(String.init)
    }

    static func validated(_ submission: Submission) throws -> Submission {
        guard (1...5).contains(submission.rating) else { throw DomainError.invalidRating(String(submission.rating)) }
        let comment = submission.comment.trimmingWhitespace()
        guard comment.count <= maximumCommentLength else {
            throw DomainError.commentTooLong(length: comment.count, limit: maximumCommentLength)
        }
        return Submission(email: EmailAddress.normalized(submission.email), rating: submission.rating,
                          tags: try normalizedTags(submission.tags), comment: comment)
    }

    static func record(_ submission: Submission, semester: Semester, _ tx: any StoreWriter, at: Date) throws -> ApplicantRole {
        guard let membership = try tx.currentMembership(semesterID: semester.id, email: submission.email) else {
            if try tx.currentGroups(semesterID: semester.id).isEmpty { throw DomainError.noMatchesYet(semester: semester.name) }
            throw DomainError.notInAnyGroup(email: submission.email)
        }
        try tx.upsertFeedback(semesterID: semester.id, groupID: membership.groupID, email: submission.email, role: membership.role,
                              rating: submission.rating, tags: submission.tags, comment: submission.comment, at: at)
        return membership.role
    }
}
