import Dispatch

/// All dot products between two sets of equal-length vectors (rows of `left` × rows of `right`),
/// e.g. mentee and mentor embeddings. A register-blocked kernel: each step loads four left and
/// three right vectors and updates twelve SIMD accumulators (all of them fit in the sixteen vector
/// registers, so nothing spills); right-hand rows are taken a cache-sized tile at a time; left
/// rows are shared out across the cores.
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
        // Vectors padded to a multiple of 8 floats, so the kernel needs no tail handling.
        let padded = (dimension + 7) / 8 * 8
        let a = pad(left, count: rows, dimension: dimension, to: padded)
        let b = pad(right, count: columns, dimension: dimension, to: padded)
        let blocks = (rows + 3) / 4
        let chunks = min(blocks, 16)
        let tile = max(3, 128 * 1024 / (padded * 4) / 3 * 3)
        result.withUnsafeMutableBufferPointer { output in
            let output = ParallelOutput(output)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let firstBlock = blocks * chunk / chunks, endBlock = blocks * (chunk + 1) / chunks
                a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        var column = 0
                        while column < columns {
                            let columnEnd = min(columns, column + tile)
                            for block in firstBlock..<endBlock {
                                kernel(block * 4, min(4, rows - block * 4), column..<columnEnd, a, b, columns, padded / 8,
                                       output.buffer, transform)
                            }
                            column = columnEnd
                        }
                    }
                }
            }
        }
        return result
    }

    private static func pad(_ vectors: [Float], count: Int, dimension: Int, to padded: Int) -> [SIMD8<Float>] {
        var result = [SIMD8<Float>](repeating: .zero, count: count * padded / 8)
        result.withUnsafeMutableBufferPointer { raw in
            raw.withMemoryRebound(to: Float.self) { floats in
                for vector in 0..<count {
                    for k in 0..<dimension { floats[vector * padded + k] = vectors[vector * dimension + k] }
                }
            }
        }
        return result
    }

    /// Up to four left rows against the right rows in `range`, three right rows at a time.
    @inline(__always)
    private static func kernel(_ first: Int, _ count: Int, _ range: Range<Int>, _ a: UnsafeBufferPointer<SIMD8<Float>>,
                               _ b: UnsafeBufferPointer<SIMD8<Float>>, _ columns: Int, _ steps: Int,
                               _ output: UnsafeMutableBufferPointer<Double>, _ transform: Transform) {
        // Missing rows of a last partial block repeat the first row; their results are not stored.
        let r0 = first * steps, r1 = (first + min(1, count - 1)) * steps
        let r2 = (first + min(2, count - 1)) * steps, r3 = (first + min(3, count - 1)) * steps
        var column = range.lowerBound
        while column < range.upperBound {
            let width = min(3, range.upperBound - column)
            let c0 = column * steps, c1 = (column + min(1, width - 1)) * steps, c2 = (column + min(2, width - 1)) * steps
            var s00 = SIMD8<Float>(), s01 = SIMD8<Float>(), s02 = SIMD8<Float>()
            var s10 = SIMD8<Float>(), s11 = SIMD8<Float>(), s12 = SIMD8<Float>()
            var s20 = SIMD8<Float>(), s21 = SIMD8<Float>(), s22 = SIMD8<Float>()
            var s30 = SIMD8<Float>(), s31 = SIMD8<Float>(), s32 = SIMD8<Float>()
            for k in 0..<steps {
                let b0 = b[c0 + k], b1 = b[c1 + k], b2 = b[c2 + k]
                let a0 = a[r0 + k]
                s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2
                let a1 = a[r1 + k]
                s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2
                let a2 = a[r2 + k]
                s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2
                let a3 = a[r3 + k]
                s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2
            }
            func store(_ i: Int, _ j: Int, _ sum: SIMD8<Float>) {
                if i < count && j < width { output[(first + i) * columns + column + j] = transform.apply(sum.sum()) }
            }
            store(0, 0, s00); store(0, 1, s01); store(0, 2, s02)
            store(1, 0, s10); store(1, 1, s11); store(1, 2, s12)
            store(2, 0, s20); store(2, 1, s21); store(2, 2, s22)
            store(3, 0, s30); store(3, 1, s31); store(3, 2, s32)
            column += 3
        }
    }
}
