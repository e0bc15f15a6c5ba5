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
                score(query: queries + i * stride, keysByDimension: keysByDimension, size: size, padded: padded, into: scores)
                VectorMath.softmax(scores, count: length)
                combine(values, stride: stride, weights: scores, length: length, size: size, into: output + i * hidden + head * size)
            }
        }
    }

    /// `scores[0..<padded] = query · keys`, 32 keys per pass where it can, then 8.
    @inline(__always)
    private static func score(query: UnsafePointer<Float>, keysByDimension keys: UnsafePointer<Float>, size: Int, padded: Int,
                              into scores: UnsafeMutablePointer<Float>) {
        var block = 0
        while block + 32 <= padded {
            var s0 = Vector(repeating: 0), s1 = s0, s2 = s0, s3 = s0
            for d in 0..<size {
                let q = Vector(repeating: query[d]), row = keys + d * padded + block
                s0 = Vector.fma(q, Vector.load(row), s0)
                s1 = Vector.fma(q, Vector.load(row + 8), s1)
                s2 = Vector.fma(q, Vector.load(row + 16), s2)
                s3 = Vector.fma(q, Vector.load(row + 24), s3)
            }
            Vector.store(s0, scores + block); Vector.store(s1, scores + block + 8)
            Vector.store(s2, scores + block + 16); Vector.store(s3, scores + block + 24)
            block += 32
        }
        while block < padded {
            var sum = Vector(repeating: 0)
            for d in 0..<size { sum = Vector.fma(Vector(repeating: query[d]), Vector.load(keys + d * padded + block), sum) }
            Vector.store(sum, scores + block)
            block += 8
        }
    }

    /// `context[0..<size] = Σⱼ weights[j] · values[j]`, the context held in registers 32 lanes at a time.
    @inline(__always)
    private static func combine(_ values: UnsafePointer<Float>, stride: Int, weights: UnsafePointer<Float>, length: Int, size: Int,
                                into context: UnsafeMutablePointer<Float>) {
        var start = 0
        while start + 32 <= size {
            var c0 = Vector(repeating: 0), c1 = c0, c2 = c0, c3 = c0
            for j in 0..<length {
                let w = Vector(repeating: weights[j]), value = values + j * stride + start
                c0 = Vector.fma(w, Vector.load(value), c0)
                c1 = Vector.fma(w, Vector.load(value + 8), c1)
                c2 = Vector.fma(w, Vector.load(value + 16), c2)
                c3 = Vector.fma(w, Vector.load(value + 24), c3)
            }
            Vector.store(c0, context + start); Vector.store(c1, context + start + 8)
            Vector.store(c2, context + start + 16); Vector.store(c3, context + start + 24)
            start += 32
        }
        while start < size {
            var sum: Float = 0
            for j in 0..<length { sum += weights[j] * values[j * stride + start] }
            context[start] = sum
            start += 1
        }
    }
}
