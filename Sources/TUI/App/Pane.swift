import Foundation

/// A screen region that shows one part of the product. Panes draw into the buffer and answer
/// commands by saying what should happen, never by acting on the terminal themselves.
public protocol Pane: AnyObject {
    var title: String { get }
    /// The pane's own keys. They go into the footer and help with the global ones, and a test
    /// checks that no key means two things.
    var actions: [PaneAction] { get }
    /// Reloads data from the services; errors become a status line, not a crash.
    func refresh() throws
    func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool)
    func handle(_ command: Command, pageSize: Int) -> PaneOutcome
    /// Runs one of `actions` (only ever an available one).
    func perform(_ action: String) -> PaneOutcome
    func setFilter(_ text: String)
    /// About ten times a second: background news (a job's progress) comes in here. True when
    /// the pane has something new to show.
    func tick(now: Date) -> Bool
    /// A click on the n-th line of the pane's area, `x` cells from its left edge.
    func click(line: Int, x: Int) -> PaneOutcome
    /// What quitting now would interrupt, to confirm first; nil when nothing would be lost.
    var quitWarning: QuitWarning? { get }
}

extension Pane {
    public var actions: [PaneAction] { [] }
    public func perform(_ action: String) -> PaneOutcome { .ignored }
    public func tick(now: Date) -> Bool { false }
    public func click(line: Int, x: Int) -> PaneOutcome { .ignored }
    public var quitWarning: QuitWarning? { nil }
}

/// A key of one pane: what it does, and when the staff member may not use it, why.
public struct PaneAction: Sendable, Equatable {
    public let key: Key
    public let name: String
    public let help: String
    public let inFooter: Bool
    /// Why the action cannot be used now (the role does not allow it, nothing is selected…);
    /// nil when it can. Unavailable actions are shown dimmed, never hidden.
    public let unavailable: String?

    public init(_ key: Key, _ name: String, _ help: String, footer: Bool = true, unavailable: String? = nil) {
        self.key = key
        self.name = name
        self.help = help
        self.inFooter = footer
        self.unavailable = unavailable
    }
}

/// Said before quitting while something is running.
public struct QuitWarning {
    public let message: [String]
    /// Done when the staff member quits anyway (e.g. cancel the job cleanly).
    public let onQuit: () -> Void

    public init(message: [String], onQuit: @escaping () -> Void) {
        self.message = message
        self.onQuit = onQuit
    }
}

public enum PaneOutcome {
    case handled
    case ignored
    case status(String)
    /// Opens a dialog over the panes.
    case dialog(any Dialog)
    /// Something changed that other panes show too (an import, a new current semester): every
    /// pane reloads, and the status line says what happened.
    case changed(String)
    /// Replaces whatever is shown with a signed-in console (the first-run form's outcome).
    case open(ConsoleView)
    /// Goes to the pane at this index (e.g. to the matching pane once a job starts).
    case showPane(Int, status: String?)

    public var statusText: String? {
        switch self {
        case .status(let text), .changed(let text): return text
        case .showPane(_, let text): return text
        default: return nil
        }
    }
}
