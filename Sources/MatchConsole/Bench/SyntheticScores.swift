import Dispatch
import Domain
import Foundation

/// Score matrices for `bench assign`. Uniform: independent scores in 0…1. Clustered: (cos+1)/2
/// between random 384-dimensional unit vectors drawn around 16 topic centres whose popularity is
/// skewed, the way real interests bunch together.
struct SyntheticScores {
    static let dimension = 384
    static let topics = 16

    private var state: UInt64

    init(seed: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    }

    private mutating func nextUniform() -> Double {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Double(state >> 11) / Double(1 << 53)
    }

    private mutating func nextGaussian() -> Double {
        let u = max(nextUniform(), 1e-300), v = nextUniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    mutating func uniform(mentees: Int, mentors: Int) -> [Double] {
        (0..<(mentees * mentors)).map { _ in nextUniform() }
    }

    /// Unit vectors for the mentees and the mentors, drawn around shared topic centres.
    mutating func clusteredVectors(mentees: Int, mentors: Int) -> ([Float], [Float]) {
        let centres = (0..<Self.topics).map { _ in normalized((0..<Self.dimension).map { _ in Float(nextGaussian()) }) }
        // Topic k is chosen with weight 1/(k+1): a few popular topics, a long tail.
        let weights = (0..<Self.topics).map { 1 / Double($0 + 1) }
        let totalWeight = weights.reduce(0, +)
        func vectors(_ count: Int) -> [Float] {
            var result: [Float] = []
            result.reserveCapacity(count * Self.dimension)
            for _ in 0..<count {
                var pick = nextUniform() * totalWeight, topic = 0
                while topic < Self.topics - 1 && pick > weights[topic] { pick -= weights[topic]; topic += 1 }
                let noisy = (0..<Self.dimension).map { centres[topic][$0] + Float(nextGaussian()) * 0.06 }
                result += normalized(noisy)
            }
            return result
        }
        return (vectors(mentees), vectors(mentors))
    }

    /// (cos+1)/2 for every mentee × mentor pair (the vectors are unit length).
    static func cosineScores(_ a: [Float], _ b: [Float], mentees: Int, mentors: Int) -> [Double] {
        SimilarityMatrix.dotProducts(left: a, right: b, dimension: dimension, transform: .halfShifted)
    }

    private func normalized(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return vector.map { $0 / max(norm, 1e-12) }
    }
}
