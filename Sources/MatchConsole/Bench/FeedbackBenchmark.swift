import Credentials
import Domain
import Foundation
import Persistence

/// `bench feedback`: the semester summary over a million answers, beside the same aggregates
/// computed from the raw rows in the `sqlite3` shell.
enum FeedbackBenchmark {
    static let command = CommandSpec(
        ["bench", "feedback"], summary: "Benchmark the feedback summary on a large synthetic semester (use a release build).",
        options: [
            .value("--rows", "N", "feedback answers (default 1000000)"),
            .value("--groups", "G", "groups they are spread over (default 20000)"),
            .value("--repeat", "R", "runs of each measurement; medians are reported (default 5)"),
        ]
    ) { invocation, context in
        let rows = try invocation.int("--rows") ?? 1_000_000
        let groupCount = try invocation.int("--groups") ?? 20_000
        let repeats = try invocation.int("--repeat") ?? 5
        guard rows >= 1, groupCount >= 1, repeats >= 1 else { throw invocation.usage("--rows, --groups and --repeat must be at least 1") }
        let folder = try BenchmarkSupport.temporaryFolder("feedback")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("console.sqlite3").path
        let (store, actor, semester) = try BenchmarkSupport.freshSemester(path, mentorQuota: groupCount, menteeQuota: groupCount)
        let seedSeconds = try BenchmarkSupport.seconds { try seed(store, semester, actor, rows: rows, groups: groupCount) }

        let service = FeedbackService(store: store)
        var summary: FeedbackSummary?
        let runs = try (0..<repeats).map { _ in try BenchmarkSupport.seconds { summary = try service.summary(semesterID: semester.id, by: actor) } }

        var sqliteRuns: [Double] = []
        if let sqlite = BenchmarkSupport.which("sqlite3") {
            let script = folder.appendingPathComponent("aggregates.sql")
            try rawAggregates(semesterID: semester.id, organizationID: actor.organizationID).write(to: script, atomically: true, encoding: .utf8)
            for _ in 0..<repeats {
                var status: Int32 = 0
                let seconds = try BenchmarkSupport.seconds { (status, _) = try BenchmarkSupport.run(sqlite, [path, ".read \(script.path)"]) }
                if status == 0 { sqliteRuns.append(seconds) }
            }
        }
        try context.output.json(Figures(
            rows: rows, groups: groupCount, seedSeconds: BenchmarkSupport.rounded(seedSeconds),
            summaryRunsSeconds: runs.map { BenchmarkSupport.rounded($0, 4) }, summarySeconds: BenchmarkSupport.rounded(BenchmarkSupport.median(runs), 4),
            sqlite3RawAggregatesSeconds: sqliteRuns.isEmpty ? nil : BenchmarkSupport.rounded(BenchmarkSupport.median(sqliteRuns), 4),
            total: summary?.total ?? 0, averageRating: summary?.averageRating.map { BenchmarkSupport.rounded($0, 4) },
            attentionGroups: summary?.attention.count ?? 0, peakRSSMegabytes: BenchmarkSupport.rounded(BenchmarkSupport.peakResidentMegabytes, 1)))
    }

    /// Mentors and mentees, one completed job with a group per mentor, then the answers, spread
    /// over the groups, in one transaction each.
    private static func seed(_ store: SQLiteStore, _ semester: Semester, _ actor: Actor, rows: Int, groups: Int) throws {
        var random = DemoRandom(seed: 7)
        let now = UTCTimestamp.now()
        try store.write { tx in
            let drafts = (0..<groups).flatMap { index in
                [ApplicantDraft(line: 0, email: "mentor\(index)@example.org", name: "Mentor \(index)", role: .mentor),
                 ApplicantDraft(line: 0, email: "mentee\(index)@example.org", name: "Mentee \(index)", role: .mentee)]
            }
            _ = try tx.upsertApplicants(drafts, semesterID: semester.id, at: now)
        }
        let applicants = try ApplicantService(store: store).list(semesterID: semester.id, limit: 100_000, by: actor).items
        let ids = Dictionary(uniqueKeysWithValues: applicants.map { ($0.email, $0.id) })
        let job = try MatchingService(store: store).start(semesterID: semester.id, by: actor)
        let result = MatchingResult(
            groups: (0..<groups).map { index in
                ProposedGroup(mentorID: ids["mentor\(index)@example.org"]!, members: [
                    ProposedMember(menteeID: ids["mentee\(index)@example.org"]!, score: 0.5, explanation: [],
                                   features: Array(repeating: 0, count: PairFeature.allCases.count), locked: false),
                ], score: 0.5)
            },
            unmatched: [], setAside: [], warnings: [],
            summary: MatchSummary(groups: groups, matchedMentees: groups, unmatchedMentees: 0, averageCompatibility: 0.5, lowestMenteeScore: 0.5),
            embedder: "synthetic", training: TrainingReport(examples: 0, heldOut: 0, heldOutLogLoss: nil, heldOutAUC: nil, model: .prior))
        try store.write { tx in try tx.completeJob(job.id, semesterID: semester.id, result: result, modelName: "synthetic", at: now) }
        let current = try store.read { tx in try tx.currentGroups(semesterID: semester.id) }.map(\.id)
        let tags = ["helpful", "great_fit", "scheduling", "slow_start", "career_advice", "no_show", "inspiring", "responsive"]
        // Each group has a typical rating; answers scatter a point around it; the first answer of
        // each group is its mentor's.
        let typical = current.map { _ in [2, 3, 4, 4, 4, 5, 5][random.below(7)] }
        try store.write { tx in
            for index in 0..<rows {
                let group = index < current.count ? index : random.below(current.count)
                let rating = min(5, max(1, typical[group] + [-1, 0, 0, 1][random.below(4)]))
                try tx.upsertFeedback(semesterID: semester.id, groupID: current[group], email: "answer\(index)@example.org",
                                      role: index < current.count ? .mentor : .mentee, rating: rating,
                                      tags: (0..<random.below(3)).map { _ in tags[random.below(tags.count)] },
                                      comment: rating <= 2 ? "not great" : "", at: now)
            }
        }
    }

    /// The summary's figures computed straight from the feedback rows, as one would type them.
    private static func rawAggregates(semesterID: Semester.ID, organizationID: Organization.ID) -> String {
        """
        SELECT rating, count(*) FROM feedback WHERE semester_id = \(semesterID) GROUP BY rating;
        SELECT role, count(*), avg(rating) FROM feedback WHERE semester_id = \(semesterID) GROUP BY role;
        SELECT t.value, count(*) AS uses FROM feedback f, json_each(f.tags) t WHERE f.semester_id = \(semesterID)
            GROUP BY t.value ORDER BY uses DESC LIMIT 10;
        SELECT group_id, avg(rating) FROM feedback WHERE semester_id = \(semesterID) GROUP BY group_id
            HAVING avg(rating) <= 2 OR abs(max(CASE WHEN role = 'mentor' THEN rating END) - min(CASE WHEN role = 'mentee' THEN rating END)) >= 3;
        SELECT s.id, avg(f.rating), count(f.id) FROM semesters s LEFT JOIN feedback f ON f.semester_id = s.id
            WHERE s.organization_id = \(organizationID) GROUP BY s.id;
        """
    }

    struct Figures: Encodable {
        let rows: Int
        let groups: Int
        let seedSeconds: Double
        let summaryRunsSeconds: [Double]
        let summarySeconds: Double
        let sqlite3RawAggregatesSeconds: Double?
        let total: Int
        let averageRating: Double?
        let attentionGroups: Int
        let peakRSSMegabytes: Double
    }
}
