import Domain

/// `init`: the first organization and its admin, on an empty database.
enum SetupCommands {
    static var all: [CommandSpec] { [initialize] }

    static let initialize = CommandSpec(
        ["init"], summary: "Set up an empty database: the operator organization and its first admin.",
        options: [
            .value("--org", "NAME", "the organization's name", required: true),
            .value("--admin", "EMAIL", "the first admin's email (their sign-in name)", required: true),
            .value("--name", "NAME", "the admin's display name (default: the part of the email before @)"),
        ]
    ) { invocation, context in
        let email = try invocation.required("--admin")
        let auth = context.authService(try context.store())
        // Asking for a password the database will refuse anyway would waste the user's time.
        guard try !auth.isInitialized() else { throw DomainError.alreadyInitialized }
        let password = try context.passwords.newPassword(for: email, variable: PasswordInput.signInVariable)
        let displayName = invocation.string("--name") ?? String(email.prefix { $0 != "@" })
        let actor = try auth.initialize(organizationName: try invocation.required("--org"), adminEmail: email,
                                        adminName: displayName, password: password, correlationID: context.correlationID)
        context.adopt(actor)
        context.output.line("Created organization \"\(try invocation.required("--org").trimmingWhitespace())\" with admin \(actor.staff.email).")
        context.output.line("Sign in to any command with --user \(actor.staff.email).")
    }
}
