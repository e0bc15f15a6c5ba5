import Foundation

/// The console's state and layout, with no terminal in sight: keys go in, a screen buffer comes
/// out. `TerminalLoop` connects it to the real terminal; tests drive it directly.
public final class ConsoleApp {
    public static let minimumWidth = TUI.minimumColumns
    public static let minimumHeight = TUI.minimumRows

    public private(set) var header: String
    public let keyMap: KeyMap
    public private(set) var panes: [any Pane]
    /// Shown until someone signs in; nil once they have (or when the app starts signed in).
    public private(set) var signIn: SignInScreen?
    public private(set) var current = 0
    public private(set) var status = "Press ? for help, q to quit."
    public private(set) var showingHelp = false
    /// Text being typed after `/`, nil when not filtering.
    public private(set) var filterInput: String?
    public private(set) var finished = false
    private let clock: () -> Date

    public init(header: String, panes: [any Pane], keyMap: KeyMap = .standard, clock: @escaping () -> Date = Date.init) {
        self.header = header
        self.panes = panes
        self.keyMap = keyMap
        self.clock = clock
        for pane in panes { load(pane) }
    }

    /// Starts on the sign-in screen; the panes come from a successful sign-in.
    public init(signIn: SignInScreen, keyMap: KeyMap = .standard, clock: @escaping () -> Date = Date.init) {
        header = "Match Console"
        panes = []
        self.signIn = signIn
        self.keyMap = keyMap
        self.clock = clock
    }

    public func handle(_ key: Key, height: Int = 40) {
        if let screen = signIn {
            if key == .escape { finished = true; return }
            if let session = screen.handle(key) {
                header = session.header
                panes = session.panes
                signIn = nil
                current = 0
                for pane in panes { load(pane) }
            }
            return
        }
        let pageSize = max(1, height - 6)
        if var text = filterInput {
            switch key {
            case .enter: filterInput = nil; status = text.isEmpty ? "Filter cleared." : "Filter: \(text)"
            case .escape: filterInput = nil; panes[current].setFilter(""); status = "Filter cleared."; return
            case .backspace: text = String(text.dropLast()); filterInput = text; panes[current].setFilter(text)
            case .character(let character): text.append(character); filterInput = text; panes[current].setFilter(text)
            default: break
            }
            return
        }
        guard let command = keyMap.command(for: key) else { return }
        if showingHelp {
            if command == .help || command == .back { showingHelp = false }
            if command == .quit { finished = true }
            return
        }
        switch command {
        case .quit: finished = true
        case .help: showingHelp = true
        case .filter: filterInput = ""
        case .nextPane: switchTo((current + 1) % panes.count)
        case .previousPane: switchTo((current + panes.count - 1) % panes.count)
        case .pane1, .pane2, .pane3, .pane4:
            let index = [Command.pane1, .pane2, .pane3, .pane4].firstIndex(of: command)!
            if index < panes.count { switchTo(index) }
        default:
            if case .status(let text) = panes[current].handle(command, pageSize: pageSize) { status = text }
        }
    }

    /// The whole screen for a terminal of this size.
    public func render(width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            let message = "terminal too small (need \(Self.minimumWidth)×\(Self.minimumHeight))"
            buffer.write(DisplayWidth.fit(message, width), x: max(0, (width - DisplayWidth.of(message)) / 2), y: height / 2, style: .warning)
            return buffer
        }
        if let signIn {
            signIn.draw(into: &buffer)
            return buffer
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm"
        let time = formatter.string(from: clock())
        buffer.fill(x: 0, y: 0, width: width, height: 1, style: .title)
        buffer.write(DisplayWidth.fit(header, width - 7), x: 1, y: 0, style: .title)
        buffer.write(time, x: width - 6, y: 0, style: .title)
        var x = 1
        for (index, pane) in panes.enumerated() {
            let label = " \(index + 1) \(pane.title) "
            x += buffer.write(label, x: x, y: 1, style: index == current ? .selected : .muted) + 1
        }
        panes[current].draw(into: &buffer, x: 1, y: 3, width: width - 2, height: height - 6, focused: !showingHelp)
        let line = filterInput.map { "/" + $0 + "▏" } ?? status
        buffer.write(DisplayWidth.fit(line, width - 2), x: 1, y: height - 2, style: filterInput == nil ? .accent : .key)
        buffer.write(keyMap.footer(width: width - 2), x: 1, y: height - 1, style: .muted)
        if showingHelp { drawHelp(into: &buffer, width: width, height: height) }
        return buffer
    }

    private func drawHelp(into buffer: inout ScreenBuffer, width: Int, height: Int) {
        // The way out goes first, so it shows even when a short terminal cuts the list.
        let lines = ["Keys (Esc or ? to close)"] + keyMap.helpLines
        let boxWidth = min(width - 4, (lines.map(DisplayWidth.of).max() ?? 0) + 4)
        let boxHeight = min(height - 2, lines.count + 2)
        let left = (width - boxWidth) / 2, top = (height - boxHeight) / 2
        buffer.fill(x: left, y: top, width: boxWidth, height: boxHeight, style: .header)
        for (index, line) in lines.prefix(boxHeight - 2).enumerated() {
            buffer.write(DisplayWidth.fit(line, boxWidth - 4), x: left + 2, y: top + 1 + index, style: index == 0 ? .title : .header)
        }
    }

    private func switchTo(_ index: Int) {
        current = index
        load(panes[index])
    }

    private func load(_ pane: any Pane) {
        do {
            try pane.refresh()
        } catch {
            status = "Could not load \(pane.title.lowercased()): \(error)"
        }
    }
}
