/// BERT's uncased WordPiece tokenizer: normalise, split on whitespace and punctuation, then cut
/// each word greedily into the longest pieces the vocabulary knows (`##` marks a continuation).
public struct WordPieceTokenizer: Sendable {
    public enum LoadError: Error, CustomStringConvertible {
        case missingToken(String)
        case empty

        public var description: String {
            switch self {
            case .missingToken(let token): "the vocabulary has no \(token) token"
            case .empty: "the vocabulary is empty"
            }
        }
    }

    /// Words longer than this many characters become one `[UNK]`, as in the reference.
    static let maxCharactersPerWord = 100

    private let ids: [String: Int32]
    public let unknownID: Int32
    public let classifyID: Int32
    public let separatorID: Int32
    public let maxTokens: Int

    /// `vocabulary` is `vocab.txt`: one token per line, its id the line number from 0.
    public init(vocabulary: String, maxTokens: Int = 256) throws {
        var ids: [String: Int32] = [:]
        var index: Int32 = 0
        for line in vocabulary.split(separator: "\n", omittingEmptySubsequences: false) {
            let token = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if !token.isEmpty && ids[token] == nil { ids[token] = index }
            index += 1
        }
        guard !ids.isEmpty else { throw LoadError.empty }
        func id(_ token: String) throws -> Int32 {
            guard let id = ids[token] else { throw LoadError.missingToken(token) }
            return id
        }
        self.ids = ids
        unknownID = try id("[UNK]")
        classifyID = try id("[CLS]")
        separatorID = try id("[SEP]")
        self.maxTokens = maxTokens
    }

    public var vocabularySize: Int { ids.count }

    /// `[CLS]`, the word pieces (cut to fit), `[SEP]`.
    public func encode(_ text: String) -> [Int32] {
        var pieces: [Int32] = [classifyID]
        let limit = maxTokens - 1
        for word in Self.words(BertNormalizer.normalize(text)) {
            for id in wordPieces(word) {
                guard pieces.count < limit else { return pieces + [separatorID] }
                pieces.append(id)
            }
        }
        return pieces + [separatorID]
    }

    /// Whitespace separates words; every punctuation character is a word of its own.
    static func words(_ text: String) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if BertNormalizer.isWhitespace(scalar) {
                if !current.isEmpty { words.append(current); current = [] }
            } else if BertNormalizer.isPunctuation(scalar) {
                if !current.isEmpty { words.append(current); current = [] }
                words.append([scalar])
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Greedy longest match from the left; a word with any part the vocabulary lacks is `[UNK]` whole.
    func wordPieces(_ word: [Unicode.Scalar]) -> [Int32] {
        guard word.count <= Self.maxCharactersPerWord else { return [unknownID] }
        var pieces: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while end > start {
                var candidate = start > 0 ? "##" : ""
                candidate.unicodeScalars.append(contentsOf: word[start..<end])
                if let id = ids[candidate] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else { return [unknownID] }
            pieces.append(id)
            start = end
        }
        return pieces
    }
}
