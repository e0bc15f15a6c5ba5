import Foundation
import Testing
@testable import Persistence

@Suite("match-console semester commands")
struct SemesterCommandTests {
    static let create = ["semester", "create", "--name", "Fall 2026", "--start", "2026-09-01", "--end", "2026-12-15",
                         "--mentor-quota", "40", "--mentee-quota", "120"]

    @Test("create, list, show and stats speak JSON for scripts")
    func jsonRoundTrip() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        let created = try #require(try cli.json(Self.create + ["--exclude-same-department", "--min-score", "0.25"]) as? [String: Any])
        #expect(created["name"] as? String == "Fall 2026")
        #expect(created["status"] as? String == "draft")
        #expect(created["start_date"] as? String == "2026-09-01")
        let rules = try #require(created["rules"] as? [String: Any])
        #expect(rules["exclude_same_department"] as? Bool == true && rules["minimum_score"] as? Double == 0.25)
        let id = try #require(created["id"] as? Int)

        let list = try #require(try cli.json(["semester", "list"]) as? [String: Any])
        #expect(list["total"] as? Int == 1)
        #expect((list["items"] as? [[String: Any]])?.first?["id"] as? Int == id)

        let shown = try #require(try cli.json(["semester", "show", "fall 2026"]) as? [String: Any])
        #expect(shown["id"] as? Int == id && shown["mentee_quota"] as? Int == 120)

        let stats = try #require(try cli.json(["semester", "stats", String(id)]) as? [String: Any])
        #expect(stats["mentors"] as? Int == 0 && stats["groups"] as? Int == 0)
        #expect(stats["average_rating"] is NSNull)

        let updated = try #require(try cli.json(["semester", "update", String(id), "--status", "open", "--no-min-score"]) as? [String: Any])
        #expect(updated["status"] as? String == "open")
        #expect((updated["rules"] as? [String: Any])?["minimum_score"] is NSNull)
    }

    @Test("human output lists semesters as a table")
    func textOutput() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        #expect(try cli.run(["semester", "list"]).stdout.contains("No semesters yet"))
        let created = try cli.run(Self.create)
        #expect(created.status == 0 && created.stdout == "Created semester #1 \"Fall 2026\" (draft).\n")
        let list = try cli.run(["semester", "list"]).stdout
        #expect(list.contains("Fall 2026") && list.contains("Showing 1–1 of 1."))
        let show = try cli.run(["semester", "show", "1"]).stdout
        #expect(show.contains("Next statuses       open, closed"))
    }

    @Test("domain refusals: one line on stderr, exit 1, nothing written", arguments: [
        (["--mentor-quota", "0"], "mentor quota must be at least 1 (got 0)"),
        (["--end", "2026-08-01"], "end date 2026-08-01 must be after start date 2026-09-01"),
        (["--name", String(repeating: "x", count: 201)], "semester name is 201 characters long; the limit is 200"),
        (["--name", "  "], "semester name must not be empty"),
        (["--mentees-per-mentor", "50"], "mentees per mentor must be between 1 and 20 (got 50)"),
    ])
    func domainErrors(override: [String], message: String) throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        var arguments = Self.create
        for pair in stride(from: 0, to: override.count, by: 2) {
            if let index = arguments.firstIndex(of: override[pair]) {
                arguments[index + 1] = override[pair + 1]
            } else {
                arguments += [override[pair], override[pair + 1]]
            }
        }
        let result = try cli.run(arguments)
        #expect(result.status == 1)
        #expect(result.stderr == "error: \(message)\n")
        #expect(result.stdout.isEmpty)
        #expect(try cli.json(["semester", "list"]) as? [String: Any] != nil)
        #expect((try cli.json(["semester", "list"]) as? [String: Any])?["total"] as? Int == 0)
    }

    @Test("a duplicate name is refused with exit 1")
    func duplicate() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        _ = try cli.run(Self.create)
        let again = try cli.run(Self.create.map { $0 == "Fall 2026" ? "FALL 2026" : $0 })
        #expect(again.status == 1)
        #expect(again.stderr == "error: a semester named \"FALL 2026\" already exists in this organization\n")
    }

    @Test("command-line mistakes exit 2 and point at the usage", arguments: [
        (["semester", "list", "--bogus"], "unknown option --bogus"),
        (["semester", "frobnicate"], "unknown command \"semester frobnicate\""),
        (["semester", "create", "--name", "X"], "missing --start DATE"),
        (["semester", "show"], "missing SEMESTER"),
        (["semester", "show", "a", "b"], "unexpected argument \"b\""),
        (["semester", "list", "--limit"], "--limit needs a value (N)"),
        (["semester", "list", "--limit", "ten"], "--limit takes a whole number, not \"ten\""),
        (["semester", "list", "--status", "archived"], "--status: unknown value \"archived\" (expected one of: draft, open, matched, closed)"),
        (["semester", "list", "--json=yes"], "--json takes no value"),
        (create.map { $0 == "2026-09-01" ? "2026-02-30" : $0 }, "--start: \"2026-02-30\" is not a valid date (expected YYYY-MM-DD, e.g. 2027-01-15)"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        let result = try cli.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: \(message)\nRun 'match-console"))
        #expect(result.stdout.isEmpty)
    }

    @Test("help for the tool and for each command, generated from the same specs that parse")
    func help() throws {
        let cli = CommandRunner()
        defer { cli.remove() }
        let tool = try cli.run(["--help"])
        #expect(tool.status == 0 && tool.stdout.contains("semester create") && tool.stdout.contains("--db PATH"))
        let bare = try cli.run([])
        #expect(bare.status == 0 && bare.stdout.contains("Commands:"))
        let create = try cli.run(["semester", "create", "--help"])
        #expect(create.status == 0)
        #expect(create.stdout.hasPrefix("Usage: match-console semester create --name NAME --start DATE --end DATE"))
        #expect(create.stdout.contains("--mentees-per-mentor N"))
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath), "help must not create a database")
    }

    @Test("the default database lives in XDG_DATA_HOME, private to its owner")
    func defaultLocation() throws {
        let cli = CommandRunner()
        defer { cli.remove() }
        let result = try cli.run(["init", "--org", "Northwind", "--admin", CommandRunner.adminEmail], useDefaultDatabase: true)
        #expect(result.status == 0)
        #expect(try cli.run(["semester", "list"], useDefaultDatabase: true).status == 0)
        let path = cli.folder.appendingPathComponent("data/match-console/console.sqlite3").path
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a file that is not a database is refused and left as it was")
    func notADatabase() throws {
        let cli = CommandRunner()
        defer { cli.remove() }
        let contents = String(repeating: "email,name,role\n", count: 200)
        try contents.write(toFile: cli.databasePath, atomically: true, encoding: .utf8)
        let result = try cli.run(["semester", "list"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: \(cli.databasePath): the file is not a SQLite database\n")
        #expect(try String(contentsOfFile: cli.databasePath, encoding: .utf8) == contents)
    }

    @Test("a database from a newer version is refused")
    func newerSchema() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        _ = try cli.run(["semester", "list"])
        try DatabaseConnection(path: cli.databasePath).executeOutsideTransaction("PRAGMA user_version = 42")
        let result = try cli.run(["semester", "list"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("uses schema version 42, but this match-console understands versions up to"))
    }

    @Test("a database locked by another writer is reported after the busy timeout, with nothing half-written")
    func locked() throws {
        let cli = try CommandRunner.initialized()
        defer { cli.remove() }
        _ = try cli.run(["semester", "list"])
        let holder = try DatabaseConnection(path: cli.databasePath)
        let result = try holder.write { _ in try cli.run(Self.create) }
        #expect(result.status == 1)
        #expect(result.stderr == "error: \(cli.databasePath): the database is locked by another process; try again in a moment\n")
        #expect((try cli.json(["semester", "list"]) as? [String: Any])?["total"] as? Int == 0)
    }
}
