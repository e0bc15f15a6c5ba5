/// Help text generated from the command specs, for the tool and for each command.
struct HelpFormatter {
    let commands: [CommandSpec]

    func help(for path: [String]) -> String {
        if let command = commands.first(where: { $0.path == path }) {
            return commandHelp(command)
        }
        let matching = commands.filter { $0.path.starts(with: path) }
        return overview(prefix: path, commands: matching.isEmpty ? commands : matching)
    }

    func usageLine(_ command: CommandSpec) -> String {
        var parts = ["match-console", command.name]
        parts += command.positionals.map(\.name)
        parts += command.options.filter(\.isRequired).map { "\($0.name) \($0.valueName ?? "")" }
        if command.options.contains(where: { !$0.isRequired }) { parts.append("[options]") }
        return parts.joined(separator: " ")
    }

    private func overview(prefix: [String], commands: [CommandSpec]) -> String {
        var lines: [String] = []
        if prefix.isEmpty {
            lines.append("match-console — the admin console for mentoring programs")
            lines.append("")
            lines.append("Usage: match-console [--db PATH] <command> [options]")
        } else {
            lines.append("Usage: match-console \(prefix.joined(separator: " ")) <command> [options]")
        }
        lines.append("")
        lines.append("Commands:")
        lines += table(commands.map { ($0.name, $0.summary) })
        lines.append("")
        lines.append("Global options:")
        lines += table(GlobalOptions.all.map { (optionLabel($0), $0.help) })
        lines.append("")
        lines.append("Run 'match-console <command> --help' for a command's options.")
        return lines.joined(separator: "\n")
    }

    private func commandHelp(_ command: CommandSpec) -> String {
        var lines = ["Usage: \(usageLine(command))", "", command.summary]
        if !command.positionals.isEmpty {
            lines.append("")
            lines.append("Arguments:")
            lines += table(command.positionals.map { ($0.name, $0.help) })
        }
        if !command.options.isEmpty {
            lines.append("")
            lines.append("Options:")
            lines += table(command.options.map { (optionLabel($0), $0.help + ($0.isRequired ? " (required)" : "")) })
        }
        lines.append("")
        lines.append("Global options:")
        lines += table(GlobalOptions.all.map { (optionLabel($0), $0.help) })
        return lines.joined(separator: "\n")
    }

    private func optionLabel(_ option: OptionSpec) -> String {
        option.valueName.map { "\(option.name) \($0)" } ?? option.name
    }

    private func table(_ rows: [(String, String)]) -> [String] {
        let width = min(34, rows.map(\.0.count).max() ?? 0)
        return rows.map { left, right in
            let padding = max(2, width - left.count + 2)
            return "  " + left + String(repeating: " ", count: padding) + right
        }
    }
}
