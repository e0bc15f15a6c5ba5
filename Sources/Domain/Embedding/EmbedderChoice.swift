/// Which embedder a matching job uses. `automatic` picks the semantic model when it is installed
/// and falls back to the built-in lexical one, so a fresh install still matches.
public enum EmbedderChoice: String, Sendable, CaseIterable, Codable {
    case automatic = "auto"
    case builtin
    case minilm
}
