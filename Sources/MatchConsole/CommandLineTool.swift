import Domain
import Foundation

/// Parses the command line, runs the command, logs the action and maps the outcome to an exit code.
enum CommandLineTool {
    static var commands: [CommandSpec] {
        SetupCommands.all + OrganizationCommands.all + StaffCommands.all + SemesterCommands.all + ApplicantCommands.all + MatchCommands.all + FeedbackCommands.all
            + QuotaCommands.all + AuditCommands.all + DoctorCommand.all + ModelCommands.all + [DemoCommand.command, ConsoleCommand.command]
            + [ImportBenchmark.command, AssignBenchmark.command, PipelineBenchmark.command, FeedbackBenchmark.command, EmbedBenchmark.command, ConsoleBenchmark.command]
    }

    static func run(arguments: [String], environment: [String: String], output: Output) -> Int32 {
        if arguments.contains(DemoMode.flag) {
            return DemoMode.run(arguments: arguments, environment: environment, output: output)
        }
        let location = DataLocation(environment: environment)
        let log = JSONLineLog(directory: location.stateDirectory)
        let parser = ArgumentParser(commands: commands)
        let invocation: Invocation
        do {
            switch try parser.parse(arguments) {
            case .help(let path, let explicit):
                // On a terminal, no command at all means the console; anywhere else, the list of commands.
                if path.isEmpty && !explicit && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
                    return run(arguments: arguments + ["console"], environment: environment, output: output)
                }
                output.line(HelpFormatter(commands: commands).help(for: path))
                return 0
            case .run(let parsed):
                invocation = parsed
            }
        } catch {
            return fail(error, databasePath: nil, output: output)
        }

        let context = CommandContext(
            output: output, databasePath: invocation.databasePath ?? location.defaultDatabasePath,
            environment: environment, userEmail: invocation.string(GlobalOptions.user.name),
            commandPath: invocation.command.path, log: log)
        let started = DispatchTime.now()
        let event = "command." + invocation.command.path.joined(separator: ".")
        do {
            try invocation.command.run(invocation, context)
            log.record(entry(event, context, started, outcome: "ok"))
            return 0
        } catch {
            var record = entry(event, context, started, outcome: outcome(of: error))
            record.level = error is DomainError ? .warning : .error
            record.errorType = String(describing: type(of: error))
            record.errorMessage = ErrorReporter.report(error, databasePath: context.databasePath).message
            log.record(record)
            auditRefusal(error, context: context, command: invocation.command)
            return fail(error, databasePath: context.databasePath, output: output)
        }
    }

    private static func fail(_ error: any Error, databasePath: String?, output: Output) -> Int32 {
        let report = ErrorReporter.report(error, databasePath: databasePath)
        output.error("error: " + report.message)
        return report.exitCode
    }

    private static func entry(_ event: String, _ context: CommandContext, _ started: DispatchTime, outcome: String) -> LogEvent {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        return LogEvent(event: event, correlationID: context.correlationID, staffEmail: context.signedIn?.staff.email,
                        organizationID: context.signedIn?.organizationID, durationMilliseconds: elapsed, outcome: outcome)
    }

    private static func outcome(of error: any Error) -> String {
        switch error {
        case is UsageError: return "usage_error"
        case is DomainError: return "refused"
        default: return "failed"
        }
    }

    /// A signed-in user's refused action goes to the audit trail. Sign-in refusals are audited by
    /// the sign-in itself; usage errors never reached the rules.
    private static func auditRefusal(_ error: any Error, context: CommandContext, command: CommandSpec) {
        guard let domainError = error as? DomainError, let actor = context.signedIn else { return }
        try? context.auditService().recordRefusal(command.path.joined(separator: "."), reason: domainError, by: actor)
    }
}
