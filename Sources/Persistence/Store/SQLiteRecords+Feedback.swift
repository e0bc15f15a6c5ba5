import Domain
import Foundation

extension SQLiteRecords: FeedbackReading, FeedbackWriting {
    func currentMembership(semesterID: Semester.ID, email: String) throws -> (groupID: MatchGroup.ID, role: ApplicantRole)? {
        guard let job = try currentJobID(semesterID: semesterID) else { return nil }
        return try tx.queryFirst("""
            SELECT g.id, 'mentor' FROM match_groups g JOIN applicants a ON a.id = g.mentor_id
            WHERE g.job_id = ?1 AND a.email = ?2
            UNION ALL
            SELECT m.group_id, 'mentee' FROM match_members m JOIN applicants a ON a.id = m.mentee_id
            WHERE m.job_id = ?1 AND a.email = ?2
            LIMIT 1
            """, job, email) { row in (row.int64(0), try StoredValue.enumeration(row.string(1), column: "role")) }
    }

    func feedbackEmails(semesterID: Semester.ID) throws -> Set<String> {
        Set(try tx.query("SELECT submitter_email FROM feedback WHERE semester_id = ?", semesterID) { $0.string(0).lowercased() })
    }

    func upsertFeedback(semesterID: Semester.ID, groupID: MatchGroup.ID, email: String, role: ApplicantRole, rating: Int,
                        tags: [String], comment: String, at date: Date) throws {
        try tx.execute("""
            INSERT INTO feedback (semester_id, group_id, submitter_email, role, rating, tags, comment, submitted_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            ON CONFLICT (semester_id, submitter_email) DO UPDATE SET
                group_id = ?2, role = ?4, rating = ?5, tags = ?6, comment = ?7, submitted_at = ?8
            """, semesterID, groupID, email, role.rawValue, rating, try StoredValue.json(tags), comment, StoredValue.timestamp(date))
    }

    func feedbackSummary(semesterID: Semester.ID, organizationID: Organization.ID) throws -> FeedbackSummary {
        var distribution = [0, 0, 0, 0, 0]
        var total = 0, sum = 0
        try tx.forEach("SELECT rating, count(*) FROM feedback WHERE semester_id = ? GROUP BY rating",
                       arguments: [semesterID.sqlValue]) { row in
            let rating = row.int(0), count = row.int(1)
            if (1...5).contains(rating) { distribution[5 - rating] = count }
            total += count
            sum += rating * count
        }
        let byRole = try tx.query("""
            SELECT role, count(*), avg(rating) FROM feedback WHERE semester_id = ? GROUP BY role ORDER BY role
            """, semesterID) { row in
            FeedbackSummary.RoleFigures(role: try StoredValue.enumeration(row.string(0), column: "feedback.role"),
                                        count: row.int(1), averageRating: row.optionalDouble(2))
        }
        let topTags = try tx.query("""
            SELECT tag.value, count(*) AS uses FROM feedback, json_each(feedback.tags) AS tag
            WHERE feedback.semester_id = ? GROUP BY tag.value ORDER BY uses DESC, tag.value LIMIT 10
            """, semesterID) { FeedbackSummary.TagCount(tag: $0.string(0), count: $0.int(1)) }
        let participants = try participantCount(semesterID: semesterID)
        return FeedbackSummary(
            semesterID: semesterID, total: total, participants: participants,
            responseRate: participants > 0 ? Double(total) / Double(participants) : nil,
            averageRating: total > 0 ? Double(sum) / Double(total) : nil, distribution: distribution, byRole: byRole,
            topTags: topTags, attention: try attentionGroups(semesterID: semesterID), trend: try trend(organizationID: organizationID))
    }

    /// Mentor plus mentees of the current groups.
    private func participantCount(semesterID: Semester.ID) throws -> Int {
        guard let job = try currentJobID(semesterID: semesterID) else { return 0 }
        return try tx.queryFirst("""
            SELECT (SELECT count(*) FROM match_groups WHERE job_id = ?1) + (SELECT count(*) FROM match_members WHERE job_id = ?1)
            """, job) { $0.int(0) } ?? 0
    }

    private func attentionGroups(semesterID: Semester.ID) throws -> [FeedbackSummary.AttentionGroup] {
        // Comments are joined with the unit separator, which no typed comment contains.
        try tx.query("""
            SELECT f.group_id, avg(f.rating), max(CASE WHEN f.role = 'mentor' THEN f.rating END) AS mentor,
                   min(CASE WHEN f.role = 'mentee' THEN f.rating END) AS low, max(CASE WHEN f.role = 'mentee' THEN f.rating END) AS high,
                   group_concat(CASE WHEN f.comment <> '' THEN f.comment END, char(31)), a.email
            FROM feedback f JOIN match_groups g ON g.id = f.group_id JOIN applicants a ON a.id = g.mentor_id
            WHERE f.semester_id = ?
            GROUP BY f.group_id
            HAVING avg(f.rating) <= 2 OR abs(mentor - low) >= 3 OR abs(mentor - high) >= 3
            ORDER BY avg(f.rating), f.group_id
            """, semesterID) { row in
            FeedbackSummary.AttentionGroup(
                groupID: row.int64(0), mentorEmail: row.string(6), averageRating: row.double(1), mentorRating: row.optionalInt(2),
                lowestMenteeRating: row.optionalInt(3),
                comments: row.optionalString(5).map { $0.split(separator: "\u{1F}").map(String.init) } ?? [])
        }
    }

    private func trend(organizationID: Organization.ID) throws -> [FeedbackSummary.TrendPoint] {
        let semesters = try tx.query("SELECT id, name FROM semesters WHERE organization_id = ? ORDER BY start_date, id", organizationID) {
            ($0.int64(0), $0.string(1))
        }
        return try semesters.map { id, name in
            let (count, average) = try tx.queryFirst("SELECT count(*), avg(rating) FROM feedback WHERE semester_id = ?", id) {
                ($0.int(0), $0.optionalDouble(1))
            } ?? (0, nil)
            let participants = try participantCount(semesterID: id)
            return FeedbackSummary.TrendPoint(semesterID: id, semesterName: name, averageRating: average,
                                              responseRate: participants > 0 ? Double(count) / Double(participants) : nil)
        }
    }

    func labeledPairs(semesterID: Semester.ID, threshold: Double) throws -> [LabeledPairRecord] {
        guard let job = try currentJobID(semesterID: semesterID) else { return [] }
        return try tx.query("""
            SELECT g.id, mentor.email, mentee.email, m.features, m.score, fm.rating, fm.comment, fe.rating, fe.comment
            FROM match_members m
            JOIN match_groups g ON g.id = m.group_id
            JOIN applicants mentor ON mentor.id = g.mentor_id
            JOIN applicants mentee ON mentee.id = m.mentee_id
            LEFT JOIN feedback fm ON fm.semester_id = g.semester_id AND fm.submitter_email = mentor.email AND fm.group_id = g.id
            LEFT JOIN feedback fe ON fe.semester_id = g.semester_id AND fe.submitter_email = mentee.email AND fe.group_id = g.id
            WHERE m.job_id = ? AND (fm.id IS NOT NULL OR fe.id IS NOT NULL)
            ORDER BY g.id, mentee.email
            """, job) { row in
            let ratings = [row.optionalInt(5), row.optionalInt(7)].compactMap { $0 }
            let average = Double(ratings.reduce(0, +)) / Double(ratings.count)
            return LabeledPairRecord(
                groupID: row.int64(0), mentorEmail: row.string(1), menteeEmail: row.string(2),
                features: try StoredValue.decodeJSON([String: Double].self, row.string(3), column: "match_members.features"),
                score: row.double(4), averageRating: average, feedbackCount: ratings.count, label: average >= threshold ? 1 : 0,
                comments: [row.optionalString(6), row.optionalString(8)].compactMap { $0 }.filter { !$0.isEmpty })
        }
    }

    func trainingPairs(organizationID: Organization.ID, excluding semesterID: Semester.ID, threshold: Double) throws -> [LabeledPair] {
        let others = try tx.query("SELECT id FROM semesters WHERE organization_id = ? AND id <> ? ORDER BY id",
                                  organizationID, semesterID) { $0.int64(0) }
        return try others.flatMap { try labeledPairs(semesterID: $0, threshold: threshold).map(\.trainingPair) }
    }
}
