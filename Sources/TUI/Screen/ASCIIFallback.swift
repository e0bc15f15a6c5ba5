import Foundation

/// What a terminal without UTF-8 shows instead of a character outside ASCII, one cell for one
/// cell so the layout holds: the glyph tables already draw boxes and bars in ASCII, and this
/// catches the rest (separators, arrows, quotes, names with accents) at the terminal layer.
public enum ASCIIFallback {
    private static let table: [Character: Character] = [
        "·": ".", "•": "*", "—": "-", "–": "-", "…": ".", "→": ">", "←": "<", "↑": "^", "↓": "v",
        "▸": ">", "◂": "<", "▏": "|", "“": "\"", "”": "\"", "‘": "'", "’": "'", "×": "x", "✓": "+", "✗": "x",
        "≤": "<", "≥": ">", "°": "o", "ß": "s", "æ": "a", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
    ]

    public static func character(_ character: Character) -> Character {
        if character.isASCII { return character }
        if let mapped = table[character] { return mapped }
        // A letter with marks becomes its base letter (é → e, Å → A).
        if let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first, base.isASCII,
           base.properties.isAlphabetic {
            return Character(base)
        }
        return "?"
    }
}
