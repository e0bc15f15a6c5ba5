import Domain
import Persistence

/// The one place that turns any error into the line a user reads and the exit code scripts see:
/// 2 for a wrong command line, 1 for everything refused or failed after that.
enum ErrorReporter {
    struct Report {
        /// What went wrong, without the "error: " that the terminal output puts before it.
        let message: String
        let exitCode: Int32
    }

    static func report(_ error: any Error, databasePath: String?) -> Report {
        switch error {
        case let usage as UsageError:
            let command = usage.command.isEmpty ? "" : " " + usage.command.joined(separator: " ")
            return Report(message: "\(usage.message)\nRun 'match-console\(command) --help' for usage.", exitCode: 2)
        case let domain as DomainError:
            return Report(message: "\(domain.description)", exitCode: 1)
        case let database as DatabaseError:
            let location = databasePath.map { "\($0): " } ?? ""
            return Report(message: "\(location)\(database.userMessage)", exitCode: 1)
        case let open as DatabaseOpenError:
            return Report(message: "\(open.description)", exitCode: 1)
        case let failure as CommandFailure:
            return Report(message: "\(failure.message)", exitCode: failure.exitCode)
        default:
            return Report(message: "\(error)", exitCode: 1)
        }
    }
}

/// A command that ran but must end unsuccessfully with its own words (e.g. a job that failed).
struct CommandFailure: Error {
    let message: String
    let exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }
}
