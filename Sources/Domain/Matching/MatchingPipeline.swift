/// Preprocess → embed → train → assign. Each step reports progress and checks for cancellation
/// between units of work; the same input and configuration give the same result every run.
public struct MatchingPipeline: Sendable {
    public let embedder: any Embedder

    public init(embedder: any Embedder = HashedTFIDFEmbedder()) {
        self.embedder = embedder
    }

    /// `cache`, when given, keeps a context-free embedder's vectors between runs.
    public func run(_ input: MatchingInput, cache: EmbeddingCache? = nil, progress: (MatchingProgress) -> Void = { _ in },
                    isCancelled: () -> Bool = { false }) throws -> MatchingResult {
        // 1. Preprocess.
        let prepared = try Preprocess.run(input.applicants, defaultCapacity: input.defaultCapacity, isCancelled: isCancelled) {
            progress(MatchingProgress(step: .preprocessing, done: $0, total: $1, message: "reading applicants"))
        }
        guard !prepared.mentors.isEmpty else { throw MatchingError.noMentors(setAside: prepared.setAside.count) }
        guard !prepared.mentees.isEmpty else { throw MatchingError.noMentees }
        guard prepared.mentors.contains(where: { $0.capacity > 0 }) else { throw MatchingError.noCapacity }
        progress(MatchingProgress(step: .preprocessing, done: input.applicants.count, total: input.applicants.count,
                                  message: "\(prepared.mentors.count) mentors, \(prepared.mentees.count) mentees, \(prepared.setAside.count) set aside"))

        // 2. Embed the profile texts and compare every mentee with every mentor.
        let texts = prepared.mentees.map(\.profileText) + prepared.mentors.map(\.profileText)
        let vectors = try Embed.run(texts, embedder: embedder, cache: cache, isCancelled: isCancelled, progress: progress)
        let split = prepared.mentees.count * embedder.dimension
        let space = FeatureSpace(mentees: prepared.mentees, mentors: prepared.mentors,
                                 menteeVectors: Array(vectors[..<split]), mentorVectors: Array(vectors[split...]),
                                 dimension: embedder.dimension)

        // 3. Train the compatibility model on earlier semesters' feedback.
        progress(MatchingProgress(step: .training, done: 0, total: 1, message: "\(input.trainingExamples.count) labeled pairs"))
        let training = try Train.run(input.trainingExamples, isCancelled: isCancelled)
        progress(MatchingProgress(step: .training, done: 1, total: 1, message: training.model.name))

        // 4. Score, apply the rules, assign exactly.
        if isCancelled() { throw MatchingCancelled() }
        progress(MatchingProgress(step: .matching, done: 0, total: prepared.mentees.count,
                                  message: "scoring \(prepared.mentees.count * prepared.mentors.count) pairs"))
        let scored = try Assign.score(space, model: training.model, rules: input.rules, locked: input.lockedPairs,
                                      forbidden: input.forbiddenPairs)
        let solution: AssignmentSolution
        do {
            solution = try AssignmentSolver.solve(scored.problem, progress: { done, total in
                if done % 256 == 0 || done == total {
                    progress(MatchingProgress(step: .matching, done: done, total: total, message: "assigning mentees"))
                }
            }, isCancelled: isCancelled)
        } catch is AssignmentSolver.Cancelled {
            throw MatchingCancelled()
        }
        return assemble(space, scored, solution, training, prepared.setAside, rules: input.rules)
    }

    private func assemble(_ space: FeatureSpace, _ scored: Assign.Scored, _ solution: AssignmentSolution,
                          _ training: TrainingReport, _ setAside: [SetAside], rules: MatchingRules) -> MatchingResult {
        var byMentor: [Int: [ProposedMember]] = [:]
        func add(mentee: Int, mentor: Int, locked: Bool) {
            let features = space.features(mentee: mentee, mentor: mentor)
            byMentor[mentor, default: []].append(ProposedMember(
                menteeID: space.mentees[mentee].applicantID, score: training.model.score(features),
                explanation: Explanation.contributions(mentee: mentee, mentor: mentor, features: features,
                                                       model: training.model, space: space),
                features: features, locked: locked))
        }
        var warnings: [String] = []
        for pair in scored.locked {
            add(mentee: pair.mentee, mentor: pair.mentor, locked: true)
            if !Assign.allowed(space, mentee: pair.mentee, mentor: pair.mentor, rules: rules) {
                warnings.append("locked pair \(space.mentors[pair.mentor].email) – \(space.mentees[pair.mentee].email) "
                                + "breaks the semester's rules; kept because staff locked it")
            }
        }
        var unmatched: [UnmatchedMentee] = []
        for (row, mentor) in solution.mentorOf.enumerated() {
            let mentee = scored.menteeIndex[row]
            if let mentor {
                add(mentee: mentee, mentor: mentor, locked: false)
            } else {
                let reason = scored.excludedEverywhere.contains(mentee)
                    ? "no mentor is allowed by the semester's rules and exclusions"
                    : "no capacity left with any allowed mentor"
                unmatched.append(UnmatchedMentee(applicantID: space.mentees[mentee].applicantID,
                                                 email: space.mentees[mentee].email, reason: reason))
            }
        }
        let groups = byMentor.keys.sorted().map { mentor -> ProposedGroup in
            let members = byMentor[mentor]!.sorted { $0.menteeID < $1.menteeID }
            return ProposedGroup(mentorID: space.mentors[mentor].applicantID, members: members,
                                 score: members.map(\.score).reduce(0, +) / Double(members.count))
        }
        let scores = groups.flatMap { $0.members.map(\.score) }
        let summary = MatchSummary(groups: groups.count, matchedMentees: scores.count, unmatchedMentees: unmatched.count,
                                   averageCompatibility: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
                                   lowestMenteeScore: scores.min(),
                                   unmatched: Array((unmatched + setAside.map {
                                       UnmatchedMentee(applicantID: $0.applicantID, email: $0.email, reason: "set aside: " + $0.reason)
                                   }).prefix(MatchSummary.unmatchedListLimit)))
        return MatchingResult(groups: groups, unmatched: unmatched, setAside: setAside, warnings: warnings,
                              summary: summary, embedder: embedder.name, training: training)
    }
}
