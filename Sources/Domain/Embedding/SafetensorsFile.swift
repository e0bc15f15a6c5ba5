import Foundation

/// A `.safetensors` file: an 8-byte little-endian header length, a JSON header naming each tensor's
/// dtype, shape and byte range, then the raw little-endian data. The file is memory-mapped, so
/// opening costs no reading; only the tensors asked for are touched.
public struct SafetensorsFile: Sendable {
    public struct Tensor: Sendable {
        public let dtype: String
        public let shape: [Int]
        let range: Range<Int>
    }

    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    public let tensors: [String: Tensor]
    private let data: Data
    private let dataStart: Int

    public init(contentsOf url: URL) throws {
        try self.init(data: try Data(contentsOf: url, options: .alwaysMapped))
    }

    public init(data: Data) throws {
        guard data.count >= 8 else { throw FormatError(description: "too short to be a safetensors file") }
        let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(data.count - 8), headerLength < 100_000_000 else {
            throw FormatError(description: "the header length \(headerLength) does not fit the file")
        }
        let headerEnd = 8 + Int(headerLength)
        guard let header = try? JSONSerialization.jsonObject(with: data.subdata(in: 8..<headerEnd)) as? [String: Any] else {
            throw FormatError(description: "the header is not a JSON object")
        }
        var tensors: [String: Tensor] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                  let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2,
                  offsets[0] >= 0, offsets[0] <= offsets[1], headerEnd + offsets[1] <= data.count else {
                throw FormatError(description: "tensor \(name) has a malformed entry")
            }
            tensors[name] = Tensor(dtype: dtype, shape: shape, range: offsets[0]..<offsets[1])
        }
        self.tensors = tensors
        self.data = data
        dataStart = headerEnd
    }

    /// A float32 tensor's values, checked against the shape the caller expects.
    public func floats(_ name: String, shape expected: [Int]) throws -> [Float] {
        guard let tensor = tensors[name] else { throw FormatError(description: "tensor \(name) is missing") }
        guard tensor.dtype == "F32" else { throw FormatError(description: "tensor \(name) is \(tensor.dtype), expected F32") }
        guard tensor.shape == expected else {
            throw FormatError(description: "tensor \(name) has shape \(tensor.shape), expected \(expected)")
        }
        let count = expected.reduce(1, *)
        guard tensor.range.count == count * 4 else { throw FormatError(description: "tensor \(name) has the wrong byte size") }
        let start = dataStart + tensor.range.lowerBound
        return data.withUnsafeBytes { raw in
            [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                // The file is little-endian, like every machine we run on; a copy is all it takes.
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + count * 4)]))
                #if _endian(big)
                for index in 0..<count { buffer[index] = Float(bitPattern: UInt32(littleEndian: buffer[index].bitPattern)) }
                #endif
                initialized = count
            }
        }
    }
}
