/// Email addresses as the console compares them: trimmed and lower-cased. The check is deliberately
/// simple (one `@`, something on each side, no spaces, a sane domain): the goal is to catch typos
/// and spreadsheet debris, not to implement RFC 5322.
public enum EmailAddress {
    public static let maximumLength = 254

    public static func normalized(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        // Most addresses are already lower-case ASCII; skip the copy `lowercased()` would make.
        if !trimmed.utf8.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }) { return trimmed }
        return trimmed.lowercased()
    }

    /// One pass over the UTF-8 bytes: uploads check 100,000 of these at a time.
    public static func isValid(_ text: String) -> Bool {
        var utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable(isValid) ?? {
            var copy = text
            copy.makeContiguousUTF8()
            utf8 = copy.utf8
            return utf8.withContiguousStorageIfAvailable(isValid) ?? false
        }()
    }

    private static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= maximumLength,
              let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0, at <= 64, at < bytes.count - 1 else { return false }
        let dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")
        // Local part: no forbidden characters, no dot at either end or twice in a row.
        guard bytes[0] != dot, bytes[at - 1] != dot else { return false }
        var previous: UInt8 = 0
        for byte in bytes[..<at] {
            if byte < 0x80 && forbiddenInLocalPart(byte) { return false }
            if byte == dot && previous == dot { return false }
            previous = byte
        }
        // Domain: labels of letters, digits and hyphens, none empty, none starting or ending with a hyphen.
        var labelLength = 0
        previous = dot
        var nonASCII = false
        for byte in bytes[(at + 1)...] {
            if byte == dot {
                if labelLength == 0 || previous == hyphen { return false }
                labelLength = 0
            } else if byte >= 0x80 {
                nonASCII = true
                labelLength += 1
            } else {
                let alphanumeric = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                guard alphanumeric || byte == hyphen else { return false }
                if byte == hyphen && labelLength == 0 { return false }
                labelLength += 1
            }
            previous = byte
        }
        guard labelLength > 0, previous != hyphen else { return false }
        // Internationalised domains: every non-ASCII character must still be a letter or digit.
        if nonASCII {
            let domain = String(decoding: bytes[(at + 1)...], as: UTF8.self)
            return domain.allSatisfy { $0.isASCII || $0.isLetter || $0.isNumber }
        }
        return true
    }

    private static func forbiddenInLocalPart(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x21, 0x7F: return true  // controls and space
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\\"), UInt8(ascii: "\""),
             UInt8(ascii: "@"):
            return true
        default: return false
        }
    }
}
