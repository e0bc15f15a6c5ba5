import Foundation

/// Applicants of a semester: upload from CSV (preview, all-or-nothing or skip-invalid, idempotent
/// re-upload by email), list, remove.
public struct ApplicantService {
    public static let sampleSize = 5

    private let store: any Store
    private let now: @Sendable () -> Date

    public init(store: any Store, now: @escaping @Sendable () -> Date = { UTCTimestamp.now() }) {
        self.store = store
        self.now = now
    }

    /// Reads and checks the file against the semester without writing anything.
    public func preview(semesterID: Semester.ID, file: [UInt8], by actor: Actor) throws -> ImportReport {
        try PermissionChecker.require(.uploadApplicants, actor.staff)
        let (table, outcome) = try Self.read(file)
        return try store.read { tx in
            let semester = try Scoped.semester(semesterID, tx, actor)
            let (valid, initialProblems, registered) = try Self.checkAgainstSemester(outcome, semester, tx)
            let diff = try tx.applicantDiff(valid, semesterID: semester.id)
            let problems = initialProblems + Self.quotaErrors(Self.counts(registered, adding: valid), semester).map {
                RowError(line: 0, column: nil, message: $0.description)
            }
            return Self.report(table, outcome, valid: valid, problems: problems, diff: diff, skipped: 0, applied: false)
        }
    }

    /// Imports the file in one transaction. With problems, nothing is written unless
    /// `skipInvalid` is set, in which case the valid rows are imported and the others reported.
    @discardableResult
    public func importFile(semesterID: Semester.ID, file: [UInt8], skipInvalid: Bool, by actor: Actor) throws -> ImportReport {
        try PermissionChecker.require(.uploadApplicants, actor.staff)
        let (table, outcome) = try Self.read(file)
        let at = now()
        return try store.write { tx in
            let semester = try Scoped.semester(semesterID, tx, actor)
            let (valid, problems, registered) = try Self.checkAgainstSemester(outcome, semester, tx)
            if !problems.isEmpty && !skipInvalid {
                let diff = try tx.applicantDiff(valid, semesterID: semester.id)
                throw DomainError.importRefused(Self.report(table, outcome, valid: valid, problems: problems, diff: diff,
                                                            skipped: 0, applied: false))
            }
            if let excess = Self.quotaErrors(Self.counts(registered, adding: valid), semester).first { throw excess }
            let diff = try tx.upsertApplicants(valid, semesterID: semester.id, at: at)
            try QuotaService.consume(.upload, by: actor, in: tx, at: at)
            let skipped = Set(problems.map(\.line)).count
            try tx.appendAudit(.by(actor, "applicants.imported", target: ("semester", String(semester.id)), details: [
                "created": String(diff.created), "updated": String(diff.updated), "unchanged": String(diff.unchanged),
                "skipped": String(skipped), "rows": String(table.rows),
            ], at: at))
            return Self.report(table, outcome, valid: valid, problems: problems, diff: diff, skipped: skipped, applied: true)
        }
    }

    public func list(semesterID: Semester.ID, filter: ApplicantFilter = ApplicantFilter(), skip: Int = 0,
                     limit: Int = SemesterService.maximumPageSize, by actor: Actor) throws -> Page<Applicant> {
        try PermissionChecker.require(.viewData, actor.staff)
        guard skip >= 0, (1...100_000).contains(limit) else {
            throw DomainError.invalidPage("skip must be ≥ 0 and limit between 1 and 100000")
        }
        return try store.read { tx in
            let semester = try Scoped.semester(semesterID, tx, actor)
            return Page(items: try tx.applicants(semesterID: semester.id, filter: filter, skip: skip, limit: limit), skip: skip,
                        total: try tx.applicantCount(semesterID: semester.id, filter: filter))
        }
    }

    public func remove(semesterID: Semester.ID, email: String, by actor: Actor) throws {
        try PermissionChecker.require(.uploadApplicants, actor.staff)
        let at = now()
        try store.write { tx in
            let semester = try Scoped.semester(semesterID, tx, actor)
            try Self.requireAcceptingApplicants(semester)
            guard let applicant = try tx.applicant(semesterID: semester.id, email: EmailAddress.normalized(email)) else {
                throw DomainError.notFound(kind: "applicant", reference: EmailAddress.normalized(email))
            }
            try tx.deleteApplicant(id: applicant.id)
            try tx.appendAudit(.by(actor, "applicants.removed", target: ("semester", String(semester.id)),
                                   details: ["email": applicant.email, "role": applicant.role.rawValue], at: at))
        }
    }

    /// What the report needs of the parsed file, so its records can be freed once validated.
    struct FileSummary {
        let encoding: TextEncoding
        let delimiter: Character
        let rows: Int
        let warnings: [String]
    }

    private static func read(_ file: [UInt8]) throws -> (FileSummary, ApplicantRowValidator.Outcome) {
        let table = try Scoped.csv(file)
        let summary = FileSummary(encoding: table.encoding, delimiter: table.delimiter, rows: table.records.count,
                                  warnings: table.warnings)
        return (summary, try ApplicantRowValidator.validate(table))
    }

    private static func requireAcceptingApplicants(_ semester: Semester) throws {
        guard semester.status == .draft || semester.status == .open else {
            throw DomainError.semesterNotAcceptingApplicants(name: semester.name, status: semester.status)
        }
    }

    /// Adds the problems only the database can reveal: an email registered under the other role.
    /// Also returns what is registered, for the quota check.
    private static func checkAgainstSemester(_ outcome: ApplicantRowValidator.Outcome, _ semester: Semester, _ tx: any StoreReader)
        throws -> ([ApplicantDraft], [RowError], [String: ApplicantRole]) {
        try requireAcceptingApplicants(semester)
        let registered = try tx.applicantRoles(semesterID: semester.id)
        // A first upload into an empty semester (the big one) has nothing to conflict with.
        guard !registered.isEmpty else { return (outcome.drafts, outcome.errors, registered) }
        let conflicting = outcome.drafts.indices.filter { index in
            registered[outcome.drafts[index].email].map { $0 != outcome.drafts[index].role } ?? false
        }
        guard !conflicting.isEmpty else { return (outcome.drafts, outcome.errors, registered) }
        let roleHeader = outcome.mappings.first { $0.column == .role }?.header ?? "role"
        var problems = outcome.errors
        for index in conflicting {
            let draft = outcome.drafts[index]
            problems.append(RowError(line: draft.line, column: roleHeader,
                                     message: "\(draft.email) is already registered in this semester as a \(registered[draft.email]!.rawValue)"))
        }
        problems.sort { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        let excluded = Set(conflicting)
        let valid = outcome.drafts.indices.filter { !excluded.contains($0) }.map { outcome.drafts[$0] }
        return (valid, problems, registered)
    }

    /// Applicants per role once `drafts` are added to what is registered.
    private static func counts(_ registered: [String: ApplicantRole], adding drafts: [ApplicantDraft]) -> [ApplicantRole: Int] {
        var counts: [ApplicantRole: Int] = [:]
        for role in registered.values { counts[role, default: 0] += 1 }
        for index in drafts.indices where registered.isEmpty || registered[drafts[index].email] == nil {
            counts[drafts[index].role, default: 0] += 1
        }
        return counts
    }

    private static func quotaErrors(_ counts: [ApplicantRole: Int], _ semester: Semester) -> [DomainError] {
        var errors: [DomainError] = []
        if let mentors = counts[.mentor], mentors > semester.mentorQuota {
            errors.append(.applicantQuotaExceeded(role: .mentor, resulting: mentors, quota: semester.mentorQuota))
        }
        if let mentees = counts[.mentee], mentees > semester.menteeQuota {
            errors.append(.applicantQuotaExceeded(role: .mentee, resulting: mentees, quota: semester.menteeQuota))
        }
        return errors
    }

    private static func report(_ table: FileSummary, _ outcome: ApplicantRowValidator.Outcome, valid: [ApplicantDraft],
                               problems: [RowError], diff: ApplicantDiff, skipped: Int, applied: Bool) -> ImportReport {
        ImportReport(
            encoding: table.encoding, delimiter: table.delimiter == "\t" ? "tab" : String(table.delimiter),
            rows: table.rows, mappings: outcome.mappings, warnings: table.warnings,
            validMentors: valid.indices.reduce(0) { $0 + (valid[$1].role == .mentor ? 1 : 0) },
            validMentees: valid.indices.reduce(0) { $0 + (valid[$1].role == .mentee ? 1 : 0) },
            created: diff.created, updated: diff.updated, unchanged: diff.unchanged, skipped: skipped,
            problems: problems, sample: Array(valid.prefix(sampleSize)), applied: applied)
    }
}
