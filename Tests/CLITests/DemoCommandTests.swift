import Foundation
import Testing

@Suite("match-console demo")
struct DemoCommandTests {
    @Test("seeds an empty database once: past semester with feedback, current one whose run learns from it")
    func demo() throws {
        let cli = CommandRunner()
        defer { cli.remove() }
        let environment = ["MATCH_CONSOLE_USER": "demo@example.org", "MATCH_CONSOLE_PASSWORD": "demo-password"]
        let seeded = try cli.run(["demo"], unsetting: ["MATCH_CONSOLE_PASSWORD"])
        #expect(seeded.status == 0)
        #expect(seeded.stdout.contains("\"Fall 2026\": 40 mentors and 120 mentees, open and ready to match"))
        let again = try cli.run(["demo"], environment: environment)
        #expect(again.status == 1 && again.stderr.contains("demo data goes into an empty database"))
        let summary = try cli.run(["feedback", "summary", "Spring 2026", "--json"], environment: environment)
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any])
        #expect((figures["total"] as? Int ?? 0) > 100)
        let run = try cli.run(["match", "run", "Fall 2026", "--wait"], environment: environment)
        #expect(run.status == 0 && run.stdout.contains("model logistic-trained-v1"))
    }

    @Test("--demo seeds its database on first use only; later runs use it without another attempt in the log")
    func demoFlag() throws {
        let cli = CommandRunner()
        defer { cli.remove() }
        for _ in 0..<2 {
            let list = try cli.run(["--demo", "semester", "list"], unsetting: ["MATCH_CONSOLE_PASSWORD", "MATCH_CONSOLE_USER"],
                                   useDefaultDatabase: true)
            #expect(list.status == 0 && list.stdout.contains("Spring 2026") && list.stdout.contains("Fall 2026"))
        }
        let log = try String(contentsOfFile: cli.logPath, encoding: .utf8)
        let seeding = log.split(separator: "\n").filter { $0.contains("\"event\":\"command.demo\"") }
        #expect(seeding.count == 1 && seeding[0].contains("\"outcome\":\"ok\""), "\(seeding)")
    }
}

