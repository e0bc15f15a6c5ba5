import Domain

/// The matching rules as form fields: the semester form and the run dialog ask the same way.
enum RuleFields {
    private static let yesNo = ["no", "yes"]

    static func fields(_ rules: MatchingRules?) -> [FormDialog.Field] {
        [
            .init("Exclude same department", flag(rules?.excludeSameDepartment), kind: .choice(yesNo)),
            .init("Mentor must be more senior", flag(rules?.requireSeniorMentor), kind: .choice(yesNo)),
            .init("Require a common language", flag(rules?.requireCommonLanguage), kind: .choice(yesNo)),
            .init("Minimum score (0–1, blank for none)", rules?.minimumScore.map { String($0) } ?? "", check: score),
        ]
    }

    /// The rules from the values of `fields`, in their order (values the checks accepted).
    static func rules(_ values: ArraySlice<String>) -> MatchingRules {
        let v = Array(values)
        let minimum = v[3].trimmingCharacters(in: .whitespaces)
        return MatchingRules(excludeSameDepartment: v[0] == "yes", requireSeniorMentor: v[1] == "yes",
                             requireCommonLanguage: v[2] == "yes", minimumScore: minimum.isEmpty ? nil : Double(minimum))
    }

    private static func flag(_ value: Bool?) -> String { value == true ? "yes" : "no" }

    private static func score(_ text: String) -> String? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        guard let value = Double(text), (0...1).contains(value) else { return "a number from 0 to 1, or blank" }
        return nil
    }
}
