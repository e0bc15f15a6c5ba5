import Domain

/// The first screen of an empty database: the organization and its first admin, with the same
/// rules as `match-console init` (the service checks names, email and password strength).
public enum FirstRunForm {
    public typealias Create = (_ organization: String, _ email: String, _ name: String, _ password: String) throws -> ConsoleView

    public static func dialog(glyphs: Glyphs = .forLocale(), create: @escaping Create) -> FormDialog {
        let fields: [FormDialog.Field] = [
            .init("Organization", check: { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "the organization's name" : nil }),
            .init("Your email", check: { $0.contains("@") ? nil : "an email address" }),
            .init("Your name", check: { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "how colleagues know you" : nil }),
            .init("Password", kind: .secret, check: { $0.count < PasswordPolicy.minimumLength ? "at least \(PasswordPolicy.minimumLength) characters" : nil }),
            .init("Password again", kind: .secret),
        ]
        return FormDialog(title: "Set up Match Console", fields: fields, glyphs: glyphs) { values in
            guard values[3] == values[4] else { throw FirstRunMismatch() }
            return .open(try create(values[0].trimmingCharacters(in: .whitespaces), values[1].trimmingCharacters(in: .whitespaces),
                                    values[2].trimmingCharacters(in: .whitespaces), values[3]))
        }
    }
}

struct FirstRunMismatch: Error, CustomStringConvertible {
    var description: String { "the two passwords differ; type the same one twice" }
}
