import Foundation
import Testing

/// A coordinator's day in the real console: a semester created through the form, applicants
/// uploaded through the pane (one file with errors), a matching job watched live, a group's
/// explanation, the feedback dashboard and the labeled dataset export.
@Suite("Console workflow in tmux")
struct ConsoleWorkflowEndToEndTests {
    typealias Tmux = ConsoleEndToEndTests.Tmux

    /// A semester big enough that its job takes a visible while even in a debug build.
    static func writeApplicants(to url: URL, mentors: Int, mentees: Int) throws {
        let fields = ["Computer Science", "Economics", "Design", "Biology", "Law", "Marketing", "Physics", "Education"]
        let interests = ["robotics", "startups", "public policy", "machine learning", "climate", "music", "writing", "finance",
                         "research", "teaching", "healthcare", "games"]
        var lines = ["email,name,role,field,seniority,interests,availability,max mentees"]
        for index in 0..<(mentors + mentees) {
            let mentor = index < mentors
            let topics = [interests[index % interests.count], interests[(index * 7 + 3) % interests.count]].joined(separator: "; ")
            lines.append("person\(index)@example.org,Person \(index),\(mentor ? "mentor" : "mentee"),\(fields[index % fields.count]),"
                         + "\(mentor ? 10 + index % 15 : 1 + index % 4),\(topics),\(index % 2 == 0 ? "weekends" : "evenings"),\(mentor ? "3" : "")")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("create a semester, upload (with errors shown), watch a job live, read an explanation, dashboard, export")
    func workflow() throws {
        let cli = CommandRunner()
        defer { cli.remove() }
        let big = cli.folder.appendingPathComponent("load-applicants.csv")
        try Self.writeApplicants(to: big, mentors: 600, mentees: 1800)
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("assets/demo")
        let tmux = try Tmux.demo(cli)
        defer { tmux.close() }
        try tmux.waitFor("the semesters table") { $0.contains("Fall 2026") && $0.contains("Demo Admin") }

        // A new semester through the form, opened, made current.
        try tmux.keys("n")
        try tmux.waitFor("the form") { $0.contains("New semester") }
        try tmux.keys("Load Test 2027", "Tab", "2027-01-11", "Tab", "2027-05-21", "Tab", "600", "Tab", "1900", "Enter")
        try tmux.waitFor("the semester created") { $0.contains("Created Load Test 2027 (draft)") }
        try tmux.keys("/", "load", "Enter")
        try tmux.waitFor("the filtered table") { $0.contains("Filter: load") && !$0.contains("Spring 2026") }
        try tmux.keys("t")
        try tmux.waitFor("the status dialog") { $0.contains("Change status") }
        try tmux.keys("o")
        try tmux.waitFor("the semester opened") { $0.contains("Load Test 2027 is now open.") }
        try tmux.keys("Enter")
        try tmux.waitFor("the current semester") { $0.contains("semester: Load Test 2027 (open)") }

        // Upload: the file with errors shows them and is cancelled; the big file goes in whole.
        try tmux.keys("2", "u")
        try tmux.waitFor("the path dialog") { $0.contains("Upload applicants to Load Test 2027") }
        try tmux.keys(demo.appendingPathComponent("mentees-with-errors.csv").path, "Enter")
        try tmux.waitFor("the preview with problems") { $0.contains("Preview: mentees-with-errors.csv") && $0.contains("problems") && $0.contains("line ") }
        try tmux.keys("Escape")
        try tmux.waitFor("the preview closed") { $0.contains("Import cancelled.") }
        try tmux.keys("u")
        try tmux.waitFor("the path dialog") { $0.contains("Upload applicants to Load Test 2027") }
        try tmux.keys(big.path, "Enter")
        try tmux.waitFor("the clean preview", seconds: 60) { $0.contains("Preview: load-applicants.csv") && $0.contains("[ Import ]") }
        try tmux.keys("i")
        try tmux.waitFor("the import", seconds: 60) { $0.contains("Imported load-applicants.csv: 2400 created") }

        // A matching job, watched live: several distinct progress panels before it completes.
        try tmux.keys("3", "r")
        try tmux.waitFor("the run dialog") { $0.contains("Run matching for Load Test 2027") }
        try tmux.keys("Enter")
        try tmux.waitFor("the confirmation") { $0.contains("Start matching?") }
        try tmux.keys("Enter")
        var states = Set<String>()
        let deadline = Date().addingTimeInterval(300)
        var screen = try tmux.screen()
        while !screen.contains("· completed ·"), Date() < deadline {
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            if let headline = lines.first(where: { $0.contains("Job #") }), !headline.contains("completed") {
                // The step and the progress line, without the spinner and the clock.
                let index = lines.firstIndex(of: headline)!
                states.insert(headline.split(separator: "·").dropLast().joined() + (lines.count > index + 1 ? String(lines[index + 1].suffix(60)) : ""))
            }
            screen = try tmux.screen()
        }
        // A capture can land between two lines of one redraw: wait for the whole finished screen.
        try tmux.waitFor("the completed job") { $0.contains("· completed ·") && $0.contains("✓ completed") && $0.contains("Mentee scores") }
        #expect(states.count >= 3, "progress states seen: \(states.sorted())")

        // A group, and why one mentee is in it.
        try tmux.keys("Enter")
        try tmux.waitFor("the group") { $0.contains("Group of Person") }
        try tmux.keys("Enter")
        try tmux.waitFor("the explanation") { $0.contains("What counted most:") }
        try tmux.keys("Escape", "Escape")

        // The past semester's feedback, and its labeled dataset.
        try tmux.keys("1", "/", "Escape", "/", "spring", "Enter")
        try tmux.waitFor("Spring 2026 alone") { $0.contains("Filter: spring") && ConsoleEndToEndTests.tableOrder($0) == ["Spring 2026"] }
        try tmux.keys("Enter", "4")
        try tmux.waitFor("the dashboard with the demo ratings") { screen in
            screen.contains("semester: Spring 2026") && screen.contains("rated 5") && screen.contains("Response rate")
                && screen.contains("answers · average rating 3.") && screen.contains("Matches that need attention (")
        }
        try tmux.keys("e")
        try tmux.waitFor("the export dialog") { $0.contains("Export the labeled dataset of Spring 2026") }
        try tmux.keys("Enter")
        try tmux.waitFor("the export") { $0.contains("Exported ") && $0.contains("labeled pairs") }
        let exported = try String(contentsOf: cli.folder.appendingPathComponent("labeled-spring-2026.csv"), encoding: .utf8)
        #expect(exported.hasPrefix("group_id,mentor_email,mentee_email,") && exported.split(separator: "\n").count > 50)
        try tmux.keys("q")
    }
}
