/// Parses the command line, runs the command, and maps the outcome to an exit code.
enum CommandLineTool {
    static var commands: [CommandSpec] { SemesterCommands.all }

    static func run(arguments: [String], environment: [String: String], output: Output) -> Int32 {
        let parser = ArgumentParser(commands: commands)
        var databasePath: String?
        do {
            switch try parser.parse(arguments) {
            case .help(let path):
                output.line(HelpFormatter(commands: commands).help(for: path))
                return 0
            case .run(let invocation):
                databasePath = invocation.databasePath ?? DataLocation(environment: environment).defaultDatabasePath
                let context = CommandContext(output: output, databasePath: databasePath!)
                try invocation.command.run(invocation, context)
                return 0
            }
        } catch {
            let report = ErrorReporter.report(error, databasePath: databasePath)
            output.error(report.message)
            return report.exitCode
        }
    }
}
