import Domain
import Foundation
import Testing
@testable import Persistence

@Suite("Applicant import on SQLite")
struct ApplicantServiceTests {
    static let header = "email,name,role,field,capacity,Timestamp\n"

    private func csv(_ rows: String) -> [UInt8] { Array((Self.header + rows).utf8) }

    private func setUp() throws -> (Fixture, Semester, ApplicantService) {
        let f = try Fixture()
        let semester = try f.semesters.create(Fixture.draft(mentors: 3, mentees: 4), by: f.admin)
        return (f, semester, ApplicantService(store: f.store, now: { [clock = f.clock] in clock.now }))
    }

    @Test("import writes every row, then a re-upload only updates what changed")
    func idempotentReupload() throws {
        let (f, semester, service) = try setUp()
        let first = try service.importFile(semesterID: semester.id, file: csv("""
            ada@x.org,Ada,mentor,Maths,2,2026-08-01
            bob@x.org,Bob,mentee,Arts,,2026-08-02
            cy@x.org,Cy,mentee,Law,,2026-08-03
            """), skipInvalid: false, by: f.coordinator)
        #expect(first.applied && first.created == 3 && first.updated == 0 && first.unchanged == 0)
        #expect(first.validMentors == 1 && first.validMentees == 2)
        f.now += 60
        let second = try service.importFile(semesterID: semester.id, file: csv("""
            ADA@x.org,Ada,mentor,Maths,2,2026-08-01
            bob@x.org,Bob B.,mentee,Arts,,2026-08-02
            cy@x.org,Cy,mentee,Law,,2026-08-03
            dee@x.org,Dee,mentee,Music,,2026-08-04
            """), skipInvalid: false, by: f.coordinator)
        #expect(second.created == 1 && second.updated == 1 && second.unchanged == 2)
        let applicants = try service.list(semesterID: semester.id, by: f.viewer)
        #expect(applicants.total == 4)
        #expect(applicants.items.map(\.email) == ["ada@x.org", "bob@x.org", "cy@x.org", "dee@x.org"])
        let bob = try #require(applicants.items.first { $0.email == "bob@x.org" })
        #expect(bob.name == "Bob B." && bob.updatedAt == f.now && bob.createdAt == f.now - 60)
        #expect(bob.extra == [ExtraAttribute(name: "Timestamp", value: "2026-08-02")])
        #expect(try f.auditActions(f.admin).filter { $0 == "applicants.imported" }.count == 2)
    }

    @Test("any problem refuses the whole file with the full report, and the database is unchanged")
    func allOrNothing() throws {
        let (f, semester, service) = try setUp()
        let before = try f.snapshot()
        let refusal = #expect(throws: DomainError.self) {
            try service.importFile(semesterID: semester.id, file: csv("""
                ada@x.org,Ada,mentor,Maths,2,
                bob@,Bob,mentee,Arts,,
                cy@x.org,Cy,coach,Law,,
                """), skipInvalid: false, by: f.coordinator)
        }
        guard case .importRefused(let report)? = refusal else { Issue.record("expected importRefused"); return }
        #expect(!report.applied && report.created == 1)
        #expect(report.problems.map(\.description) == [
            "line 3, column \"email\": \"bob@\" is not an email address",
            "line 4, column \"role\": \"coach\" is not a role; use mentor or mentee",
        ])
        #expect(try f.snapshot() == before)
        #expect(try f.quotas.usage(by: f.coordinator)[0].used == 0, "a refused import does not count against the quota")
    }

    @Test("--skip-invalid imports the valid rows and reports the rest")
    func skipInvalid() throws {
        let (f, semester, service) = try setUp()
        let report = try service.importFile(semesterID: semester.id, file: csv("""
            ada@x.org,Ada,mentor,Maths,2,
            bob@,Bob,mentee,Arts,,
            cy@x.org,Cy,mentee,Law,99,
            """), skipInvalid: true, by: f.coordinator)
        #expect(report.applied && report.created == 2 && report.skipped == 1 && report.problems.count == 1)
        #expect(try service.list(semesterID: semester.id, by: f.admin).items.map(\.email) == ["ada@x.org", "cy@x.org"])
        #expect(try service.list(semesterID: semester.id, by: f.admin).items[1].capacity == nil, "mentees have no capacity")
    }

    @Test("an email registered under the other role is a row problem")
    func roleConflict() throws {
        let (f, semester, service) = try setUp()
        try service.importFile(semesterID: semester.id, file: csv("ada@x.org,Ada,mentor,Maths,2,\n"), skipInvalid: false, by: f.admin)
        let refusal = #expect(throws: DomainError.self) {
            try service.importFile(semesterID: semester.id, file: csv("ada@x.org,Ada,mentee,Maths,,\n"), skipInvalid: false, by: f.admin)
        }
        guard case .importRefused(let report)? = refusal else { Issue.record("expected importRefused"); return }
        #expect(report.problems.map(\.description) == ["line 2, column \"role\": ada@x.org is already registered in this semester as a mentor"])
    }

    @Test("an import past the semester's quota is refused, saying by how much; a preview warns")
    func semesterQuota() throws {
        let (f, semester, service) = try setUp()
        let rows = (1...6).map { "m\($0)@x.org,M\($0),mentee,Arts,," }.joined(separator: "\n")
        let before = try f.snapshot()
        #expect(throws: DomainError.applicantQuotaExceeded(role: .mentee, resulting: 6, quota: 4)) {
            try service.importFile(semesterID: semester.id, file: csv(rows), skipInvalid: false, by: f.admin)
        }
        #expect(try f.snapshot() == before)
        let preview = try service.preview(semesterID: semester.id, file: csv(rows), by: f.admin)
        #expect(preview.problems.map(\.message) == ["the import would bring the semester to 6 mentees, 2 over its quota of 4"])
        #expect(try f.snapshot() == before, "a preview writes nothing")
    }

    @Test("each import counts against the upload quota")
    func uploadQuota() throws {
        let (f, semester, service) = try setUp()
        try f.quotas.setLimits(UsageQuotas(uploadsPerUserPerDay: 2, jobsPerUserPerDay: 5, concurrentJobsPerOrganization: 5), by: f.admin)
        for _ in 0..<2 {
            try service.importFile(semesterID: semester.id, file: csv("ada@x.org,Ada,mentor,Maths,2,\n"), skipInvalid: false, by: f.coordinator)
        }
        #expect(throws: DomainError.self) {
            try service.importFile(semesterID: semester.id, file: csv("ada@x.org,Ada,mentor,Maths,2,\n"), skipInvalid: false, by: f.coordinator)
        }
        _ = try service.preview(semesterID: semester.id, file: csv("ada@x.org,Ada,mentor,Maths,2,\n"), by: f.coordinator)
    }

    @Test("a matched or closed semester takes no applicants")
    func closedSemester() throws {
        let (f, semester, service) = try setUp()
        try f.semesters.update(semester.id, SemesterChanges(status: .closed), by: f.admin)
        #expect(throws: DomainError.semesterNotAcceptingApplicants(name: "Spring 2027", status: .closed)) {
            try service.importFile(semesterID: semester.id, file: csv("ada@x.org,Ada,mentor,Maths,2,\n"), skipInvalid: false, by: f.admin)
        }
    }

    @Test("list filters by role and search text (with % and _ taken literally); remove deletes one")
    func listAndRemove() throws {
        let (f, semester, service) = try setUp()
        try service.importFile(semesterID: semester.id, file: csv("""
            ada@x.org,Ada,mentor,Robotics,2,
            bob@x.org,Bob,mentee,robotics_club,,
            cy@x.org,Cy 100%,mentee,Law,,
            """), skipInvalid: false, by: f.admin)
        #expect(try service.list(semesterID: semester.id, filter: ApplicantFilter(role: .mentee), by: f.viewer).items.map(\.name) == ["Bob", "Cy 100%"])
        #expect(try service.list(semesterID: semester.id, filter: ApplicantFilter(search: "ROBOT"), by: f.viewer).total == 2)
        #expect(try service.list(semesterID: semester.id, filter: ApplicantFilter(search: "%"), by: f.viewer).items.map(\.name) == ["Cy 100%"])
        #expect(try service.list(semesterID: semester.id, filter: ApplicantFilter(search: "s_c"), by: f.viewer).total == 1)
        // Summaries: the same rows in the same order, for the console's big tables; find opens one whole.
        for filter in [ApplicantFilter(), ApplicantFilter(role: .mentee), ApplicantFilter(search: "ROBOT")] {
            #expect(try service.summaries(semesterID: semester.id, filter: filter, by: f.viewer).map(\.email)
                    == service.list(semesterID: semester.id, filter: filter, by: f.viewer).items.map(\.email))
        }
        #expect(try service.summaries(semesterID: semester.id, by: f.viewer).first
                == ApplicantSummary(id: 1, email: "ada@x.org", name: "Ada", role: .mentor, field: "Robotics", seniority: nil, capacity: 2,
                                    interests: ""))
        #expect(try service.find(semesterID: semester.id, email: " ADA@x.org", by: f.viewer).capacity == 2)
        #expect(throws: DomainError.self) { try service.summaries(semesterID: semester.id, by: f.outsider) }
        try service.remove(semesterID: semester.id, email: "BOB@x.org", by: f.coordinator)
        #expect(try service.list(semesterID: semester.id, by: f.viewer).total == 2)
        #expect(throws: DomainError.notFound(kind: "applicant", reference: "bob@x.org")) {
            try service.remove(semesterID: semester.id, email: "bob@x.org", by: f.coordinator)
        }
    }

    @Test("other organizations and viewers cannot import, list or remove")
    func tenancy() throws {
        let (f, semester, service) = try setUp()
        try service.importFile(semesterID: semester.id, file: csv("ada@x.org,Ada,mentor,Maths,2,\n"), skipInvalid: false, by: f.admin)
        let before = try f.snapshot()
        let notFound = DomainError.notFound(kind: "semester", reference: "#\(semester.id)")
        #expect(throws: notFound) { try service.importFile(semesterID: semester.id, file: csv("o@x.org,O,mentor,M,2,\n"), skipInvalid: false, by: f.outsider) }
        #expect(throws: notFound) { try service.preview(semesterID: semester.id, file: csv("o@x.org,O,mentor,M,2,\n"), by: f.outsider) }
        #expect(throws: notFound) { try service.list(semesterID: semester.id, by: f.outsider) }
        #expect(throws: notFound) { try service.remove(semesterID: semester.id, email: "ada@x.org", by: f.outsider) }
        let refused = DomainError.notPermitted(role: .viewer, permission: .uploadApplicants)
        #expect(throws: refused) { try service.importFile(semesterID: semester.id, file: csv("o@x.org,O,mentor,M,2,\n"), skipInvalid: false, by: f.viewer) }
        #expect(throws: refused) { try service.remove(semesterID: semester.id, email: "ada@x.org", by: f.viewer) }
        #expect(try f.snapshot() == before)
    }

    @Test("every refused corpus file leaves the database unchanged")
    func corpusRefusals() throws {
        let (f, semester, service) = try setUp()
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("DomainTests/CSVCorpus")
        let refused = ["binary.csv", "empty.csv", "unterminated-quote.csv", "missing-role.csv", "invalid-values.csv",
                       "duplicates.csv", "ragged.csv"]
        let before = try f.snapshot()
        for name in refused {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(throws: DomainError.self, "\(name)") {
                try service.importFile(semesterID: semester.id, file: bytes, skipInvalid: false, by: f.admin)
            }
            #expect(try f.snapshot() == before, "\(name) changed the database")
        }
        let headerOnly = [UInt8](try Data(contentsOf: folder.appendingPathComponent("header-only.csv")))
        #expect(try service.importFile(semesterID: semester.id, file: headerOnly, skipInvalid: false, by: f.admin).created == 0)
    }

    /// A file of several of the reader's chunks (4,096 rows each), with `tail` after its rows.
    private func largeFile(rows: Int, tail: String = "") -> [UInt8] {
        csv((0..<rows).map { "person\($0)@x.org,Person \($0),\($0 % 4 == 0 ? "mentor" : "mentee"),Maths,,\n" }.joined() + tail)
    }

    /// A semester with room for the large files, its service, and the database as it was before.
    private func largeSetUp() throws -> (Fixture, Semester, ApplicantService, before: [String]) {
        let f = try Fixture()
        let semester = try f.semesters.create(Fixture.draft("Large", mentors: 5_000, mentees: 15_000), by: f.admin)
        return (f, semester, ApplicantService(store: f.store), try f.snapshot())
    }

    @Test("rows are written as they are read; a problem in a later chunk still rolls back every earlier chunk")
    func lateProblemRollsBack() throws {
        let (f, semester, service, before) = try largeSetUp()
        let refusal = #expect(throws: DomainError.self) {
            try service.importFile(semesterID: semester.id, file: largeFile(rows: 10_000, tail: "late@,Late,mentee,Arts,,\n"),
                                   skipInvalid: false, by: f.coordinator)
        }
        guard case .importRefused(let report)? = refusal else { Issue.record("expected importRefused"); return }
        #expect(report.rows == 10_001 && report.created == 10_000 && report.validMentors == 2_500 && !report.applied)
        #expect(report.problems.map(\.line) == [10_002])
        #expect(try f.snapshot() == before)
    }

    @Test("a file that breaks off late (an unterminated quote) is refused with nothing written")
    func lateUnreadableFile() throws {
        let (f, semester, service, before) = try largeSetUp()
        #expect(throws: DomainError.invalidFile(CSVError.unterminatedQuote(line: 9_002).description)) {
            try service.importFile(semesterID: semester.id, file: largeFile(rows: 9_000, tail: "\"open,Open,mentee,Arts,,\n"),
                                   skipInvalid: false, by: f.coordinator)
        }
        #expect(try f.snapshot() == before)
    }

    @Test("skipping invalid rows across chunks keeps every valid row of every chunk; a refusal before any row stops the reader")
    func skipAcrossChunks() throws {
        let (f, semester, service, _) = try largeSetUp()
        let report = try service.importFile(semesterID: semester.id, file: largeFile(rows: 9_000, tail: "bad@,Bad,mentee,Arts,,\n"),
                                            skipInvalid: true, by: f.coordinator)
        #expect(report.applied && report.created == 9_000 && report.skipped == 1 && report.rows == 9_001)
        #expect(try service.list(semesterID: semester.id, by: f.admin).total == 9_000)
        // The semester does not exist: refused at once, and the reader thread is told to stop.
        #expect(throws: DomainError.self) {
            try service.importFile(semesterID: 999_999, file: largeFile(rows: 20_000), skipInvalid: false, by: f.coordinator)
        }
    }
}

