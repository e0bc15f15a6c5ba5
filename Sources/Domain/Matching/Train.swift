import Foundation

/// A (mentee, mentor) pair from an earlier semester with its features and whether it went well.
public struct LabeledPair: Sendable, Hashable, Codable {
    public var features: [Double]
    public var label: Int

    public init(features: [Double], label: Int) {
        self.features = features
        self.label = label
    }
}

/// What training learned and how well it predicts pairs it did not see.
public struct TrainingReport: Sendable, Hashable, Codable {
    public var examples: Int
    public var heldOut: Int
    /// Mean log-loss and ROC AUC on the held-out fifth; nil when there are too few examples.
    public var heldOutLogLoss: Double?
    public var heldOutAUC: Double?
    public var model: CompatibilityModel

    public init(examples: Int, heldOut: Int, heldOutLogLoss: Double?, heldOutAUC: Double?, model: CompatibilityModel) {
        self.examples = examples
        self.heldOut = heldOut
        self.heldOutLogLoss = heldOutLogLoss
        self.heldOutAUC = heldOutAUC
        self.model = model
    }
}

/// Step 3: fit the compatibility model on the organization's labeled pairs. The fit is a
/// maximum-a-posteriori logistic regression whose Gaussian prior is centred on the documented
/// prior weights: with few examples it stays near them instead of overfitting, with many the data
/// decide. Newton's method on eight parameters converges in a handful of steps.
public enum Train {
    /// How strongly the fit is pulled toward the prior (an L2 penalty on the distance to it).
    public static let priorStrength = 2.0

    public static func run(_ examples: [LabeledPair], prior: CompatibilityModel = .prior,
                           isCancelled: () -> Bool = { false }) throws -> TrainingReport {
        if isCancelled() { throw MatchingCancelled() }
        guard !examples.isEmpty else {
            return TrainingReport(examples: 0, heldOut: 0, heldOutLogLoss: nil, heldOutAUC: nil, model: prior)
        }
        // Every fifth example is held out to measure the fit, then the final model uses them all.
        let heldOut = examples.enumerated().filter { $0.offset % 5 == 4 }.map(\.element)
        let training = examples.enumerated().filter { $0.offset % 5 != 4 }.map(\.element)
        var logLoss: Double?
        var auc: Double?
        if heldOut.count >= 5 && Set(heldOut.map(\.label)).count == 2 {
            let probe = fit(training, prior: prior)
            let predictions = heldOut.map { probe.score($0.features) }
            logLoss = zip(predictions, heldOut).map { p, example in
                let clipped = min(max(p, 1e-12), 1 - 1e-12)
                return example.label == 1 ? -log(clipped) : -log(1 - clipped)
            }.reduce(0, +) / Double(heldOut.count)
            auc = areaUnderCurve(predictions, heldOut.map(\.label))
        }
        if isCancelled() { throw MatchingCancelled() }
        var model = fit(examples, prior: prior)
        model.name = "logistic-trained-v1 (\(examples.count) pairs)"
        return TrainingReport(examples: examples.count, heldOut: heldOut.count, heldOutLogLoss: logLoss,
                              heldOutAUC: auc, model: model)
    }

    static func fit(_ examples: [LabeledPair], prior: CompatibilityModel) -> CompatibilityModel {
        let count = prior.weights.count + 1
        let start = [prior.bias] + prior.weights
        var theta = start
        for _ in 0..<50 {
            var gradient = [Double](repeating: 0, count: count)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
            for example in examples {
                let x = [1.0] + example.features
                var z = 0.0
                for k in 0..<count { z += theta[k] * x[k] }
                let p = 1 / (1 + exp(-z))
                let weight = p * (1 - p)
                for i in 0..<count {
                    gradient[i] += (p - Double(example.label)) * x[i]
                    for j in 0..<count { hessian[i][j] += weight * x[i] * x[j] }
                }
            }
            for i in 0..<count {
                gradient[i] += priorStrength * (theta[i] - start[i])
                hessian[i][i] += priorStrength
            }
            guard let step = solve(hessian, gradient) else { break }
            for i in 0..<count { theta[i] -= step[i] }
            if step.map(abs).max() ?? 0 < 1e-10 { break }
        }
        return CompatibilityModel(name: prior.name, bias: theta[0], weights: Array(theta[1...]))
    }

    /// Gaussian elimination with partial pivoting; nil for a singular system.
    static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
        var a = matrix, b = vector
        let n = b.count
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                  abs(a[pivot][column]) > 1e-12 else { return nil }
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = a[row][column] / a[column][column]
                for k in column..<n { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<n { sum -= a[row][k] * x[k] }
            x[row] = sum / a[row][row]
        }
        return x
    }

    /// The probability that a random positive scores above a random negative (ties count half).
    static func areaUnderCurve(_ scores: [Double], _ labels: [Int]) -> Double? {
        let positives = zip(scores, labels).filter { $0.1 == 1 }.map(\.0)
        let negatives = zip(scores, labels).filter { $0.1 == 0 }.map(\.0)
        guard !positives.isEmpty, !negatives.isEmpty else { return nil }
        var wins = 0.0
        for p in positives {
            for n in negatives { wins += p > n ? 1 : (p == n ? 0.5 : 0) }
        }
        return wins / Double(positives.count * negatives.count)
    }
}
