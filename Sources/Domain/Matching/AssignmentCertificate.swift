/// An independent proof that an assignment is optimal: the solution's potentials leave no arc of
/// the residual network with a negative reduced cost (complementary slackness for min-cost flow).
/// It reads only the problem, the assignment and the potentials, never the solver's internals.
public enum AssignmentCertificate {
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        public let description: String
    }

    public static func violations(of solution: AssignmentSolution, for problem: AssignmentProblem,
                                  tolerance: Double = 1e-6) -> [Violation] {
        var found: [Violation] = []
        func check(_ condition: Bool, _ text: @autoclosure () -> String) {
            if !condition && found.count < 20 { found.append(Violation(description: text())) }
        }
        let bonus = solution.matchBonus
        var load = Array(repeating: 0, count: problem.mentors)
        var unmatchedCount = 0
        for mentee in 0..<problem.mentees {
            let u = solution.menteePotentials[mentee]
            let assigned = solution.mentorOf[mentee]
            if let assigned {
                check(problem.isAllowed(mentee: mentee, mentor: assigned), "mentee \(mentee) has a forbidden mentor \(assigned)")
                load[assigned] += 1
            } else {
                unmatchedCount += 1
            }
            for mentor in 0..<problem.mentors where problem.isAllowed(mentee: mentee, mentor: mentor) {
                let reduced = -(bonus + problem.score(mentee: mentee, mentor: mentor)) + u - solution.mentorPotentials[mentor]
                if assigned == mentor {
                    check(abs(reduced) <= tolerance, "used arc \(mentee)→\(mentor) has reduced cost \(reduced)")
                } else {
                    check(reduced >= -tolerance, "arc \(mentee)→\(mentor) has reduced cost \(reduced)")
                }
            }
            let toUnmatched = u - solution.unmatchedPotential
            check(assigned == nil ? abs(toUnmatched) <= tolerance : toUnmatched >= -tolerance,
                  "arc \(mentee)→unmatched has reduced cost \(toUnmatched)")
        }
        for mentor in 0..<problem.mentors {
            check(load[mentor] <= problem.capacities[mentor], "mentor \(mentor) is over capacity")
            let reduced = solution.mentorPotentials[mentor] - solution.sinkPotential
            if load[mentor] < problem.capacities[mentor] { check(reduced >= -tolerance, "mentor \(mentor)→sink \(reduced)") }
            if load[mentor] > 0 { check(reduced <= tolerance, "sink→mentor \(mentor) \(reduced)") }
        }
        let toSink = solution.unmatchedPotential - solution.sinkPotential
        check(toSink >= -tolerance, "unmatched→sink \(toSink)")
        if unmatchedCount > 0 { check(toSink <= tolerance, "sink→unmatched \(toSink)") }
        return found
    }
}
