import Domain

/// Where passwords come from: an environment variable (scripts), else a no-echo prompt on the
/// terminal. Never a command-line flag, so they never reach shell history or `ps`.
struct PasswordInput {
    static let signInVariable = "MATCH_CONSOLE_PASSWORD"
    static let newPasswordVariable = "MATCH_CONSOLE_NEW_PASSWORD"

    let environment: [String: String]

    /// The acting user's own password.
    func signInPassword(for email: String) throws -> String {
        if let value = environment[Self.signInVariable] { return value }
        return try prompt("Password for \(email): ", variable: Self.signInVariable)
    }

    /// A password being set: taken from `variable`, or typed twice at the terminal.
    func newPassword(for email: String, variable: String) throws -> String {
        if let value = environment[variable] { return value }
        let first = try prompt("New password for \(email) (at least \(PasswordPolicy.minimumLength) characters): ", variable: variable)
        try PasswordPolicy.validate(first)
        let second = try prompt("Repeat the password: ", variable: variable)
        guard first == second else { throw CommandFailure("the two passwords differ; nothing was changed") }
        return first
    }

    private func prompt(_ text: String, variable: String) throws -> String {
        guard SecretPrompt.standardInputIsTerminal else {
            throw CommandFailure("no password given: set \(variable) or run the command in a terminal")
        }
        do {
            guard let value = try SecretPrompt.read(text) else { throw CommandFailure("no password given") }
            return value
        } catch is SecretPrompt.Unavailable {
            throw CommandFailure("cannot prompt for a password here: set \(variable)")
        }
    }
}
