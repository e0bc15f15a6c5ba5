import Domain
import Foundation
import Testing
@testable import Persistence

@Suite("Semester service on SQLite")
struct SemesterServiceTests {
    @Test("create, get, find by name or id")
    func createAndRead() throws {
        let f = try Fixture()
        let created = try f.semesters.create(Fixture.draft(), by: f.coordinator)
        #expect(created.status == .draft)
        #expect(created.createdBy == f.coordinator.staff.id)
        #expect(created.createdAt == f.now)
        #expect(try f.semesters.get(created.id, by: f.viewer) == created)
        #expect(try f.semesters.find("spring 2027", by: f.viewer) == created)
        #expect(try f.semesters.find(String(created.id), by: f.viewer) == created)
        #expect(throws: DomainError.notFound(kind: "semester", reference: "\"Autumn\"")) {
            try f.semesters.find("Autumn", by: f.viewer)
        }
    }

    @Test("names are unique per organization, ignoring case; other organizations may reuse them")
    func uniqueNames() throws {
        let f = try Fixture()
        try f.semesters.create(Fixture.draft("Spring 2027"), by: f.admin)
        #expect(throws: DomainError.semesterNameTaken(name: "SPRING 2027")) {
            try f.semesters.create(Fixture.draft("SPRING 2027"), by: f.admin)
        }
        let theirs = try f.semesters.create(Fixture.draft("Spring 2027"), by: f.outsider)
        #expect(theirs.organizationID == f.outsider.organizationID)
    }

    @Test("lists newest first, filtered by status, page by page")
    func listing() throws {
        let f = try Fixture()
        for index in 1...7 {
            f.now += 60
            let semester = try f.semesters.create(Fixture.draft("Term \(index)"), by: f.admin)
            if index % 2 == 0 { _ = try f.semesters.update(semester.id, SemesterChanges(status: .open), by: f.admin) }
        }
        try f.semesters.create(Fixture.draft("Theirs"), by: f.outsider)
        let all = try f.semesters.list(by: f.viewer)
        #expect(all.items.map(\.name) == (1...7).reversed().map { "Term \($0)" })
        #expect(all.total == 7)
        let page = try f.semesters.list(skip: 2, limit: 3, by: f.viewer)
        #expect(page.items.map(\.name) == ["Term 5", "Term 4", "Term 3"])
        #expect(page.total == 7 && page.skip == 2)
        let open = try f.semesters.list(status: .open, by: f.viewer)
        #expect(open.items.map(\.name) == ["Term 6", "Term 4", "Term 2"] && open.total == 3)
        #expect(throws: DomainError.self) { try f.semesters.list(limit: 0, by: f.viewer) }
        #expect(throws: DomainError.self) { try f.semesters.list(skip: -1, by: f.viewer) }
    }

    @Test("updates validate the merged result like creation does")
    func updates() throws {
        let f = try Fixture()
        let semester = try f.semesters.create(Fixture.draft(), by: f.admin)
        try f.semesters.create(Fixture.draft("Autumn 2027"), by: f.admin)
        f.now += 3600
        let renamed = try f.semesters.update(semester.id, SemesterChanges(name: " Spring 2027 (pilot) ", menteeQuota: 45), by: f.coordinator)
        #expect(renamed.name == "Spring 2027 (pilot)" && renamed.menteeQuota == 45 && renamed.updatedAt == f.now)
        #expect(try f.semesters.get(semester.id, by: f.admin) == renamed)
        #expect(throws: DomainError.semesterNameTaken(name: "autumn 2027")) {
            try f.semesters.update(semester.id, SemesterChanges(name: "autumn 2027"), by: f.admin)
        }
        #expect(throws: DomainError.semesterEndNotAfterStart(start: CalendarDate(parsing: "2027-06-01")!, end: semester.endDate)) {
            try f.semesters.update(semester.id, SemesterChanges(startDate: CalendarDate(parsing: "2027-06-01")), by: f.admin)
        }
        #expect(throws: DomainError.nothingToChange) { try f.semesters.update(semester.id, SemesterChanges(), by: f.admin) }
        // Changing only the case of its own name is not a clash with itself.
        #expect(try f.semesters.update(semester.id, SemesterChanges(name: "SPRING 2027 (PILOT)"), by: f.admin).name == "SPRING 2027 (PILOT)")
    }

    @Test("status moves follow the state machine; matched needs groups; closed is final")
    func statusMachine() throws {
        let f = try Fixture()
        let semester = try f.semesters.create(Fixture.draft(), by: f.admin)
        #expect(throws: DomainError.illegalStatusChange(from: .draft, to: .matched)) {
            try f.semesters.update(semester.id, SemesterChanges(status: .matched), by: f.admin)
        }
        _ = try f.semesters.update(semester.id, SemesterChanges(status: .open), by: f.admin)
        #expect(throws: DomainError.semesterHasNoGroups(name: "Spring 2027")) {
            try f.semesters.update(semester.id, SemesterChanges(status: .matched), by: f.admin)
        }
        let mentor = try f.addApplicant(semester, "m@x.org", .mentor)
        let mentee = try f.addApplicant(semester, "e@x.org", .mentee)
        try f.addJob(semester, status: .completed, completedAt: "2026-12-01T00:00:00.000Z", groups: [(mentor, [(mentee, 0.8)])])
        #expect(try f.semesters.update(semester.id, SemesterChanges(status: .matched), by: f.admin).status == .matched)
        #expect(try f.semesters.update(semester.id, SemesterChanges(status: .closed), by: f.admin).status == .closed)
        #expect(throws: DomainError.semesterClosed(name: "Spring 2027")) {
            try f.semesters.update(semester.id, SemesterChanges(menteeQuota: 99), by: f.admin)
        }
    }

    @Test("quotas cannot drop below the applicants already registered")
    func quotaBelowRegistered() throws {
        let f = try Fixture()
        let semester = try f.semesters.create(Fixture.draft(mentors: 5, mentees: 5), by: f.admin)
        for index in 0..<3 { try f.addApplicant(semester, "mentor\(index)@x.org", .mentor) }
        #expect(throws: DomainError.quotaBelowRegistered(what: "mentor", quota: 2, registered: 3)) {
            try f.semesters.update(semester.id, SemesterChanges(mentorQuota: 2), by: f.admin)
        }
        #expect(try f.semesters.update(semester.id, SemesterChanges(mentorQuota: 3), by: f.admin).mentorQuota == 3)
    }

    @Test("stats are zeros and nulls before data, then count the current job's groups only")
    func stats() throws {
        let f = try Fixture()
        let semester = try f.semesters.create(Fixture.draft(), by: f.admin)
        let empty = try f.semesters.stats(semester.id, by: f.viewer)
        #expect(empty == SemesterStats(semesterID: semester.id, mentors: 0, mentorQuota: 10, mentees: 0, menteeQuota: 30,
                                       mentorCapacity: 0, matchedMentees: 0, groups: 0, averageCompatibility: nil,
                                       feedbackCount: 0, averageRating: nil))
        let m1 = try f.addApplicant(semester, "m1@x.org", .mentor, capacity: 2)
        let m2 = try f.addApplicant(semester, "m2@x.org", .mentor)
        let mentees = try (0..<4).map { try f.addApplicant(semester, "e\($0)@x.org", .mentee) }
        // An older completed job and a newer failed one must not count.
        try f.addJob(semester, status: .completed, completedAt: "2026-11-01T00:00:00.000Z", groups: [(m1, [(mentees[0], 0.1)])])
        let groups = try f.addJob(semester, status: .completed, completedAt: "2026-11-02T00:00:00.000Z",
                                  groups: [(m1, [(mentees[0], 0.9), (mentees[1], 0.7)]), (m2, [(mentees[2], 0.5)])])
        try f.addJob(semester, status: .failed, completedAt: "2026-11-03T00:00:00.000Z", groups: [(m2, [(mentees[3], 0.2)])])
        try f.addFeedback(semester, group: groups[0], email: "m1@x.org", role: .mentor, rating: 5)
        try f.addFeedback(semester, group: groups[0], email: "e0@x.org", role: .mentee, rating: 2)
        let stats = try f.semesters.stats(semester.id, by: f.viewer)
        #expect(stats.mentors == 2 && stats.mentees == 4)
        #expect(stats.mentorCapacity == 2 + 3)
        #expect(stats.groups == 2 && stats.matchedMentees == 3 && stats.unmatchedMentees == 1)
        #expect(abs((stats.averageCompatibility ?? 0) - (0.8 + 0.5) / 2) < 1e-9)
        #expect(stats.feedbackCount == 2 && stats.averageRating == 3.5)
    }

    @Test("another organization's semester is not found, for every method, and nothing changes")
    func tenancy() throws {
        let f = try Fixture()
        let theirs = try f.semesters.create(Fixture.draft(), by: f.outsider)
        let before = try f.snapshot()
        let notFound = DomainError.notFound(kind: "semester", reference: "#\(theirs.id)")
        #expect(throws: notFound) { try f.semesters.get(theirs.id, by: f.admin) }
        #expect(throws: notFound) { try f.semesters.stats(theirs.id, by: f.admin) }
        #expect(throws: notFound) { try f.semesters.update(theirs.id, SemesterChanges(menteeQuota: 1), by: f.admin) }
        #expect(throws: DomainError.self) { try f.semesters.find("Spring 2027", by: f.admin) }
        #expect(throws: DomainError.self) { try f.semesters.find(String(theirs.id), by: f.admin) }
        #expect(try f.semesters.list(by: f.admin).total == 0)
        #expect(try f.snapshot() == before)
    }

    @Test("viewers may read but not create or change, and nothing changes")
    func viewerIsReadOnly() throws {
        let f = try Fixture()
        let semester = try f.semesters.create(Fixture.draft(), by: f.admin)
        let before = try f.snapshot()
        let refused = DomainError.notPermitted(role: .viewer, permission: .manageSemesters)
        #expect(throws: refused) { try f.semesters.create(Fixture.draft("Other"), by: f.viewer) }
        #expect(throws: refused) { try f.semesters.update(semester.id, SemesterChanges(status: .open), by: f.viewer) }
        #expect(try f.snapshot() == before)
    }
}
