import Domain

/// A parsed command line: the command's own options and positional arguments, with typed
/// accessors that turn a malformed value into a `UsageError` naming the option.
struct Invocation {
    let command: CommandSpec
    let values: [String: String]
    let flags: Set<String>
    let positionals: [String]
    let databasePath: String?

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    func string(_ option: String) -> String? { values[option] }

    func required(_ option: String) throws -> String {
        guard let value = values[option] else { throw usage("missing \(option)") }
        return value
    }

    func positional(_ index: Int) -> String { positionals[index] }

    func int(_ option: String) throws -> Int? {
        guard let text = values[option] else { return nil }
        guard let value = Int(text) else { throw usage("\(option) takes a whole number, not \"\(text)\"") }
        return value
    }

    func double(_ option: String) throws -> Double? {
        guard let text = values[option] else { return nil }
        guard let value = Double(text), value.isFinite else { throw usage("\(option) takes a number, not \"\(text)\"") }
        return value
    }

    func date(_ option: String) throws -> CalendarDate? {
        guard let text = values[option] else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            throw usage("\(option): \"\(text)\" is not a valid date (expected YYYY-MM-DD, e.g. 2027-01-15)")
        }
        return date
    }

    func choice<E: RawRepresentable & CaseIterable>(_ option: String, of type: E.Type) throws -> E? where E.RawValue == String {
        guard let text = values[option] else { return nil }
        guard let value = E(rawValue: text.lowercased()) else {
            let names = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw usage("\(option): unknown value \"\(text)\" (expected one of: \(names))")
        }
        return value
    }

    func usage(_ message: String) -> UsageError {
        UsageError(message, command: command.path)
    }
}
