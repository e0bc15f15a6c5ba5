/// A command as data: its words, what it takes, and what runs it. Help text and parsing are both
/// generated from these, so they cannot disagree.
struct CommandSpec: Sendable {
    let path: [String]
    let summary: String
    let positionals: [PositionalSpec]
    let options: [OptionSpec]
    let run: @Sendable (Invocation, CommandContext) throws -> Void

    init(_ path: [String], summary: String, positionals: [PositionalSpec] = [], options: [OptionSpec] = [],
         run: @escaping @Sendable (Invocation, CommandContext) throws -> Void) {
        self.path = path
        self.summary = summary
        self.positionals = positionals
        self.options = options
        self.run = run
    }

    var name: String { path.joined(separator: " ") }

    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name } ?? GlobalOptions.all.first { $0.name == name }
    }
}

struct OptionSpec: Sendable {
    /// Including the dashes, e.g. `--mentor-quota`.
    let name: String
    /// Nil for a flag; otherwise the placeholder shown in help, e.g. `N`.
    let valueName: String?
    let help: String
    let isRequired: Bool

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, isRequired: false)
    }

    static func value(_ name: String, _ valueName: String, _ help: String, required: Bool = false) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, isRequired: required)
    }

    var takesValue: Bool { valueName != nil }
}

struct PositionalSpec: Sendable {
    let name: String
    let help: String
}

/// Options every command accepts, wherever they stand on the line.
enum GlobalOptions {
    static let database = OptionSpec.value("--db", "PATH", "database file (default: $XDG_DATA_HOME/match-console/console.sqlite3)")
    static let user = OptionSpec.value("--user", "EMAIL", "sign in as this staff member (or set MATCH_CONSOLE_USER); the password comes from MATCH_CONSOLE_PASSWORD or a prompt")
    static let help = OptionSpec.flag("--help", "show help for the tool or the command")
    static let demo = OptionSpec.flag("--demo", "use the demo database (seeded on first use) as its admin; alone, opens the console")
    static let all = [database, user, demo, help]
}
