/// The screen as a grid of cells. Everything the console shows is drawn here first; the terminal
/// layer copies only the cells that changed since the last frame, and tests read it as text.
public struct ScreenBuffer: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        /// The character that starts at this cell; empty for the second cell of a wide character.
        public var character: Character?
        public var style: StyleRole

        public static let blank = Cell(character: " ", style: .normal)
    }

    public let width: Int
    public let height: Int
    private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    public mutating func clear() {
        for index in cells.indices { cells[index] = .blank }
    }

    /// Writes `text` from (x, y), clipped to `limit` cells and to the screen; returns the cells used.
    /// A wide character that would not fit whole is replaced by a space.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: StyleRole = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        for character in text {
            let cells = DisplayWidth.of(character)
            guard cells > 0 else { continue }
            if column + cells > end {
                if column < end { set(column, y, Cell(character: " ", style: style)) }
                break
            }
            if column >= 0 {
                set(column, y, Cell(character: character, style: style))
                if cells == 2 { set(column + 1, y, Cell(character: nil, style: style)) }
            }
            column += cells
        }
        return max(0, column - x)
    }

    /// Fills a rectangle with spaces of one style (backgrounds, selections).
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, style: StyleRole) {
        for row in max(0, y)..<min(self.height, y + height) {
            for column in max(0, x)..<min(self.width, x + width) { set(column, row, Cell(character: " ", style: style)) }
        }
    }

    /// The rows as plain text, trailing spaces trimmed: what a person would read off the screen.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                if let character = self[column, row].character { line.append(character) }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The cells that differ from `previous`, row by row, as runs the terminal layer can draw.
    public func changes(since previous: ScreenBuffer?) -> [(x: Int, y: Int, count: Int)] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { (0, $0, width) }
        }
        var runs: [(x: Int, y: Int, count: Int)] = []
        for row in 0..<height {
            var column = 0
            while column < width {
                guard self[column, row] != previous[column, row] else { column += 1; continue }
                let start = column
                while column < width && self[column, row] != previous[column, row] { column += 1 }
                runs.append((start, row, column - start))
            }
        }
        return runs
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        // Overwriting half of a wide character blanks its other half.
        if cells[y * width + x].character == nil, x > 0, self[x - 1, y].character.map(DisplayWidth.of) == 2 {
            cells[y * width + x - 1] = Cell(character: " ", style: self[x - 1, y].style)
        }
        if let old = cells[y * width + x].character, DisplayWidth.of(old) == 2, x + 1 < width, cell.character.map(DisplayWidth.of) != 2 {
            cells[y * width + x + 1] = Cell(character: " ", style: cells[y * width + x + 1].style)
        }
        cells[y * width + x] = cell
    }
}
