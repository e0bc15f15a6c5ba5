/// Exact assignment of mentees to mentors with capacities: the largest number of matched mentees
/// first, then the largest total score. A min-cost flow solved by successive shortest paths
/// (Dijkstra with potentials), one mentee at a time, over the mentors as nodes: a mentor of
/// capacity c is one node with c units to the sink, never c copied columns.
///
/// The flow network: mentee → mentor (cost −(bonus + score)), mentee → unmatched (cost 0),
/// mentor → sink (capacity c), unmatched → sink (unbounded). The bonus exceeds the sum of all
/// scores, so one more match always beats any gain in score. After each mentee, the assignment is
/// optimal for the mentees processed so far (the Hungarian invariant), so the final one is optimal.
public enum AssignmentSolver {
    public struct Cancelled: Error {}

    /// - Parameter progress: called after each mentee with (done, total); cheap enough to call often.
    public static func solve(_ problem: AssignmentProblem, progress: (Int, Int) -> Void = { _, _ in },
                             isCancelled: () -> Bool = { false }) throws -> AssignmentSolution {
        var state = SolverState(problem)
        for mentee in 0..<problem.mentees {
            if mentee % 64 == 0, isCancelled() { throw Cancelled() }
            state.augment(from: mentee)
            progress(mentee + 1, problem.mentees)
        }
        return state.solution()
    }
}

/// The residual network and potentials of one solve.
struct SolverState {
    let problem: AssignmentProblem
    let bonus: Double
    /// Node numbering for potentials and distances: mentors 0..<M, unmatched = M.
    let unmatched: Int
    var mentorOf: [Int]           // per mentee: mentor index, `unmatched`, or -1 before processing
    var members: [[Int]]          // per mentor node (incl. unmatched): mentees assigned to it
    var menteePotential: [Double]
    var mentorPotential: [Double] // M + 1 entries
    var sinkPotential: Double

    // Dijkstra scratch, reused across mentees.
    var distance: [Double]
    var predecessor: [Int]        // per mentor node: the mentee whose arc reached it
    var settled: [Bool]
    var menteeDistance: [Double]
    var touchedMentees: [Int]

    init(_ problem: AssignmentProblem) {
        self.problem = problem
        let n = problem.mentees, m = problem.mentors
        bonus = Double(n) + 1
        unmatched = m
        mentorOf = Array(repeating: -1, count: n)
        members = Array(repeating: [], count: m + 1)
        menteePotential = Array(repeating: 0, count: n)
        // Reduced costs start non-negative: each mentor's potential is its cheapest incoming arc.
        var potentials = Array(repeating: 0.0, count: m + 1)
        for mentor in 0..<m {
            var cheapest = 0.0
            for mentee in 0..<n {
                let score = problem.scores[mentee * m + mentor]
                if score.isFinite { cheapest = min(cheapest, -(bonus + score)) }
            }
            potentials[mentor] = cheapest
        }
        mentorPotential = potentials
        sinkPotential = potentials.min() ?? 0
        distance = Array(repeating: .infinity, count: m + 1)
        predecessor = Array(repeating: -1, count: m + 1)
        settled = Array(repeating: false, count: m + 1)
        menteeDistance = Array(repeating: .infinity, count: n)
        touchedMentees = []
    }

    func cost(_ mentee: Int, _ mentor: Int) -> Double {
        mentor == unmatched ? 0 : -(bonus + problem.scores[mentee * problem.mentors + mentor])
    }

    func hasSpareCapacity(_ mentor: Int) -> Bool {
        mentor == unmatched || members[mentor].count < problem.capacities[mentor]
    }

    /// Relaxes every arc out of `mentee`, reached at reduced distance `base`.
    mutating func relax(from mentee: Int, base: Double) {
        let m = problem.mentors
        let own = menteePotential[mentee]
        let row = mentee * m
        problem.scores.withUnsafeBufferPointer { scores in
            for mentor in 0..<m where !settled[mentor] {
                let score = scores[row + mentor]
                guard score.isFinite else { continue }
                let candidate = base + (-(bonus + score)) + own - mentorPotential[mentor]
                if candidate < distance[mentor] {
                    distance[mentor] = candidate
                    predecessor[mentor] = mentee
                }
            }
        }
        if !settled[unmatched] {
            let candidate = base + own - mentorPotential[unmatched]
            if candidate < distance[unmatched] {
                distance[unmatched] = candidate
                predecessor[unmatched] = mentee
            }
        }
    }

    mutating func augment(from start: Int) {
        let nodes = problem.mentors + 1
        for node in 0..<nodes {
            distance[node] = .infinity
            predecessor[node] = -1
            settled[node] = false
        }
        for mentee in touchedMentees { menteeDistance[mentee] = .infinity }
        touchedMentees = [start]
        menteeDistance[start] = 0
        // A mentee enters the network now: give it the potential that makes its cheapest arc's
        // reduced cost zero and none negative (it has no incoming arcs whose costs could break).
        var entry = mentorPotential[unmatched]
        problem.scores.withUnsafeBufferPointer { scores in
            let row = start * problem.mentors
            for mentor in 0..<problem.mentors where scores[row + mentor].isFinite {
                entry = max(entry, mentorPotential[mentor] + bonus + scores[row + mentor])
            }
        }
        menteePotential[start] = entry
        relax(from: start, base: 0)

        var sinkDistance = Double.infinity
        var lastMentor = -1
        while true {
            var best = -1
            var bestDistance = Double.infinity
            for node in 0..<nodes where !settled[node] && distance[node] < bestDistance {
                best = node
                bestDistance = distance[node]
            }
            if best < 0 || sinkDistance <= bestDistance { break }
            settled[best] = true
            if hasSpareCapacity(best) {
                let toSink = bestDistance + mentorPotential[best] - sinkPotential
                if toSink < sinkDistance {
                    sinkDistance = toSink
                    lastMentor = best
                }
            }
            // Backward arcs: a mentee of this mentor may move elsewhere (reduced cost of a used arc is zero
            // in theory; computed, to absorb rounding).
            for mentee in members[best] where menteeDistance[mentee] == .infinity {
                let reduced = -cost(mentee, best) + mentorPotential[best] - menteePotential[mentee]
                let reached = bestDistance + max(0, reduced)
                menteeDistance[mentee] = reached
                touchedMentees.append(mentee)
                relax(from: mentee, base: reached)
            }
        }
        precondition(lastMentor >= 0, "the unmatched node always reaches the sink")

        // Johnson update: nodes settled before the sink move by their distance, the rest by the sink's.
        for node in 0..<nodes {
            mentorPotential[node] += settled[node] ? distance[node] : sinkDistance
        }
        for mentee in 0..<problem.mentees where mentorOf[mentee] >= 0 || mentee == start {
            menteePotential[mentee] += min(menteeDistance[mentee], sinkDistance)
        }
        sinkPotential += sinkDistance

        // Walk the path back from the mentor that had room, reassigning each mentee on it.
        var mentor = lastMentor
        while true {
            let mentee = predecessor[mentor]
            let previous = mentorOf[mentee]
            if previous >= 0, let index = members[previous].firstIndex(of: mentee) {
                members[previous].remove(at: index)
            }
            mentorOf[mentee] = mentor
            members[mentor].append(mentee)
            if mentee == start { break }
            mentor = previous
        }
    }

    func solution() -> AssignmentSolution {
        var total = 0.0
        var matched = 0
        let mentorOf: [Int?] = self.mentorOf.enumerated().map { mentee, mentor in
            guard mentor >= 0, mentor != unmatched else { return nil }
            matched += 1
            total += problem.score(mentee: mentee, mentor: mentor)
            return mentor
        }
        return AssignmentSolution(mentorOf: mentorOf, matched: matched, totalScore: total,
                                  menteePotentials: menteePotential, mentorPotentials: Array(mentorPotential[..<problem.mentors]),
                                  unmatchedPotential: mentorPotential[unmatched], sinkPotential: sinkPotential, matchBonus: bonus)
    }
}
