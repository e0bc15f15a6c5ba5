/// A key press as the console understands it, independent of ncurses' codes.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case resize
    /// A click or a wheel turn at a cell of the screen.
    case mouse(x: Int, y: Int, event: MouseEvent)

    public enum MouseEvent: Hashable, Sendable {
        case click, wheelUp, wheelDown
    }

    /// How the key is written in hints and help: "↑", "PgDn", "/", "q".
    public var description: String {
        switch self {
        case .character(let character):
            if character == " " { return "Space" }
            if let scalar = character.unicodeScalars.first, scalar.value < 0x20 {
                return "Ctrl-" + String(Character(Unicode.Scalar(scalar.value + 0x40)!))
            }
            return String(character)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .resize: return "resize"
        case .mouse: return "mouse"
        }
    }
}

/// What a key asks for; panes and widgets act on commands, never on raw keys.
public enum Command: String, Sendable, Hashable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case nextPane, previousPane, pane1, pane2, pane3, pane4
    case select, filter, sortNext, sortReverse
    case help, back, quit
}
