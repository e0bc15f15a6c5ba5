import Foundation

/// A window over the panes that takes every key until it closes: confirmations, forms, previews.
/// Like panes, dialogs say what should happen instead of doing it.
public protocol Dialog: AnyObject {
    func handle(_ key: Key) -> DialogOutcome
    func draw(into buffer: inout ScreenBuffer)
    /// About ten times a second: a dialog waiting on background work closes from here when it ends.
    func tick(now: Date) -> DialogOutcome?
}

extension Dialog {
    public func tick(now: Date) -> DialogOutcome? { nil }
}

public enum DialogOutcome {
    /// Still open (the key was used, or ignored).
    case keep
    /// Closed; the app then does what the outcome says (a status line, another dialog…).
    case close(PaneOutcome)
}

/// A framed, titled box centred on the screen; returns where its inside starts.
enum DialogFrame {
    static func draw(_ title: String, width: Int, height: Int, into buffer: inout ScreenBuffer, glyphs: Glyphs)
        -> (x: Int, y: Int, width: Int, height: Int) {
        let w = min(width, buffer.width - 2), h = min(height, buffer.height - 2)
        let left = (buffer.width - w) / 2, top = (buffer.height - h) / 2
        buffer.fill(x: left, y: top, width: w, height: h, style: .normal)
        let line = String(repeating: glyphs.horizontal, count: max(0, w - 2))
        buffer.write(String(glyphs.corners[0]) + line + String(glyphs.corners[1]), x: left, y: top, style: .accent)
        buffer.write(String(glyphs.corners[2]) + line + String(glyphs.corners[3]), x: left, y: top + h - 1, style: .accent)
        for row in (top + 1)..<(top + h - 1) {
            buffer.write(String(glyphs.vertical), x: left, y: row, style: .accent)
            buffer.write(String(glyphs.vertical), x: left + w - 1, y: row, style: .accent)
        }
        buffer.write(" " + DisplayWidth.fit(title, w - 6) + " ", x: left + 2, y: top, style: .title)
        return (left + 2, top + 1, w - 4, h - 2)
    }
}
