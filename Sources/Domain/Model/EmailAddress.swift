/// Email addresses as the console compares them: trimmed and lower-cased. The check is deliberately
/// simple (one `@`, something on each side, no spaces, a sane domain): the goal is to catch typos
/// and spreadsheet debris, not to implement RFC 5322.
public enum EmailAddress {
    public static let maximumLength = 254

    public static func normalized(_ text: String) -> String {
        text.trimmingWhitespace().lowercased()
    }

    public static func isValid(_ text: String) -> Bool {
        guard text.utf8.count <= maximumLength else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
              !local.isEmpty, !domain.isEmpty, local.utf8.count <= 64 else { return false }
        let forbidden: Set<Character> = [" ", "\t", "\n", "\r", ",", ";", "<", ">", "(", ")", "[", "]", "\\", "\""]
        guard !text.contains(where: { forbidden.contains($0) || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) else {
            return false
        }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }
}
