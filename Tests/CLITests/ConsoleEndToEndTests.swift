import Foundation
import Testing

/// The real binary in a real terminal: tmux runs it, `send-keys` types, `capture-pane` reads.
@Suite("Full-screen console in tmux")
struct ConsoleEndToEndTests {
    struct Tmux {
        let session = "mc-\(UUID().uuidString.prefix(8))"
        /// Each test talks to a tmux server of its own, so tests running at once never race to
        /// start the same server and a stuck test cannot wedge another's.
        private var socket: String { session }

        @discardableResult
        func run(_ arguments: [String]) throws -> String {
            let outcome = try Subprocess.run(["tmux", "-L", socket] + arguments, timeout: 20)
            guard outcome.status == 0 else {
                throw CommandRunner.CommandFailed(result: .init(status: outcome.status, stdout: outcome.stdout,
                                                                stderr: "tmux \(arguments.first ?? ""): \(outcome.stderr)"))
            }
            return outcome.stdout
        }

        /// A 120×40 UTF-8 terminal running `match-console --demo` with the runner's private folders.
        static func demo(_ cli: CommandRunner) throws -> Tmux {
            let tmux = Tmux()
            try tmux.run(["new-session", "-d", "-x", "120", "-y", "40", "-e", "LANG=C.UTF-8",
                          "-e", "XDG_DATA_HOME=\(cli.folder.appendingPathComponent("data").path)",
                          "-e", "XDG_STATE_HOME=\(cli.folder.appendingPathComponent("state").path)", "-s", tmux.session,
                          "-c", cli.folder.path, "\(CommandRunner.binary.path) --demo"])
            return tmux
        }

        /// Ends the session and with it this test's tmux server.
        func close() {
            _ = try? run(["kill-server"])
        }

        func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }

        func keys(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

        var alive: Bool { (try? run(["has-session", "-t", session])) != nil }

        /// Polls the screen until `condition` holds, failing after a deadline instead of sleeping blindly.
        func waitFor(_ what: String, seconds: Double = 15, _ condition: (String) -> Bool) throws {
            let deadline = Date().addingTimeInterval(seconds)
            var last = ""
            while Date() < deadline {
                last = try screen()
                if condition(last) { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("timed out waiting for \(what); the screen showed:\n\(last)")
            throw CommandRunner.CommandFailed(result: .init(status: -1, stdout: last, stderr: what))
        }
    }

    /// The semesters in the order the table shows them (the rows under its header line).
    static func tableOrder(_ screen: String) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.contains("NAME") }.dropFirst()
        return lines.prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.compactMap { line in
            ["Fall 2026", "Spring 2026"].first { line.contains($0) }
        }
    }

    @Test("--demo opens the console on its own seeded database; sort, filter, help, too small and back, quit")
    func session() throws {
        let cli = CommandRunner()
        defer { cli.remove() }
        let tmux = try Tmux.demo(cli)
        defer { tmux.close() }

        try tmux.waitFor("the semesters table") { $0.contains("Spring 2026") && $0.contains("Fall 2026") && $0.contains("Demo Admin") }
        try tmux.keys("s")
        try tmux.waitFor("sorted by name, Fall first") { Self.tableOrder($0) == ["Fall 2026", "Spring 2026"] && $0.contains("NAME↑") }
        try tmux.keys("S")
        try tmux.waitFor("the order reversed") { Self.tableOrder($0) == ["Spring 2026", "Fall 2026"] && $0.contains("NAME↓") }
        try tmux.keys("/", "f", "a", "l", "l", "Enter")
        try tmux.waitFor("the filtered table") { $0.contains("Filter: fall") && $0.contains("Fall 2026") && !$0.contains("Spring 2026") }
        try tmux.keys("/", "Escape")
        try tmux.waitFor("the filter cleared") { $0.contains("Spring 2026") }
        try tmux.keys("?")
        try tmux.waitFor("the help overlay") { $0.contains("move up") && $0.contains("Keys (Esc or ? to close)") }
        try tmux.keys("Escape")
        try tmux.waitFor("help closed") { !$0.contains("Keys (Esc or ? to close)") }
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "60", "-y", "20"])
        try tmux.waitFor("the too-small notice") { $0.contains("terminal too small (need 80×24)") }
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "120", "-y", "40"])
        try tmux.waitFor("the table again") { $0.contains("Spring 2026") && !$0.contains("terminal too small") }
        try tmux.keys("q")
        let deadline = Date().addingTimeInterval(10)
        while tmux.alive && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!tmux.alive, "q quits the console")
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("data/match-console/demo.sqlite3").path))
    }

    @Test("match-console alone on a terminal opens the sign-in screen, then the console")
    func signInScreen() throws {
        let cli = CommandRunner()
        defer { cli.remove() }
        #expect(try cli.run(["demo"], unsetting: ["MATCH_CONSOLE_PASSWORD"]).status == 0)
        let tmux = Tmux()
        try tmux.run(["new-session", "-d", "-x", "100", "-y", "30", "-e", "LANG=C.UTF-8",
                      "-e", "XDG_STATE_HOME=\(cli.folder.appendingPathComponent("state").path)", "-s", tmux.session,
                      "\(CommandRunner.binary.path) --db \(cli.databasePath)"])
        defer { tmux.close() }
        try tmux.waitFor("the sign-in screen") { $0.contains("Sign in with your staff account.") }
        try tmux.keys("demo@example.org", "Tab", "nope-nope-nope", "Enter")
        try tmux.waitFor("the refusal") { $0.contains("sign-in failed: unknown email or wrong password") }
        try tmux.keys("demo-password", "Enter")
        try tmux.waitFor("the console") { $0.contains("Spring 2026") && $0.contains("Demo Admin") && !$0.contains("nope") }
        try tmux.keys("q")
    }

    @Test("on an empty database the console sets up the organization and its admin, then opens signed in")
    func firstRun() throws {
        let cli = CommandRunner()
        defer { cli.remove() }
        let tmux = Tmux()
        try tmux.run(["new-session", "-d", "-x", "100", "-y", "30", "-e", "LANG=C.UTF-8",
                      "-e", "XDG_STATE_HOME=\(cli.folder.appendingPathComponent("state").path)", "-s", tmux.session,
                      "\(CommandRunner.binary.path) --db \(cli.databasePath)"])
        defer { tmux.close() }
        try tmux.waitFor("the first-run form") { $0.contains("Set up Match Console") && $0.contains("Organization") }
        try tmux.keys("Riverside Mentors", "Tab", "lee@riverside.org", "Tab", "Lee Park", "Tab", "first-password", "Tab",
                      "other-password", "Enter")
        try tmux.waitFor("the mismatch") { $0.contains("the two passwords differ") }
        #expect(!(try tmux.screen()).contains("first-password"), "passwords are masked")
        for _ in 0..<14 { try tmux.keys("BSpace") }
        try tmux.keys("first-password", "Enter")
        try tmux.waitFor("the console") { $0.contains("Riverside Mentors") && $0.contains("Lee Park (admin)") && $0.contains("No semesters yet") }
        try tmux.keys("q")
        let signIn = try cli.run(["--user", "lee@riverside.org", "semester", "list"], environment: ["MATCH_CONSOLE_PASSWORD": "first-password"])
        #expect(signIn.status == 0, "the admin made in the console signs in from the command line")
    }

    @Test("off a terminal the console refuses in words instead of drawing into a pipe and waiting for keys")
    func notATerminal() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        let result = try cli.run(["console"])
        #expect(result.status == 1 && result.stderr.contains("the console needs a terminal") && result.stdout.isEmpty)
    }
}

