/// Scaled dot-product self-attention of one sequence, all heads: softmax(QKᵀ/√d)·V per head.
/// Each head's keys are first copied transposed, so a query's scores against every key come out
/// eight keys at a time instead of one horizontal sum per key.
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
                let query = queries + i * stride
                var block = 0
                while block < padded {
                    var sum = Vector(repeating: 0)
                    for d in 0..<size {
                        sum = Vector.fma(Vector(repeating: query[d]), Vector.load(keysByDimension + d * padded + block), sum)
                    }
                    Vector.store(sum, scores + block)
                    block += 8
                }
                VectorMath.softmax(scores, count: length)
                let context = output + i * hidden + head * size
                for index in 0..<size { context[index] = 0 }
                for j in 0..<length {
                    let weight = Vector(repeating: scores[j]), value = values + j * stride
                    var index = 0
                    while index + 8 <= size {
                        Vector.store(Vector.fma(weight, Vector.load(value + index), Vector.load(context + index)), context + index)
                        index += 8
                    }
                    while index < size {
                        context[index] += scores[j] * value[index]
                        index += 1
                    }
                }
            }
        }
    }
}
