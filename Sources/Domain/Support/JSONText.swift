/// Hand-written JSON for the few hot or line-oriented places where `JSONEncoder` is too slow or
/// cannot promise one line (log lines, applicant extras written 100,000 at a time).
public enum JSONText {
    /// A JSON string literal; control characters and line separators are escaped, so the result
    /// never contains a line break.
    public static func quoted(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &result)
        return result
    }

    /// Appends `text` as a JSON string literal, in place: uploads write one of these per extra
    /// attribute of every row, so no intermediate strings are made.
    public static func appendQuoted(_ text: String, to result: inout String) {
        result.append("\"")
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
            result.append(text)
            result.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        result.append("\"")
    }

    /// `[{"name":…,"value":…},…]`, the stored form of an applicant's extra attributes.
    public static func attributes(_ attributes: [ExtraAttribute]) -> String {
        var result = "["
        result.reserveCapacity(attributes.reduce(2) { $0 + $1.name.utf8.count + $1.value.utf8.count + 24 })
        for (index, attribute) in attributes.enumerated() {
            result.append(index == 0 ? "{\"name\":" : ",{\"name\":")
            appendQuoted(attribute.name, to: &result)
            result.append(",\"value\":")
            appendQuoted(attribute.value, to: &result)
            result.append("}")
        }
        result.append("]")
        return result
    }
}
