import Domain

/// `staff add|list|set-role|disable|enable|reset-password`, for admins of their own organization.
enum StaffCommands {
    static var all: [CommandSpec] { [add, list, setRole, disable, enable, resetPassword] }

    private static let emailArgument = PositionalSpec(name: "EMAIL", help: "the staff member's email")
    private static let json = OptionSpec.flag("--json", "print JSON for scripts")

    static let add = CommandSpec(
        ["staff", "add"], summary: "Add a staff member; the password comes from MATCH_CONSOLE_NEW_PASSWORD or a prompt.",
        positionals: [emailArgument],
        options: [
            .value("--name", "NAME", "display name", required: true),
            .value("--role", "ROLE", "admin, coordinator or viewer", required: true),
            json,
        ]
    ) { invocation, context in
        let actor = try context.actor()
        let role = try invocation.choice("--role", of: Role.self)!
        let email = invocation.positional(0)
        let password = try context.passwords.newPassword(for: email, variable: PasswordInput.newPasswordVariable)
        let staff = try context.staffService().add(email: email, displayName: try invocation.required("--name"),
                                                   role: role, password: password, by: actor)
        try report(staff, invocation, context, "Added \(staff.email) as \(staff.role.rawValue).")
    }

    static let list = CommandSpec(
        ["staff", "list"], summary: "List the organization's staff.", options: [json]
    ) { invocation, context in
        let members = try context.staffService().list(by: try context.actor())
        if invocation.has("--json") {
            try context.output.json(members)
            return
        }
        var table = TextTable(headers: ["EMAIL", "NAME", "ROLE", "STATUS", "SINCE"])
        for member in members {
            table.rows.append([member.email, member.displayName, member.role.rawValue,
                               member.isDisabled ? "disabled" : "active", LocalTime.string(member.createdAt)])
        }
        table.render().forEach { context.output.line($0) }
    }

    static let setRole = CommandSpec(
        ["staff", "set-role"], summary: "Change a staff member's role.",
        positionals: [emailArgument, PositionalSpec(name: "ROLE", help: "admin, coordinator or viewer")], options: [json]
    ) { invocation, context in
        guard let role = Role(rawValue: invocation.positional(1).lowercased()) else {
            throw invocation.usage("unknown role \"\(invocation.positional(1))\" (expected one of: admin, coordinator, viewer)")
        }
        let staff = try context.staffService().setRole(email: invocation.positional(0), to: role, by: try context.actor())
        try report(staff, invocation, context, "\(staff.email) is now \(staff.role.rawValue).")
    }

    static let disable = CommandSpec(
        ["staff", "disable"], summary: "Disable an account: it can no longer sign in.",
        positionals: [emailArgument], options: [json]
    ) { invocation, context in
        let staff = try context.staffService().disable(email: invocation.positional(0), by: try context.actor())
        try report(staff, invocation, context, "Disabled \(staff.email).")
    }

    static let enable = CommandSpec(
        ["staff", "enable"], summary: "Enable a disabled account again.",
        positionals: [emailArgument], options: [json]
    ) { invocation, context in
        let staff = try context.staffService().enable(email: invocation.positional(0), by: try context.actor())
        try report(staff, invocation, context, "Enabled \(staff.email).")
    }

    static let resetPassword = CommandSpec(
        ["staff", "reset-password"],
        summary: "Set a new password (MATCH_CONSOLE_NEW_PASSWORD or a prompt) and lift any sign-in lock.",
        positionals: [emailArgument]
    ) { invocation, context in
        let actor = try context.actor()
        let email = invocation.positional(0)
        let password = try context.passwords.newPassword(for: email, variable: PasswordInput.newPasswordVariable)
        try context.staffService().resetPassword(email: email, newPassword: password, by: actor)
        context.output.line("Password reset for \(EmailAddress.normalized(email)).")
    }

    private static func report(_ staff: Staff, _ invocation: Invocation, _ context: CommandContext, _ text: String) throws {
        if invocation.has("--json") {
            try context.output.json(staff)
        } else {
            context.output.line(text)
        }
    }
}
