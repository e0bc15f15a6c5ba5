/// A buffer that parallel workers fill, each writing only its own disjoint rows, so no two threads
/// ever touch the same element. The caller keeps the storage alive for the duration.
struct ParallelOutput<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        self.buffer = buffer
    }
}
