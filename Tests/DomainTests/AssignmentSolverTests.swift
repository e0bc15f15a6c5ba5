import Testing
@testable import Domain

@Suite("Exact assignment")
struct AssignmentSolverTests {
    /// Every way to give each mentee a mentor or none, within capacities: the reference answer.
    static func bruteForce(_ problem: AssignmentProblem) -> (matched: Int, total: Double) {
        var best = (matched: -1, total: -Double.infinity)
        var load = Array(repeating: 0, count: problem.mentors)
        func visit(_ mentee: Int, _ matched: Int, _ total: Double) {
            if mentee == problem.mentees {
                if matched > best.matched || (matched == best.matched && total > best.total + 1e-12) { best = (matched, total) }
                return
            }
            visit(mentee + 1, matched, total)
            for mentor in 0..<problem.mentors where problem.isAllowed(mentee: mentee, mentor: mentor)
                && load[mentor] < problem.capacities[mentor] {
                load[mentor] += 1
                visit(mentee + 1, matched + 1, total + problem.score(mentee: mentee, mentor: mentor))
                load[mentor] -= 1
            }
        }
        visit(0, 0, 0)
        return best
    }

    static func random(mentees: Int, mentors: Int, seed: UInt64, forbidden: Double) -> AssignmentProblem {
        var generator = CSVFuzzTests.SplitMix64(state: seed)
        let scores = (0..<(mentees * mentors)).map { _ -> Double in
            Double.random(in: 0...1, using: &generator) < forbidden ? -.infinity
                : (Double.random(in: 0...1, using: &generator) * 1000).rounded() / 1000
        }
        let capacities = (0..<mentors).map { _ in Int.random(in: 0...3, using: &generator) }
        return AssignmentProblem(mentees: mentees, mentors: mentors, scores: scores, capacities: capacities)
    }

    @Test("matches brute force on 400 small random instances, with a valid optimality certificate")
    func againstBruteForce() throws {
        for seed in 0..<400 {
            let mentees = 1 + Int(seed % 7), mentors = 1 + Int(seed % 3)
            let problem = Self.random(mentees: mentees, mentors: mentors, seed: UInt64(seed), forbidden: Double(seed % 4) * 0.15)
            let expected = Self.bruteForce(problem)
            // One candidate per mentee forces the repair rounds; the default searches the full matrix.
            for candidates in [1, AssignmentSolver.defaultCandidates] {
                let solution = try AssignmentSolver.solve(problem, candidatesPerMentee: candidates)
                #expect(solution.matched == expected.matched, "seed \(seed), \(candidates) candidates")
                #expect(abs(solution.totalScore - expected.total) < 1e-9, "seed \(seed): \(solution.totalScore) vs \(expected.total)")
                #expect(AssignmentCertificate.violations(of: solution, for: problem).isEmpty, "seed \(seed), \(candidates) candidates")
            }
        }
    }

    @Test("a larger instance is certified optimal and respects capacities and forbidden pairs")
    func certifiedLarge() throws {
        let problem = Self.random(mentees: 300, mentors: 80, seed: 42, forbidden: 0.3)
        let solution = try AssignmentSolver.solve(problem, candidatesPerMentee: 4)
        #expect(AssignmentCertificate.violations(of: solution, for: problem).isEmpty)
        let dense = try AssignmentSolver.solve(problem, candidatesPerMentee: problem.mentors)
        #expect(solution.matched == dense.matched && abs(solution.totalScore - dense.totalScore) < 1e-9)
        var load = Array(repeating: 0, count: problem.mentors)
        for (mentee, mentor) in solution.mentorOf.enumerated() {
            guard let mentor else { continue }
            load[mentor] += 1
            #expect(problem.isAllowed(mentee: mentee, mentor: mentor))
        }
        #expect(zip(load, problem.capacities).allSatisfy { $0 <= $1 })
    }

    @Test("the certificate catches a wrong assignment")
    func certificateCanFail() throws {
        let problem = AssignmentProblem(mentees: 2, mentors: 2, scores: [0.9, 0.1, 0.1, 0.9], capacities: [1, 1])
        var solution = try AssignmentSolver.solve(problem)
        #expect(solution.mentorOf == [0, 1] && AssignmentCertificate.violations(of: solution, for: problem).isEmpty)
        solution.mentorOf = [1, 0]
        #expect(!AssignmentCertificate.violations(of: solution, for: problem).isEmpty)
    }

    @Test("more matches beat a higher total: a mentee is not left out for a better score elsewhere")
    func cardinalityFirst() throws {
        // Mentee 0 scores 1.0 with mentor 0 only; mentee 1 can take mentor 0 (0.9) or mentor 1 (0.0).
        let problem = AssignmentProblem(mentees: 2, mentors: 2, scores: [1.0, -.infinity, 0.9, 0.0], capacities: [1, 1])
        let solution = try AssignmentSolver.solve(problem)
        #expect(solution.mentorOf == [0, 1] && solution.matched == 2)
    }

    @Test("edge cases: no mentors, no capacity, everything forbidden")
    func edges() throws {
        #expect(try AssignmentSolver.solve(AssignmentProblem(mentees: 3, mentors: 0, scores: [], capacities: [])).matched == 0)
        #expect(try AssignmentSolver.solve(AssignmentProblem(mentees: 2, mentors: 1, scores: [0.5, 0.5], capacities: [0])).matched == 0)
        let forbidden = AssignmentProblem(mentees: 2, mentors: 2, scores: Array(repeating: -.infinity, count: 4), capacities: [2, 2])
        #expect(try AssignmentSolver.solve(forbidden).mentorOf == [nil, nil])
        #expect(try AssignmentSolver.solve(AssignmentProblem(mentees: 0, mentors: 2, scores: [], capacities: [1, 1])).matched == 0)
    }

    @Test("cancellation stops the solve")
    func cancellation() {
        let problem = Self.random(mentees: 200, mentors: 20, seed: 7, forbidden: 0)
        #expect(throws: AssignmentSolver.Cancelled.self) { try AssignmentSolver.solve(problem, isCancelled: { true }) }
    }
}
