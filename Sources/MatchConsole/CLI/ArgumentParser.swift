/// Turns the words of a command line into the command they name and an `Invocation`.
/// Accepts `--opt VALUE` and `--opt=VALUE`; `--` ends the options; global options may stand anywhere.
struct ArgumentParser {
    enum Outcome {
        case run(Invocation)
        /// `--help` (explicit) or an incomplete command: show help for this command prefix.
        case help(path: [String], explicit: Bool)
    }

    let commands: [CommandSpec]

    func parse(_ arguments: [String]) throws -> Outcome {
        var words: [String] = []
        var values: [String: String] = [:]
        var flags: Set<String> = []
        var optionsEnded = false
        var index = 0
        var command: CommandSpec?

        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                words.append(argument)
                if command == nil { command = commands.first { $0.path == words } }
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            if argument == "-h" { flags.insert("--help"); continue }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            let commandPath = command?.path ?? words
            guard let spec = command?.option(named: name) ?? GlobalOptions.all.first(where: { $0.name == name }) else {
                throw UsageError("unknown option \(name)", command: commandPath)
            }
            if spec.takesValue {
                if let inlineValue {
                    values[name] = inlineValue
                } else if index < arguments.count {
                    values[name] = arguments[index]
                    index += 1
                } else {
                    throw UsageError("\(name) needs a value (\(spec.valueName ?? "VALUE"))", command: commandPath)
                }
            } else {
                guard inlineValue == nil else { throw UsageError("\(name) takes no value", command: commandPath) }
                flags.insert(name)
            }
        }

        if flags.contains("--help") { return .help(path: command?.path ?? words, explicit: true) }
        guard let command else {
            if words.isEmpty || commands.contains(where: { $0.path.starts(with: words) }) {
                return .help(path: words, explicit: false)
            }
            throw UsageError("unknown command \"\(words.joined(separator: " "))\"", command: longestKnownPrefix(of: words))
        }
        let positionals = Array(words.dropFirst(command.path.count))
        if positionals.count < command.positionals.count {
            let missing = command.positionals[positionals.count].name
            throw UsageError("missing \(missing)", command: command.path)
        }
        if positionals.count > command.positionals.count {
            throw UsageError("unexpected argument \"\(positionals[command.positionals.count])\"", command: command.path)
        }
        for option in command.options where option.isRequired && values[option.name] == nil {
            throw UsageError("missing \(option.name) \(option.valueName ?? "")", command: command.path)
        }
        return .run(Invocation(command: command, values: values, flags: flags, positionals: positionals,
                               databasePath: values[GlobalOptions.database.name]))
    }

    private func longestKnownPrefix(of words: [String]) -> [String] {
        var prefix = words
        while !prefix.isEmpty && !commands.contains(where: { $0.path.starts(with: prefix) }) {
            prefix.removeLast()
        }
        return prefix
    }
}
