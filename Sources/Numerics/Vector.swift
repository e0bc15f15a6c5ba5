/// Eight floats: one AVX register in release builds (which target Haswell-class CPUs), two SSE registers in
/// debug builds, which must run on any x86-64 machine.
public typealias Vector = SIMD8<Float>

extension SIMD8 where Scalar == Float {
    @inlinable @inline(__always)
    public static func load(_ pointer: UnsafePointer<Float>) -> Self {
        UnsafeRawPointer(pointer).loadUnaligned(as: Self.self)
    }

    @inlinable @inline(__always)
    public static func store(_ value: Self, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Self.self)
    }

    /// `a·b + c`: one fused instruction where the build targets FMA hardware. Elsewhere a fused
    /// multiply-add would be a library call per lane, so it is a multiply and an add instead.
    @inlinable @inline(__always)
    public static func fma(_ a: Self, _ b: Self, _ c: Self) -> Self {
        #if FUSED_MULTIPLY_ADD
        c.addingProduct(a, b)
        #else
        c + a * b
        #endif
    }

    @inlinable @inline(__always)
    public func sum() -> Float {
        let half = lowHalf + highHalf
        let quarter = half.lowHalf + half.highHalf
        return quarter[0] + quarter[1]
    }
}
