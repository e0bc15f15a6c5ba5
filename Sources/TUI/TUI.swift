/// The full-screen console lives here: one small layer calls ncurses (through `CNCurses`), and
/// everything else draws into a screen buffer that tests can read without a terminal.
/// The terminal user interface work adds its pieces to this module.
public enum TUI {
    /// Below this size the console shows "terminal too small" instead of a broken layout.
    public static let minimumColumns = 80
    public static let minimumRows = 24
}
