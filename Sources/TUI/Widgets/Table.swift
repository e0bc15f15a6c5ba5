import Foundation

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
    private var lowered: [[String]] = []
    /// A numeric column's cells as numbers, for the column last sorted by.
    private var cachedNumbers: (column: Int, values: [Double?])?
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
        // Each cell lower-cased once, per column: a sort compares these, and a keystroke in the
        // filter is a byte search through each row's joined cells.
        lowered = columns.indices.map { column in newRows.map { $0.cells[safe: column].lowercased() } }
        haystacks = newRows.indices.map { row in Array(lowered.map { $0[row] }.joined(separator: "\u{1}").utf8) }
        cachedNumbers = nil
        arrange(keeping: keep)
    }

    /// A filter that extends the previous one can only narrow it: only the rows still shown are
    /// searched, and they keep their order, so typing stays fast on 100,000 rows.
    public mutating func setFilter(_ text: String) {
        let keep = selectedRow?.id
        let previous = filter.lowercased()
        filter = text
        let needle = Array(text.lowercased().utf8)
        // With no filter before, every row is shown, already sorted: narrowing applies too.
        if !needle.isEmpty, previous.isEmpty || text.lowercased().contains(previous) {
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
        if !filter.isEmpty {
            // The filter stays in sight for as long as it narrows the table, whatever the status line says.
            let note = " /\(filter)  \(visible.count) of \(rows.count) "
            let noteWidth = DisplayWidth.of(note)
            if noteWidth < width / 2 { buffer.write(note, x: x + width - noteWidth, y: y, style: .key) }
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

    /// A click on the n-th line of the table (0 is the header) at column `x` from its left edge:
    /// a header click sorts by that column (again: reversed), a row click selects the row.
    public mutating func click(line: Int, x: Int) -> Bool {
        guard line == 0 else { return select(visibleLine: line - 1) }
        var left = 0
        for (index, column) in columns.enumerated() {
            if x >= left && x < left + column.width + 1 {
                sort(by: index)
                return true
            }
            left += column.width + 1
        }
        return false
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
                // memchr finds each candidate first byte with vector instructions; most rows have few.
                let last = hay.count - pin.count
                var start = 0
                while start <= last, let found = memchr(hay.baseAddress! + start, Int32(pin[0]), last - start + 1) {
                    let position = hay.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hay.baseAddress! + position, pin.baseAddress!, pin.count) == 0 { return true }
                    start = position + 1
                }
                return false
            }
        }
    }

    /// A numeric column's cells read as numbers, once per set of rows and kept for the next sort.
    private mutating func numbers(for column: Int) -> [Double?] {
        guard columns[column].numeric else { return [] }
        if let cached = cachedNumbers, cached.column == column { return cached.values }
        let values = rows.map { Double($0.cells[safe: column]) }
        cachedNumbers = (column, values)
        return values
    }

    private mutating func arrange(keeping id: Int64?) {
        let needle = Array(filter.lowercased().utf8)
        var order = rows.indices.filter { matches($0, needle) }
        if let sortColumn {
            let numbers = numbers(for: sortColumn), keys = lowered[sortColumn]
            let ascending = self.ascending
            order.sort { a, b in
                let ordered: Bool
                if let x = numbers[safe: a] ?? nil, let y = numbers[safe: b] ?? nil, x != y {
                    ordered = x < y
                } else if keys[a] != keys[b] {
                    ordered = keys[a] < keys[b]
                } else if rows[a].cells[safe: sortColumn] != rows[b].cells[safe: sortColumn] {
                    ordered = rows[a].cells[safe: sortColumn] < rows[b].cells[safe: sortColumn]
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

private extension Array where Element == Double? {
    subscript(safe index: Int) -> Double? { indices.contains(index) ? self[index] : nil }
}

