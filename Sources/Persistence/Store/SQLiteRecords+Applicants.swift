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

    func applicants(semesterID: Semester.ID, filter: ApplicantFilter, skip: Int, limit: Int) throws -> [Applicant] {
        try tx.query("""
            SELECT \(Self.columns) FROM applicants
            WHERE semester_id = ?1 AND (?2 IS NULL OR role = ?2)
              AND (?3 IS NULL OR name LIKE ?3 ESCAPE '\\' OR email LIKE ?3 ESCAPE '\\'
                   OR field LIKE ?3 ESCAPE '\\' OR interests LIKE ?3 ESCAPE '\\')
            ORDER BY role = 'mentee', name COLLATE NOCASE, id LIMIT ?4 OFFSET ?5
            """, arguments: Self.filterArguments(semesterID, filter) + [limit.sqlValue, skip.sqlValue], map: Self.applicant)
    }

    func applicantCount(semesterID: Semester.ID, filter: ApplicantFilter) throws -> Int {
        try tx.queryFirst("""
            SELECT count(*) FROM applicants
            WHERE semester_id = ?1 AND (?2 IS NULL OR role = ?2)
              AND (?3 IS NULL OR name LIKE ?3 ESCAPE '\\' OR email LIKE ?3 ESCAPE '\\'
                   OR field LIKE ?3 ESCAPE '\\' OR interests LIKE ?3 ESCAPE '\\')
            """, arguments: Self.filterArguments(semesterID, filter)) { $0.int(0) } ?? 0
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

    func applicantDiff(_ drafts: [ApplicantDraft], semesterID: Semester.ID) throws -> ApplicantDiff {
        try merge(drafts, semesterID: semesterID, at: nil)
    }

    func upsertApplicants(_ drafts: [ApplicantDraft], semesterID: Semester.ID, at date: Date) throws -> ApplicantDiff {
        try merge(drafts, semesterID: semesterID, at: date)
    }

    func deleteApplicant(id: Applicant.ID) throws {
        try tx.execute("DELETE FROM applicants WHERE id = ?", id)
    }

    /// Compares each draft with the stored row of the same email; writes only when `date` is given.
    private func merge(_ drafts: [ApplicantDraft], semesterID: Semester.ID, at date: Date?) throws -> ApplicantDiff {
        var stored: [String: (id: Int64, values: [SQLValue])] = [:]
        try tx.forEach("SELECT id, email, \(Self.contentColumns) FROM applicants WHERE semester_id = ?",
                       arguments: [semesterID.sqlValue]) { row in
            stored[row.string(1).lowercased()] = (row.int64(0), (2..<row.columnCount).map(row.value))
        }
        let stamp = date.map(StoredValue.timestamp)
        var diff = ApplicantDiff()
        for draft in drafts {
            let values = Self.contentValues(draft)
            guard let existing = stored[draft.email] else {
                diff.created += 1
                if let stamp {
                    try tx.execute("""
                        INSERT INTO applicants (semester_id, email, \(Self.contentColumns), created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [semesterID.sqlValue, draft.email.sqlValue] + values + [.text(stamp), .text(stamp)])
                }
                continue
            }
            if existing.values == values {
                diff.unchanged += 1
                continue
            }
            diff.updated += 1
            if let stamp {
                try tx.execute("""
                    UPDATE applicants SET name = ?, role = ?, field = ?, seniority = ?, interests = ?, goals = ?, bio = ?,
                        availability = ?, languages = ?, timezone = ?, capacity = ?, department = ?, extra = ?, updated_at = ?
                    WHERE id = ?
                    """, arguments: values + [.text(stamp), .integer(existing.id)])
            }
        }
        return diff
    }

    /// The draft as the values of `contentColumns`.
    private static func contentValues(_ draft: ApplicantDraft) -> [SQLValue] {
        [.text(draft.name), .text(draft.role.rawValue), .text(draft.field), draft.seniority.sqlValue,
         .text(draft.interests), .text(draft.goals), .text(draft.bio), .text(draft.availability), .text(draft.languages),
         .text(draft.timezone), draft.capacity.sqlValue, .text(draft.department), .text(JSONText.attributes(draft.extra))]
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
            extra: try StoredValue.decodeJSON([ExtraAttribute].self, row.string(15), column: "applicants.extra"),
            createdAt: try StoredValue.date(row.string(16), column: "applicants.created_at"),
            updatedAt: try StoredValue.date(row.string(17), column: "applicants.updated_at"))
    }
}
