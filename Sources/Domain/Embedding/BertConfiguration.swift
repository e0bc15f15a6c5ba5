import Foundation

/// The shape of a BERT encoder, read from the model's `config.json`. Only what the forward pass
/// needs is kept; a model whose activation or embedding type we do not implement is refused.
public struct BertConfiguration: Sendable, Equatable {
    public var hiddenSize = 384
    public var layers = 6
    public var heads = 12
    public var intermediateSize = 1536
    public var vocabularySize = 30522
    public var maxPositions = 512
    public var typeVocabularySize = 2
    public var layerNormEpsilon: Float = 1e-12

    public var headSize: Int { hiddenSize / heads }

    public init() {}

    public init(json: Data) throws {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw SafetensorsFile.FormatError(description: "config.json is not a JSON object")
        }
        func integer(_ key: String) throws -> Int {
            guard let value = object[key] as? Int, value > 0 else {
                throw SafetensorsFile.FormatError(description: "config.json has no positive \(key)")
            }
            return value
        }
        hiddenSize = try integer("hidden_size")
        layers = try integer("num_hidden_layers")
        heads = try integer("num_attention_heads")
        intermediateSize = try integer("intermediate_size")
        vocabularySize = try integer("vocab_size")
        maxPositions = try integer("max_position_embeddings")
        typeVocabularySize = try integer("type_vocab_size")
        if let epsilon = object["layer_norm_eps"] as? Double { layerNormEpsilon = Float(epsilon) }
        if let activation = object["hidden_act"] as? String, activation != "gelu" {
            throw SafetensorsFile.FormatError(description: "config.json asks for the \(activation) activation; only gelu is implemented")
        }
        if let positions = object["position_embedding_type"] as? String, positions != "absolute" {
            throw SafetensorsFile.FormatError(description: "config.json asks for \(positions) positions; only absolute is implemented")
        }
        guard hiddenSize % heads == 0, hiddenSize % 16 == 0, intermediateSize % 16 == 0 else {
            throw SafetensorsFile.FormatError(description: "config.json sizes do not divide into heads and 16-wide panels")
        }
    }
}
