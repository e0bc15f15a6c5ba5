import Dispatch

/// Step 4: scores for every pair, the semester's hard rules, staff locks and exclusions, then the
/// exact assignment.
public enum Assign {
    struct Scored {
        var problem: AssignmentProblem
        /// For each row of the problem, the mentee's index in the feature space.
        var menteeIndex: [Int]
        var locked: [(mentee: Int, mentor: Int)]
        /// Mentees (feature-space index) whose every pair a rule or exclusion forbids.
        var excludedEverywhere: Set<Int>
    }

    static func score(_ space: FeatureSpace, model: CompatibilityModel, rules: MatchingRules,
                      locked: [PairReference], forbidden: [PairReference]) throws -> Scored {
        let n = space.mentees.count, m = space.mentors.count
        let menteeIndex = Dictionary(uniqueKeysWithValues: space.mentees.enumerated().map { ($1.applicantID, $0) })
        let mentorIndex = Dictionary(uniqueKeysWithValues: space.mentors.enumerated().map { ($1.applicantID, $0) })

        var scores = [Double](repeating: 0, count: n * m)
        scores.withUnsafeMutableBufferPointer { buffer in
            let output = ParallelOutput(buffer)
            let chunks = min(max(n, 1), 32)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var features = [Double](repeating: 0, count: PairFeature.allCases.count)
                for mentee in stride(from: chunk, to: n, by: chunks) {
                    for mentor in 0..<m {
                        let index = mentee * m + mentor
                        guard allowed(space, mentee: mentee, mentor: mentor, rules: rules) else {
                            output.buffer[index] = -.infinity
                            continue
                        }
                        space.fill(&features, mentee: mentee, mentor: mentor)
                        let score = model.score(features)
                        output.buffer[index] = rules.minimumScore.map { score < $0 } == true ? -.infinity : score
                    }
                }
            }
        }
        for pair in forbidden {
            if let mentee = menteeIndex[pair.menteeID], let mentor = mentorIndex[pair.mentorID] { scores[mentee * m + mentor] = -.infinity }
        }

        // Locked pairs are made first; their mentees leave the problem and their slots the mentor.
        var capacities = space.mentors.map(\.capacity)
        var lockedPairs: [(mentee: Int, mentor: Int)] = []
        var lockedMentees = Set<Int>()
        for pair in locked {
            guard let mentee = menteeIndex[pair.menteeID], let mentor = mentorIndex[pair.mentorID] else { continue }
            guard lockedMentees.insert(mentee).inserted else {
                throw MatchingError.menteeLockedTwice(mentee: space.mentees[mentee].email)
            }
            capacities[mentor] -= 1
            guard capacities[mentor] >= 0 else {
                throw MatchingError.lockedOverCapacity(mentor: space.mentors[mentor].email, capacity: space.mentors[mentor].capacity,
                                                       locked: locked.filter { $0.mentorID == pair.mentorID }.count)
            }
            lockedPairs.append((mentee, mentor))
        }
        let rows = (0..<n).filter { !lockedMentees.contains($0) }
        var reduced = [Double]()
        reduced.reserveCapacity(rows.count * m)
        var excluded = Set<Int>()
        for row in rows {
            let slice = scores[(row * m)..<((row + 1) * m)]
            if !slice.contains(where: { $0.isFinite }) { excluded.insert(row) }
            reduced.append(contentsOf: slice)
        }
        return Scored(problem: AssignmentProblem(mentees: rows.count, mentors: m, scores: reduced, capacities: capacities),
                      menteeIndex: rows, locked: lockedPairs, excludedEverywhere: excluded)
    }

    /// The semester's hard rules. Unknown values never break a rule: a missing seniority or
    /// language list cannot prove the pair wrong.
    static func allowed(_ space: FeatureSpace, mentee: Int, mentor: Int, rules: MatchingRules) -> Bool {
        if space.emails.mentees[mentee] == space.emails.mentors[mentor] { return false }
        if rules.excludeSameDepartment, space.departmentIDs.mentees[mentee] >= 0,
           space.departmentIDs.mentees[mentee] == space.departmentIDs.mentors[mentor] { return false }
        if rules.requireSeniorMentor, let x = space.seniority.mentees[mentee], let y = space.seniority.mentors[mentor], y <= x {
            return false
        }
        if rules.requireCommonLanguage, space.languagesDiffer(mentee: mentee, mentor: mentor) { return false }
        return true
    }
}
