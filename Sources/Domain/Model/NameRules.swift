/// Shared checks for the human-entered names of organizations and people.
enum NameRules {
    static let maximumLength = 200

    /// The trimmed name, or the reason it is unusable ("must not be empty", …).
    static func check(_ name: String) -> Result<String, NameProblem> {
        let trimmed = name.trimmingWhitespace()
        if trimmed.isEmpty { return .failure(NameProblem("must not be empty")) }
        if trimmed.count > maximumLength {
            return .failure(NameProblem("is \(trimmed.count) characters long; the limit is \(maximumLength)"))
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .failure(NameProblem("must not contain control characters such as tabs or line breaks"))
        }
        return .success(trimmed)
    }

    struct NameProblem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
