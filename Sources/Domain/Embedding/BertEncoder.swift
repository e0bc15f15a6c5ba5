import Foundation
import Numerics

/// A BERT encoder's forward pass with mean pooling and L2 normalisation, as sentence-transformers
/// runs all-MiniLM-L6-v2. Sequences of a batch are packed one after another instead of padded to
/// the longest: the dense layers see every real token once and no padding, and attention runs per
/// sequence, which is exactly what the padding mask would allow.
public struct BertEncoder: Sendable {
    struct Layer: Sendable {
        let queryKeyValue: PackedLinear
        let attentionOutput: PackedLinear
        let attentionNorm: (gamma: [Float], beta: [Float])
        let intermediate: PackedLinear
        let output: PackedLinear
        let outputNorm: (gamma: [Float], beta: [Float])
    }

    public let configuration: BertConfiguration
    private let wordEmbeddings: [Float]
    private let positionEmbeddings: [Float]
    private let typeEmbedding: [Float]
    private let embeddingNorm: (gamma: [Float], beta: [Float])
    private let layers: [Layer]

    public init(weights: SafetensorsFile, configuration: BertConfiguration) throws {
        let hidden = configuration.hiddenSize, inner = configuration.intermediateSize
        func tensor(_ name: String, _ shape: [Int]) throws -> [Float] {
            // Checkpoints saved from BertModel have no "bert." prefix; those from a task head do.
            let key = weights.tensors[name] == nil && weights.tensors["bert." + name] != nil ? "bert." + name : name
            return try weights.floats(key, shape: shape)
        }
        func norm(_ prefix: String) throws -> (gamma: [Float], beta: [Float]) {
            (try tensor(prefix + ".weight", [hidden]), try tensor(prefix + ".bias", [hidden]))
        }
        func linear(_ prefix: String, inputs: Int, outputs: Int) throws -> PackedLinear {
            PackedLinear(weight: try tensor(prefix + ".weight", [outputs, inputs]), bias: try tensor(prefix + ".bias", [outputs]),
                         inputs: inputs, outputs: outputs)
        }
        self.configuration = configuration
        wordEmbeddings = try tensor("embeddings.word_embeddings.weight", [configuration.vocabularySize, hidden])
        positionEmbeddings = try tensor("embeddings.position_embeddings.weight", [configuration.maxPositions, hidden])
        typeEmbedding = Array(try tensor("embeddings.token_type_embeddings.weight", [configuration.typeVocabularySize, hidden]).prefix(hidden))
        embeddingNorm = try norm("embeddings.LayerNorm")
        layers = try (0..<configuration.layers).map { index in
            let prefix = "encoder.layer.\(index)."
            // Query, key and value share their input, so one product computes all three.
            var fused: [Float] = [], fusedBias: [Float] = []
            for part in ["query", "key", "value"] {
                fused += try tensor(prefix + "attention.self.\(part).weight", [hidden, hidden])
                fusedBias += try tensor(prefix + "attention.self.\(part).bias", [hidden])
            }
            return Layer(queryKeyValue: PackedLinear(weight: fused, bias: fusedBias, inputs: hidden, outputs: 3 * hidden),
                         attentionOutput: try linear(prefix + "attention.output.dense", inputs: hidden, outputs: hidden),
                         attentionNorm: try norm(prefix + "attention.output.LayerNorm"),
                         intermediate: try linear(prefix + "intermediate.dense", inputs: hidden, outputs: inner),
                         output: try linear(prefix + "output.dense", inputs: inner, outputs: hidden),
                         outputNorm: try norm(prefix + "output.LayerNorm"))
        }
    }

    /// One L2-normalised, mean-pooled vector per sequence of token ids, concatenated.
    public func encode(_ sequences: [[Int32]]) -> [Float] {
        let hidden = configuration.hiddenSize
        let rows = sequences.reduce(0) { $0 + $1.count }
        guard rows > 0 else { return [] }
        var state = [Float](repeating: 0, count: rows * hidden)
        var scratch = [Float](repeating: 0, count: rows * hidden)
        var queryKeyValue = [Float](repeating: 0, count: rows * 3 * hidden)
        var inner = [Float](repeating: 0, count: rows * configuration.intermediateSize)
        let longest = sequences.map(\.count).max() ?? 0
        var scores = [Float](repeating: 0, count: SelfAttention.scratchSize(length: longest, hidden: hidden, heads: configuration.heads))

        embed(sequences, into: &state)
        for layer in layers {
            state.withUnsafeMutableBufferPointer { state in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    let x = state.baseAddress!, y = scratch.baseAddress!
                    queryKeyValue.withUnsafeMutableBufferPointer { qkv in
                        layer.queryKeyValue.apply(x, rows: rows, into: qkv.baseAddress!)
                        scores.withUnsafeMutableBufferPointer { scores in
                            attend(sequences, queryKeyValue: qkv.baseAddress!, scores: scores.baseAddress!, into: y)
                        }
                    }
                    // y holds the attention context; project it, add the residual and normalise into x.
                    inner.withUnsafeMutableBufferPointer { inner in
                        let z = inner.baseAddress!
                        layer.attentionOutput.apply(y, rows: rows, into: z)
                        VectorMath.add(z, into: x, count: rows * hidden)
                        VectorMath.layerNorm(x, rows: rows, width: hidden, gamma: layer.attentionNorm.gamma,
                                             beta: layer.attentionNorm.beta, epsilon: configuration.layerNormEpsilon)
                        layer.intermediate.apply(x, rows: rows, into: z)
                        VectorMath.gelu(z, count: rows * configuration.intermediateSize)
                        layer.output.apply(z, rows: rows, into: y)
                    }
                    VectorMath.add(y, into: x, count: rows * hidden)
                    VectorMath.layerNorm(x, rows: rows, width: hidden, gamma: layer.outputNorm.gamma,
                                         beta: layer.outputNorm.beta, epsilon: configuration.layerNormEpsilon)
                }
            }
        }
        return pool(sequences, state)
    }

    private func embed(_ sequences: [[Int32]], into state: inout [Float]) {
        let hidden = configuration.hiddenSize
        var row = 0
        for sequence in sequences {
            for (position, token) in sequence.enumerated() {
                let word = Int(token) * hidden, place = position * hidden
                for index in 0..<hidden {
                    state[row * hidden + index] = wordEmbeddings[word + index] + positionEmbeddings[place + index] + typeEmbedding[index]
                }
                row += 1
            }
        }
        state.withUnsafeMutableBufferPointer {
            VectorMath.layerNorm($0.baseAddress!, rows: row, width: hidden, gamma: embeddingNorm.gamma,
                                 beta: embeddingNorm.beta, epsilon: configuration.layerNormEpsilon)
        }
    }

    private func attend(_ sequences: [[Int32]], queryKeyValue qkv: UnsafePointer<Float>, scores: UnsafeMutablePointer<Float>,
                        into output: UnsafeMutablePointer<Float>) {
        let hidden = configuration.hiddenSize
        var first = 0
        for sequence in sequences {
            SelfAttention.apply(queryKeyValue: qkv + first * 3 * hidden, length: sequence.count, heads: configuration.heads,
                                hidden: hidden, scratch: scores, into: output + first * hidden)
            first += sequence.count
        }
    }

    private func pool(_ sequences: [[Int32]], _ state: [Float]) -> [Float] {
        let hidden = configuration.hiddenSize
        var vectors = [Float](repeating: 0, count: sequences.count * hidden)
        var row = 0
        for (index, sequence) in sequences.enumerated() {
            let base = index * hidden
            for _ in sequence {
                for column in 0..<hidden { vectors[base + column] += state[row * hidden + column] }
                row += 1
            }
            var norm: Float = 0
            for column in 0..<hidden {
                vectors[base + column] /= Float(sequence.count)
                norm += vectors[base + column] * vectors[base + column]
            }
            // sentence-transformers divides by max(norm, 1e-12).
            let scale = 1 / max(norm.squareRoot(), 1e-12)
            for column in 0..<hidden { vectors[base + column] *= scale }
        }
        return vectors
    }
}
