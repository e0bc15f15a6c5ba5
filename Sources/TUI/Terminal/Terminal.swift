import CNCurses
import Foundation

/// The only file that calls ncurses. It turns the screen buffer into terminal output (only the
/// cells that changed), and ncurses key codes into `Key`s. Only the main thread may use it.
public final class Terminal {
    public private(set) var width = 0
    public private(set) var height = 0
    private var previous: ScreenBuffer?
    private let colors: Bool
    /// False in a non-UTF-8 locale: every character outside ASCII is shown by `ASCIIFallback`.
    private let unicode = Glyphs.localeIsUTF8()

    /// Takes over the terminal; `close()` gives it back.
    public init(keyTimeoutMilliseconds: Int32 = 100) {
        Self.unblockTerminalSignals()
        setlocale(LC_ALL, "")
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(cncurses_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        timeout(keyTimeoutMilliseconds)
        cncurses_enable_mouse()
        colors = has_colors() && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        if colors {
            start_color()
            use_default_colors()
            for (index, pair) in Self.palette.enumerated() { init_pair(Int16(index + 1), pair.0, pair.1) }
        }
        measure()
    }

    /// A parent may hand us a blocked signal mask (Foundation's `Process` does); ncurses needs
    /// SIGWINCH for resizes and the default actions of the others to stop or end cleanly.
    private static func unblockTerminalSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    public func close() {
        endwin()
    }

    /// Re-reads the size after a resize; the next draw repaints everything.
    public func measure() {
        height = Int(cncurses_getmaxy(cncurses_stdscr()))
        width = Int(cncurses_getmaxx(cncurses_stdscr()))
        previous = nil
    }

    /// Asks the terminal for its size; when it changed, ncurses is told and the next draw repaints.
    /// Polled on every tick as well as on KEY_RESIZE, since SIGWINCH does not always reach ncurses
    /// in a process whose other threads Dispatch owns.
    public func sizeChanged() -> Bool {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 else { return false }
        guard Int(size.ws_row) != height || Int(size.ws_col) != width else { return false }
        resizeterm(Int32(size.ws_row), Int32(size.ws_col))
        clear()
        measure()
        return true
    }

    public func draw(_ buffer: ScreenBuffer) {
        for run in buffer.changes(since: previous) {
            var column = run.x
            while column < run.x + run.count {
                let style = buffer[column, run.y].style
                var text: [wchar_t] = []
                var end = column
                while end < run.x + run.count && buffer[end, run.y].style == style {
                    if let character = buffer[end, run.y].character {
                        let shown = unicode ? character : ASCIIFallback.character(character)
                        text += shown.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                    } else if !unicode {
                        // The second cell of a wide character, now shown as one narrow one.
                        text.append(wchar_t(bitPattern: UInt32(UInt8(ascii: " "))))
                    }
                    end += 1
                }
                attrset(Int32(bitPattern: attribute(style)))
                mvaddnwstr(Int32(run.y), Int32(column), text, Int32(text.count))
                column = end
            }
        }
        attrset(Int32(bitPattern: cncurses_a_normal()))
        refresh()
        previous = buffer
    }

    /// The next key, or nil when none came within the timeout.
    public func readKey() -> Key? {
        var code: wint_t = 0
        let status = get_wch(&code)
        if status == cncurses_err() { return nil }
        if status == KEY_CODE_YES { return Self.special(Int32(code)) }
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 127, 8: return .backspace
        default: return Unicode.Scalar(UInt32(code)).map { .character(Character($0)) }
        }
    }

    private static func special(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case cncurses_key_resize(): return .resize
        case cncurses_key_mouse():
            var x: Int32 = 0, y: Int32 = 0
            switch cncurses_read_mouse(&x, &y) {
            case 0: return .mouse(x: Int(x), y: Int(y), event: .click)
            case 1: return .mouse(x: Int(x), y: Int(y), event: .wheelUp)
            case 2: return .mouse(x: Int(x), y: Int(y), event: .wheelDown)
            default: return nil
            }
        default: return nil
        }
    }

    /// Foreground and background per style role (after `.normal`); -1 is the terminal's default.
    private static let palette: [(Int16, Int16)] = [
        (Int16(COLOR_CYAN), -1),   // title
        (Int16(COLOR_BLACK), Int16(COLOR_CYAN)),  // header
        (Int16(COLOR_BLACK), Int16(COLOR_YELLOW)),  // selected
        (Int16(COLOR_WHITE), -1),  // muted
        (Int16(COLOR_CYAN), -1),   // accent
        (Int16(COLOR_GREEN), -1),  // success
        (Int16(COLOR_YELLOW), -1), // warning
        (Int16(COLOR_RED), -1),    // error
        (Int16(COLOR_WHITE), -1),  // disabled
        (Int16(COLOR_YELLOW), -1), // key
    ]

    private func attribute(_ style: StyleRole) -> attr_t {
        guard style != .normal else { return cncurses_a_normal() }
        let emphasis: attr_t
        switch style {
        case .title, .key, .error: emphasis = cncurses_a_bold()
        case .muted, .disabled: emphasis = cncurses_a_dim()
        case .selected, .header: emphasis = colors ? cncurses_a_normal() : cncurses_a_reverse()
        default: emphasis = cncurses_a_normal()
        }
        return colors ? emphasis | cncurses_color_pair(Int32(style.rawValue)) : emphasis
    }
}
