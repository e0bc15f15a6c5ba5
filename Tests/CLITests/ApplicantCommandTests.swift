import Foundation
import Testing

@Suite("match-console applicants commands")
struct ApplicantCommandTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets/demo")

    private func semester(_ cli: CommandRunner) throws {
        let created = try cli.run(["semester", "create", "--name", "Fall 2026", "--start", "2026-09-01", "--end", "2026-12-15",
                                   "--mentor-quota", "40", "--mentee-quota", "120"])
        guard created.status == 0 else { throw CommandRunner.CommandFailed(result: created) }
    }

    @Test("the demo files import cleanly, and again as all unchanged")
    func demoFiles() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        try semester(cli)
        let mentors = try cli.run(["applicants", "import", "Fall 2026", Self.demo.appendingPathComponent("mentors.csv").path])
        #expect(mentors.status == 0)
        #expect(mentors.stdout.contains("\"Years of Experience\" → seniority"))
        #expect(mentors.stdout.hasSuffix("Imported: 40 created, 0 updated, 0 unchanged, 0 skipped.\n"))
        let mentees = try cli.run(["applicants", "import", "Fall 2026", Self.demo.appendingPathComponent("mentees.csv").path, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(mentees.stdout.utf8)) as? [String: Any])
        #expect(report["created"] as? Int == 120 && report["applied"] as? Bool == true)
        let again = try cli.run(["applicants", "import", "Fall 2026", Self.demo.appendingPathComponent("mentees.csv").path])
        #expect(again.stdout.hasSuffix("Imported: 0 created, 0 updated, 120 unchanged, 0 skipped.\n"))
        let list = try cli.run(["applicants", "list", "Fall 2026", "--role", "mentor", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])?["total"] as? Int == 40)
    }

    @Test("a file with errors: one line per problem on stderr, exit 1, nothing imported")
    func errors() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        try semester(cli)
        let result = try cli.run(["applicants", "import", "Fall 2026", Self.demo.appendingPathComponent("mentees-with-errors.csv").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("  line 4, column \"Email Address\": \"bob@\" is not an email address\n"))
        #expect(result.stderr.contains("  line 6, column \"Applying as\": \"Coach\" is not a role; use mentor or mentee\n"))
        #expect(result.stderr.hasSuffix("error: nothing was imported: 5 problems in the file (use --skip-invalid to import the valid rows)\n"))
        #expect(try cli.run(["applicants", "list", "Fall 2026"]).stdout == "No applicants match.\n")
        let skipped = try cli.run(["applicants", "import", "Fall 2026", Self.demo.appendingPathComponent("mentees-with-errors.csv").path, "--skip-invalid"])
        #expect(skipped.status == 0 && skipped.stdout.hasSuffix("Imported: 7 created, 0 updated, 0 unchanged, 5 skipped.\n"))
    }

    @Test("problems beyond twenty are counted, not listed; dry runs write nothing")
    func capAndDryRun() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        try semester(cli)
        let file = cli.folder.appendingPathComponent("bad.csv")
        try ("email,name,role\n" + (1...25).map { "broken\($0),Name,mentee" }.joined(separator: "\n")).write(to: file, atomically: true, encoding: .utf8)
        let result = try cli.run(["applicants", "import", "Fall 2026", file.path, "--dry-run"])
        #expect(result.status == 0)
        #expect(result.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("  line ") }.count == 20)
        #expect(result.stderr.contains("  … and 5 more\n"))
        #expect(result.stdout.contains("Dry run, nothing written: 0 would be created"))
        let missing = try cli.run(["applicants", "import", "Fall 2026", cli.folder.appendingPathComponent("nope.csv").path])
        #expect(missing.status == 1 && missing.stderr.contains("No such file or directory"))
    }
}
