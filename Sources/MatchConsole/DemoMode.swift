import Foundation

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
        // Seed on first use; a database that already holds the demo is used as it is.
        let databaseArguments = Array(rest.prefix(2))
        _ = CommandLineTool.run(arguments: databaseArguments + ["demo"], environment: environment,
                                output: Output(writeOut: { _ in }, writeError: { _ in }))
        let words = rest.dropFirst(2).filter { !$0.hasPrefix("-") }
        let command = words.isEmpty && !rest.contains("--help") ? databaseArguments + ["console"] : rest
        return CommandLineTool.run(arguments: command, environment: environment, output: output)
    }
}
