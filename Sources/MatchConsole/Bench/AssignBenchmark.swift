import Domain
import Foundation

/// `bench assign`: the exact assignment step alone, on synthetic score matrices.
enum AssignBenchmark {
    static let command = CommandSpec(
        ["bench", "assign"], summary: "Benchmark the exact assignment solver (use a release build).",
        options: [
            .value("--mentors", "M", "mentors (default 2000)"),
            .value("--mentees", "N", "mentees (default 6000)"),
            .value("--capacity", "C", "mentees per mentor (default 3)"),
            .value("--dist", "KIND", "uniform or clustered (default clustered)"),
            .value("--seed", "S", "random seed (default 1)"),
            .value("--scores", "FILE.npy", "solve this mentees × mentors matrix (float32/float64) instead of a generated one"),
            .value("--export-scores", "FILE.npy", "write the matrix that was solved"),
            .value("--candidates", "K", "mentors each search starts from (default \(AssignmentSolver.defaultCandidates))"),
            .flag("--verify", "also check the optimality certificate (slow on large instances)"),
        ]
    ) { invocation, context in
        var mentors = try invocation.int("--mentors") ?? 2000
        var mentees = try invocation.int("--mentees") ?? 6000
        let capacity = try invocation.int("--capacity") ?? 3
        guard mentors >= 0, mentees >= 0, capacity >= 0 else { throw invocation.usage("sizes must not be negative") }
        let distribution = invocation.string("--dist") ?? "clustered"
        guard ["uniform", "clustered"].contains(distribution) else { throw invocation.usage("--dist: uniform or clustered") }
        var generator = SyntheticScores(seed: UInt64(try invocation.int("--seed") ?? 1))
        let started = DispatchTime.now().uptimeNanoseconds
        var scores: [Double] = []
        var scoreSeconds = 0.0
        if let path = invocation.string("--scores") {
            let matrix = try NumpyMatrix.read(try InputFile.read(path, limit: Int.max))
            if let bad = matrix.values.firstIndex(where: { $0.isNaN }) {
                let count = matrix.values.filter(\.isNaN).count
                throw CommandFailure("\(path) holds \(count) NaN score\(count == 1 ? "" : "s"), the first at mentee \(bad / matrix.columns), "
                                     + "mentor \(bad % matrix.columns); use -inf for pairs that must never be made")
            }
            (mentees, mentors, scores) = (matrix.rows, matrix.columns, matrix.values)
        } else if distribution == "uniform" {
            scores = generator.uniform(mentees: mentees, mentors: mentors)
        } else {
            let (menteeVectors, mentorVectors) = generator.clusteredVectors(mentees: mentees, mentors: mentors)
            scoreSeconds = BenchmarkSupport.seconds {
                scores = SyntheticScores.cosineScores(menteeVectors, mentorVectors, mentees: mentees, mentors: mentors)
            }
        }
        if let path = invocation.string("--export-scores") {
            let written = FileManager.default.createFile(atPath: (path as NSString).expandingTildeInPath,
                                                         contents: Data(NumpyMatrix(rows: mentees, columns: mentors, values: scores).encoded()),
                                                         attributes: [.posixPermissions: 0o600])
            guard written else { throw CommandFailure("cannot write \(path)") }
        }
        let problem = AssignmentProblem(mentees: mentees, mentors: mentors, scores: scores,
                                        capacities: Array(repeating: capacity, count: mentors))
        var solution: AssignmentSolution?
        let candidates = try invocation.int("--candidates") ?? AssignmentSolver.defaultCandidates
        let solveSeconds = try BenchmarkSupport.seconds {
            solution = try AssignmentSolver.solve(problem, candidatesPerMentee: candidates)
        }
        let total = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        guard let solution else { return }
        let verified = invocation.has("--verify") ? AssignmentCertificate.violations(of: solution, for: problem).isEmpty : nil
        let worst = solution.mentorOf.enumerated().compactMap { mentee, mentor in mentor.map { problem.score(mentee: mentee, mentor: $0) } }.min()
        try context.output.json(Figures(
            mentors: mentors, mentees: mentees, capacity: capacity, distribution: distribution,
            objective: BenchmarkSupport.rounded(solution.totalScore, 6), matched: solution.matched,
            lowestMatchedScore: worst.map { BenchmarkSupport.rounded($0, 6) },
            scoreMatrixSeconds: BenchmarkSupport.rounded(scoreSeconds), solveSeconds: BenchmarkSupport.rounded(solveSeconds),
            totalSeconds: BenchmarkSupport.rounded(total), certified: verified,
            peakRSSMegabytes: BenchmarkSupport.rounded(BenchmarkSupport.peakResidentMegabytes, 1)))
    }

    struct Figures: Encodable {
        let mentors: Int
        let mentees: Int
        let capacity: Int
        let distribution: String
        let objective: Double
        let matched: Int
        let lowestMatchedScore: Double?
        let scoreMatrixSeconds: Double
        let solveSeconds: Double
        let totalSeconds: Double
        let certified: Bool?
        let peakRSSMegabytes: Double
    }
}
