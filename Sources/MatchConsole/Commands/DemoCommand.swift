import Domain
import Foundation
import Persistence

/// `demo`: an empty database becomes a demo organization with a past semester (matched, with
/// feedback) and a current one whose applicants are ready to match.
enum DemoCommand {
    static let adminEmail = "demo@example.org"
    static let defaultPassword = "demo-password"

    static let command = CommandSpec(
        ["demo"], summary: "Fill an empty database with a demo program: a past semester with groups and feedback, a current one ready to match.",
        options: [.value("--assets", "DIR", "folder with the demo CSV files (default: the project's assets/demo)")]
    ) { invocation, context in
        let folder = try assetsFolder(invocation.string("--assets"))
        let store = try context.store()
        let auth = context.authService(store)
        guard try !auth.isInitialized() else {
            throw CommandFailure("demo data goes into an empty database; give a new one with --db PATH")
        }
        let password = context.environment[PasswordInput.signInVariable] ?? defaultPassword
        let actor = try auth.initialize(organizationName: "Northwind University Mentoring", adminEmail: adminEmail,
                                        adminName: "Demo Admin", password: password, correlationID: context.correlationID)
        context.adopt(actor)
        let seeded = try DemoData(store: store, actor: actor, folder: folder).seed()
        context.output.line("Demo data ready in \(context.databasePath):")
        seeded.forEach { context.output.line("  " + $0) }
        context.output.line("Sign in with --user \(adminEmail) and the password \(password == defaultPassword ? "\"\(defaultPassword)\"" : "you gave").")
    }

    /// The demo CSVs: `--assets`, then `MATCH_CONSOLE_ASSETS`, then `assets/demo` beside the build folder.
    static func assetsFolder(_ explicit: String?) throws -> URL {
        var candidates: [String] = []
        if let explicit { candidates.append(explicit) }
        if let variable = ProcessInfo.processInfo.environment["MATCH_CONSOLE_ASSETS"] { candidates.append(variable + "/demo") }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            candidates.append(folder.appendingPathComponent("assets/demo").path)
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(FileManager.default.currentDirectoryPath + "/assets/demo")
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/mentors.csv") }) else {
            throw CommandFailure("cannot find the demo files (assets/demo); pass --assets DIR")
        }
        return URL(fileURLWithPath: found)
    }
}

/// Seeds the demo: deterministic, so every newcomer sees the same program.
struct DemoData {
    let store: SQLiteStore
    let actor: Actor
    let folder: URL

    func seed() throws -> [String] {
        let semesters = SemesterService(store: store)
        let applicants = ApplicantService(store: store)
        func semester(_ name: String, _ start: String, _ end: String, files: [String]) throws -> Semester {
            let semester = try semesters.create(SemesterDraft(name: name, startDate: CalendarDate(parsing: start)!,
                                                              endDate: CalendarDate(parsing: end)!, mentorQuota: 40, menteeQuota: 120),
                                                by: actor)
            try semesters.update(semester.id, SemesterChanges(status: .open), by: actor)
            for file in files {
                let bytes = try InputFile.read(folder.appendingPathComponent(file).path, limit: CSVReader.maximumBytes)
                try applicants.importFile(semesterID: semester.id, file: bytes, skipInvalid: false, by: actor)
            }
            return semester
        }

        let past = try semester("Spring 2026", "2026-01-12", "2026-05-15", files: ["past-mentors.csv", "past-mentees.csv"])
        let job = try MatchingService(store: store).start(semesterID: past.id, by: actor)
        let finished = try JobExecution.run(jobID: job.id, organizationID: actor.organizationID, store: store, runnerPID: getpid())
        let answers = try feedback(for: past)
        try semesters.update(past.id, SemesterChanges(status: .closed), by: actor)
        let current = try semester("Fall 2026", "2026-09-01", "2026-12-15", files: ["mentors.csv", "mentees.csv"])
        return [
            "\"\(past.name)\": \(finished.summary?.groups ?? 0) groups, \(answers) feedback answers (closed)",
            "\"\(current.name)\": 40 mentors and 120 mentees, open and ready to match",
        ]
    }

    /// About three in four people answer. Ratings follow the pair's score, and whether mentor
    /// and mentee can meet matters more than the prior model assumes: the next run can learn it.
    private func feedback(for semester: Semester) throws -> Int {
        let groups = try MatchingService(store: store).groups(semesterID: semester.id, by: actor)
        let people = Dictionary(uniqueKeysWithValues: try ApplicantService(store: store)
            .list(semesterID: semester.id, limit: 100_000, by: actor).items.map { ($0.id, $0) })
        let service = FeedbackService(store: store)
        var random = DemoRandom(seed: 2026)
        var answers = 0
        for group in groups {
            guard let mentor = people[group.mentorID] else { continue }
            var mentorRatings: [Int] = []
            for member in group.members {
                guard let mentee = people[member.menteeID] else { continue }
                let canMeet = !Set(Preprocess.items(mentor.availability)).isDisjoint(with: Preprocess.items(mentee.availability))
                let value = 1 + 3.2 * member.score + (canMeet ? 0.9 : -0.6) + random.normal() * 0.6
                let rating = min(5, max(1, Int(value.rounded())))
                mentorRatings.append(rating)
                if random.unit() < 0.75 {
                    try service.submit(semesterID: semester.id, submission(mentee.email, rating, &random), by: actor)
                    answers += 1
                }
            }
            if !mentorRatings.isEmpty, random.unit() < 0.8 {
                let rating = Int((Double(mentorRatings.reduce(0, +)) / Double(mentorRatings.count) + 0.3).rounded())
                try service.submit(semesterID: semester.id, submission(mentor.email, min(5, max(1, rating)), &random), by: actor)
                answers += 1
            }
        }
        return answers
    }

    private func submission(_ email: String, _ rating: Int, _ random: inout DemoRandom) -> FeedbackService.Submission {
        let tags: [[String]] = [["no_show", "mismatch", "scheduling"], ["scheduling", "slow_start", "mismatch"],
                                ["helpful", "scheduling", "slow_start"], ["helpful", "career_advice", "responsive"],
                                ["great_fit", "inspiring", "career_advice", "responsive"]]
        let comments: [[String]] = [
            ["We never managed to meet.", "Our goals were too different.", ""],
            ["Hard to find a time that worked for both of us.", "Took a while to get going.", ""],
            ["Useful, but we met less often than planned.", "", ""],
            ["Good advice on internships.", "Helpful and easy to talk to.", ""],
            ["Exactly the mentor I needed.", "Great match, we share so many interests!", "Inspiring conversations every time.", ""],
        ]
        let pool = tags[rating - 1]
        let picked = (0..<(1 + random.below(2))).map { _ in pool[random.below(pool.count)] }
        let comment = comments[rating - 1][random.below(comments[rating - 1].count)]
        return FeedbackService.Submission(email: email, rating: rating, tags: picked, comment: comment)
    }
}

/// A small deterministic generator (SplitMix64) for the demo's choices.
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func normal() -> Double { (-2 * log(max(unit(), 1e-300))).squareRoot() * cos(2 * .pi * unit()) }
}
