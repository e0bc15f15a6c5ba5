import Foundation
import Testing

@Suite("match-console accounts, audit, log and doctor")
struct AccountCommandTests {
    @Test("init refuses a second time, and commands refuse to run before init")
    func initialize() throws {
        let cli = CommandRunner()
        defer { cli.remove() }
        let early = try cli.run(["semester", "list"])
        #expect(early.status == 1 && early.stderr.contains("has no organization yet; run 'match-console init"))
        #expect(try cli.run(["init", "--org", "Northwind", "--admin", "ada@northwind.org"]).status == 0)
        let again = try cli.run(["init", "--org", "Other", "--admin", "b@x.org"])
        #expect(again.status == 1 && again.stderr.contains("already set up"))
    }

    @Test("without a password variable or a terminal, the command says how to give one")
    func noPassword() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        let result = try cli.run(["semester", "list"], unsetting: ["MATCH_CONSOLE_PASSWORD"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: no password given: set MATCH_CONSOLE_PASSWORD or run the command in a terminal\n")
    }

    @Test("five wrong passwords lock sign-in for 15 minutes, even with the right one, across processes")
    func lockout() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        for _ in 1...5 {
            let wrong = try cli.run(["semester", "list"], environment: ["MATCH_CONSOLE_PASSWORD": "not-the-password"])
            #expect(wrong.status == 1 && wrong.stderr == "error: sign-in failed: unknown email or wrong password\n")
        }
        let locked = try cli.run(["semester", "list"])
        #expect(locked.status == 1)
        #expect(locked.stderr == "error: sign-in is locked after too many failed attempts; try again in 15 minutes\n")
        let unknown = try cli.run(["semester", "list"], environment: ["MATCH_CONSOLE_USER": "nobody@northwind.org", "MATCH_CONSOLE_PASSWORD": "not-the-password"])
        #expect(unknown.stderr == "error: sign-in failed: unknown email or wrong password\n")
    }

    @Test("staff management through the command line, with roles enforced")
    func staff() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        let added = try cli.run(["staff", "add", "vi@northwind.org", "--name", "Vi", "--role", "viewer"],
                                environment: ["MATCH_CONSOLE_NEW_PASSWORD": "viewer-password"])
        #expect(added.status == 0 && added.stdout == "Added vi@northwind.org as viewer.\n")
        let asViewer = ["MATCH_CONSOLE_USER": "vi@northwind.org", "MATCH_CONSOLE_PASSWORD": "viewer-password"]
        #expect(try cli.run(["semester", "list"], environment: asViewer).status == 0)
        let refused = try cli.run(SemesterCommandTests.create, environment: asViewer)
        #expect(refused.status == 1 && refused.stderr == "error: not permitted: your role (viewer) may not create or change semesters\n")
        let demote = try cli.run(["staff", "set-role", "ada@northwind.org", "viewer"])
        #expect(demote.status == 1 && demote.stderr.contains("last active admin"))
        let badRole = try cli.run(["staff", "set-role", "vi@northwind.org", "owner"])
        #expect(badRole.status == 2 && badRole.stderr.hasPrefix("error: unknown role \"owner\""))
        let audit = try cli.run(["audit", "list", "--json"])
        let actions = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]]).map { $0["action"] as? String }
        #expect(actions == ["staff.set-role.refused", "semester.create.refused", "staff.added", "setup.initialized"])
    }

    @Test("every action is one JSON log line with a correlation id; passwords never appear")
    func structuredLog() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        _ = try cli.run(["staff", "add", "bo@northwind.org", "--name", "Bo", "--role", "coordinator"],
                        environment: ["MATCH_CONSOLE_NEW_PASSWORD": "bo-secret-password"])
        _ = try cli.run(["semester", "list"], environment: ["MATCH_CONSOLE_PASSWORD": "wrong-secret-password"])
        let text = try String(contentsOfFile: cli.logPath, encoding: .utf8)
        for secret in [CommandRunner.adminPassword, "bo-secret-password", "wrong-secret-password"] {
            #expect(!text.contains(secret))
        }
        let lines = try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let added = try #require(lines.first { $0["event"] as? String == "command.staff.add" })
        #expect(added["outcome"] as? String == "ok" && added["staff_email"] as? String == CommandRunner.adminEmail)
        #expect((added["correlation_id"] as? String)?.count == 16 && added["duration_ms"] != nil && added["ts"] != nil)
        let refusedSignIn = try #require(lines.first { $0["event"] as? String == "auth.sign_in" })
        let refusedCommand = try #require(lines.first { $0["event"] as? String == "command.semester.list" })
        #expect(refusedSignIn["correlation_id"] as? String == refusedCommand["correlation_id"] as? String)
        #expect(refusedCommand["outcome"] as? String == "refused" && refusedCommand["error_type"] as? String == "DomainError")
    }

    @Test("doctor passes on a healthy database and fails on one others can read")
    func doctor() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        let healthy = try cli.run(["doctor"], environment: ["MATCH_CONSOLE_PASSWORD": "irrelevant"])
        #expect(healthy.status == 0)
        #expect(healthy.stdout.contains("ok    integrity       PRAGMA integrity_check: ok"))
        #expect(healthy.stdout.contains("ok    schema version  3 (this match-console: 3)"))
        #expect(healthy.stdout.contains("ok    embedder        all-MiniLM-L6-v2 is not installed; matching jobs use the built-in hashed-tfidf-v1."))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.databasePath)
        let exposed = try cli.run(["doctor"])
        #expect(exposed.status == 1)
        #expect(exposed.stdout.contains("FAIL  permissions     644: others can read it"))
        #expect(exposed.stderr == "error: 1 check failed\n")
    }
}
