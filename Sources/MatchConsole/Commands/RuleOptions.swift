import Domain

/// The matching-rule flags shared by `semester create`, `semester update` and (later) `match run`.
enum RuleOptions {
    static let enabling: [OptionSpec] = [
        .flag("--exclude-same-department", "never pair people from the same department"),
        .flag("--require-senior-mentor", "mentors must be more senior than their mentees"),
        .flag("--require-common-language", "mentor and mentee must share a language"),
        .value("--min-score", "X", "never make a pair scoring below X (0–1)"),
    ]

    static let disabling: [OptionSpec] = [
        .flag("--no-exclude-same-department", "allow pairs from the same department"),
        .flag("--no-require-senior-mentor", "drop the seniority rule"),
        .flag("--no-require-common-language", "drop the shared-language rule"),
        .flag("--no-min-score", "drop the minimum score"),
    ]

    static func rules(from invocation: Invocation, startingFrom base: MatchingRules) throws -> MatchingRules {
        var rules = base
        func toggle(_ name: String, _ keyPath: WritableKeyPath<MatchingRules, Bool>) throws {
            let on = invocation.has(name), off = invocation.has("--no-" + name.dropFirst(2))
            if on && off { throw invocation.usage("\(name) and --no-\(name.dropFirst(2)) contradict each other") }
            if on { rules[keyPath: keyPath] = true }
            if off { rules[keyPath: keyPath] = false }
        }
        try toggle("--exclude-same-department", \.excludeSameDepartment)
        try toggle("--require-senior-mentor", \.requireSeniorMentor)
        try toggle("--require-common-language", \.requireCommonLanguage)
        if let minimum = try invocation.double("--min-score") {
            if invocation.has("--no-min-score") { throw invocation.usage("--min-score and --no-min-score contradict each other") }
            rules.minimumScore = minimum
        } else if invocation.has("--no-min-score") {
            rules.minimumScore = nil
        }
        return rules
    }
}
