import Domain
import Foundation
import Testing
@testable import Persistence

@Suite("Feedback tallies kept by triggers")
struct FeedbackTallyTests {
    /// The tallies as the triggers keep them, and the same figures computed from the feedback rows.
    static func compare(_ store: SQLiteStore) throws -> (kept: [String], recomputed: [String]) {
        try store.connection.read { tx in
            let kept = try tx.query("SELECT semester_id, role, rating, answers FROM feedback_tallies WHERE answers > 0 ORDER BY 1, 2, 3") {
                "\($0.int(0)) \($0.string(1)) \($0.int(2)) \($0.int(3))"
            } + tx.query("SELECT semester_id, tag, uses FROM feedback_tag_counts WHERE uses > 0 ORDER BY 1, 2") {
                "\($0.int(0)) #\($0.string(1)) \($0.int(2))"
            } + tx.query("SELECT group_id, answers, rating_sum, mentor_rating, lowest_mentee, highest_mentee FROM feedback_group_tallies ORDER BY 1") {
                "g\($0.int(0)) \($0.int(1)) \($0.int(2)) \($0.optionalInt(3) ?? -1) \($0.optionalInt(4) ?? -1) \($0.optionalInt(5) ?? -1)"
            }
            let recomputed = try tx.query("SELECT semester_id, role, rating, count(*) FROM feedback GROUP BY 1, 2, 3 ORDER BY 1, 2, 3") {
                "\($0.int(0)) \($0.string(1)) \($0.int(2)) \($0.int(3))"
            } + tx.query("SELECT f.semester_id, t.value, count(*) FROM feedback f, json_each(f.tags) t GROUP BY 1, 2 ORDER BY 1, 2") {
                "\($0.int(0)) #\($0.string(1)) \($0.int(2))"
            } + tx.query("""
                SELECT group_id, count(*), sum(rating), max(CASE WHEN role = 'mentor' THEN rating END),
                       min(CASE WHEN role = 'mentee' THEN rating END), max(CASE WHEN role = 'mentee' THEN rating END)
                FROM feedback GROUP BY group_id ORDER BY 1
                """) {
                "g\($0.int(0)) \($0.int(1)) \($0.int(2)) \($0.optionalInt(3) ?? -1) \($0.optionalInt(4) ?? -1) \($0.optionalInt(5) ?? -1)"
            }
            return (kept, recomputed)
        }
    }

    @Test("inserts, replacements and cascading deletions keep every tally equal to a full recount")
    func consistent() throws {
        let f = try Fixture()
        let (semester, groups, people) = try f.matchedDemoSemester()
        let applicants = ApplicantService(store: f.store)
        let service = FeedbackService(store: f.store)
        var random = CSVFuzzTestsRandom(seed: 11)
        for round in 0..<3 {
            for group in groups {
                for id in [group.mentorID] + group.members.map(\.menteeID) where random.next() % 3 != 0 {
                    let tags = ["helpful", "slow start", "great fit", "scheduling"].filter { _ in random.next() % 2 == 0 }
                    try service.submit(semesterID: semester.id, .init(email: people[id]!.email, rating: Int(random.next() % 5) + 1,
                                                                      tags: tags, comment: round == 2 ? "r\(round)" : ""), by: f.admin)
                }
            }
        }
        var (kept, recomputed) = try Self.compare(f.store)
        #expect(kept == recomputed && !kept.isEmpty)
        // Removing a mentor deletes their group and, by cascade, its feedback.
        let removed = people[groups[0].mentorID]!
        try f.semesters.update(semester.id, SemesterChanges(status: .open), by: f.admin)
        try applicants.remove(semesterID: semester.id, email: removed.email, by: f.admin)
        (kept, recomputed) = try Self.compare(f.store)
        #expect(kept == recomputed)
        #expect(!kept.contains { $0.hasPrefix("g\(groups[0].id) ") })
    }

    @Test("upgrading a version-1 database counts the feedback it already has")
    func backfill() throws {
        let f = try Fixture()
        let semester = try f.semesters.create(Fixture.draft(), by: f.admin)
        let mentor = try f.addApplicant(semester, "m@x.org", .mentor), mentee = try f.addApplicant(semester, "e@x.org", .mentee)
        let group = try f.addJob(semester, status: .completed, completedAt: "2026-11-01T00:00:00.000Z", groups: [(mentor, [(mentee, 0.5)])])[0]
        try f.store.connection.executeScript("DROP TRIGGER feedback_inserted; DROP TABLE feedback_tallies; DROP TABLE feedback_tag_counts; DROP TABLE feedback_group_tallies; DROP TRIGGER IF EXISTS feedback_deleted; DROP TRIGGER IF EXISTS feedback_updated; ALTER TABLE organizations DROP COLUMN embedder; PRAGMA user_version = 1")
        try f.addFeedback(semester, group: group, email: "m@x.org", role: .mentor, rating: 5)
        try f.addFeedback(semester, group: group, email: "e@x.org", role: .mentee, rating: 1)
        let upgraded = try SQLiteStore(path: f.database.path)
        let (kept, recomputed) = try Self.compare(upgraded)
        #expect(kept == recomputed && kept.count == 3)
        #expect(try FeedbackService(store: upgraded).summary(semesterID: semester.id, by: f.admin).attention.count == 1)
    }
}

/// A tiny deterministic generator for the tally test.
struct CSVFuzzTestsRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}
