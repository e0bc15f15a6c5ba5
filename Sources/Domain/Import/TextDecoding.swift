/// Turns the bytes spreadsheets and survey tools write into UTF-8: UTF-8 with or without a BOM,
/// UTF-16 with a BOM, and, for bytes that are not valid UTF-8, Windows-1252 (what Excel on Windows
/// writes for "CSV" without "UTF-8").
enum TextDecoding {
    struct Decoded {
        var bytes: [UInt8]
        var encoding: TextEncoding
        var warnings: [String]
    }

    static func decode(_ input: [UInt8]) throws -> Decoded {
        if input.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try utf8OrFallback(Array(input.dropFirst(3)), declared: .utf8WithBOM)
        }
        if input.starts(with: [0xFF, 0xFE]) { return try utf16(input.dropFirst(2), littleEndian: true) }
        if input.starts(with: [0xFE, 0xFF]) { return try utf16(input.dropFirst(2), littleEndian: false) }
        return try utf8OrFallback(input, declared: .utf8)
    }

    private static func utf8OrFallback(_ bytes: [UInt8], declared: TextEncoding) throws -> Decoded {
        if bytes.contains(0) { throw CSVError.binary }
        if String(validating: bytes, as: UTF8.self) != nil {
            return Decoded(bytes: bytes, encoding: declared, warnings: [])
        }
        let line = firstInvalidLine(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            appendUTF8(windows1252[Int(byte)], to: &output)
        }
        return Decoded(bytes: output, encoding: .windows1252, warnings: [
            "the file is not valid UTF-8 (first at line \(line)); it was read as Windows-1252. "
                + "If accented letters look wrong, save it from the spreadsheet as \"CSV UTF-8\".",
        ])
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) throws -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        if units.contains(0) { throw CSVError.binary }
        var warnings: [String] = []
        if bytes.count % 2 != 0 { warnings.append("the UTF-16 file ends in half a character, which was dropped") }
        let text = String(decoding: units, as: UTF16.self)
        if text.unicodeScalars.contains("\u{FFFD}") { warnings.append("the UTF-16 file has broken characters, shown as �") }
        return Decoded(bytes: Array(text.utf8), encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian, warnings: warnings)
    }

    private static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length == 0 { return line }
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += length
        }
        return line
    }

    /// Length of the valid UTF-8 sequence starting at `index`, or 0 when it is invalid.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        return String(validating: bytes[index..<index + length], as: UTF8.self) == nil ? 0 : length
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        output.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// Windows-1252 to Unicode; the five undefined bytes map to the C1 controls of the same value.
    private static let windows1252: [Unicode.Scalar] = (0..<256).map { byte in
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
                              0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                              0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        let value = (0x80..<0xA0).contains(byte) ? high[byte - 0x80] : UInt32(byte)
        return Unicode.Scalar(value)!
    }
}
