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

    /// Inputs per pass: a 256 × 16 slice of a panel (16 KiB) stays in L1 while a block of rows
    /// streams past it.
    static let depthBlock = 256
    /// Rows per pass: 72 rows × 256 inputs (72 KiB) stay in L2 while every panel visits them.
    static let rowBlock = 72

    /// `output[rows × outputs] = input[rows × inputs]·Wᵀ + b`.
    public func apply(_ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>) {
        panels.withUnsafeBufferPointer { panels in
            bias.withUnsafeBufferPointer { bias in
                for depth in stride(from: 0, to: inputs, by: Self.depthBlock) {
                    let slice = Slice(depth: depth, count: min(Self.depthBlock, inputs - depth), rowStride: inputs,
                                      outputStride: outputs, first: depth == 0)
                    for blockStart in stride(from: 0, to: rows, by: Self.rowBlock) {
                        let blockEnd = min(rows, blockStart + Self.rowBlock)
                        for panel in 0..<(outputs / Self.panelWidth) {
                            let column = panel * Self.panelWidth
                            let weights = panels.baseAddress! + (panel * inputs + depth) * Self.panelWidth
                            let start = bias.baseAddress! + column
                            var row = blockStart
                            while row + Self.blockRows <= blockEnd {
                                Self.block6(input + row * inputs + depth, slice, weights: weights, bias: start,
                                            output: output + row * outputs + column)
                                row += Self.blockRows
                            }
                            while row < blockEnd {
                                Self.block1(input + row * inputs + depth, slice, weights: weights, bias: start,
                                            output: output + row * outputs + column)
                                row += 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// Which inputs a pass covers, and whether it starts the sums (from the bias) or adds to them.
    struct Slice {
        let depth: Int
        let count: Int
        let rowStride: Int
        let outputStride: Int
        let first: Bool
    }

    @inline(__always)
    private static func start(_ slice: Slice, bias: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) -> (Vector, Vector) {
        slice.first ? (Vector.load(bias), Vector.load(bias + 8)) : (Vector.load(output), Vector.load(output + 8))
    }

    @inline(__always)
    private static func block6(_ x: UnsafePointer<Float>, _ slice: Slice, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                               output: UnsafeMutablePointer<Float>) {
        let k = slice.rowStride, o = slice.outputStride
        var (a0, b0) = start(slice, bias: bias, output: output)
        var (a1, b1) = start(slice, bias: bias, output: output + o)
        var (a2, b2) = start(slice, bias: bias, output: output + 2 * o)
        var (a3, b3) = start(slice, bias: bias, output: output + 3 * o)
        var (a4, b4) = start(slice, bias: bias, output: output + 4 * o)
        var (a5, b5) = start(slice, bias: bias, output: output + 5 * o)
        let x0 = x, x1 = x + k, x2 = x + 2 * k, x3 = x + 3 * k, x4 = x + 4 * k, x5 = x + 5 * k
        var w = weights
        for i in 0..<slice.count {
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
        Vector.store(a1, output + o); Vector.store(b1, output + o + 8)
        Vector.store(a2, output + 2 * o); Vector.store(b2, output + 2 * o + 8)
        Vector.store(a3, output + 3 * o); Vector.store(b3, output + 3 * o + 8)
        Vector.store(a4, output + 4 * o); Vector.store(b4, output + 4 * o + 8)
        Vector.store(a5, output + 5 * o); Vector.store(b5, output + 5 * o + 8)
    }

    @inline(__always)
    private static func block1(_ x: UnsafePointer<Float>, _ slice: Slice, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                               output: UnsafeMutablePointer<Float>) {
        var (a, b) = start(slice, bias: bias, output: output)
        var w = weights
        for i in 0..<slice.count {
            let v = Vector(repeating: x[i])
            a = Vector.fma(v, Vector.load(w), a)
            b = Vector.fma(v, Vector.load(w + 8), b)
            w += panelWidth
        }
        Vector.store(a, output)
        Vector.store(b, output + 8)
    }
}
