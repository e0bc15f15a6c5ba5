/// Scaled dot-product self-attention of one sequence, all heads: softmax(QKᵀ/√d)·V per head.
/// Each head's keys are first copied transposed, so a query's scores against every key come out
/// eight keys at a time instead of one horizontal sum per key. Both products keep four
/// independent accumulators in registers: with one, every multiply-add would wait for the last.
public enum SelfAttention {
    /// Floats of scratch `apply` needs for a sequence of `length` tokens.
    public static func scratchSize(length: Int, hidden: Int, heads: Int) -> Int {
        let padded = (length + 7) / 8 * 8
        return padded + (hidden / heads) * padded
    }

    /// `queryKeyValue` holds `length` rows of [Q | K | V], each `hidden` wide; the context of each
    /// row is written, head by head, into `output` rows `hidden` wide.
    public static func apply(queryKeyValue qkv: UnsafePointer<Float>, length: Int, heads: Int, hidden: Int,
                             scratch: UnsafeMutablePointer<Float>, into output: UnsafeMutablePointer<Float>) {
        let size = hidden / heads, stride = 3 * hidden
        let padded = (length + 7) / 8 * 8
        let scores = scratch, keysByDimension = scratch + padded
        let scale = 1 / Float(size).squareRoot()
        for head in 0..<heads {
            let queries = qkv + head * size
            let keys = queries + hidden, values = queries + 2 * hidden
            for j in 0..<length {
                for d in 0..<size { keysByDimension[d * padded + j] = keys[j * stride + d] * scale }
            }
            for j in length..<padded {
                for d in 0..<size { keysByDimension[d * padded + j] = 0 }
            }
            for i in 0..<length {
                // Scores against every key (padding to 8 keys included), then the weighted values.
                combineRows(queries + i * stride, count: size, rows: keysByDimension, rowStride: padded, width: padded, into: scores)
                VectorMath.softmax(scores, count: length)
                combineRows(scores, count: length, rows: values, rowStride: stride, width: size, into: output + i * hidden + head * size)
            }
        }
    }

    /// `out[0..<width] = Σₖ coefficients[k] · rows[k]` where row k starts at `rows + k * rowStride`:
    /// 32 lanes at a time in four independent accumulators held in registers, then 8, then one.
    /// Scores are this with the query as coefficients over the transposed keys; a context is this
    /// with the softmax weights as coefficients over the values.
    @inline(__always)
    private static func combineRows(_ coefficients: UnsafePointer<Float>, count: Int, rows: UnsafePointer<Float>, rowStride: Int,
                                    width: Int, into out: UnsafeMutablePointer<Float>) {
        var start = 0
        while start + 32 <= width {
            var a0 = Vector(repeating: 0), a1 = a0, a2 = a0, a3 = a0
            for k in 0..<count {
                let c = Vector(repeating: coefficients[k]), row = rows + k * rowStride + start
                a0 = Vector.fma(c, Vector.load(row), a0)
                a1 = Vector.fma(c, Vector.load(row + 8), a1)
                a2 = Vector.fma(c, Vector.load(row + 16), a2)
                a3 = Vector.fma(c, Vector.load(row + 24), a3)
            }
            Vector.store(a0, out + start); Vector.store(a1, out + start + 8)
            Vector.store(a2, out + start + 16); Vector.store(a3, out + start + 24)
            start += 32
        }
        while start + 8 <= width {
            var sum = Vector(repeating: 0)
            for k in 0..<count { sum = Vector.fma(Vector(repeating: coefficients[k]), Vector.load(rows + k * rowStride + start), sum) }
            Vector.store(sum, out + start)
            start += 8
        }
        while start < width {
            var sum: Float = 0
            for k in 0..<count { sum += coefficients[k] * rows[k * rowStride + start] }
            out[start] = sum
            start += 1
        }
    }
}
