/// The key bindings as data. The same table dispatches keys, writes the footer hints and the help
/// overlay, so what the screen says a key does is what it does.
public struct KeyMap: Sendable {
    public struct Binding: Sendable {
        public let keys: [Key]
        public let command: Command
        public let help: String
        /// Shown in the footer (the most useful few); everything is in the help overlay.
        public let inFooter: Bool

        public init(_ keys: [Key], _ command: Command, _ help: String, footer: Bool = false) {
            self.keys = keys
            self.command = command
            self.help = help
            self.inFooter = footer
        }
    }

    public let bindings: [Binding]

    public init(_ bindings: [Binding]) {
        self.bindings = bindings
    }

    /// The console's keys: arrows and vim keys, paging, panes, filter, help, back, quit. `/`
    /// filters the table down to the rows that match, so there is no "next match" to jump to:
    /// `n` is free for the panes ("new semester"), as lazygit and k9s use it.
    public static let standard = KeyMap([
        Binding([.up, .character("k")], .moveUp, "move up"),
        Binding([.down, .character("j")], .moveDown, "move down"),
        Binding([.pageUp, .character("\u{02}")], .pageUp, "page up"),
        Binding([.pageDown, .character("\u{06}")], .pageDown, "page down"),
        Binding([.home, .character("g")], .top, "first row"),
        Binding([.end, .character("G")], .bottom, "last row"),
        Binding([.tab], .nextPane, "next pane", footer: true),
        Binding([.backTab], .previousPane, "previous pane"),
        Binding([.character("1")], .pane1, "semesters pane"),
        Binding([.character("2")], .pane2, "applicants pane"),
        Binding([.character("3")], .pane3, "matching pane"),
        Binding([.character("4")], .pane4, "feedback pane"),
        Binding([.enter], .select, "open or choose", footer: true),
        Binding([.character("/")], .filter, "filter", footer: true),
        Binding([.character("s")], .sortNext, "sort by next column", footer: true),
        Binding([.character("S")], .sortReverse, "reverse the sort"),
        Binding([.character("?")], .help, "help", footer: true),
        Binding([.escape], .back, "back or cancel"),
        Binding([.character("q")], .quit, "quit", footer: true),
    ])

    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// Keys bound more than once: a map with any is a bug.
    public var duplicateKeys: [Key] {
        var seen = Set<Key>()
        return bindings.flatMap(\.keys).filter { !seen.insert($0).inserted }
    }

    /// "Tab next pane  Enter open or choose  / filter …", cut to `width`.
    public func footer(width: Int) -> String {
        let hints = bindings.filter(\.inFooter).map { "\($0.keys[0]) \($0.help)" }.joined(separator: "  ")
        return DisplayWidth.fit(hints, width)
    }

    /// One line per binding for the help overlay: keys, then what they do.
    public var helpLines: [String] {
        zip(labels, bindings).map { DisplayWidth.pad($0, labelWidth) + "  " + $1.help }
    }

    /// How wide the key column of the help overlay is, so panes' keys line up under it.
    public var labelWidth: Int { labels.map(DisplayWidth.of).max() ?? 0 }

    private var labels: [String] { bindings.map { $0.keys.map(\.description).joined(separator: " ") } }
}
