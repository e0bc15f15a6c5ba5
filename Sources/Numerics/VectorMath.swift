/// The element-wise functions a transformer needs, eight lanes at a time. Calling `expf`/`erff`
/// per element would cost more than the matrix products around them.
public enum VectorMath {
    /// e^x to about 2 ulp for x in [-87, 88]; below, 0. Rounding and the float-to-integer step
    /// use the 1.5·2²³ trick: adding it leaves the rounded integer in the low mantissa bits, which
    /// keeps everything in vector registers (the generic SIMD conversions go lane by lane).
    @inlinable @inline(__always)
    public static func exp(_ x: Vector) -> Vector {
        let low = Vector(repeating: -87.3), high = Vector(repeating: 88.7)
        let clamped = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
        let magic = Vector(repeating: 12_582_912)
        // e^x = 2^n · e^r with n = round(x / ln 2) and |r| ≤ ln 2 / 2.
        let shifted = Vector.fma(clamped, Vector(repeating: 1.442_695_04), magic)
        let n = shifted - magic
        let r = clamped - n * 0.693_145_75 - n * 1.428_606_8e-6
        var p = Vector(repeating: 1.987_569_15e-4)
        p = Vector.fma(p, r, Vector(repeating: 1.398_199_95e-3))
        p = Vector.fma(p, r, Vector(repeating: 8.333_451_9e-3))
        p = Vector.fma(p, r, Vector(repeating: 4.166_579_6e-2))
        p = Vector.fma(p, r, Vector(repeating: 1.666_666_55e-1))
        p = Vector.fma(p, r, Vector(repeating: 5.000_000_1e-1))
        p = Vector.fma(p, r * r, r) + 1
        let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let scale = unsafeBitCast((integer &+ 127) &<< 23, to: Vector.self)
        return p * scale
    }

    /// erf(x) with absolute error below 1.2e-7 (Numerical Recipes' erfc Chebyshev fit).
    @inlinable @inline(__always)
    public static func erf(_ x: Vector) -> Vector {
        let z = x.replacing(with: -x, where: x .< 0)
        let t = 1 / (1 + 0.5 * z)
        var p = Vector(repeating: 0.170_872_77)
        p = Vector.fma(p, t, Vector(repeating: -0.822_152_23))
        p = Vector.fma(p, t, Vector(repeating: 1.488_515_87))
        p = Vector.fma(p, t, Vector(repeating: -1.135_203_98))
        p = Vector.fma(p, t, Vector(repeating: 0.278_868_07))
        p = Vector.fma(p, t, Vector(repeating: -0.186_288_06))
        p = Vector.fma(p, t, Vector(repeating: 0.096_784_18))
        p = Vector.fma(p, t, Vector(repeating: 0.374_091_96))
        p = Vector.fma(p, t, Vector(repeating: 1.000_023_68))
        p = Vector.fma(p, t, Vector(repeating: -1.265_512_23))
        let complement = t * exp(-z * z + p)
        let magnitude = 1 - complement
        return magnitude.replacing(with: -magnitude, where: x .< 0)
    }

    /// The exact GELU BERT uses, x·Φ(x) = x/2·(1 + erf(x/√2)), in place.
    public static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        var index = 0
        while index + 8 <= count {
            let x = Vector.load(values + index)
            Vector.store(Vector(repeating: 0.5) * x * (erf(x * 0.707_106_78) + 1), values + index)
            index += 8
        }
        while index < count {
            var lane = Vector(repeating: 0)
            lane[0] = values[index]
            values[index] = (Vector(repeating: 0.5) * lane * (erf(lane * 0.707_106_78) + 1))[0]
            index += 1
        }
    }

    /// Softmax of one row in place, shifted by its maximum so large scores cannot overflow.
    public static func softmax(_ values: UnsafeMutablePointer<Float>, count: Int) {
        var maximum = -Float.infinity
        for index in 0..<count { maximum = max(maximum, values[index]) }
        var total: Float = 0
        var index = 0
        while index + 8 <= count {
            let e = exp(Vector.load(values + index) - maximum)
            Vector.store(e, values + index)
            total += e.sum()
            index += 8
        }
        while index < count {
            var lane = Vector(repeating: -Float.infinity)
            lane[0] = values[index] - maximum
            values[index] = exp(lane)[0]
            total += values[index]
            index += 1
        }
        let scale = 1 / total
        for index in 0..<count { values[index] *= scale }
    }

    /// LayerNorm of each row of `rows × width`, in place: zero mean, unit variance, then γ and β.
    public static func layerNorm(_ values: UnsafeMutablePointer<Float>, rows: Int, width: Int,
                                 gamma: [Float], beta: [Float], epsilon: Float) {
        for row in 0..<rows {
            let x = values + row * width
            var sum: Float = 0
            for index in 0..<width { sum += x[index] }
            let mean = sum / Float(width)
            var squares: Float = 0
            for index in 0..<width {
                let centred = x[index] - mean
                squares += centred * centred
            }
            let inverse = 1 / (squares / Float(width) + epsilon).squareRoot()
            for index in 0..<width { x[index] = (x[index] - mean) * inverse * gamma[index] + beta[index] }
        }
    }

    /// `target += addend`, element by element (the residual connections).
    public static func add(_ addend: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        var index = 0
        while index + 8 <= count {
            Vector.store(Vector.load(target + index) + Vector.load(addend + index), target + index)
            index += 8
        }
        while index < count {
            target[index] += addend[index]
            index += 1
        }
    }

    /// Dot product of two float arrays of equal length.
    @inlinable @inline(__always)
    public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var accumulator = Vector(repeating: 0)
        var index = 0
        while index + 8 <= count {
            accumulator = Vector.fma(Vector.load(a + index), Vector.load(b + index), accumulator)
            index += 8
        }
        var total = accumulator.sum()
        while index < count {
            total += a[index] * b[index]
            index += 1
        }
        return total
    }
}
