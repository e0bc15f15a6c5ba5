/// Fields to fill in, each checked as it is typed (the message shows under the field), then
/// submitted with Enter. A refusal from the service is shown in the form, which stays open with
/// everything typed. Tab/↓ and Shift-Tab/↑ move between fields; a choice field cycles with ←/→
/// or Space; Esc cancels.
public final class FormDialog: Dialog {
    public struct Field {
        public enum Kind {
            case text
            /// Typed but shown as bullets (passwords).
            case secret
            case choice([String])
        }

        public let label: String
        public let kind: Kind
        public let initial: String
        /// A problem with the value as typed, or nil when it is acceptable.
        public let check: (String) -> String?

        public init(_ label: String, _ initial: String = "", kind: Kind = .text, check: @escaping (String) -> String? = { _ in nil }) {
            self.label = label
            self.kind = kind
            self.initial = initial
            self.check = check
        }
    }

    public let title: String
    public let fields: [Field]
    public private(set) var inputs: [TextField]
    public private(set) var focus = 0
    public private(set) var refusal: String?
    private let submit: ([String]) throws -> PaneOutcome
    private let glyphs: Glyphs

    public init(title: String, fields: [Field], glyphs: Glyphs, submit: @escaping ([String]) throws -> PaneOutcome) {
        self.title = title
        self.fields = fields
        let labelWidth = fields.map { DisplayWidth.of($0.label) }.max() ?? 0
        inputs = fields.map { field in
            if case .secret = field.kind { return TextField(label: DisplayWidth.pad(field.label, labelWidth), masked: true, text: field.initial) }
            return TextField(label: DisplayWidth.pad(field.label, labelWidth), text: field.initial)
        }
        self.submit = submit
        self.glyphs = glyphs
    }

    public var values: [String] { inputs.map(\.text) }

    /// The first field's problem, if any: what stops Enter from submitting.
    public var problems: [String?] { zip(fields, inputs).map { $0.check($1.text) } }

    public func handle(_ key: Key) -> DialogOutcome {
        if case .choice(let options) = fields[focus].kind, !options.isEmpty, [.left, .right, .character(" ")].contains(key) {
            let index = options.firstIndex(of: inputs[focus].text) ?? 0
            let step = key == .left ? options.count - 1 : 1
            inputs[focus] = TextField(label: inputs[focus].label, text: options[(index + step) % options.count])
            return .keep
        }
        switch key {
        case .escape: return .close(.status("Cancelled."))
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
        case .enter:
            if let first = problems.firstIndex(where: { $0 != nil }) {
                focus = first
                return .keep
            }
            do {
                return .close(try submit(values))
            } catch {
                refusal = String(describing: error)
            }
        default:
            if !isChoice(focus) { _ = inputs[focus].handle(key) }
        }
        return .keep
    }

    private func isChoice(_ index: Int) -> Bool {
        if case .choice = fields[index].kind { return true }
        return false
    }

    public func draw(into buffer: inout ScreenBuffer) {
        let height = fields.count * 2 + 5
        let inside = DialogFrame.draw(title, width: 72, height: height, into: &buffer, glyphs: glyphs)
        let problems = problems
        for (index, input) in inputs.enumerated() {
            let y = inside.y + index * 2
            input.draw(into: &buffer, x: inside.x, y: y, width: inside.width, focused: index == focus)
            if isChoice(index) {
                buffer.write(glyphs.choice, x: inside.x + inside.width - DisplayWidth.of(glyphs.choice), y: y, style: .muted)
            }
            if let problem = problems[index] {
                buffer.write(DisplayWidth.fit(problem, inside.width - 2), x: inside.x + 2, y: y + 1, style: .warning)
            }
        }
        let footer = "Enter saves · Tab next field · Esc cancels"
        if let refusal {
            buffer.write(DisplayWidth.fit(refusal, inside.width), x: inside.x, y: inside.y + inside.height - 2, style: .error)
        }
        buffer.write(footer, x: inside.x, y: inside.y + inside.height - 1, style: .muted)
    }
}
