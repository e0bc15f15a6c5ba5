import Domain
import Foundation

extension SQLiteRecords: SemesterReading, SemesterWriting {
    private static let columns = """
        id, organization_id, name, start_date, end_date, mentor_quota, mentee_quota,
        default_mentees_per_mentor, rules, status, created_by, created_at, updated_at
        """

    func semester(id: Semester.ID, organizationID: Organization.ID) throws -> Semester? {
        try tx.queryFirst("SELECT \(Self.columns) FROM semesters WHERE id = ? AND organization_id = ?",
                          id, organizationID, map: Self.semester)
    }

    func semester(named name: String, organizationID: Organization.ID) throws -> Semester? {
        try tx.queryFirst("SELECT \(Self.columns) FROM semesters WHERE name = ? AND organization_id = ?",
                          name, organizationID, map: Self.semester)
    }

    func semesters(organizationID: Organization.ID, status: SemesterStatus?, skip: Int, limit: Int) throws -> [Semester] {
        try tx.query("""
            SELECT \(Self.columns) FROM semesters
            WHERE organization_id = ?1 AND (?2 IS NULL OR status = ?2)
            ORDER BY created_at DESC, id DESC LIMIT ?3 OFFSET ?4
            """, arguments: [organizationID.sqlValue, status?.rawValue.sqlValue ?? .null, limit.sqlValue, skip.sqlValue],
            map: Self.semester)
    }

    func semesterCount(organizationID: Organization.ID, status: SemesterStatus?) throws -> Int {
        try tx.queryFirst("SELECT count(*) FROM semesters WHERE organization_id = ?1 AND (?2 IS NULL OR status = ?2)",
                          arguments: [organizationID.sqlValue, status?.rawValue.sqlValue ?? .null]) { $0.int(0) } ?? 0
    }

    func semesterStats(semester: Semester) throws -> SemesterStats {
        let id = semester.id
        let applicants = try tx.queryFirst("""
            SELECT count(*) FILTER (WHERE role = 'mentor'),
                   count(*) FILTER (WHERE role = 'mentee'),
                   coalesce(sum(coalesce(capacity, ?2)) FILTER (WHERE role = 'mentor'), 0)
            FROM applicants WHERE semester_id = ?1
            """, id, semester.defaultMenteesPerMentor) { ($0.int(0), $0.int(1), $0.int(2)) } ?? (0, 0, 0)
        let currentJob = try currentJobID(semesterID: id)
        let groups = try tx.queryFirst("""
            SELECT count(*), avg(score), (SELECT count(*) FROM match_members WHERE job_id = ?1)
            FROM match_groups WHERE job_id = ?1
            """, currentJob ?? -1) { ($0.int(0), $0.optionalDouble(1), $0.int(2)) } ?? (0, nil, 0)
        let feedback = try tx.queryFirst("SELECT count(*), avg(rating) FROM feedback WHERE semester_id = ?", id) {
            ($0.int(0), $0.optionalDouble(1))
        } ?? (0, nil)
        return SemesterStats(
            semesterID: id, mentors: applicants.0, mentorQuota: semester.mentorQuota, mentees: applicants.1,
            menteeQuota: semester.menteeQuota, mentorCapacity: applicants.2, matchedMentees: groups.2,
            groups: groups.0, averageCompatibility: groups.1, feedbackCount: feedback.0, averageRating: feedback.1)
    }

    /// The job whose groups are the semester's current results: its latest completed one.
    func currentJobID(semesterID: Semester.ID) throws -> MatchingJob.ID? {
        try tx.queryFirst("""
            SELECT id FROM matching_jobs WHERE semester_id = ? AND status = 'completed'
            ORDER BY completed_at DESC, id DESC LIMIT 1
            """, semesterID) { $0.int64(0) }
    }

    func insertSemester(_ draft: SemesterDraft, organizationID: Organization.ID, status: SemesterStatus,
                        createdBy: Staff.ID?, at date: Date) throws -> Semester {
        let stamp = StoredValue.timestamp(date)
        try tx.execute("""
            INSERT INTO semesters (organization_id, name, start_date, end_date, mentor_quota, mentee_quota,
                                   default_mentees_per_mentor, rules, status, created_by, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, organizationID, draft.name, draft.startDate.description, draft.endDate.description,
            draft.mentorQuota, draft.menteeQuota, draft.defaultMenteesPerMentor, try StoredValue.json(draft.rules),
            status.rawValue, createdBy, stamp, stamp)
        return Semester(id: tx.lastInsertRowID, organizationID: organizationID, name: draft.name,
                        startDate: draft.startDate, endDate: draft.endDate, mentorQuota: draft.mentorQuota,
                        menteeQuota: draft.menteeQuota, defaultMenteesPerMentor: draft.defaultMenteesPerMentor,
                        rules: draft.rules, status: status, createdBy: createdBy, createdAt: date, updatedAt: date)
    }

    func updateSemester(_ semester: Semester) throws {
        try tx.execute("""
            UPDATE semesters SET name = ?, start_date = ?, end_date = ?, mentor_quota = ?, mentee_quota = ?,
                default_mentees_per_mentor = ?, rules = ?, status = ?, updated_at = ?
            WHERE id = ? AND organization_id = ?
            """, semester.name, semester.startDate.description, semester.endDate.description, semester.mentorQuota,
            semester.menteeQuota, semester.defaultMenteesPerMentor, try StoredValue.json(semester.rules),
            semester.status.rawValue, StoredValue.timestamp(semester.updatedAt), semester.id, semester.organizationID)
    }

    private static func semester(_ row: Row) throws -> Semester {
        Semester(
            id: row.int64(0), organizationID: row.int64(1), name: row.string(2),
            startDate: try StoredValue.calendarDate(row.string(3), column: "semesters.start_date"),
            endDate: try StoredValue.calendarDate(row.string(4), column: "semesters.end_date"),
            mentorQuota: row.int(5), menteeQuota: row.int(6), defaultMenteesPerMentor: row.int(7),
            rules: try StoredValue.decodeJSON(MatchingRules.self, row.string(8), column: "semesters.rules"),
            status: try StoredValue.enumeration(row.string(9), column: "semesters.status"),
            createdBy: row.optionalInt64(10),
            createdAt: try StoredValue.date(row.string(11), column: "semesters.created_at"),
            updatedAt: try StoredValue.date(row.string(12), column: "semesters.updated_at"))
    }
}
