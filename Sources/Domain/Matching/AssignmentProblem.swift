/// Mentees × mentors compatibility scores with each mentor's capacity: the input of the exact
/// assignment step. A non-finite score (NaN, -inf) marks a pair that must never be made.
public struct AssignmentProblem: Sendable {
    public let mentees: Int
    public let mentors: Int
    /// Row-major, `mentees × mentors`; finite scores are expected in 0…1.
    public let scores: [Double]
    public let capacities: [Int]

    public init(mentees: Int, mentors: Int, scores: [Double], capacities: [Int]) {
        precondition(scores.count == mentees * mentors, "scores must hold mentees × mentors values")
        precondition(capacities.count == mentors, "one capacity per mentor")
        self.mentees = mentees
        self.mentors = mentors
        self.scores = scores
        self.capacities = capacities
    }

    public func score(mentee: Int, mentor: Int) -> Double { scores[mentee * mentors + mentor] }

    public func isAllowed(mentee: Int, mentor: Int) -> Bool { score(mentee: mentee, mentor: mentor).isFinite }
}

/// The solver's answer: each mentee's mentor (nil when unmatched), with totals and the dual
/// potentials that certify optimality.
public struct AssignmentSolution: Sendable, Hashable {
    public var mentorOf: [Int?]
    public var matched: Int
    public var totalScore: Double
    /// Potentials of the min-cost-flow formulation, for `AssignmentCertificate`.
    public var menteePotentials: [Double]
    public var mentorPotentials: [Double]
    /// Potential of the "unmatched" node and of the sink.
    public var unmatchedPotential: Double
    public var sinkPotential: Double
    /// The cost offset that makes any extra match worth more than any score difference.
    public var matchBonus: Double
}
