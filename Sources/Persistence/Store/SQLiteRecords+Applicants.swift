import Domain
import Foundation

extension SQLiteRecords: ApplicantReading, ApplicantWriting {
    private static let columns = """
        id, semester_id, email, name, role, field, seniority, interests, goals, bio, availability, languages,
        timezone, capacity, department, extra, created_at, updated_at
        """

    /// The stored columns an upload can change, in this order; compared to tell updates from no-ops.
    private static let contentColumns = """
        name, role, field, seniority, interests, goals, bio, availability, languages, timezone, capacity, department, extra
        """

    /// The semester, an optional role and an optional search text (bound by `filterArguments`).
    private static let filterClause = """
        WHERE semester_id = ?1 AND (?2 IS NULL OR role = ?2)
          AND (?3 IS NULL OR name LIKE ?3 ESCAPE '\\' OR email LIKE ?3 ESCAPE '\\'
               OR field LIKE ?3 ESCAPE '\\' OR interests LIKE ?3 ESCAPE '\\')
        """
    private static let listOrder = "ORDER BY role = 'mentee', name COLLATE NOCASE, id"

    func applicants(semesterID: Semester.ID, filter: ApplicantFilter, skip: Int, limit: Int) throws -> [Applicant] {
        try tx.query("SELECT \(Self.columns) FROM applicants \(Self.filterClause) \(Self.listOrder) LIMIT ?4 OFFSET ?5",
                     arguments: Self.filterArguments(semesterID, filter) + [limit.sqlValue, skip.sqlValue], map: Self.applicant)
    }

    func applicantSummaries(semesterID: Semester.ID, filter: ApplicantFilter) throws -> [ApplicantSummary] {
        try tx.query("""
            SELECT id, email, name, role, field, seniority, capacity, interests FROM applicants \(Self.filterClause) \(Self.listOrder)
            """, arguments: Self.filterArguments(semesterID, filter)) { row in
            ApplicantSummary(id: row.int64(0), email: row.string(1), name: row.string(2),
                             role: try StoredValue.enumeration(row.string(3), column: "applicants.role"), field: row.string(4),
                             seniority: row.optionalDouble(5), capacity: row.optionalInt(6), interests: row.string(7))
        }
    }

    func applicantCount(semesterID: Semester.ID, filter: ApplicantFilter) throws -> Int {
        try tx.queryFirst("SELECT count(*) FROM applicants \(Self.filterClause)", arguments: Self.filterArguments(semesterID, filter)) {
            $0.int(0)
        } ?? 0
    }

    func applicant(semesterID: Semester.ID, email: String) throws -> Applicant? {
        try tx.queryFirst("SELECT \(Self.columns) FROM applicants WHERE semester_id = ? AND email = ?",
                          semesterID, email, map: Self.applicant)
    }

    func applicantRoles(semesterID: Semester.ID) throws -> [String: ApplicantRole] {
        var roles: [String: ApplicantRole] = [:]
        try tx.forEach("SELECT email, role FROM applicants WHERE semester_id = ?", arguments: [semesterID.sqlValue]) { row in
            roles[row.string(0).lowercased()] = try StoredValue.enumeration(row.string(1), column: "applicants.role")
        }
        return roles
    }

    func applicantDiff(_ drafts: [ApplicantDraft], semesterID: Semester.ID, registered: Set<String>?) throws -> ApplicantDiff {
        try merge(drafts, semesterID: semesterID, at: nil, registered: registered)
    }

    func upsertApplicants(_ drafts: [ApplicantDraft], semesterID: Semester.ID, at date: Date, registered: Set<String>?) throws -> ApplicantDiff {
        try merge(drafts, semesterID: semesterID, at: date, registered: registered)
    }

    func deleteApplicant(id: Applicant.ID) throws {
        try tx.execute("DELETE FROM applicants WHERE id = ?", id)
    }

    /// Sorts drafts into new, changed and identical (by email); writes them only when `date` is given.
    /// Writing is one upsert per row whose update fires only when a value differs, so SQLite itself
    /// tells a change from a no-op and nothing is loaded but the semester's emails.
    private func merge(_ drafts: [ApplicantDraft], semesterID: Semester.ID, at date: Date?, registered known: Set<String>?) throws -> ApplicantDiff {
        var registered = known ?? []
        if known == nil {
            try tx.forEach("SELECT email FROM applicants WHERE semester_id = ?", arguments: [semesterID.sqlValue]) { row in
                registered.insert(row.string(0).lowercased())
            }
        }
        let stamp = date.map { SQLValue.text(StoredValue.timestamp($0)) }
        let upsert = try tx.prepare("""
            INSERT INTO applicants (semester_id, email, \(Self.contentColumns), created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (semester_id, email) DO UPDATE SET
                name = excluded.name, role = excluded.role, field = excluded.field, seniority = excluded.seniority,
                interests = excluded.interests, goals = excluded.goals, bio = excluded.bio,
                availability = excluded.availability, languages = excluded.languages, timezone = excluded.timezone,
                capacity = excluded.capacity, department = excluded.department, extra = excluded.extra,
                updated_at = excluded.updated_at
            WHERE (\(Self.contentColumns)) IS NOT (excluded.name, excluded.role, excluded.field,
                excluded.seniority, excluded.interests, excluded.goals, excluded.bio, excluded.availability,
                excluded.languages, excluded.timezone, excluded.capacity, excluded.department, excluded.extra)
            """)
        let compare = try tx.prepare("""
            SELECT (\(Self.contentColumns)) IS NOT (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            FROM applicants WHERE semester_id = ? AND email = ?
            """)
        var diff = ApplicantDiff()
        // In email order, so rows go into the (semester, email) index in order; indices are sorted,
        // not the drafts themselves, which would copy every field of every row several times.
        for index in drafts.indices.sorted(by: { drafts[$0].email < drafts[$1].email }) {
            // Read in place (`drafts[index]` as an argument is borrowed; a local copy would retain every field).
            let email = drafts[index].email
            let isNew = !registered.contains(email)
            if let stamp {
                try upsert.execute { binder in
                    try binder.bind(semesterID.sqlValue)
                    try binder.bind(email)
                    try Self.bindContentValues(drafts[index], to: &binder)
                    try binder.bind(stamp)
                    try binder.bind(stamp)
                }
                if isNew {
                    diff.created += 1
                } else if tx.changes > 0 {
                    diff.updated += 1
                } else {
                    diff.unchanged += 1
                }
            } else if isNew {
                diff.created += 1
            } else {
                let differs = try compare.first(binding: { binder in
                    try Self.bindContentValues(drafts[index], to: &binder)
                    try binder.bind(semesterID.sqlValue)
                    try binder.bind(email)
                }, map: { $0.bool(0) }) ?? true
                if differs { diff.updated += 1 } else { diff.unchanged += 1 }
            }
        }
        return diff
    }

    /// Binds the draft as the values of `contentColumns`, in their order.
    private static func bindContentValues(_ draft: ApplicantDraft, to binder: inout ArgumentBinder) throws {
        try binder.bind(draft.name)
        try binder.bind(draft.role.rawValue)
        try binder.bind(draft.field)
        try binder.bind(draft.seniority)
        try binder.bind(draft.interests)
        try binder.bind(draft.goals)
        try binder.bind(draft.bio)
        try binder.bind(draft.availability)
        try binder.bind(draft.languages)
        try binder.bind(draft.timezone)
        try binder.bind(draft.capacity)
        try binder.bind(draft.department)
        try binder.bind(draft.extra.isEmpty ? "[]" : JSONText.attributes(draft.extra))
    }

    private static func filterArguments(_ semesterID: Semester.ID, _ filter: ApplicantFilter) -> [SQLValue] {
        let search = filter.search.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        let pattern = search.map { "%" + $0.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%" }
        return [semesterID.sqlValue, filter.role?.rawValue.sqlValue ?? .null, pattern?.sqlValue ?? .null]
    }

    private static func applicant(_ row: Row) throws -> Applicant {
        Applicant(
            id: row.int64(0), semesterID: row.int64(1), email: row.string(2), name: row.string(3),
            role: try StoredValue.enumeration(row.string(4), column: "applicants.role"), field: row.string(5),
            seniority: row.optionalDouble(6), interests: row.string(7), goals: row.string(8), bio: row.string(9),
            availability: row.string(10), languages: row.string(11), timezone: row.string(12), capacity: row.optionalInt(13),
            department: row.string(14),
            extra: try JSONText.parseAttributes(row.string(15))
                ?? StoredValue.decodeJSON([ExtraAttribute].self, row.string(15), column: "applicants.extra"),
            createdAt: try StoredValue.date(row.string(16), column: "applicants.created_at"),
            updatedAt: try StoredValue.date(row.string(17), column: "applicants.updated_at"))
    }
}
