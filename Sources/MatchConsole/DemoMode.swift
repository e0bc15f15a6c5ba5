import Credentials
import Domain
import Foundation
import Persistence

/// `match-console --demo [command]`: everything runs against a demo database of its own,
/// seeded on first use and signed in as its admin, so a newcomer sees a working program at once.
/// Without a command it opens the console.
enum DemoMode {
    static let flag = "--demo"

    static func run(arguments: [String], environment: [String: String], output: Output) -> Int32 {
        var rest = arguments.filter { $0 != flag }
        var environment = environment
        if !rest.contains(GlobalOptions.database.name) && !rest.contains(where: { $0.hasPrefix(GlobalOptions.database.name + "=") }) {
            rest = [GlobalOptions.database.name, DataLocation(environment: environment).dataDirectory + "/demo.sqlite3"] + rest
        }
        environment["MATCH_CONSOLE_USER"] = DemoCommand.adminEmail
        environment[PasswordInput.signInVariable] = DemoCommand.defaultPassword
        // Seed on first use; a database that already holds the demo is used as it is (seeding it
        // again would only log a refusal on every run).
        let path = databasePath(rest)
        let databaseArguments = [GlobalOptions.database.name, path]
        if !isSeeded(path) {
            _ = CommandLineTool.run(arguments: databaseArguments + ["demo"], environment: environment,
                                    output: Output(writeOut: { _ in }, writeError: { _ in }))
        }
        let words = rest.filter { !$0.hasPrefix("-") && $0 != path }
        let command = words.isEmpty && !rest.contains("--help") ? databaseArguments + ["console"] : rest
        return CommandLineTool.run(arguments: command, environment: environment, output: output)
    }

    /// The database the command names with `--db PATH` or `--db=PATH` (always present by now).
    private static func databasePath(_ arguments: [String]) -> String {
        let name = GlobalOptions.database.name
        if let index = arguments.firstIndex(of: name), index + 1 < arguments.count { return arguments[index + 1] }
        return arguments.first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) } ?? ""
    }

    private static func isSeeded(_ path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path), let store = try? SQLiteStore(path: path) else { return false }
        return (try? AuthService(store: store, hasher: PBKDF2PasswordHasher()).isInitialized()) ?? false
    }
}
