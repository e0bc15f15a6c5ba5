import Foundation

/// Asks for a file path, with Tab completion (and `~`); Enter hands the expanded path on.
public final class PathDialog: Dialog {
    public let title: String
    public let prompt: String
    public private(set) var field: TextField
    public private(set) var candidates: [String] = []
    public private(set) var problem: String?
    private let completion: PathCompletion
    private let mustExist: Bool
    private let submit: (String) throws -> PaneOutcome
    private let glyphs: Glyphs

    public init(title: String, prompt: String, initial: String = "", mustExist: Bool = true, completion: PathCompletion = PathCompletion(),
                glyphs: Glyphs, submit: @escaping (String) throws -> PaneOutcome) {
        self.title = title
        self.prompt = prompt
        field = TextField(label: "Path", text: initial)
        self.completion = completion
        self.mustExist = mustExist
        self.submit = submit
        self.glyphs = glyphs
    }

    public func handle(_ key: Key) -> DialogOutcome {
        switch key {
        case .escape: return .close(.status("Cancelled."))
        case .tab:
            let result = completion.complete(field.text)
            field = TextField(label: field.label, text: result.text)
            candidates = result.candidates
            problem = result.text == field.text && result.candidates.isEmpty && !FileManager.default.fileExists(atPath: completion.expand(result.text))
                ? "nothing here starts with that" : nil
        case .enter:
            let path = completion.expand(field.text.trimmingCharacters(in: .whitespaces))
            var isFolder: ObjCBool = false
            if path.isEmpty {
                problem = "type a path (Tab completes)"
            } else if mustExist && !(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue) {
                problem = isFolder.boolValue ? "\(field.text) is a folder; choose a file in it" : "no file at \(field.text)"
            } else {
                do { return .close(try submit(path)) } catch { problem = String(describing: error) }
            }
        default:
            if field.handle(key) { candidates = []; problem = nil }
        }
        return .keep
    }

    public func draw(into buffer: inout ScreenBuffer) {
        let shown = Array(candidates.prefix(6))
        let inside = DialogFrame.draw(title, width: 76, height: 8 + shown.count, into: &buffer, glyphs: glyphs)
        buffer.write(DisplayWidth.fit(prompt, inside.width), x: inside.x, y: inside.y, style: .muted)
        field.draw(into: &buffer, x: inside.x, y: inside.y + 2, width: inside.width, focused: true)
        for (index, candidate) in shown.enumerated() {
            buffer.write(DisplayWidth.fit(candidate, inside.width - 2), x: inside.x + 2, y: inside.y + 3 + index, style: .muted)
        }
        if candidates.count > shown.count {
            buffer.write("… and \(candidates.count - shown.count) more", x: inside.x + 2, y: inside.y + 3 + shown.count, style: .muted)
        }
        if let problem { buffer.write(DisplayWidth.fit(problem, inside.width), x: inside.x, y: inside.y + inside.height - 2, style: .warning) }
        buffer.write("Tab completes · Enter opens · Esc cancels", x: inside.x, y: inside.y + inside.height - 1, style: .muted)
    }
}
