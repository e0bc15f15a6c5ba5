/// The arcs the solver may use: for each mentee, a subset of its allowed mentors with their
/// costs, in compressed rows. Starting from each mentee's best few mentors keeps the shortest-path
/// searches small; arcs the optimality check finds missing are added and the solve repeated, so
/// the result is exact for the full matrix.
struct CandidateGraph {
    /// `rows[mentee]` lists (mentor, score) pairs.
    var rows: [[(mentor: Int32, score: Double)]]

    /// Every allowed pair.
    static func complete(_ problem: AssignmentProblem) -> CandidateGraph {
        CandidateGraph(rows: (0..<problem.mentees).map { mentee in
            (0..<problem.mentors).compactMap { mentor in
                let score = problem.score(mentee: mentee, mentor: mentor)
                return score.isFinite ? (Int32(mentor), score) : nil
            }
        })
    }

    /// Each mentee's `count` highest-scoring allowed mentors.
    static func best(_ count: Int, of problem: AssignmentProblem) -> CandidateGraph {
        guard count < problem.mentors else { return complete(problem) }
        var rows: [[(mentor: Int32, score: Double)]] = []
        rows.reserveCapacity(problem.mentees)
        problem.scores.withUnsafeBufferPointer { scores in
            for mentee in 0..<problem.mentees {
                // A min-heap of the best `count` seen so far; its root is the one to beat.
                var heap: [(mentor: Int32, score: Double)] = []
                heap.reserveCapacity(count)
                let row = mentee * problem.mentors
                for mentor in 0..<problem.mentors {
                    let score = scores[row + mentor]
                    guard score.isFinite else { continue }
                    if heap.count < count {
                        heap.append((Int32(mentor), score))
                        siftUp(&heap, heap.count - 1)
                    } else if score > heap[0].score {
                        heap[0] = (Int32(mentor), score)
                        siftDown(&heap, 0)
                    }
                }
                rows.append(heap)
            }
        }
        return CandidateGraph(rows: rows)
    }

    var arcCount: Int { rows.reduce(0) { $0 + $1.count } }

    private static func siftUp(_ heap: inout [(mentor: Int32, score: Double)], _ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].score < heap[parent].score else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private static func siftDown(_ heap: inout [(mentor: Int32, score: Double)], _ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].score < heap[smallest].score { smallest = left }
            if right < heap.count && heap[right].score < heap[smallest].score { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
