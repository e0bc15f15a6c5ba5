import Credentials
import Domain
import Foundation
import Persistence

/// `bench import`: applicant upload end to end (read the file, parse, validate, write in one
/// transaction) against `sqlite3`'s own `.import` of the same file into a plain table.
enum ImportBenchmark {
    static let command = CommandSpec(
        ["bench", "import"], summary: "Benchmark applicant upload against sqlite3's .import (use a release build).",
        options: [
            .value("--rows", "N", "applicant rows in the synthetic file (default 100000)"),
            .value("--seed", "S", "random seed for the synthetic data (default 1)"),
            .value("--repeat", "R", "runs of each measurement; medians are reported (default 3)"),
        ]
    ) { invocation, context in
        let rows = try invocation.int("--rows") ?? 100_000
        guard rows >= 1 else { throw invocation.usage("--rows must be at least 1") }
        let repeats = try invocation.int("--repeat") ?? 3
        guard repeats >= 1 else { throw invocation.usage("--repeat must be at least 1") }
        var generator = SyntheticApplicants(seed: UInt64(try invocation.int("--seed") ?? 1))
        let folder = try BenchmarkSupport.temporaryFolder("import")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("applicants.csv")
        try generator.writeCSV(rows: rows, to: csv)
        let bytes = (try FileManager.default.attributesOfItem(atPath: csv.path)[.size] as? Int) ?? 0

        // Each run imports into a fresh database, as a first upload would.
        var report: ImportReport?
        var last: (ApplicantService, Semester, Actor)?
        var importRuns: [Double] = []
        for run in 1...repeats {
            let (service, semester, actor) = try freshSemester(folder.appendingPathComponent("console-\(run).sqlite3").path, rows: rows)
            last = (service, semester, actor)
            importRuns.append(try BenchmarkSupport.seconds {
                let file = try InputFile.read(csv.path, limit: CSVReader.maximumBytes)
                report = try service.importFile(semesterID: semester.id, file: file, skipInvalid: false, by: actor)
            })
        }
        let importSeconds = BenchmarkSupport.median(importRuns)
        guard let (service, semester, actor) = last else { return }
        var again: ImportReport?
        let reimportSeconds = try BenchmarkSupport.seconds {
            let file = try InputFile.read(csv.path, limit: CSVReader.maximumBytes)
            again = try service.importFile(semesterID: semester.id, file: file, skipInvalid: false, by: actor)
        }
        let peak = BenchmarkSupport.peakResidentMegabytes

        var sqliteSeconds: Double?
        if let sqlite = BenchmarkSupport.which("sqlite3") {
            var runs: [Double] = []
            for run in 1...repeats {
                let plain = folder.appendingPathComponent("plain-\(run).sqlite3").path
                var status: Int32 = 0
                let seconds = try BenchmarkSupport.seconds {
                    (status, _) = try BenchmarkSupport.run(sqlite, [plain, ".mode csv", ".import \(csv.path) applicants"])
                }
                if status == 0 { runs.append(seconds) }
            }
            sqliteSeconds = runs.isEmpty ? nil : BenchmarkSupport.median(runs)
        }
        try context.output.json(ImportFigures(
            rows: rows, repeats: repeats, importRunsSeconds: importRuns.map { BenchmarkSupport.rounded($0) }, fileMegabytes: BenchmarkSupport.rounded(Double(bytes) / 1e6, 1),
            created: report?.created ?? 0, importSeconds: BenchmarkSupport.rounded(importSeconds),
            reimportUnchanged: again?.unchanged ?? 0, reimportSeconds: BenchmarkSupport.rounded(reimportSeconds),
            sqlite3ImportSeconds: sqliteSeconds.map { BenchmarkSupport.rounded($0) },
            ratioToSqlite3: sqliteSeconds.map { BenchmarkSupport.rounded(importSeconds / $0, 2) },
            peakRSSMegabytes: BenchmarkSupport.rounded(peak, 1)))
    }

    private static func freshSemester(_ path: String, rows: Int) throws -> (ApplicantService, Semester, Actor) {
        let (store, actor, semester) = try BenchmarkSupport.freshSemester(path, mentorQuota: rows, menteeQuota: rows)
        return (ApplicantService(store: store), semester, actor)
    }

    struct ImportFigures: Encodable {
        let rows: Int
        let repeats: Int
        let importRunsSeconds: [Double]
        let fileMegabytes: Double
        let created: Int
        let importSeconds: Double
        let reimportUnchanged: Int
        let reimportSeconds: Double
        let sqlite3ImportSeconds: Double?
        let ratioToSqlite3: Double?
        let peakRSSMegabytes: Double
    }
}
