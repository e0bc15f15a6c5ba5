import Credentials
import Domain
import Foundation
import Persistence

/// `bench pipeline`: synthetic applicants imported into a fresh database, then loaded and run
/// through the whole matching pipeline, with the time of each step.
enum PipelineBenchmark {
    static let command = CommandSpec(
        ["bench", "pipeline"], summary: "Benchmark the whole matching pipeline on synthetic applicants (use a release build).",
        options: [
            .value("--mentors", "M", "mentors (default 1000)"),
            .value("--mentees", "N", "mentees (default 3000)"),
            .value("--seed", "S", "random seed (default 1)"),
        ]
    ) { invocation, context in
        let mentors = try invocation.int("--mentors") ?? 1000
        let mentees = try invocation.int("--mentees") ?? 3000
        guard mentors >= 0, mentees >= 0 else { throw invocation.usage("counts must not be negative") }
        var generator = SyntheticApplicants(seed: UInt64(try invocation.int("--seed") ?? 1))
        let folder = try BenchmarkSupport.temporaryFolder("pipeline")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("applicants.csv")
        try generator.writeCSV(mentors: mentors, mentees: mentees, to: csv)

        let (store, actor, semester) = try BenchmarkSupport.freshSemester(folder.appendingPathComponent("console.sqlite3").path,
                                                                          mentorQuota: mentors, menteeQuota: mentees)
        let service = ApplicantService(store: store)
        let importSeconds = try BenchmarkSupport.seconds {
            _ = try service.importFile(semesterID: semester.id, file: try InputFile.read(csv.path, limit: CSVReader.maximumBytes),
                                       skipInvalid: false, by: actor)
        }

        let started = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }
        var applicants: [Applicant] = []
        let loadSeconds = try BenchmarkSupport.seconds {
            applicants = try service.list(semesterID: semester.id, limit: 100_000, by: actor).items
        }
        var stepStarts: [(JobStatus, Double)] = []
        let result = try MatchingPipeline().run(MatchingInput(applicants: applicants, defaultCapacity: 3)) { progress in
            if stepStarts.last?.0 != progress.step { stepStarts.append((progress.step, elapsed())) }
        }
        let total = elapsed()
        var steps: [String: Double] = [:]
        for (index, (step, start)) in stepStarts.enumerated() {
            let end = index + 1 < stepStarts.count ? stepStarts[index + 1].1 : total
            steps[step.rawValue] = BenchmarkSupport.rounded(end - start)
        }
        try context.output.json(Figures(
            mentors: mentors, mentees: mentees, importSeconds: BenchmarkSupport.rounded(importSeconds),
            loadSeconds: BenchmarkSupport.rounded(loadSeconds), stepSeconds: steps,
            databaseToResultSeconds: BenchmarkSupport.rounded(total), groups: result.summary.groups,
            matched: result.summary.matchedMentees, unmatched: result.summary.unmatchedMentees,
            averageCompatibility: result.summary.averageCompatibility.map { BenchmarkSupport.rounded($0, 4) },
            lowestScore: result.summary.lowestMenteeScore.map { BenchmarkSupport.rounded($0, 4) },
            embedder: result.embedder, peakRSSMegabytes: BenchmarkSupport.rounded(BenchmarkSupport.peakResidentMegabytes, 1)))
    }

    struct Figures: Encodable {
        let mentors: Int
        let mentees: Int
        let importSeconds: Double
        let loadSeconds: Double
        let stepSeconds: [String: Double]
        let databaseToResultSeconds: Double
        let groups: Int
        let matched: Int
        let unmatched: Int
        let averageCompatibility: Double?
        let lowestScore: Double?
        let embedder: String
        let peakRSSMegabytes: Double
    }
}
