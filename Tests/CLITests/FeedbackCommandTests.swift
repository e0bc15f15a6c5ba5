import Foundation
import Testing

@Suite("match-console feedback commands")
struct FeedbackCommandTests {
    @Test("add, import with row-numbered errors, summary and the labeled export")
    func feedbackFlow() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        for arguments in [["semester", "create", "--name", "Fall", "--start", "2026-09-01", "--end", "2026-12-15",
                           "--mentor-quota", "40", "--mentee-quota", "120"], ["semester", "update", "Fall", "--status", "open"]] {
            #expect(try cli.run(arguments).status == 0)
        }
        let early = try cli.run(["feedback", "add", "Fall", "someone@example.org", "--rating", "4"])
        #expect(early.status == 1 && early.stderr == "error: semester \"Fall\" has no groups yet; feedback comes after matching\n")
        for file in ["mentors.csv", "mentees.csv"] {
            #expect(try cli.run(["applicants", "import", "Fall", ApplicantCommandTests.demo.appendingPathComponent(file).path]).status == 0)
        }
        #expect(try cli.run(["match", "run", "Fall", "--wait"]).status == 0)
        let pairs = try #require(try cli.json(["matches", "list", "Fall"]) as? [[String: Any]])
        let mentor = try #require(pairs[0]["mentor_email"] as? String), mentee = try #require(pairs[0]["mentee_email"] as? String)
        #expect(try cli.run(["feedback", "add", "Fall", mentor, "--rating", "5", "--tags", "Great fit"]).stdout == "Recorded 5/5 from \(mentor) (mentor).\n")
        let bad = try cli.run(["feedback", "add", "Fall", mentee, "--rating", "4.5"])
        #expect(bad.status == 1 && bad.stderr == "error: rating must be a whole number from 1 to 5 (got \"4.5\")\n")

        let survey = cli.folder.appendingPathComponent("survey.csv")
        try "Timestamp,Email,How satisfied are you with your match? (1-5),Comments\n2026/10/01 10:00:00,\(mentee),1,we never met\n2026/10/01 11:00:00,nobody@example.org,6,\n"
            .write(to: survey, atomically: true, encoding: .utf8)
        let refused = try cli.run(["feedback", "import", "Fall", survey.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("  line 3, column \"How satisfied are you with your match? (1-5)\": rating must be a whole number from 1 to 5 (got \"6\")\n"))
        #expect(refused.stderr.hasSuffix("error: nothing was imported: 1 problem in the file (use --skip-invalid to import the valid rows)\n"))
        #expect(try cli.run(["feedback", "import", "Fall", survey.path, "--skip-invalid"]).stdout.hasSuffix("Imported: 1 new, 0 replaced, 1 skipped.\n"))

        let summary = try #require(try cli.json(["feedback", "summary", "Fall"]) as? [String: Any])
        #expect(summary["total"] as? Int == 2 && summary["distribution"] as? [Int] == [1, 0, 0, 0, 1])
        #expect((summary["attention"] as? [[String: Any]])?.first?["comments"] as? [String] == ["we never met"])
        let output = cli.folder.appendingPathComponent("pairs.csv")
        #expect(try cli.run(["feedback", "export", "Fall", "--format", "csv", "--output", output.path]).status == 0)
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(lines[0].hasPrefix("group_id,mentor_email,mentee_email,text_similarity,"))
        #expect(lines.count > 1 && lines.contains { $0.contains(mentee) && $0.hasSuffix(",3.00,2,0,we never met") })
    }
}
