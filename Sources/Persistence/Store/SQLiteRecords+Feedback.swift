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

    /// Read from the trigger-kept tallies: a few hundred counters whatever the number of answers.
    func feedbackSummary(semesterID: Semester.ID, organizationID: Organization.ID) throws -> FeedbackSummary {
        var distribution = [0, 0, 0, 0, 0]
        var roles: [ApplicantRole: (count: Int, sum: Int)] = [:]
        try tx.forEach("SELECT role, rating, answers FROM feedback_tallies WHERE semester_id = ? AND answers > 0",
                       arguments: [semesterID.sqlValue]) { row in
            let role: ApplicantRole = try StoredValue.enumeration(row.string(0), column: "feedback_tallies.role")
            let rating = row.int(1), count = row.int(2)
            if (1...5).contains(rating) { distribution[5 - rating] += count }
            roles[role, default: (0, 0)].count += count
            roles[role, default: (0, 0)].sum += rating * count
        }
        let total = distribution.reduce(0, +)
        let sum = roles.values.reduce(0) { $0 + $1.sum }
        let byRole = roles.keys.sorted { $0.rawValue < $1.rawValue }.map { role in
            FeedbackSummary.RoleFigures(role: role, count: roles[role]!.count,
                                        averageRating: roles[role]!.count > 0 ? Double(roles[role]!.sum) / Double(roles[role]!.count) : nil)
        }
        let topTags = try tx.query("""
            SELECT tag, uses FROM feedback_tag_counts WHERE semester_id = ? AND uses > 0 ORDER BY uses DESC, tag LIMIT 10
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

    /// Groups with a low average, or a mentor and a mentee three or more points apart.
    private func attentionGroups(semesterID: Semester.ID) throws -> [FeedbackSummary.AttentionGroup] {
        let groups = try tx.query("""
            SELECT t.group_id, CAST(t.rating_sum AS REAL) / t.answers, t.mentor_rating, t.lowest_mentee, a.email
            FROM feedback_group_tallies t JOIN match_groups g ON g.id = t.group_id JOIN applicants a ON a.id = g.mentor_id
            WHERE t.semester_id = ?
              AND (t.rating_sum <= 2 * t.answers OR abs(t.mentor_rating - t.lowest_mentee) >= 3
                   OR abs(t.mentor_rating - t.highest_mentee) >= 3)
            ORDER BY CAST(t.rating_sum AS REAL) / t.answers, t.group_id
            LIMIT \(FeedbackSummary.attentionLimit)
            """, semesterID) { row in
            FeedbackSummary.AttentionGroup(groupID: row.int64(0), mentorEmail: row.string(4), averageRating: row.double(1),
                                           mentorRating: row.optionalInt(2), lowestMenteeRating: row.optionalInt(3), comments: [])
        }
        return try groups.map { group in
            var group = group
            group.comments = try tx.query("""
                SELECT comment FROM feedback WHERE group_id = ? AND comment <> '' ORDER BY role, submitted_at
                """, group.groupID) { $0.string(0) }
            return group
        }
    }

    private func trend(organizationID: Organization.ID) throws -> [FeedbackSummary.TrendPoint] {
        let semesters = try tx.query("""
            SELECT s.id, s.name, sum(t.answers), sum(t.answers * t.rating)
            FROM semesters s LEFT JOIN feedback_tallies t ON t.semester_id = s.id
            WHERE s.organization_id = ? GROUP BY s.id ORDER BY s.start_date, s.id
            """, organizationID) { ($0.int64(0), $0.string(1), $0.int(2), $0.int(3)) }
        return try semesters.map { id, name, answers, sum in
            let participants = try participantCount(semesterID: id)
            return FeedbackSummary.TrendPoint(semesterID: id, semesterName: name,
                                              averageRating: answers > 0 ? Double(sum) / Double(answers) : nil,
                                              responseRate: participants > 0 ? Double(answers) / Double(participants) : nil)
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
