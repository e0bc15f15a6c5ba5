/// A linear layer `y = x·Wᵀ + b` whose weights are re-laid once, at load, into panels of 16 output
/// columns stored k-major, so the inner loop reads two vectors of weights per input value and
/// keeps a 6×16 block of results in registers (12 of the 16 vector registers).
public struct PackedLinear: Sendable {
    public let inputs: Int
    public let outputs: Int
    static let panelWidth = 16
    static let blockRows = 6
    private let panels: [Float]
    private let bias: [Float]

    /// `weight` is row-major `outputs × inputs`, as PyTorch stores `nn.Linear`.
    public init(weight: [Float], bias: [Float], inputs: Int, outputs: Int) {
        precondition(weight.count == inputs * outputs && bias.count == outputs && outputs % Self.panelWidth == 0,
                     "a linear layer needs outputs × inputs weights, one bias per output, and outputs in multiples of 16")
        self.inputs = inputs
        self.outputs = outputs
        self.bias = bias
        var panels = [Float](repeating: 0, count: weight.count)
        for panel in 0..<(outputs / Self.panelWidth) {
            for k in 0..<inputs {
                for column in 0..<Self.panelWidth {
                    panels[(panel * inputs + k) * Self.panelWidth + column] = weight[(panel * Self.panelWidth + column) * inputs + k]
                }
            }
        }
        self.panels = panels
    }

    /// `output[rows × outputs] = input[rows × inputs]·Wᵀ + b`.
    public func apply(_ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>) {
        panels.withUnsafeBufferPointer { panels in
            bias.withUnsafeBufferPointer { bias in
                for panel in 0..<(outputs / Self.panelWidth) {
                    let weights = panels.baseAddress! + panel * inputs * Self.panelWidth
                    let column = panel * Self.panelWidth
                    let start = (Vector.load(bias.baseAddress! + column), Vector.load(bias.baseAddress! + column + 8))
                    var row = 0
                    while row + Self.blockRows <= rows {
                        Self.block6(input + row * inputs, inputs: inputs, weights: weights, start: start,
                                    output: output + row * outputs + column, stride: outputs)
                        row += Self.blockRows
                    }
                    while row < rows {
                        Self.block1(input + row * inputs, inputs: inputs, weights: weights, start: start,
                                    output: output + row * outputs + column)
                        row += 1
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func block6(_ x: UnsafePointer<Float>, inputs k: Int, weights: UnsafePointer<Float>, start: (Vector, Vector),
                               output: UnsafeMutablePointer<Float>, stride: Int) {
        var a0 = start.0, b0 = start.1, a1 = start.0, b1 = start.1, a2 = start.0, b2 = start.1
        var a3 = start.0, b3 = start.1, a4 = start.0, b4 = start.1, a5 = start.0, b5 = start.1
        let x0 = x, x1 = x + k, x2 = x + 2 * k, x3 = x + 3 * k, x4 = x + 4 * k, x5 = x + 5 * k
        var w = weights
        for i in 0..<k {
            let wa = Vector.load(w), wb = Vector.load(w + 8)
            var v = Vector(repeating: x0[i]); a0 = Vector.fma(v, wa, a0); b0 = Vector.fma(v, wb, b0)
            v = Vector(repeating: x1[i]); a1 = Vector.fma(v, wa, a1); b1 = Vector.fma(v, wb, b1)
            v = Vector(repeating: x2[i]); a2 = Vector.fma(v, wa, a2); b2 = Vector.fma(v, wb, b2)
            v = Vector(repeating: x3[i]); a3 = Vector.fma(v, wa, a3); b3 = Vector.fma(v, wb, b3)
            v = Vector(repeating: x4[i]); a4 = Vector.fma(v, wa, a4); b4 = Vector.fma(v, wb, b4)
            v = Vector(repeating: x5[i]); a5 = Vector.fma(v, wa, a5); b5 = Vector.fma(v, wb, b5)
            w += panelWidth
        }
        Vector.store(a0, output); Vector.store(b0, output + 8)
        Vector.store(a1, output + stride); Vector.store(b1, output + stride + 8)
        Vector.store(a2, output + 2 * stride); Vector.store(b2, output + 2 * stride + 8)
        Vector.store(a3, output + 3 * stride); Vector.store(b3, output + 3 * stride + 8)
        Vector.store(a4, output + 4 * stride); Vector.store(b4, output + 4 * stride + 8)
        Vector.store(a5, output + 5 * stride); Vector.store(b5, output + 5 * stride + 8)
    }

    @inline(__always)
    private static func block1(_ x: UnsafePointer<Float>, inputs k: Int, weights: UnsafePointer<Float>, start: (Vector, Vector),
                               output: UnsafeMutablePointer<Float>) {
        var a = start.0, b = start.1
        var w = weights
        for i in 0..<k {
            let v = Vector(repeating: x[i])
            a = Vector.fma(v, Vector.load(w), a)
            b = Vector.fma(v, Vector.load(w + 8), b)
            w += panelWidth
        }
        Vector.store(a, output)
        Vector.store(b, output + 8)
    }
}
