import Dispatch
import Numerics

/// All dot products between two sets of equal-length vectors (rows of `left` × rows of `right`),
/// e.g. mentee and mentor embeddings. It is the product left·rightᵀ, so it runs on the same packed
/// matrix kernel as the language model's linear layers (broadcast-and-FMA over 6×16 blocks held
/// in registers, built for AVX2 and FMA in release builds) instead of a horizontal sum per pair.
/// Left rows are shared out across the cores a block at a time; each block is computed into a
/// small scratch that stays in cache and is transformed from there into the result.
public enum SimilarityMatrix {
    /// What to store for each dot product.
    public enum Transform: Sendable {
        case identity
        /// (x + 1) / 2: cosine similarity of unit vectors mapped to 0…1.
        case halfShifted
        /// max(0, x).
        case clampedAtZero

        @inline(__always)
        func apply(_ value: Float) -> Double {
            switch self {
            case .identity: return Double(value)
            case .halfShifted: return Double((value + 1) / 2)
            case .clampedAtZero: return Double(max(0, value))
            }
        }
    }

    /// - Returns: row-major `leftCount × rightCount`.
    public static func dotProducts(left: [Float], right: [Float], dimension: Int, transform: Transform = .identity) -> [Double] {
        precondition(dimension > 0 && left.count % dimension == 0 && right.count % dimension == 0)
        let rows = left.count / dimension, columns = right.count / dimension
        var result = [Double](repeating: 0, count: rows * columns)
        guard rows > 0, columns > 0 else { return result }
        // The kernel works on whole panels of 16 columns: zero vectors fill the last one.
        let padded = (columns + 15) / 16 * 16
        let product = PackedLinear(weight: right + [Float](repeating: 0, count: (padded - columns) * dimension),
                                   bias: [Float](repeating: 0, count: padded), inputs: dimension, outputs: padded)
        let blockRows = Self.blockRows
        let blocks = (rows + blockRows - 1) / blockRows
        let chunks = min(blocks, 64)
        result.withUnsafeMutableBufferPointer { output in
            let output = ParallelOutput(output)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var scratch = [Float](repeating: 0, count: blockRows * padded)
                left.withUnsafeBufferPointer { left in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        for block in (blocks * chunk / chunks)..<(blocks * (chunk + 1) / chunks) {
                            let first = block * blockRows, count = min(blockRows, rows - first)
                            product.apply(left.baseAddress! + first * dimension, rows: count, into: scratch.baseAddress!)
                            for row in 0..<count {
                                let target = (first + row) * columns, source = row * padded
                                for column in 0..<columns {
                                    output.buffer[target + column] = transform.apply(scratch[source + column])
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Left rows per block: a multiple of the kernel's six, few enough that the block's results for
    /// a few thousand columns stay in the core's L2 cache until they are transformed.
    static let blockRows = 48
}
