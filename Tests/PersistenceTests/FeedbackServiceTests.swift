import Domain
import Foundation
import Testing
@testable import Persistence

@Suite("Feedback on SQLite")
struct FeedbackServiceTests {
    @Test("submissions find the group and role from the email; a resubmission replaces; bad input is refused")
    func submit() throws {
        let f = try Fixture()
        let service = FeedbackService(store: f.store)
        let empty = try f.semesters.create(Fixture.draft("Empty"), by: f.admin)
        #expect(throws: DomainError.noMatchesYet(semester: "Empty")) {
            try service.submit(semesterID: empty.id, .init(email: "x@example.org", rating: 4), by: f.coordinator)
        }
        let (semester, groups, people) = try f.matchedDemoSemester()
        let mentor = try #require(people[groups[0].mentorID]), mentee = try #require(people[groups[0].members[0].menteeID])
        #expect(try service.submit(semesterID: semester.id, .init(email: mentor.email.uppercased(), rating: 5, tags: ["Great Fit", "great fit"]),
                                   by: f.coordinator) == .mentor)
        #expect(try service.submit(semesterID: semester.id, .init(email: mentee.email, rating: 2, comment: "rarely met"), by: f.coordinator) == .mentee)
        try service.submit(semesterID: semester.id, .init(email: mentee.email, rating: 1, tags: ["no_show"], comment: "never met"), by: f.coordinator)
        let summary = try service.summary(semesterID: semester.id, by: f.viewer)
        #expect(summary.total == 2 && summary.distribution == [1, 0, 0, 0, 1] && summary.averageRating == 3)
        #expect(summary.topTags.map(\.tag) == ["great_fit", "no_show"])
        #expect(throws: DomainError.notInAnyGroup(email: "nobody@example.org")) {
            try service.submit(semesterID: semester.id, .init(email: "nobody@example.org", rating: 3), by: f.coordinator)
        }
        for text in ["0", "6", "4.5", "five", ""] {
            #expect(throws: DomainError.invalidRating(text)) { try FeedbackService.rating(from: text) }
        }
        #expect(throws: DomainError.emptyTag("helpful,, ")) {
            try service.submit(semesterID: semester.id, .init(email: mentee.email, rating: 3, tags: FeedbackService.tagList("helpful,, ")), by: f.coordinator)
        }
        #expect(FeedbackService.tagList("  ") == [] && FeedbackService.tagList("a; b") == ["a", " b"])
        #expect(throws: DomainError.tooManyTags(count: 11, limit: 10)) {
            try service.submit(semesterID: semester.id, .init(email: mentee.email, rating: 3, tags: (0...10).map { "t\($0)" }), by: f.coordinator)
        }
        #expect(throws: DomainError.commentTooLong(length: 2001, limit: 2000)) {
            try service.submit(semesterID: semester.id, .init(email: mentee.email, rating: 3, comment: String(repeating: "a", count: 2001)), by: f.coordinator)
        }
        #expect(throws: DomainError.notPermitted(role: .viewer, permission: .manageFeedback)) {
            try service.submit(semesterID: semester.id, .init(email: mentee.email, rating: 3), by: f.viewer)
        }
    }

    @Test("the summary: response rate, roles, attention groups with comments, trend across semesters")
    func summary() throws {
        let f = try Fixture()
        let service = FeedbackService(store: f.store)
        let (semester, groups, people) = try f.matchedDemoSemester()
        // Group 0: everyone unhappy. Group 1: mentor delighted, a mentee miserable.
        for (index, group) in groups.prefix(2).enumerated() {
            try service.submit(semesterID: semester.id, .init(email: people[group.mentorID]!.email, rating: index == 0 ? 2 : 5), by: f.admin)
            for member in group.members {
                try service.submit(semesterID: semester.id, .init(email: people[member.menteeID]!.email, rating: index == 0 ? 1 : 2,
                                                                  comment: index == 0 ? "we never found a time" : ""), by: f.admin)
            }
        }
        let summary = try service.summary(semesterID: semester.id, by: f.viewer)
        let answered = 2 + groups[0].members.count + groups[1].members.count
        let participants = groups.count + groups.reduce(0) { $0 + $1.members.count }
        #expect(summary.total == answered && summary.participants == participants)
        #expect(abs((summary.responseRate ?? 0) - Double(answered) / Double(participants)) < 1e-9)
        #expect(summary.byRole.map(\.role) == [.mentee, .mentor] && summary.byRole[1].averageRating == 3.5)
        #expect(summary.attention.map(\.groupID) == [groups[0].id, groups[1].id])
        #expect(summary.attention[0].comments.count == groups[0].members.count && summary.attention[1].mentorRating == 5)
        #expect(summary.trend.map(\.semesterName) == ["Spring 2027"] && summary.trend[0].averageRating == summary.averageRating)
    }

    @Test("the labeled export has one row per pair with feedback, features and a label at the threshold")
    func export() throws {
        let f = try Fixture()
        let service = FeedbackService(store: f.store)
        let (semester, groups, people) = try f.matchedDemoSemester()
        let group = groups[0]
        try service.submit(semesterID: semester.id, .init(email: people[group.mentorID]!.email, rating: 5, comment: "lovely group"), by: f.admin)
        try service.submit(semesterID: semester.id, .init(email: people[group.members[0].menteeID]!.email, rating: 2), by: f.admin)
        let rows = try service.export(semesterID: semester.id, by: f.admin)
        #expect(rows.count == group.members.count)
        let first = try #require(rows.first { $0.menteeEmail == people[group.members[0].menteeID]!.email })
        #expect(first.feedbackCount == 2 && first.averageRating == 3.5 && first.label == 0 && first.comments == ["lovely group"])
        #expect(Set(first.features.keys) == Set(PairFeature.allCases.map(\.rawValue)))
        #expect(rows.filter { $0.feedbackCount == 1 }.allSatisfy { $0.label == 1 && $0.averageRating == 5 })
        #expect(try service.export(semesterID: semester.id, threshold: 5.5, by: f.admin).allSatisfy { $0.label == 0 })
        #expect(throws: DomainError.notPermitted(role: .coordinator, permission: .export)) { try service.export(semesterID: semester.id, by: f.coordinator) }
        #expect(try f.auditActions(f.admin).contains("feedback.exported"))
    }

    @Test("closing the loop: feedback that rewards shared availability teaches the next semester's matching")
    func retraining() throws {
        let f = try Fixture()
        let service = FeedbackService(store: f.store)
        let (past, groups, people) = try f.matchedDemoSemester(name: "Autumn 2026")
        func sharesAvailability(_ a: Applicant, _ b: Applicant) -> Bool {
            !Set(Preprocess.items(a.availability)).isDisjoint(with: Preprocess.items(b.availability))
        }
        // The hidden rule: pairs who can meet are happy, the rest are not.
        for group in groups {
            let mentor = people[group.mentorID]!
            for member in group.members {
                let mentee = people[member.menteeID]!
                try service.submit(semesterID: past.id, .init(email: mentee.email, rating: sharesAvailability(mentor, mentee) ? 5 : 2), by: f.admin)
            }
        }
        let (current, learnedGroups, currentPeople) = try f.matchedDemoSemester(name: "Spring 2027")
        let job = try #require(try MatchingService(store: f.store).list(semesterID: current.id, by: f.admin).first)
        let training = try #require(job.summary?.training)
        #expect(training.examples == 120 && job.model?.hasPrefix("logistic-trained-v1") == true)
        #expect(training.model.weight(.availabilityOverlap) > CompatibilityModel.prior.weight(.availabilityOverlap) + 1)

        // The same semester matched with the prior alone, for comparison under the hidden rule.
        let applicants = Array(currentPeople.values)
        let prior = try MatchingPipeline().run(MatchingInput(applicants: applicants, defaultCapacity: current.defaultMenteesPerMentor))
        func satisfied(_ pairs: [(Applicant.ID, Applicant.ID)]) -> Int {
            pairs.filter { sharesAvailability(currentPeople[$0.0]!, currentPeople[$0.1]!) }.count
        }
        let learned = satisfied(learnedGroups.flatMap { group in group.members.map { (group.mentorID, $0.menteeID) } })
        let baseline = satisfied(prior.groups.flatMap { group in group.members.map { (group.mentorID, $0.menteeID) } })
        #expect(learned > baseline, "learned model: \(learned) pairs can meet; prior: \(baseline)")
    }
}
