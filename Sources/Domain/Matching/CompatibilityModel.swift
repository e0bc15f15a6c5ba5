import Foundation

/// Logistic regression over `PairFeature`s: compatibility = σ(bias + Σ weight × feature).
public struct CompatibilityModel: Sendable, Hashable, Codable {
    public var name: String
    public var bias: Double
    /// In `PairFeature.allCases` order.
    public var weights: [Double]

    /// The weights used before any feedback exists, and the point training shrinks toward. They
    /// encode what programs report matters: similar interests and goals most, then concrete shared
    /// interests and availability, a shared language and field, a more senior mentor, and nearby
    /// time zones. An average pair scores about 0.3, a strong one above 0.8.
    public static let prior = CompatibilityModel(
        name: "logistic-prior-v1", bias: -2.5,
        weights: [4.0, 2.0, 0.8, 0.6, 1.2, 0.7, -1.0])

    public init(name: String, bias: Double, weights: [Double]) {
        precondition(weights.count == PairFeature.allCases.count)
        self.name = name
        self.bias = bias
        self.weights = weights
    }

    public func logit(_ features: [Double]) -> Double {
        var sum = bias
        for index in weights.indices { sum += weights[index] * features[index] }
        return sum
    }

    public func score(_ features: [Double]) -> Double {
        1 / (1 + exp(-logit(features)))
    }

    public func weight(_ feature: PairFeature) -> Double {
        weights[PairFeature.allCases.firstIndex(of: feature)!]
    }
}
