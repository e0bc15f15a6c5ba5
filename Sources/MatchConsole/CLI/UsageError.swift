/// The command line itself is wrong (unknown flag, missing or malformed value): exit code 2, and
/// the usage of the command that was meant.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    /// The command whose usage to point at, when known.
    let command: [String]

    init(_ message: String, command: [String] = []) {
        self.message = message
        self.command = command
    }

    var description: String { message }
}
