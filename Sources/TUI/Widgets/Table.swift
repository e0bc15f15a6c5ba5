/// A sortable, filterable table of rows, drawn by virtual scrolling: only the rows on screen are
/// touched, so 100,000 rows scroll as fast as ten. The selection follows a row's identity across
/// refreshes, sorting and filtering.
public struct Table: Sendable {
    public struct Column: Sendable {
        public let title: String
        public let width: Int
        /// Compare cells as numbers when both parse as one.
        public let numeric: Bool

        public init(_ title: String, width: Int, numeric: Bool = false) {
            self.title = title
            self.width = width
            self.numeric = numeric
        }
    }

    public struct Row: Sendable, Equatable {
        public let id: Int64
        public let cells: [String]

        public init(id: Int64, cells: [String]) {
            self.id = id
            self.cells = cells
        }
    }

    public let columns: [Column]
    public private(set) var rows: [Row] = []
    private var haystacks: [[UInt8]] = []
    /// Indexes into `rows`, in display order, after filtering and sorting.
    public private(set) var visible: [Int] = []
    public private(set) var sortColumn: Int?
    public private(set) var ascending = true
    public private(set) var filter = ""
    public private(set) var selected = 0
    public private(set) var offset = 0

    public init(columns: [Column]) {
        self.columns = columns
    }

    public var selectedRow: Row? { visible.indices.contains(selected) ? rows[visible[selected]] : nil }

    /// New data; the selected row stays selected when it is still there.
    public mutating func setRows(_ newRows: [Row]) {
        let keep = selectedRow?.id
        rows = newRows
        // Each row's cells lower-cased once, so a keystroke in the filter is a byte search per row.
        haystacks = newRows.map { Array($0.cells.joined(separator: "\u{1}").lowercased().utf8) }
        arrange(keeping: keep)
    }

    /// A filter that extends the previous one can only narrow it: only the rows still shown are
    /// searched, and they keep their order, so typing stays fast on 100,000 rows.
    public mutating func setFilter(_ text: String) {
        let keep = selectedRow?.id
        let previous = filter.lowercased()
        filter = text
        let needle = Array(text.lowercased().utf8)
        if !previous.isEmpty, text.lowercased().contains(previous) {
            visible = visible.filter { matches($0, needle) }
            reselect(keep)
        } else {
            arrange(keeping: keep)
        }
    }

    /// Sorts by `column`; choosing the same column again reverses the order.
    public mutating func sort(by column: Int) {
        let keep = selectedRow?.id
        if sortColumn == column { ascending.toggle() } else { sortColumn = column; ascending = true }
        arrange(keeping: keep)
    }

    public mutating func handle(_ command: Command, pageSize: Int) -> Bool {
        switch command {
        case .moveUp: move(to: selected - 1)
        case .moveDown: move(to: selected + 1)
        case .pageUp: move(to: selected - max(1, pageSize))
        case .pageDown: move(to: selected + max(1, pageSize))
        case .top: move(to: 0)
        case .bottom: move(to: visible.count - 1)
        case .sortNext: sort(by: ((sortColumn ?? -1) + 1) % max(1, columns.count))
        case .sortReverse: sort(by: sortColumn ?? 0)
        default: return false
        }
        return true
    }

    /// Draws the header and the visible rows in the rectangle, keeping the selection on screen.
    public mutating func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool) {
        guard height > 0 else { return }
        var column = x
        for (index, spec) in columns.enumerated() {
            let marker = sortColumn == index ? (ascending ? "↑" : "↓") : ""
            buffer.write(DisplayWidth.pad(spec.title + marker, spec.width), x: column, y: y, style: .header, limit: x + width - column)
            column += spec.width + 1
        }
        let body = height - 1
        guard body > 0 else { return }
        if selected < offset { offset = selected }
        if selected >= offset + body { offset = selected - body + 1 }
        offset = max(0, min(offset, max(0, visible.count - body)))
        for line in 0..<body {
            let position = offset + line
            guard position < visible.count else { break }
            let row = rows[visible[position]]
            let style: StyleRole = position == selected ? (focused ? .selected : .accent) : .normal
            if position == selected { buffer.fill(x: x, y: y + 1 + line, width: width, height: 1, style: style) }
            var cellX = x
            for (index, spec) in columns.enumerated() {
                let text = index < row.cells.count ? row.cells[index] : ""
                buffer.write(DisplayWidth.pad(text, spec.width), x: cellX, y: y + 1 + line, style: style, limit: x + width - cellX)
                cellX += spec.width + 1
            }
        }
    }

    /// Selects the row drawn on the n-th body line (a mouse click); false when there is none.
    public mutating func select(visibleLine line: Int) -> Bool {
        guard line >= 0, offset + line < visible.count else { return false }
        selected = offset + line
        return true
    }

    private mutating func move(to position: Int) {
        selected = max(0, min(position, visible.count - 1))
    }

    private func matches(_ index: Int, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        return haystacks[index].withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                guard hay.count >= pin.count else { return false }
                let first = pin[0]
                search: for start in 0...(hay.count - pin.count) where hay[start] == first {
                    for offset in 1..<pin.count where hay[start + offset] != pin[offset] { continue search }
                    return true
                }
                return false
            }
        }
    }

    private mutating func arrange(keeping id: Int64?) {
        let needle = Array(filter.lowercased().utf8)
        var order = rows.indices.filter { matches($0, needle) }
        if let sortColumn {
            let numeric = columns[sortColumn].numeric
            order.sort { a, b in
                let left = rows[a].cells[safe: sortColumn], right = rows[b].cells[safe: sortColumn]
                let ordered: Bool
                if numeric, let x = Double(left), let y = Double(right), x != y {
                    ordered = x < y
                } else if left != right {
                    ordered = left.localizedStandardCompareFallback(right)
                } else {
                    return rows[a].id < rows[b].id  // stable for equal keys
                }
                return ascending ? ordered : !ordered
            }
        }
        visible = order
        reselect(id)
    }

    private mutating func reselect(_ id: Int64?) {
        if let id, let position = visible.firstIndex(where: { rows[$0].id == id }) {
            selected = position
        } else {
            selected = max(0, min(selected, visible.count - 1))
        }
    }
}

private extension Array where Element == String {
    subscript(safe index: Int) -> String { indices.contains(index) ? self[index] : "" }
}

private extension String {
    /// Case-insensitive order without Foundation: the console sorts names as people read them.
    func localizedStandardCompareFallback(_ other: String) -> Bool {
        let a = lowercased(), b = other.lowercased()
        return a == b ? self < other : a < b
    }
}
