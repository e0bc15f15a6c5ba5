import Foundation

/// Two-dimensional float32/float64 arrays in NumPy's `.npy` format (versions 1–3, little-endian,
/// C or Fortran order), so score matrices can be exchanged with scipy and OR-Tools scripts.
struct NumpyMatrix: Equatable {
    let rows: Int
    let columns: Int
    /// Row-major.
    let values: [Double]

    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    static func read(_ bytes: [UInt8]) throws -> NumpyMatrix {
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw FormatError(description: "not a .npy file (bad magic)") }
        let major = bytes[6]
        let headerStart = major == 1 ? 10 : 12
        guard (1...3).contains(major), bytes.count >= headerStart else { throw FormatError(description: "unsupported .npy version \(major)") }
        let headerLength = major == 1 ? Int(bytes[8]) | Int(bytes[9]) << 8
            : Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
        guard bytes.count >= headerStart + headerLength else { throw FormatError(description: "truncated .npy header") }
        let header = String(decoding: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self)
        let descr = try field("descr", in: header)
        let fortran = try field("fortran_order", in: header) == "True"
        let shape = try field("shape", in: header)
            .trimmingCharacters(in: CharacterSet(charactersIn: "()")).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.compactMap { Int($0) }
        guard shape.count == 2 else { throw FormatError(description: "expected a 2-D array (mentees × mentors), got shape \(shape)") }
        let width: Int
        switch descr {
        case "'<f8'", "'float64'": width = 8
        case "'<f4'", "'float32'": width = 4
        default: throw FormatError(description: "unsupported element type \(descr); use little-endian float32 or float64")
        }
        let (rows, columns) = (shape[0], shape[1])
        let dataStart = headerStart + headerLength
        guard bytes.count - dataStart == rows * columns * width else {
            throw FormatError(description: "the data holds \(bytes.count - dataStart) bytes; shape \(rows)×\(columns) needs \(rows * columns * width)")
        }
        var values = [Double](repeating: 0, count: rows * columns)
        bytes.withUnsafeBytes { raw in
            for index in 0..<(rows * columns) {
                let offset = dataStart + index * width
                let value = width == 8 ? Double(bitPattern: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
                    : Double(Float(bitPattern: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian))
                // Fortran order stores columns one after another.
                let target = fortran ? (index % rows) * columns + index / rows : index
                values[target] = value
            }
        }
        return NumpyMatrix(rows: rows, columns: columns, values: values)
    }

    /// Version 1.0, `<f8`, C order.
    func encoded() -> [UInt8] {
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (\(rows), \(columns)), }"
        // Magic (6) + version (2) + length (2) + header + newline, padded to a multiple of 64.
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes = Self.magic + [1, 0, UInt8(header.utf8.count & 0xFF), UInt8(header.utf8.count >> 8)]
        bytes += Array(header.utf8)
        bytes.reserveCapacity(bytes.count + values.count * 8)
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
        }
        return bytes
    }

    private static func field(_ name: String, in header: String) throws -> String {
        guard let key = header.range(of: "'\(name)':") else { throw FormatError(description: ".npy header has no \(name)") }
        let rest = header[key.upperBound...].trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("(") {
            guard let close = rest.firstIndex(of: ")") else { throw FormatError(description: "malformed shape in .npy header") }
            return String(rest[...close])
        }
        return String(rest.prefix { $0 != "," && $0 != "}" }).trimmingCharacters(in: .whitespaces)
    }
}
