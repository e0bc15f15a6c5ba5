/// One line of text input: cursor movement, deletion, Home/End, and masking for passwords.
public struct TextField: Sendable {
    public let label: String
    public let masked: Bool
    public private(set) var text = ""
    public private(set) var cursor = 0

    public init(label: String, masked: Bool = false, text: String = "") {
        self.label = label
        self.masked = masked
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; false when the key is not for the field (Enter, Tab, Esc…).
    public mutating func handle(_ key: Key) -> Bool {
        var characters = Array(text)
        switch key {
        case .character(let character):
            guard !(character.unicodeScalars.first.map { $0.value < 0x20 } ?? true) else { return false }
            characters.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        default: return false
        }
        text = String(characters)
        return true
    }

    public mutating func clear() {
        text = ""
        cursor = 0
    }

    /// "Label  value▏" with the value masked and scrolled to keep the cursor in view.
    public func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, focused: Bool) {
        let labelWidth = buffer.write(label + "  ", x: x, y: y, style: .muted)
        let room = max(1, width - labelWidth - 1)
        var shown = masked ? String(repeating: "•", count: text.count) : text
        let before = Array(shown.prefix(cursor))
        if DisplayWidth.of(String(before)) >= room { shown = String(before.suffix(room - 1)) + shown.dropFirst(cursor) }
        let column = x + labelWidth
        buffer.fill(x: column, y: y, width: room + 1, height: 1, style: focused ? .selected : .normal)
        buffer.write(shown, x: column, y: y, style: focused ? .selected : .normal, limit: room)
        if focused {
            let cursorX = column + min(room, DisplayWidth.of(masked ? String(repeating: "•", count: cursor) : String(before.suffix(room - 1))))
            buffer.write("▏", x: cursorX, y: y, style: .key)
        }
    }
}
