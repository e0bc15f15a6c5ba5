import Domain

/// `quota show|set`.
enum QuotaCommands {
    static var all: [CommandSpec] { [show, set] }

    static let show = CommandSpec(
        ["quota", "show"], summary: "Show your use of the upload and matching quotas.",
        options: [.flag("--json", "print JSON for scripts")]
    ) { invocation, context in
        let usage = try context.quotaService().usage(by: try context.actor())
        if invocation.has("--json") {
            try context.output.json(usage)
            return
        }
        var table = TextTable(headers: ["QUOTA", "USED", "LIMIT", "SCOPE", "NEXT FREE"])
        for quota in usage {
            table.rows.append([quota.name, String(quota.used), String(quota.limit), quota.scope,
                               quota.nextFreeAt.map(LocalTime.string) ?? ""])
        }
        table.render().forEach { context.output.line($0) }
    }

    static let set = CommandSpec(
        ["quota", "set"], summary: "Change the organization's quotas (admins).",
        options: [
            .value("--uploads-per-day", "N", "applicant uploads per user per rolling day"),
            .value("--jobs-per-day", "N", "matching jobs per user per rolling day"),
            .value("--concurrent-jobs", "N", "matching jobs running at once in the organization"),
        ]
    ) { invocation, context in
        let actor = try context.actor()
        let service = try context.quotaService()
        guard let organization = try context.store().read({ try $0.organization(id: actor.organizationID) }) else {
            throw DomainError.notFound(kind: "organization", reference: "#\(actor.organizationID)")
        }
        var quotas = organization.quotas
        if let value = try invocation.int("--uploads-per-day") { quotas.uploadsPerUserPerDay = value }
        if let value = try invocation.int("--jobs-per-day") { quotas.jobsPerUserPerDay = value }
        if let value = try invocation.int("--concurrent-jobs") { quotas.concurrentJobsPerOrganization = value }
        guard quotas != organization.quotas else { throw DomainError.nothingToChange }
        try service.setLimits(quotas, by: actor)
        context.output.line("Quotas: \(quotas.uploadsPerUserPerDay) uploads and \(quotas.jobsPerUserPerDay) matching jobs per user per day, \(quotas.concurrentJobsPerOrganization) concurrent jobs.")
    }
}
