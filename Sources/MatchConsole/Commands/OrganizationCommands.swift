import Domain

/// `org create|list`, for admins of the operator organization.
enum OrganizationCommands {
    static var all: [CommandSpec] { [create, list] }

    static let create = CommandSpec(
        ["org", "create"], summary: "Create an organization and its first admin (operator admins only).",
        positionals: [PositionalSpec(name: "NAME", help: "the new organization's name")],
        options: [
            .value("--admin", "EMAIL", "the new organization's first admin", required: true),
            .value("--admin-name", "NAME", "that admin's display name (default: the part of the email before @)"),
            .flag("--json", "print JSON for scripts"),
        ]
    ) { invocation, context in
        let actor = try context.actor()
        let email = try invocation.required("--admin")
        let password = try context.passwords.newPassword(for: email, variable: PasswordInput.newPasswordVariable)
        let (organization, admin) = try context.organizationService().create(
            name: invocation.positional(0), adminEmail: email,
            adminName: invocation.string("--admin-name") ?? String(email.prefix { $0 != "@" }),
            adminPassword: password, by: actor)
        if invocation.has("--json") {
            try context.output.json(["organization": organization.name, "id": String(organization.id), "admin": admin.email])
        } else {
            context.output.line("Created organization #\(organization.id) \"\(organization.name)\" with admin \(admin.email).")
        }
    }

    static let list = CommandSpec(
        ["org", "list"], summary: "List organizations (operator admins only).",
        options: [.flag("--json", "print JSON for scripts")]
    ) { invocation, context in
        let listings = try context.organizationService().list(by: try context.actor())
        if invocation.has("--json") {
            try context.output.json(listings)
            return
        }
        var table = TextTable(headers: ["ID", "NAME", "OPERATOR", "STAFF", "CREATED"])
        for listing in listings {
            let organization = listing.organization
            table.rows.append([String(organization.id), organization.name, organization.isOperator ? "yes" : "",
                               String(listing.staffCount), LocalTime.string(organization.createdAt)])
        }
        table.render().forEach { context.output.line($0) }
    }
}
