import Foundation
import Testing
@testable import MatchConsole
@testable import Persistence

@Suite("match-console matching commands")
struct MatchCommandTests {
    private func semester(_ cli: CommandRunner, mentors: Bool = true) throws {
        for arguments in [["semester", "create", "--name", "Fall", "--start", "2026-09-01", "--end", "2026-12-15",
                           "--mentor-quota", "1000", "--mentee-quota", "3000"],
                          ["semester", "update", "Fall", "--status", "open"]] {
            let result = try cli.run(arguments)
            guard result.status == 0 else { throw CommandRunner.CommandFailed(result: result) }
        }
        for file in (mentors ? ["mentors.csv"] : []) + ["mentees.csv"] {
            let result = try cli.run(["applicants", "import", "Fall", ApplicantCommandTests.demo.appendingPathComponent(file).path])
            guard result.status == 0 else { throw CommandRunner.CommandFailed(result: result) }
        }
    }

    private func waitFor(_ cli: CommandRunner, job: Int, seconds: Double = 30, until: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let status = try? cli.json(["job", "status", String(job)]) as? [String: Any], until(status) { return status }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw CommandRunner.CommandFailed(result: .init(status: -1, stdout: "", stderr: "job \(job) did not reach the state in time"))
    }

    @Test("match run --wait shows each step, completes and the groups can be listed as CSV and JSON")
    func runAndList() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        try semester(cli)
        let run = try cli.run(["match", "run", "Fall", "--wait"])
        #expect(run.status == 0)
        let steps = run.stdout.split(separator: "\n").filter { $0.hasPrefix("[") }.map { String($0.prefix(20)).trimmingCharacters(in: .whitespaces) }
        #expect(steps == ["[1/5] preprocessing", "[2/5] embedding", "[3/5] training", "[4/5] matching"])
        #expect(run.stdout.contains("120 mentees matched, 0 unmatched"))
        let csv = try cli.run(["matches", "list", "Fall", "--csv"]).stdout.split(separator: "\n")
        #expect(csv.first == "group,mentor_email,mentor_name,mentee_email,mentee_name,score,group_score,explanation")
        #expect(csv.count == 121)
        let rows = try #require(try cli.json(["matches", "list", "Fall"]) as? [[String: Any]])
        #expect(rows.count == 120 && rows.allSatisfy { !(($0["explanation"] as? String) ?? "").isEmpty })
        let stats = try #require(try cli.json(["semester", "stats", "Fall"]) as? [String: Any])
        #expect(stats["matched_mentees"] as? Int == 120)
    }

    @Test("an organization on the model matches with it; a re-run takes unchanged profiles from the cache")
    func semanticEmbedder() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        try semester(cli)
        let missing = try cli.run(["model", "use", "minilm"])
        #expect(missing.status == 1 && missing.stderr.contains("is not installed"), "the choice must be able to run here")
        let model = ["XDG_DATA_HOME": try MiniLMModel.dataHome.get().path]
        #expect(try cli.run(["model", "use", "minilm"], environment: model).status == 0)
        let first = try cli.run(["match", "run", "Fall", "--wait"], environment: model)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("embedding 160 of 160 profiles with all-MiniLM-L6-v2, 0 unchanged from the cache"))
        let firstStatus = try #require(try cli.json(["job", "status", "1"]) as? [String: Any])
        #expect(firstStatus["embedder"] as? String == "all-MiniLM-L6-v2")
        #expect(try cli.run(["semester", "update", "Fall", "--status", "open"]).status == 0)
        let again = try cli.run(["match", "run", "Fall", "--wait"], environment: model)
        #expect(again.status == 0)
        #expect(again.stdout.contains("embedding 0 of 160 profiles with all-MiniLM-L6-v2, 160 unchanged from the cache"))
        #expect(try cli.run(["model", "use", "builtin"]).status == 0)
        #expect(try cli.run(["semester", "update", "Fall", "--status", "open"]).status == 0)
        #expect(try cli.run(["match", "run", "Fall", "--wait"], environment: model).status == 0)
        let builtin = try #require(try cli.json(["job", "status", "3"]) as? [String: Any])
        #expect(builtin["embedder"] as? String == "hashed-tfidf-v1")
    }

    @Test("a job that fails says why, with exit code 1")
    func failure() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        try semester(cli, mentors: false)
        let run = try cli.run(["match", "run", "Fall", "--wait"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("failed during preprocessing: the semester has no mentors to match"))
        #expect(run.stderr == "error: matching job #1 failed: the semester has no mentors to match\n")
    }

    @Test("match run without --wait starts a detached worker; another process follows it to the end")
    func background() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        try semester(cli)
        let started = try #require(try cli.json(["match", "run", "Fall"]) as? [String: Any])
        let job = try #require(started["id"] as? Int)
        let done = try waitFor(cli, job: job) { ($0["status"] as? String) == "completed" }
        #expect((done["summary"] as? [String: Any])?["matched_mentees"] as? Int == 120)
        #expect(done["elapsed_seconds"] is Double)
    }

    @Test("kill -9 during a run: the next start-up marks the job interrupted and earlier results stay")
    func killedRun() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        try semester(cli)
        #expect(try cli.run(["match", "run", "Fall", "--wait"]).status == 0)
        let before = try cli.run(["matches", "list", "Fall", "--csv"]).stdout
        #expect(try cli.run(["semester", "update", "Fall", "--status", "open"]).status == 0)
        // A semester large enough that the debug build takes a while: 1,000 mentors and 3,000 mentees.
        var generator = SyntheticApplicants(seed: 3)
        let big = cli.folder.appendingPathComponent("big.csv")
        try generator.writeCSV(mentors: 960, mentees: 2880, to: big)
        #expect(try cli.run(["applicants", "import", "Fall", big.path]).status == 0)

        var environment = ProcessInfo.processInfo.environment
        environment["MATCH_CONSOLE_USER"] = CommandRunner.adminEmail
        environment["MATCH_CONSOLE_PASSWORD"] = CommandRunner.adminPassword
        environment["XDG_STATE_HOME"] = cli.folder.appendingPathComponent("state").path
        let process = try Subprocess([CommandRunner.binary.path, "--db", cli.databasePath, "match", "run", "Fall", "--wait"],
                                     environment: environment)
        _ = try waitFor(cli, job: 2) { ["embedding", "training", "matching"].contains($0["status"] as? String ?? "") }
        process.kill9()
        _ = try process.wait()

        let status = try #require(try cli.json(["job", "status", "2"]) as? [String: Any])
        #expect(status["status"] as? String == "failed")
        #expect(status["error_message"] as? String == "interrupted: the process running it stopped")
        #expect(try cli.run(["matches", "list", "Fall", "--csv"]).stdout == before)
        let integrity = try DatabaseDiagnosis.examine(path: cli.databasePath)
        #expect(integrity.integrityProblems.isEmpty && integrity.foreignKeyViolations == 0)
    }
}
