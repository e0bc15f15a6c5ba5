import Foundation

/// What a sign-in opens: the header line, the panes, and the session they share.
public struct ConsoleView {
    public let header: String
    public let panes: [any Pane]
    public let session: ConsoleSession?

    public init(header: String, panes: [any Pane], session: ConsoleSession? = nil) {
        self.header = header
        self.panes = panes
        self.session = session
    }
}

/// The console's state and layout, with no terminal in sight: keys go in, a screen buffer comes
/// out. `TerminalLoop` connects it to the real terminal; tests drive it directly.
///
/// A key goes to the first of: an open dialog, the filter being typed, the help overlay, the
/// global key map, the current pane's own keys. Whatever handles it answers with a `PaneOutcome`
/// that this class carries out, so no pane ever reaches past its own rectangle.
public final class ConsoleApp {
    public static let minimumWidth = TUI.minimumColumns
    public static let minimumHeight = TUI.minimumRows
    /// Signed-in consoles go back to the sign-in screen after this long without a key.
    public static let idleSignOut: TimeInterval = 30 * 60

    public private(set) var header: String
    public let keyMap: KeyMap
    public private(set) var panes: [any Pane]
    public private(set) var session: ConsoleSession?
    /// Shown until someone signs in; nil once they have (or when the app starts signed in).
    public private(set) var signIn: SignInScreen?
    public private(set) var dialog: (any Dialog)?
    public private(set) var current = 0
    public private(set) var status = "Press ? for help, q to quit."
    public private(set) var showingHelp = false
    /// Text being typed after `/`, nil when not filtering.
    public private(set) var filterInput: String?
    public private(set) var finished = false
    let clock: () -> Date
    private let makeSignIn: (() -> SignInScreen)?
    private var lastInput: Date
    var tabRanges: [Range<Int>] = []
    private var lastHeight = 40

    public init(_ view: ConsoleView, keyMap: KeyMap = .standard, clock: @escaping () -> Date = Date.init,
                makeSignIn: (() -> SignInScreen)? = nil) {
        header = view.header
        panes = view.panes
        session = view.session
        self.keyMap = keyMap
        self.clock = clock
        self.makeSignIn = makeSignIn
        lastInput = clock()
        reloadAll()
    }

    public convenience init(header: String, panes: [any Pane], keyMap: KeyMap = .standard, clock: @escaping () -> Date = Date.init) {
        self.init(ConsoleView(header: header, panes: panes), keyMap: keyMap, clock: clock)
    }

    /// Starts on the first-run form of an empty database; the console opens once it has created
    /// the organization and its admin, and Esc quits.
    public init(firstRun: FormDialog, keyMap: KeyMap = .standard, clock: @escaping () -> Date = Date.init,
                makeSignIn: (() -> SignInScreen)? = nil) {
        header = "Match Console — first run"
        panes = []
        dialog = firstRun
        status = "Welcome. Create your organization and its first admin account."
        self.keyMap = keyMap
        self.clock = clock
        self.makeSignIn = makeSignIn
        lastInput = clock()
    }

    /// Starts on the sign-in screen; the panes come from a successful sign-in.
    public init(signIn: SignInScreen, keyMap: KeyMap = .standard, clock: @escaping () -> Date = Date.init,
                makeSignIn: (() -> SignInScreen)? = nil) {
        header = "Match Console"
        panes = []
        self.signIn = signIn
        self.keyMap = keyMap
        self.clock = clock
        self.makeSignIn = makeSignIn
        lastInput = clock()
    }

    private var glyphs: Glyphs { session?.glyphs ?? .forLocale() }

    public func handle(_ key: Key, height: Int = 40) {
        lastInput = clock()
        lastHeight = height
        if let screen = signIn {
            if key == .escape { finished = true; return }
            if let view = screen.handle(key) { open(view) }
            return
        }
        if let open = dialog {
            if case .mouse = key { return }
            let started = clock()
            if case .close(let outcome) = open.handle(key) { close(dialogWith: outcome, started: started) }
            return
        }
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
        if case .mouse(let x, let y, let event) = key { return mouse(x: x, y: y, event: event) }
        let pageSize = max(1, height - 7)
        guard let command = keyMap.command(for: key) else {
            if !panes.isEmpty, let action = panes[current].actions.first(where: { $0.key == key }) {
                if showingHelp { return }
                if let reason = action.unavailable {
                    status = "\(action.help.prefix(1).uppercased() + action.help.dropFirst()) is not available: \(reason)."
                } else {
                    session?.beginAction()
                    let started = clock()
                    apply(logged("console.\(action.name)", panes[current].perform(action.name), started: started))
                }
            }
            return
        }
        if showingHelp {
            if command == .help || command == .back { showingHelp = false }
            if command == .quit { quit() }
            return
        }
        switch command {
        case .quit: quit()
        case .help: showingHelp = true
        case .filter: filterInput = ""
        case .nextPane where !panes.isEmpty: switchTo((current + 1) % panes.count)
        case .previousPane where !panes.isEmpty: switchTo((current + panes.count - 1) % panes.count)
        case .pane1, .pane2, .pane3, .pane4:
            let index = [Command.pane1, .pane2, .pane3, .pane4].firstIndex(of: command)!
            if index < panes.count { switchTo(index) }
        default:
            if !panes.isEmpty { apply(panes[current].handle(command, pageSize: pageSize)) }
        }
    }

    /// Background news and timers, about ten times a second: true when the screen should change.
    @discardableResult
    public func tick() -> Bool {
        let now = clock()
        if signIn == nil, let makeSignIn, now.timeIntervalSince(lastInput) >= Self.idleSignOut {
            let screen = makeSignIn()
            screen.notice("Signed out after \(Int(Self.idleSignOut / 60)) minutes without a key press. Sign in again.")
            signIn = screen
            panes = []
            session = nil
            dialog = nil
            showingHelp = false
            filterInput = nil
            header = "Match Console"
            return true
        }
        var changed = false
        if let open = dialog, case .close(let outcome)? = open.tick(now: now) {
            close(dialogWith: outcome, started: now)
            changed = true
        } else if dialog is any WorkingIndicator {
            changed = true  // its spinner and clock move
        }
        for pane in panes where pane.tick(now: now) { changed = true }
        return changed
    }

    private func mouse(x: Int, y: Int, event: Key.MouseEvent) {
        guard !panes.isEmpty, !showingHelp else { return }
        switch event {
        case .wheelUp, .wheelDown:
            for _ in 0..<3 { apply(panes[current].handle(event == .wheelUp ? .moveUp : .moveDown, pageSize: 1)) }
        case .click:
            if y == 1, let index = tabRanges.firstIndex(where: { $0.contains(x) }) {
                switchTo(index)
            } else if y >= 3, y < lastHeight - 3 {
                apply(panes[current].click(line: y - 3, x: x - 1))
            }
        }
    }

    private func quit() {
        guard let warning = panes.lazy.compactMap(\.quitWarning).first else {
            finished = true
            return
        }
        dialog = ChoiceDialog.confirm("Quit Match Console?", warning.message, confirm: "Quit", destructive: true, glyphs: glyphs) { [weak self] in
            warning.onQuit()
            self?.finished = true
            return .handled
        }
    }

    /// Logs what an action or a dialog ended with, in the status line's words.
    @discardableResult
    private func logged(_ event: String, _ outcome: PaneOutcome, started: Date) -> PaneOutcome {
        let result: String
        switch outcome {
        case .dialog: result = "dialog opened"
        case .handled, .ignored: result = "done"
        default: result = outcome.statusText ?? "done"
        }
        session?.logAction(event, pane: panes.indices.contains(current) ? panes[current].title : "", outcome: result, started: started)
        return outcome
    }

    /// A dialog ended (a key, or its background work): log what it did and carry it out.
    private func close(dialogWith outcome: PaneOutcome, started: Date) {
        dialog = nil
        logged("console.dialog", outcome, started: started)
        apply(outcome)
    }

    private func apply(_ outcome: PaneOutcome) {
        // Nothing behind a closed dialog (the first-run form cancelled): nothing left to do.
        if panes.isEmpty && signIn == nil && dialog == nil {
            switch outcome {
            case .open, .dialog: break
            default: finished = true; return
            }
        }
        switch outcome {
        case .open(let view): open(view)
        case .handled, .ignored: break
        case .status(let text): status = text
        case .dialog(let next): dialog = next
        case .changed(let text):
            status = text
            reloadAll()
        case .showPane(let index, let text):
            if panes.indices.contains(index) { switchTo(index) }
            if let text { status = text }
        }
    }

    private func open(_ view: ConsoleView) {
        header = view.header
        panes = view.panes
        session = view.session
        signIn = nil
        current = 0
        status = "Press ? for help, q to quit."
        reloadAll()
    }

    /// Reloads the semester and the pane on screen; the others reload when they are switched to,
    /// so opening the console or finishing an action never waits for panes nobody is looking at.
    private func reloadAll() {
        do { try session?.reloadCurrentSemester() } catch { status = "Could not load the current semester: \(error)" }
        if panes.indices.contains(current) { load(panes[current]) }
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
