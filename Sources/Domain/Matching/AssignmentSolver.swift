/// Exact assignment of mentees to mentors with capacities: the largest number of matched mentees
/// first, then the largest total score. A min-cost flow solved by successive shortest paths
/// (Dijkstra with potentials), one mentee at a time, over the mentors as nodes: a mentor of
/// capacity c is one node with c units to the sink, never c copied columns.
///
/// The flow network: mentee → mentor (cost −(bonus + score)), mentee → unmatched (cost 0),
/// mentor → sink (capacity c), unmatched → sink (unbounded). The bonus exceeds the sum of all
/// scores, so one more match always beats any gain in score. After each mentee, the assignment is
/// optimal for the mentees processed so far (the Hungarian invariant), so the final one is optimal.
///
/// Searches start on each mentee's best few mentors only. The potentials then price every arc of
/// the full matrix; any left out with a negative reduced cost is added and the solve repeated, so
/// the answer is optimal for the whole problem, as `AssignmentCertificate` confirms independently.
public enum AssignmentSolver {
    public struct Cancelled: Error {}

    public static let defaultCandidates = 24
    static let arcsAddedPerRound = 8

    /// - Parameter progress: called after each mentee with (done, total).
    public static func solve(_ problem: AssignmentProblem, candidatesPerMentee: Int = defaultCandidates,
                             progress: (Int, Int) -> Void = { _, _ in },
                             isCancelled: () -> Bool = { false }) throws -> AssignmentSolution {
        var graph = CandidateGraph.best(max(1, candidatesPerMentee), of: problem)
        var prices: [Double]?
        while true {
            var state = SolverState(problem, graph, mentorPotentials: prices)
            for mentee in 0..<problem.mentees {
                if mentee % 64 == 0, isCancelled() { throw Cancelled() }
                state.augment(from: mentee)
                progress(mentee + 1, problem.mentees)
            }
            let solution = withIdleMentorsPriced(problem, state.solution())
            let missing = missingArcs(problem, graph, solution)
            if missing.isEmpty { return solution }
            for (mentee, arcs) in missing { graph.rows[mentee] += arcs }
            // The next round starts from this round's mentor potentials: near-optimal prices make
            // each mentee's search short.
            prices = solution.mentorPotentials + [solution.unmatchedPotential]
        }
    }

    /// A mentor no mentee uses has only unused arcs in and a free arc to the sink, so its potential
    /// may be anything between the sink's and its cheapest incoming reduced arc. The search leaves
    /// it wherever it happened to be (for a mentor outside every candidate list, nowhere sensible);
    /// placing it as high as its incoming arcs allow makes arcs to it look missing only when a
    /// mentee really would gain by moving there.
    static func withIdleMentorsPriced(_ problem: AssignmentProblem, _ solution: AssignmentSolution) -> AssignmentSolution {
        var used = [Bool](repeating: false, count: problem.mentors)
        for case let mentor? in solution.mentorOf { used[mentor] = true }
        let idle = (0..<problem.mentors).filter { !used[$0] && problem.capacities[$0] > 0 }
        guard !idle.isEmpty else { return solution }
        var ceiling = [Double](repeating: .infinity, count: problem.mentors)
        problem.scores.withUnsafeBufferPointer { scores in
            for mentee in 0..<problem.mentees {
                let row = mentee * problem.mentors
                let u = solution.menteePotentials[mentee]
                for mentor in idle {
                    let score = scores[row + mentor]
                    if score.isFinite { ceiling[mentor] = min(ceiling[mentor], -(solution.matchBonus + score) + u) }
                }
            }
        }
        var priced = solution
        for mentor in idle {
            priced.mentorPotentials[mentor] = ceiling[mentor] == .infinity ? solution.sinkPotential
                : max(solution.sinkPotential, ceiling[mentor])
        }
        return priced
    }

    /// Allowed arcs outside the graph whose reduced cost is negative under the solution's potentials.
    static func missingArcs(_ problem: AssignmentProblem, _ graph: CandidateGraph,
                            _ solution: AssignmentSolution) -> [(Int, [(mentor: Int32, score: Double)])] {
        var missing: [(Int, [(mentor: Int32, score: Double)])] = []
        var present = [Bool](repeating: false, count: problem.mentors)
        problem.scores.withUnsafeBufferPointer { scores in
            for mentee in 0..<problem.mentees {
                for arc in graph.rows[mentee] { present[Int(arc.mentor)] = true }
                let row = mentee * problem.mentors
                let u = solution.menteePotentials[mentee]
                var found: [(mentor: Int32, score: Double, reduced: Double)] = []
                for mentor in 0..<problem.mentors where !present[mentor] {
                    let score = scores[row + mentor]
                    guard score.isFinite else { continue }
                    let reduced = -(solution.matchBonus + score) + u - solution.mentorPotentials[mentor]
                    if reduced < -1e-9 { found.append((Int32(mentor), score, reduced)) }
                }
                // Only the most attractive few per round: adding every violated arc would bring back
                // whole rows of a dense matrix when a popular cluster must spill into another.
                if found.count > arcsAddedPerRound {
                    var kept = Array(found.prefix(arcsAddedPerRound))
                    for arc in found.dropFirst(arcsAddedPerRound) {
                        if let worst = kept.indices.max(by: { kept[$0].reduced < kept[$1].reduced }), arc.reduced < kept[worst].reduced {
                            kept[worst] = arc
                        }
                    }
                    found = kept
                }
                for arc in graph.rows[mentee] { present[Int(arc.mentor)] = false }
                if !found.isEmpty { missing.append((mentee, found.map { ($0.mentor, $0.score) })) }
            }
        }
        return missing
    }
}

/// The residual network, potentials and Dijkstra scratch space of one solve.
struct SolverState {
    let problem: AssignmentProblem
    let graph: CandidateGraph
    let bonus: Double
    /// Mentor nodes are 0..<M; the "unmatched" node is M.
    let unmatched: Int
    var mentorOf: [Int]           // per mentee: mentor node, or -1 before it is processed
    var members: [[Int]]          // per mentor node: its mentees
    /// Potentials are stored relative to `shift`, which every node shares: after a search, all
    /// nodes the search did not settle move by the same amount, so only the settled ones are
    /// touched. Reduced costs never see the shift; `solution()` adds it back.
    var menteePotential: [Double]
    var mentorPotential: [Double]
    var sinkPotential: Double
    var shift = 0.0

    var distance: [Double]
    var predecessor: [Int]
    var settled: [Bool]
    var menteeDistance: [Double]
    var touched: [Int]            // mentor nodes and mentees reached, to reset cheaply
    var touchedMentees: [Int]
    var heap = DistanceHeap()

    /// - Parameter mentorPotentials: potentials for the mentor nodes (unmatched last) to start from,
    ///   e.g. an earlier round's. Any values are valid for an empty flow: mentees get theirs on
    ///   entry, and the sink starts at the lowest mentor potential.
    init(_ problem: AssignmentProblem, _ graph: CandidateGraph, mentorPotentials: [Double]? = nil) {
        self.problem = problem
        self.graph = graph
        let n = problem.mentees, m = problem.mentors
        bonus = Double(n) + 1
        unmatched = m
        mentorOf = Array(repeating: -1, count: n)
        members = Array(repeating: [], count: m + 1)
        menteePotential = Array(repeating: 0, count: n)
        if let mentorPotentials {
            precondition(mentorPotentials.count == m + 1)
            mentorPotential = mentorPotentials
        } else {
            // Each mentor starts priced at the arc of its capacity-th most compatible candidate: a
            // guess at its final price that keeps its popular rivals' searches short.
            var incoming = Array(repeating: [Double](), count: m)
            for row in graph.rows {
                for arc in row { incoming[Int(arc.mentor)].append(arc.score) }
            }
            var potentials = Array(repeating: 0.0, count: m + 1)
            for mentor in 0..<m where !incoming[mentor].isEmpty {
                let sorted = incoming[mentor].sorted(by: >)
                let rank = min(sorted.count, max(1, problem.capacities[mentor])) - 1
                potentials[mentor] = -(bonus + sorted[rank])
            }
            mentorPotential = potentials
        }
        let potentials = mentorPotential
        sinkPotential = potentials.min() ?? 0
        distance = Array(repeating: .infinity, count: m + 1)
        predecessor = Array(repeating: -1, count: m + 1)
        settled = Array(repeating: false, count: m + 1)
        menteeDistance = Array(repeating: .infinity, count: n)
        touched = []
        touchedMentees = []
    }

    func hasSpareCapacity(_ node: Int) -> Bool {
        node == unmatched || members[node].count < problem.capacities[node]
    }

    private mutating func reach(_ node: Int, _ candidate: Double, from mentee: Int) {
        guard !settled[node], candidate < distance[node] else { return }
        if distance[node] == .infinity { touched.append(node) }
        distance[node] = candidate
        predecessor[node] = mentee
        heap.push(candidate, node)
    }

    /// Relaxes every arc out of `mentee`, reached at reduced distance `base`.
    private mutating func relax(from mentee: Int, base: Double) {
        let own = menteePotential[mentee] + base
        for arc in graph.rows[mentee] {
            let mentor = Int(arc.mentor)
            reach(mentor, own - (bonus + arc.score) - mentorPotential[mentor], from: mentee)
        }
        reach(unmatched, own - mentorPotential[unmatched], from: mentee)
    }

    mutating func augment(from start: Int) {
        for node in touched {
            distance[node] = .infinity
            predecessor[node] = -1
            settled[node] = false
        }
        for mentee in touchedMentees { menteeDistance[mentee] = .infinity }
        touched.removeAll(keepingCapacity: true)
        touchedMentees = [start]
        heap.removeAll()
        menteeDistance[start] = 0
        // A mentee enters the network now: its potential makes its cheapest arc's reduced cost zero
        // and none negative (it has no incoming arcs whose reduced costs this could break).
        var entry = mentorPotential[unmatched]
        for arc in graph.rows[start] { entry = max(entry, mentorPotential[Int(arc.mentor)] + bonus + arc.score) }
        menteePotential[start] = entry
        relax(from: start, base: 0)

        var sinkDistance = Double.infinity
        var lastMentor = -1
        while let (nodeDistance, node) = heap.popMinimum() {
            if sinkDistance <= nodeDistance { break }
            guard !settled[node], nodeDistance == distance[node] else { continue }
            settled[node] = true
            if hasSpareCapacity(node) {
                let toSink = nodeDistance + mentorPotential[node] - sinkPotential
                if toSink < sinkDistance {
                    sinkDistance = toSink
                    lastMentor = node
                }
            }
            // Backward arcs: one of this mentor's mentees may move elsewhere. A used arc's reduced
            // cost is zero in exact arithmetic; it is computed, and clamped, to absorb rounding.
            for mentee in members[node] where menteeDistance[mentee] == .infinity {
                let used = node == unmatched ? 0 : -(bonus + problem.score(mentee: mentee, mentor: node))
                let reached = nodeDistance + max(0, -used + mentorPotential[node] - menteePotential[mentee])
                menteeDistance[mentee] = reached
                touchedMentees.append(mentee)
                relax(from: mentee, base: reached)
            }
        }
        precondition(lastMentor >= 0, "the unmatched node always reaches the sink")

        // Johnson update: nodes settled before the sink move by their distance, all others (and the
        // sink) by the sink's, which goes into the shared shift.
        for node in touched where settled[node] {
            mentorPotential[node] += distance[node] - sinkDistance
        }
        for mentee in touchedMentees {
            menteePotential[mentee] += min(menteeDistance[mentee], sinkDistance) - sinkDistance
        }
        shift += sinkDistance

        // Walk the path back from the node that had room, reassigning each mentee on it.
        var node = lastMentor
        while true {
            let mentee = predecessor[node]
            let previous = mentorOf[mentee]
            if previous >= 0, let index = members[previous].firstIndex(of: mentee) {
                members[previous].remove(at: index)
            }
            mentorOf[mentee] = node
            members[node].append(mentee)
            if mentee == start { break }
            node = previous
        }
    }

    func solution() -> AssignmentSolution {
        var total = 0.0
        var matched = 0
        let mentorOf: [Int?] = self.mentorOf.enumerated().map { mentee, node in
            guard node >= 0, node != unmatched else { return nil }
            matched += 1
            total += problem.score(mentee: mentee, mentor: node)
            return node
        }
        return AssignmentSolution(mentorOf: mentorOf, matched: matched, totalScore: total,
                                  menteePotentials: menteePotential.map { $0 + shift },
                                  mentorPotentials: mentorPotential[..<problem.mentors].map { $0 + shift },
                                  unmatchedPotential: mentorPotential[unmatched] + shift, sinkPotential: sinkPotential + shift,
                                  matchBonus: bonus)
    }
}

/// A binary min-heap of (distance, node) with lazy deletion: stale entries are skipped on pop.
struct DistanceHeap {
    private var items: [(Double, Int)] = []

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ distance: Double, _ node: Int) {
        items.append((distance, node))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].0 < items[parent].0 else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMinimum() -> (Double, Int)? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count && items[left].0 < items[smallest].0 { smallest = left }
                if right < items.count && items[right].0 < items[smallest].0 { smallest = right }
                guard smallest != parent else { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
