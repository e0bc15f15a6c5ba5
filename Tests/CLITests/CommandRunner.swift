import Foundation

/// Runs the built `match-console` binary as a user would, with its own temporary data folder.
struct CommandRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    let folder: URL
    var databasePath: String { folder.appendingPathComponent("console.sqlite3").path }

    static let adminEmail = "ada@northwind.org"
    static let adminPassword = "correct-horse-battery"

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("mc-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A runner whose database has been set up with `init`, signed in as its admin by default.
    static func initialized() throws -> CommandRunner {
        let runner = CommandRunner()
        let result = try runner.run(["init", "--org", "Northwind Mentoring", "--admin", adminEmail])
        guard result.status == 0 else { throw CommandFailed(result: result) }
        return runner
    }

    var logPath: String { folder.appendingPathComponent("state/match-console/console.log").path }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["MATCH_CONSOLE_BINARY"] { return URL(fileURLWithPath: path) }
        // swift test runs the test bundle from the same folder the executable is built into.
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("match-console")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appendingPathComponent("match-console")
    }

    /// Runs with `--db` pointing at this runner's database unless `useDefaultDatabase` is set.
    func run(_ arguments: [String], environment extra: [String: String] = [:], unsetting: [String] = [],
             useDefaultDatabase: Bool = false) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder.path
        environment["XDG_DATA_HOME"] = folder.appendingPathComponent("data").path
        environment["XDG_STATE_HOME"] = folder.appendingPathComponent("state").path
        environment["MATCH_CONSOLE_USER"] = Self.adminEmail
        environment["MATCH_CONSOLE_PASSWORD"] = Self.adminPassword
        environment["MATCH_CONSOLE_NEW_PASSWORD"] = nil
        environment.merge(extra) { $1 }
        for name in unsetting { environment[name] = nil }
        let outcome = try Subprocess.run([Self.binary.path] + (useDefaultDatabase ? [] : ["--db", databasePath]) + arguments,
                                         environment: environment)
        return Result(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
    }

    func json(_ arguments: [String]) throws -> Any {
        let result = try run(arguments + ["--json"])
        guard result.status == 0 else { throw CommandFailed(result: result) }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    struct CommandFailed: Error, CustomStringConvertible {
        let result: Result
        var description: String { "exit \(result.status): \(result.stderr)" }
    }
}
