/// A message with buttons: confirmations, errors, previews with a choice at the end. The body
/// scrolls (↑/↓, PgUp/PgDn) when it is longer than the screen. ←/→ or Tab pick a button, Enter
/// presses it, Esc is the last button (Cancel). Destructive confirmations start on Cancel.
public final class ChoiceDialog: Dialog {
    public struct Line: Sendable, Equatable {
        public let text: String
        public let style: StyleRole

        public init(_ text: String, _ style: StyleRole = .normal) {
            self.text = text
            self.style = style
        }
    }

    public struct Button {
        public let label: String
        public let action: () -> PaneOutcome

        public init(_ label: String, _ action: @escaping () -> PaneOutcome) {
            self.label = label
            self.action = action
        }
    }

    public let title: String
    public let lines: [Line]
    public let buttons: [Button]
    public private(set) var chosen: Int
    public private(set) var scroll = 0
    private let glyphs: Glyphs
    private var bodyHeight = 1

    public init(title: String, lines: [Line], buttons: [Button], defaultButton: Int = 0, glyphs: Glyphs) {
        precondition(!buttons.isEmpty, "a dialog needs a way out")
        self.title = title
        self.lines = lines
        self.buttons = buttons
        self.chosen = min(max(0, defaultButton), buttons.count - 1)
        self.glyphs = glyphs
    }

    /// "Are you sure?" with Cancel chosen first when the action cannot be undone.
    public static func confirm(_ title: String, _ message: [String], confirm label: String, destructive: Bool, glyphs: Glyphs,
                               action: @escaping () -> PaneOutcome) -> ChoiceDialog {
        ChoiceDialog(title: title, lines: message.map { Line($0) },
                     buttons: [Button(label, action), Button("Cancel", { .status("Cancelled.") })],
                     defaultButton: destructive ? 1 : 0, glyphs: glyphs)
    }

    /// Something to read, with OK.
    public static func message(_ title: String, _ lines: [Line], glyphs: Glyphs, then: PaneOutcome = .handled) -> ChoiceDialog {
        ChoiceDialog(title: title, lines: lines, buttons: [Button("OK", { then })], glyphs: glyphs)
    }

    public func handle(_ key: Key) -> DialogOutcome {
        switch key {
        case .left, .backTab: chosen = (chosen + buttons.count - 1) % buttons.count
        case .right, .tab: chosen = (chosen + 1) % buttons.count
        case .up, .character("k"): scroll = max(0, scroll - 1)
        case .down, .character("j"): scroll = min(maxScroll, scroll + 1)
        case .pageUp: scroll = max(0, scroll - bodyHeight)
        case .pageDown: scroll = min(maxScroll, scroll + bodyHeight)
        case .enter: return .close(buttons[chosen].action())
        case .escape: return .close(buttons[buttons.count - 1].action())
        case .character(let character):
            // The first letter of a button presses it, as in most dialog boxes — only when no other
            // button starts with it ("closed" and "Cancel" both start with c: neither gets it).
            let matching = buttons.indices.filter { buttons[$0].label.lowercased().first == Character(character.lowercased()) }
            if matching.count == 1 { return .close(buttons[matching[0]].action()) }
        default: break
        }
        return .keep
    }

    private var maxScroll: Int { max(0, lines.count - bodyHeight) }

    public func draw(into buffer: inout ScreenBuffer) {
        let widest = max(lines.map { DisplayWidth.of($0.text) }.max() ?? 0, buttonsWidth, DisplayWidth.of(title) + 4)
        let width = min(buffer.width - 4, max(40, widest + 4))
        let height = min(buffer.height - 2, lines.count + 5)
        let inside = DialogFrame.draw(title, width: width, height: height, into: &buffer, glyphs: glyphs)
        bodyHeight = max(1, inside.height - 2)
        scroll = min(scroll, maxScroll)
        for (row, line) in lines.dropFirst(scroll).prefix(bodyHeight).enumerated() {
            buffer.write(DisplayWidth.fit(line.text, inside.width), x: inside.x, y: inside.y + row, style: line.style)
        }
        if maxScroll > 0 {
            let position = "\(scroll + 1)–\(min(lines.count, scroll + bodyHeight)) of \(lines.count) ↑↓"
            buffer.write(position, x: inside.x + inside.width - DisplayWidth.of(position), y: inside.y + bodyHeight, style: .muted)
        }
        var x = inside.x
        for (index, button) in buttons.enumerated() {
            x += buffer.write("[ \(button.label) ]", x: x, y: inside.y + inside.height - 1, style: index == chosen ? .selected : .key) + 2
        }
    }

    private var buttonsWidth: Int { buttons.reduce(0) { $0 + DisplayWidth.of($1.label) + 6 } }
}
