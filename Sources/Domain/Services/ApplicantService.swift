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
        let table = try Scoped.csv(file)
        let outcome = try ApplicantRowValidator.validate(table)
        return try store.read { tx in
            let semester = try Scoped.semester(semesterID, tx, actor)
            try Self.requireAcceptingApplicants(semester)
            var tally = ApplicantImportTally(registered: try tx.applicantRoles(semesterID: semester.id), mappings: outcome.mappings)
            let valid = tally.admit(outcome.drafts, errors: outcome.errors)
            tally.record(try tx.applicantDiff(valid, semesterID: semester.id, registered: tally.registeredEmails))
            let problems = tally.sortedProblems + tally.quotaErrors(semester).map { RowError(line: 0, column: nil, message: $0.description) }
            return Self.report(table.head, rows: table.records.count, outcome.mappings, tally, problems: problems, skipped: 0, applied: false)
        }
    }

    /// Imports the file in one transaction. With problems, nothing is written unless
    /// `skipInvalid` is set, in which case the valid rows are imported and the others reported.
    /// The file is read on a second thread and written chunk by chunk as it arrives; a refusal
    /// found later rolls back what was written, so all or nothing still holds.
    @discardableResult
    public func importFile(semesterID: Semester.ID, file: [UInt8], skipInvalid: Bool, by actor: Actor) throws -> ImportReport {
        try PermissionChecker.require(.uploadApplicants, actor.staff)
        let stream = ApplicantImportStream(file)
        defer { stream.stop() }
        let start = try stream.start()
        let at = now()
        return try store.write { tx in
            let semester = try Scoped.semester(semesterID, tx, actor)
            try Self.requireAcceptingApplicants(semester)
            var tally = ApplicantImportTally(registered: try tx.applicantRoles(semesterID: semester.id), mappings: start.mappings)
            while let chunk = try stream.next() {
                let valid = tally.admit(chunk.drafts, errors: chunk.errors)
                // Once a problem is known and the import is all or nothing, later rows are only compared.
                let writing = skipInvalid || tally.problems.isEmpty
                tally.record(writing
                    ? try tx.upsertApplicants(valid, semesterID: semester.id, at: at, registered: tally.registeredEmails)
                    : try tx.applicantDiff(valid, semesterID: semester.id, registered: tally.registeredEmails))
            }
            let problems = tally.sortedProblems
            if !problems.isEmpty && !skipInvalid {
                throw DomainError.importRefused(Self.report(start.head, rows: stream.rows, start.mappings, tally, problems: problems,
                                                            skipped: 0, applied: false))
            }
            if let excess = tally.quotaErrors(semester).first { throw excess }
            try QuotaService.consume(.upload, by: actor, in: tx, at: at)
            let skipped = Set(problems.map(\.line)).count
            try tx.appendAudit(.by(actor, "applicants.imported", target: ("semester", String(semester.id)), details: [
                "created": String(tally.diff.created), "updated": String(tally.diff.updated), "unchanged": String(tally.diff.unchanged),
                "skipped": String(skipped), "rows": String(stream.rows),
            ], at: at))
            return Self.report(start.head, rows: stream.rows, start.mappings, tally, problems: problems, skipped: skipped, applied: true)
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

    /// Every applicant of the semester that matches `filter`, as a list shows them (the console's
    /// table of up to 100,000 rows), in the order of `list`.
    public func summaries(semesterID: Semester.ID, filter: ApplicantFilter = ApplicantFilter(), by actor: Actor) throws -> [ApplicantSummary] {
        try PermissionChecker.require(.viewData, actor.staff)
        return try store.read { tx in
            try tx.applicantSummaries(semesterID: try Scoped.semester(semesterID, tx, actor).id, filter: filter)
        }
    }

    /// One applicant, whole, by email.
    public func find(semesterID: Semester.ID, email: String, by actor: Actor) throws -> Applicant {
        try PermissionChecker.require(.viewData, actor.staff)
        let normalized = EmailAddress.normalized(email)
        return try store.read { tx in
            guard let applicant = try tx.applicant(semesterID: try Scoped.semester(semesterID, tx, actor).id, email: normalized) else {
                throw DomainError.notFound(kind: "applicant", reference: normalized)
            }
            return applicant
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

    private static func requireAcceptingApplicants(_ semester: Semester) throws {
        guard semester.status == .draft || semester.status == .open else {
            throw DomainError.semesterNotAcceptingApplicants(name: semester.name, status: semester.status)
        }
    }

    private static func report(_ head: CSVReader.Head, rows: Int, _ mappings: [ColumnMapping], _ tally: ApplicantImportTally,
                               problems: [RowError], skipped: Int, applied: Bool) -> ImportReport {
        ImportReport(
            encoding: head.encoding, delimiter: head.delimiter == "\t" ? "tab" : String(head.delimiter),
            rows: rows, mappings: mappings, warnings: head.warnings,
            validMentors: tally.validMentors, validMentees: tally.validMentees,
            created: tally.diff.created, updated: tally.diff.updated, unchanged: tally.diff.unchanged, skipped: skipped,
            problems: problems, sample: tally.sample, applied: applied)
    }
}
