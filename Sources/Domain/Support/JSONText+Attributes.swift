extension JSONText {
    /// Reads back what `attributes(_:)` writes — `[{"name":…,"value":…},…]` — without a general
    /// JSON decoder, which costs more than the rest of listing 100,000 applicants. Anything else
    /// (another key order, other whitespace, numbers) gives nil, and the caller decodes it the
    /// general way.
    public static func parseAttributes(_ text: String) -> [ExtraAttribute]? {
        var utf8 = Array(text.utf8)[...]
        func take(_ literal: StaticString) -> Bool {
            let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
            guard utf8.starts(with: bytes) else { return false }
            utf8 = utf8.dropFirst(bytes.count)
            return true
        }
        func string() -> String? {
            guard utf8.first == UInt8(ascii: "\"") else { return nil }
            utf8 = utf8.dropFirst()
            var bytes: [UInt8] = []
            while let byte = utf8.first {
                utf8 = utf8.dropFirst()
                switch byte {
                case UInt8(ascii: "\""): return String(decoding: bytes, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let escaped = utf8.first else { return nil }
                    utf8 = utf8.dropFirst()
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escaped)
                    case UInt8(ascii: "n"): bytes.append(0x0A)
                    case UInt8(ascii: "r"): bytes.append(0x0D)
                    case UInt8(ascii: "t"): bytes.append(0x09)
                    case UInt8(ascii: "u"):
                        guard utf8.count >= 4, let value = UInt32(String(decoding: utf8.prefix(4), as: UTF8.self), radix: 16),
                              let scalar = Unicode.Scalar(value) else { return nil }  // surrogate pairs: the general way
                        utf8 = utf8.dropFirst(4)
                        bytes += Array(String(Character(scalar)).utf8)
                    default: return nil
                    }
                default: bytes.append(byte)
                }
            }
            return nil
        }
        guard take("[") else { return nil }
        var attributes: [ExtraAttribute] = []
        if take("]") { return utf8.isEmpty ? attributes : nil }
        repeat {
            guard take("{\"name\":"), let name = string(), take(",\"value\":"), let value = string(), take("}") else { return nil }
            attributes.append(ExtraAttribute(name: name, value: value))
        } while take(",")
        return take("]") && utf8.isEmpty ? attributes : nil
    }
}
