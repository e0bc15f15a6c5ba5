import Testing
@testable import Domain

@Suite("Similarity matrix kernel")
struct SimilarityMatrixTests {
    @Test("equals plain dot products for every shape, including partial blocks and odd dimensions",
          arguments: [(1, 1, 1), (3, 5, 7), (4, 4, 8), (9, 6, 384), (17, 2, 13), (5, 0, 4)])
    func matchesNaive(rows: Int, columns: Int, dimension: Int) {
        var generator = CSVFuzzTests.SplitMix64(state: UInt64(rows * 1000 + columns * 10 + dimension))
        let left = (0..<(rows * dimension)).map { _ in Float.random(in: -1...1, using: &generator) }
        let right = (0..<(columns * dimension)).map { _ in Float.random(in: -1...1, using: &generator) }
        let result = SimilarityMatrix.dotProducts(left: left, right: right, dimension: dimension)
        #expect(result.count == rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                var expected: Float = 0
                for k in 0..<dimension { expected += left[i * dimension + k] * right[j * dimension + k] }
                #expect(abs(result[i * columns + j] - Double(expected)) < 1e-4, "(\(i), \(j))")
            }
        }
    }

    @Test("the transform is applied to each product")
    func transform() {
        let result = SimilarityMatrix.dotProducts(left: [1, 0], right: [1, 0, 0, 1, -1, 0], dimension: 2, transform: .halfShifted)
        #expect(result == [1, 0.5, 0])
    }
}
