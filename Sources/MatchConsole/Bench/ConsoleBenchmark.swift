import Domain
import Foundation
import Persistence
import TUI

/// `bench console`: the console's own work on a large semester, without a terminal — the first
/// frame after sign-in, then key presses on a 100,000-row applicants table (move, sort, filter),
/// each timed from the key to the finished screen buffer. ncurses then writes only the cells
/// that changed, which for one moved selection is two lines.
enum ConsoleBenchmark {
    static let command = CommandSpec(
        ["bench", "console"], summary: "Benchmark console frames on a large semester (use a release build).",
        options: [
            .value("--applicants", "N", "applicants in the semester (default 100000)"),
            .value("--presses", "K", "arrow-key presses timed (default 1000)"),
        ]
    ) { invocation, context in
        let count = try invocation.int("--applicants") ?? 100_000
        let presses = try invocation.int("--presses") ?? 1000
        guard count >= 4, presses >= 1 else { throw invocation.usage("--applicants must be at least 4 and --presses at least 1") }
        let folder = try BenchmarkSupport.temporaryFolder("console")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("console.sqlite3").path
        let (store, actor, semester) = try BenchmarkSupport.freshSemester(path, mentorQuota: count / 4, menteeQuota: count - count / 4)
        var generator = SyntheticApplicants(seed: 11)
        let csv = folder.appendingPathComponent("applicants.csv")
        try generator.writeCSV(mentors: count / 4, mentees: count - count / 4, to: csv)
        _ = try ApplicantService(store: store).importFile(semesterID: semester.id, file: [UInt8](try Data(contentsOf: csv)),
                                                         skipInvalid: false, by: actor)

        // Sign-in done: services, panes, the semesters pane loaded, the first frame drawn.
        var app: ConsoleApp!
        let firstFrame = BenchmarkSupport.seconds {
            let session = ConsoleSession(actor: actor, semesters: SemesterService(store: store), applicants: ApplicantService(store: store),
                                         matching: MatchingService(store: store), feedback: FeedbackService(store: store),
                                         quotas: QuotaService(store: store), glyphs: .unicode,
                                         storeFactory: SQLiteStoreFactory(path: path)) { _, _ in
                throw CommandFailure("the benchmark runs no jobs")
            }
            app = ConsoleApp(ConsoleView(header: "Match Console — bench", panes: ConsolePanes.all(session), session: session))
            _ = app.render(width: 120, height: 40)
        }
        func timed(_ key: Key) -> Double {
            BenchmarkSupport.seconds {
                app.handle(key, height: 40)
                _ = app.render(width: 120, height: 40)
            }
        }
        let openApplicants = timed(.character("2"))
        let moves = (0..<presses).map { _ in timed(.down) }
        let sort = timed(.character("s"))
        let filterKeys = [timed(.character("/"))] + "grace".map { timed(.character($0)) } + [timed(.enter)]
        let ms = { (seconds: Double) in BenchmarkSupport.rounded(seconds * 1000, 3) }
        let sortedMoves = moves.sorted()
        try context.output.json(Figures(
            applicants: count, firstFrameMilliseconds: ms(firstFrame), openApplicantsPaneMilliseconds: ms(openApplicants),
            arrowKeyMedianMilliseconds: ms(BenchmarkSupport.median(moves)),
            arrowKeyP99Milliseconds: ms(sortedMoves[min(sortedMoves.count - 1, sortedMoves.count * 99 / 100)]),
            arrowKeyMaxMilliseconds: ms(sortedMoves.last!), sortKeyMilliseconds: ms(sort),
            filterKeystrokeMaxMilliseconds: ms(filterKeys.max()!), filterKeystrokesMilliseconds: filterKeys.map(ms),
            peakRSSMegabytes: BenchmarkSupport.rounded(BenchmarkSupport.peakResidentMegabytes, 1)))
    }

    struct Figures: Encodable {
        let applicants: Int
        let firstFrameMilliseconds: Double
        let openApplicantsPaneMilliseconds: Double
        let arrowKeyMedianMilliseconds: Double
        let arrowKeyP99Milliseconds: Double
        let arrowKeyMaxMilliseconds: Double
        let sortKeyMilliseconds: Double
        let filterKeystrokeMaxMilliseconds: Double
        /// `/`, then g r a c e, then Enter.
        let filterKeystrokesMilliseconds: [Double]
        let peakRSSMegabytes: Double
    }
}
