import Foundation
import Testing
@testable import Domain

@Suite("Matching pipeline")
struct MatchingPipelineTests {
    static let now = Date(timeIntervalSince1970: 1_796_313_289)

    static func applicant(_ id: Int64, _ role: ApplicantRole, _ interests: String, field: String = "Computer Science",
                          department: String = "", languages: String = "English", availability: String = "weekends",
                          seniority: Double? = nil, capacity: Int? = nil) -> Applicant {
        Applicant(id: id, semesterID: 1, email: "p\(id)@example.org", name: "Person \(id)", role: role, field: field,
                  seniority: seniority, interests: interests, goals: role == .mentee ? "learn about \(interests)" : "",
                  bio: role == .mentor ? "I work on \(interests)" : "", availability: availability, languages: languages,
                  timezone: "Europe/London", capacity: capacity, department: department, createdAt: now, updatedAt: now)
    }

    static let semester: [Applicant] = [
        applicant(1, .mentor, "machine learning, statistics", seniority: 10, capacity: 2),
        applicant(2, .mentor, "poetry, creative writing", field: "English", seniority: 8, capacity: 2),
        applicant(3, .mentor, "robotics, control systems", field: "Mechanical Engineering", seniority: 12, capacity: 2),
        applicant(10, .mentee, "machine learning; deep learning", seniority: 2),
        applicant(11, .mentee, "statistics and machine learning", seniority: 1),
        applicant(12, .mentee, "poetry", field: "English", seniority: 3),
        applicant(13, .mentee, "creative writing, novels", field: "English", seniority: 2),
        applicant(14, .mentee, "robotics", field: "Mechanical Engineering", seniority: 1),
        applicant(15, .mentee, "control systems / drones", field: "Mechanical Engineering", seniority: 2),
    ]

    @Test("matches everyone sensibly, explains each pair, and is identical run after run")
    func matchesAndExplains() throws {
        var steps: [JobStatus] = []
        let result = try MatchingPipeline().run(MatchingInput(applicants: Self.semester, defaultCapacity: 3)) { progress in
            if steps.last != progress.step { steps.append(progress.step) }
        }
        #expect(steps == [.preprocessing, .embedding, .training, .matching])
        #expect(result.summary.matchedMentees == 6 && result.unmatched.isEmpty && result.summary.groups == 3)
        let groupOf = Dictionary(uniqueKeysWithValues: result.groups.flatMap { group in group.members.map { ($0.menteeID, group.mentorID) } })
        #expect(groupOf[10] == 1 && groupOf[11] == 1 && groupOf[12] == 2 && groupOf[13] == 2 && groupOf[14] == 3 && groupOf[15] == 3)
        for group in result.groups {
            #expect(group.members.count <= 2)
            for member in group.members {
                #expect(!member.explanation.isEmpty && (0...1).contains(member.score))
            }
        }
        let ada = try #require(result.groups.first { $0.mentorID == 1 }?.members.first { $0.menteeID == 11 })
        #expect(ada.explanation.contains { $0.feature == "shared_interests" && $0.detail.contains("machine learning") })
        #expect(result.embedder == "hashed-tfidf-v1" && result.training.model == .prior)
        let again = try MatchingPipeline().run(MatchingInput(applicants: Self.semester.shuffled(), defaultCapacity: 3))
        #expect(again.groups == result.groups)
    }

    @Test("hard rules, locks and exclusions are respected; excluded mentees are reported with the reason")
    func rules() throws {
        var applicants = Self.semester
        applicants[0].department = "Data"
        applicants[3].department = "Data"
        let input = MatchingInput(
            applicants: applicants, defaultCapacity: 3, rules: MatchingRules(excludeSameDepartment: true),
            lockedPairs: [PairReference(mentorID: 2, menteeID: 14)],
            forbiddenPairs: [PairReference(mentorID: 3, menteeID: 15)])
        let result = try MatchingPipeline().run(input)
        let groupOf = Dictionary(uniqueKeysWithValues: result.groups.flatMap { group in group.members.map { ($0.menteeID, group.mentorID) } })
        #expect(groupOf[10] != 1, "same department")
        #expect(groupOf[14] == 2, "locked")
        #expect(groupOf[15] != 3, "forbidden")
        #expect(result.groups.first { $0.mentorID == 2 }?.members.first { $0.menteeID == 14 }?.locked == true)

        let excluding = MatchingInput(applicants: Self.semester, defaultCapacity: 3, rules: MatchingRules(minimumScore: 0.999))
        let none = try MatchingPipeline().run(excluding)
        #expect(none.summary.matchedMentees == 0 && none.unmatched.count == 6)
        #expect(none.unmatched.allSatisfy { $0.reason == "no mentor is allowed by the semester's rules and exclusions" })
    }

    @Test("too little capacity leaves the weakest fits unmatched, saying why")
    func capacity() throws {
        var applicants = Self.semester
        for index in 0..<3 { applicants[index].capacity = 1 }
        let result = try MatchingPipeline().run(MatchingInput(applicants: applicants, defaultCapacity: 3))
        #expect(result.summary.matchedMentees == 3 && result.unmatched.count == 3)
        #expect(result.unmatched.allSatisfy { $0.reason == "no capacity left with any allowed mentor" })
    }

    @Test("clear refusals: no mentors, no mentees, locks beyond capacity")
    func refusals() {
        let mentees = Self.semester.filter { $0.role == .mentee }
        #expect(throws: MatchingError.noMentors(setAside: 0)) { try MatchingPipeline().run(MatchingInput(applicants: mentees, defaultCapacity: 3)) }
        let mentors = Self.semester.filter { $0.role == .mentor }
        #expect(throws: MatchingError.noMentees) { try MatchingPipeline().run(MatchingInput(applicants: mentors, defaultCapacity: 3)) }
        let locks = [10, 11, 12].map { PairReference(mentorID: 1, menteeID: $0) }
        #expect(throws: MatchingError.lockedOverCapacity(mentor: "p1@example.org", capacity: 2, locked: 3)) {
            try MatchingPipeline().run(MatchingInput(applicants: Self.semester, defaultCapacity: 3, lockedPairs: locks))
        }
    }

    @Test("cancellation stops the run")
    func cancellation() {
        #expect(throws: MatchingCancelled.self) {
            try MatchingPipeline().run(MatchingInput(applicants: Self.semester, defaultCapacity: 3), isCancelled: { true })
        }
    }

    @Test("the built-in embedder: deterministic unit vectors, related texts closer")
    func embedder() throws {
        let embedder = HashedTFIDFEmbedder()
        let texts = ["machine learning and statistics", "statistical machine learning", "romantic poetry", ""]
        let vectors = try embedder.embed(texts)
        #expect(try embedder.embed(texts) == vectors)
        func vector(_ i: Int) -> ArraySlice<Float> { vectors[(i * embedder.dimension)..<((i + 1) * embedder.dimension)] }
        func dot(_ i: Int, _ j: Int) -> Float { zip(vector(i), vector(j)).map(*).reduce(0, +) }
        #expect(abs(dot(0, 0) - 1) < 1e-5 && dot(3, 3) == 0)
        #expect(dot(0, 1) > dot(0, 2) + 0.2)
    }

    @Test("list fields are split the way people write them")
    func items() {
        #expect(Preprocess.items("Machine learning; robotics, and AI / Ethics | robotics") == ["machine learning", "robotics", "ai", "ethics"])
        #expect(Preprocess.items("") == [])
    }
}

@Suite("Training the compatibility model")
struct TrainTests {
    @Test("no examples: the prior, unchanged")
    func prior() throws {
        #expect(try Train.run([]).model == .prior)
    }

    @Test("a hidden rule in the feedback is learned: availability matters far more than the prior says")
    func learnsHiddenRule() throws {
        var generator = CSVFuzzTests.SplitMix64(state: 99)
        let examples = (0..<600).map { _ -> LabeledPair in
            let features = PairFeature.allCases.map { _ in Double.random(in: 0...1, using: &generator) }
            // Good matches are the ones that share availability, whatever the text says.
            let label = features[4] + Double.random(in: -0.15...0.15, using: &generator) > 0.6 ? 1 : 0
            return LabeledPair(features: features, label: label)
        }
        let report = try Train.run(examples)
        let learned = report.model
        #expect(learned.weight(.availabilityOverlap) > CompatibilityModel.prior.weight(.availabilityOverlap) + 3)
        #expect(learned.weight(.availabilityOverlap) > learned.weight(.textSimilarity))
        #expect(report.examples == 600 && report.heldOut == 120)
        #expect((report.heldOutAUC ?? 0) > 0.9)
        // Under the hidden rule, the learned model ranks held-out pairs better than the prior does.
        let heldOut = examples.enumerated().filter { $0.offset % 5 == 4 }.map(\.element)
        let priorAUC = Train.areaUnderCurve(heldOut.map { CompatibilityModel.prior.score($0.features) }, heldOut.map(\.label)) ?? 0
        #expect((report.heldOutAUC ?? 0) > priorAUC + 0.2)
    }

    @Test("a handful of examples barely moves the model")
    func shrinksTowardPrior() throws {
        let few = [LabeledPair(features: [0, 0, 0, 0, 1, 0, 0], label: 1), LabeledPair(features: [0, 0, 0, 0, 0, 0, 0], label: 0)]
        let model = try Train.run(few).model
        for (learned, prior) in zip(model.weights, CompatibilityModel.prior.weights) { #expect(abs(learned - prior) < 0.5) }
    }
}
