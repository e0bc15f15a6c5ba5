/// A screen region that shows one part of the product. Panes draw into the buffer and answer
/// commands by saying what should happen, never by acting on the terminal themselves.
public protocol Pane: AnyObject {
    var title: String { get }
    /// Reloads data from the services; errors become a status line, not a crash.
    func refresh() throws
    func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool)
    func handle(_ command: Command, pageSize: Int) -> PaneOutcome
    func setFilter(_ text: String)
}

public enum PaneOutcome: Equatable, Sendable {
    case handled
    case ignored
    case status(String)
}
