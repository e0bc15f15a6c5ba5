import Domain
import Foundation

extension SQLiteRecords: MatchingReading, MatchingWriting {
    private static let jobColumns = """
        id, organization_id, semester_id, status, progress_step, progress_completed_steps, progress_done, progress_total,
        progress_message, config, summary, embedder, model, error_message, failed_step, triggered_by, correlation_id,
        runner_pid, created_at, started_at, completed_at
        """
    private static let active = "('pending', 'preprocessing', 'embedding', 'training', 'matching')"

    func job(id: MatchingJob.ID, organizationID: Organization.ID) throws -> MatchingJob? {
        try tx.queryFirst("SELECT \(Self.jobColumns) FROM matching_jobs WHERE id = ? AND organization_id = ?",
                          id, organizationID, map: Self.job)
    }

    func jobs(semesterID: Semester.ID) throws -> [MatchingJob] {
        try tx.query("SELECT \(Self.jobColumns) FROM matching_jobs WHERE semester_id = ? ORDER BY created_at DESC, id DESC",
                     semesterID, map: Self.job)
    }

    func activeJob(semesterID: Semester.ID) throws -> MatchingJob? {
        try tx.queryFirst("SELECT \(Self.jobColumns) FROM matching_jobs WHERE semester_id = ? AND status IN \(Self.active) ORDER BY id",
                          semesterID, map: Self.job)
    }

    func activeJobs() throws -> [MatchingJob] {
        try tx.query("SELECT \(Self.jobColumns) FROM matching_jobs WHERE status IN \(Self.active) ORDER BY id", map: Self.job)
    }

    func isCancelRequested(jobID: MatchingJob.ID) throws -> Bool {
        try tx.queryFirst("SELECT cancel_requested FROM matching_jobs WHERE id = ?", jobID) { $0.bool(0) } ?? false
    }

    func currentGroups(semesterID: Semester.ID) throws -> [MatchGroup] {
        guard let jobID = try currentJobID(semesterID: semesterID) else { return [] }
        var members: [MatchGroup.ID: [MatchMember]] = [:]
        try tx.forEach("""
            SELECT group_id, mentee_id, score, explanation FROM match_members WHERE job_id = ? ORDER BY group_id, mentee_id
            """, arguments: [jobID.sqlValue]) { row in
            members[row.int64(0), default: []].append(MatchMember(
                menteeID: row.int64(1), score: row.double(2),
                explanation: try StoredValue.decodeJSON([ScoreContribution].self, row.string(3), column: "match_members.explanation")))
        }
        return try tx.query("""
            SELECT id, semester_id, job_id, mentor_id, score, created_at FROM match_groups WHERE job_id = ? ORDER BY id
            """, jobID) { row in
            MatchGroup(id: row.int64(0), semesterID: row.int64(1), jobID: row.int64(2), mentorID: row.int64(3),
                       members: members[row.int64(0)] ?? [], score: row.double(4),
                       createdAt: try StoredValue.date(row.string(5), column: "match_groups.created_at"))
        }
    }

    func pairRules(semesterID: Semester.ID) throws -> [PairRule] {
        try tx.query("""
            SELECT semester_id, mentor_id, mentee_id, kind, created_by, created_at FROM pair_rules WHERE semester_id = ?
            ORDER BY mentor_id, mentee_id
            """, semesterID) { row in
            PairRule(semesterID: row.int64(0), mentorID: row.int64(1), menteeID: row.int64(2),
                     kind: try StoredValue.enumeration(row.string(3), column: "pair_rules.kind"), createdBy: row.optionalInt64(4),
                     createdAt: try StoredValue.date(row.string(5), column: "pair_rules.created_at"))
        }
    }

    func insertJob(semesterID: Semester.ID, organizationID: Organization.ID, config: MatchingConfig, triggeredBy: Staff.ID?,
                   correlationID: String, at date: Date) throws -> MatchingJob {
        try tx.execute("""
            INSERT INTO matching_jobs (organization_id, semester_id, status, config, triggered_by, correlation_id, created_at)
            VALUES (?, ?, 'pending', ?, ?, ?, ?)
            """, organizationID, semesterID, try StoredValue.json(config), triggeredBy, correlationID, StoredValue.timestamp(date))
        return MatchingJob(id: tx.lastInsertRowID, organizationID: organizationID, semesterID: semesterID, config: config,
                           triggeredBy: triggeredBy, correlationID: correlationID, createdAt: date)
    }

    func markJobStarted(_ id: MatchingJob.ID, runnerPID: Int32, at date: Date) throws {
        try tx.execute("UPDATE matching_jobs SET runner_pid = ?, started_at = ? WHERE id = ?", runnerPID, StoredValue.timestamp(date), id)
    }

    func updateJobProgress(_ id: MatchingJob.ID, status: JobStatus, progress: JobProgress) throws {
        try tx.execute("""
            UPDATE matching_jobs SET status = ?, progress_step = ?, progress_completed_steps = ?, progress_done = ?,
                progress_total = ?, progress_message = ?
            WHERE id = ? AND status IN \(Self.active)
            """, status.rawValue, progress.step.rawValue, progress.completedSteps, progress.done, progress.total,
            progress.message, id)
    }

    func finishJob(_ id: MatchingJob.ID, status: JobStatus, errorMessage: String?, failedStep: JobStatus?, at date: Date) throws {
        try tx.execute("""
            UPDATE matching_jobs SET status = ?, error_message = ?, failed_step = ?, completed_at = ? WHERE id = ?
            """, status.rawValue, errorMessage, failedStep?.rawValue, StoredValue.timestamp(date), id)
    }

    func completeJob(_ id: MatchingJob.ID, semesterID: Semester.ID, result: MatchingResult, modelName: String, at date: Date) throws {
        let stamp = StoredValue.timestamp(date)
        let insertGroup = try tx.prepare("INSERT INTO match_groups (semester_id, job_id, mentor_id, score, created_at) VALUES (?, ?, ?, ?, ?)")
        let insertMember = try tx.prepare("""
            INSERT INTO match_members (group_id, job_id, mentee_id, score, explanation, features) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for group in result.groups {
            try insertGroup.execute([semesterID.sqlValue, id.sqlValue, group.mentorID.sqlValue, group.score.sqlValue, .text(stamp)])
            let groupID = tx.lastInsertRowID
            for member in group.members {
                let features = Dictionary(uniqueKeysWithValues: zip(PairFeature.allCases.map(\.rawValue), member.features))
                try insertMember.execute([groupID.sqlValue, id.sqlValue, member.menteeID.sqlValue, member.score.sqlValue,
                                          .text(try StoredValue.json(member.explanation)), .text(try StoredValue.json(features))])
            }
        }
        var summary = result.summary
        summary.training = result.training
        let progress = JobProgress(step: .completed, completedSteps: JobProgress.totalSteps, done: 1, total: 1,
                                   message: "\(summary.groups) groups, \(summary.matchedMentees) matched, \(summary.unmatchedMentees) unmatched")
        try tx.execute("""
            UPDATE matching_jobs SET status = 'completed', progress_step = 'completed', progress_completed_steps = ?,
                progress_done = 1, progress_total = 1, progress_message = ?, summary = ?, embedder = ?, model = ?, completed_at = ?
            WHERE id = ?
            """, progress.completedSteps, progress.message, try StoredValue.json(summary), result.embedder, modelName, stamp, id)
    }

    func requestCancel(_ id: MatchingJob.ID) throws {
        try tx.execute("UPDATE matching_jobs SET cancel_requested = 1 WHERE id = ?", id)
    }

    func setPairRule(_ rule: PairRule) throws {
        try tx.execute("""
            INSERT INTO pair_rules (semester_id, mentor_id, mentee_id, kind, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (semester_id, mentor_id, mentee_id) DO UPDATE SET kind = ?4, created_by = ?5, created_at = ?6
            """, rule.semesterID, rule.mentorID, rule.menteeID, rule.kind.rawValue, rule.createdBy, StoredValue.timestamp(rule.createdAt))
    }

    func clearPairRule(semesterID: Semester.ID, mentorID: Applicant.ID, menteeID: Applicant.ID) throws -> Bool {
        try tx.execute("DELETE FROM pair_rules WHERE semester_id = ? AND mentor_id = ? AND mentee_id = ?", semesterID, mentorID, menteeID)
        return tx.changes > 0
    }

    private static func job(_ row: Row) throws -> MatchingJob {
        MatchingJob(
            id: row.int64(0), organizationID: row.int64(1), semesterID: row.int64(2),
            status: try StoredValue.enumeration(row.string(3), column: "matching_jobs.status"),
            progress: JobProgress(step: try StoredValue.enumeration(row.string(4), column: "matching_jobs.progress_step"),
                                  completedSteps: row.int(5), done: row.int(6), total: row.int(7), message: row.string(8)),
            config: try StoredValue.decodeJSON(MatchingConfig.self, row.string(9), column: "matching_jobs.config"),
            summary: try row.optionalString(10).map { try StoredValue.decodeJSON(MatchSummary.self, $0, column: "matching_jobs.summary") },
            embedder: row.optionalString(11), model: row.optionalString(12), errorMessage: row.optionalString(13),
            failedStep: try row.optionalString(14).map { try StoredValue.enumeration($0, column: "matching_jobs.failed_step") },
            triggeredBy: row.optionalInt64(15), correlationID: row.optionalString(16),
            runnerPID: row.optionalInt(17).map(Int32.init),
            createdAt: try StoredValue.date(row.string(18), column: "matching_jobs.created_at"),
            startedAt: try StoredValue.optionalDate(row.optionalString(19), column: "matching_jobs.started_at"),
            completedAt: try StoredValue.optionalDate(row.optionalString(20), column: "matching_jobs.completed_at"))
    }
}
