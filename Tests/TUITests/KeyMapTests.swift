import Testing
@testable import TUI

@Suite("Key map")
struct KeyMapTests {
    @Test("no key is bound twice")
    func noDuplicates() {
        #expect(KeyMap.standard.duplicateKeys.isEmpty)
        let broken = KeyMap([.init([.character("q")], .quit, "quit"), .init([.character("q")], .help, "help")])
        #expect(broken.duplicateKeys == [.character("q")])
    }

    @Test("arrows and vim keys dispatch the same commands")
    func dispatch() {
        let map = KeyMap.standard
        #expect(map.command(for: .up) == .moveUp && map.command(for: .character("k")) == .moveUp)
        #expect(map.command(for: .character("G")) == .bottom && map.command(for: .character("?")) == .help)
        #expect(map.command(for: .character("x")) == nil)
    }

    @Test("footer hints and help come from the same table")
    func hints() {
        #expect(KeyMap.standard.footer(width: 200) == "Tab next pane  Enter open or choose  / filter  s sort by next column  ? help  q quit")
        #expect(KeyMap.standard.footer(width: 20) == "Tab next pane  Ente…")
        #expect(KeyMap.standard.helpLines.count == KeyMap.standard.bindings.count)
        let first = KeyMap.standard.helpLines[0], paging = KeyMap.standard.helpLines[2]
        #expect(first.hasPrefix("↑ k ") && first.hasSuffix("  move up") && paging.hasPrefix("PgUp Ctrl-B"))
    }
}

@Suite("Table widget")
struct TableTests {
    static func table(_ count: Int = 5) -> Table {
        var table = Table(columns: [.init("NAME", width: 10), .init("SCORE", width: 6, numeric: true)])
        table.setRows((0..<count).map { Table.Row(id: Int64($0), cells: ["Person \($0)", String(count - $0 * 2)]) })
        return table
    }

    @Test("sorts numerically, the same key reversing, and keeps the selected row selected")
    func sorting() {
        var table = Self.table()
        _ = table.handle(.moveDown, pageSize: 3)
        #expect(table.selectedRow?.id == 1)
        table.sort(by: 1)
        #expect(table.visible.map { table.rows[$0].cells[1] } == ["-3", "-1", "1", "3", "5"])
        #expect(table.selectedRow?.id == 1)
        table.sort(by: 1)
        #expect(table.visible.map { table.rows[$0].cells[1] } == ["5", "3", "1", "-1", "-3"] && !table.ascending)
    }

    @Test("a click on a column's title sorts by it, a second click reverses; a click on a row selects it")
    func clicks() {
        var table = Self.table()
        var hit = table.click(line: 0, x: 13)
        #expect(hit && table.sortColumn == 1 && table.ascending)
        hit = table.click(line: 0, x: 16)
        #expect(hit && table.sortColumn == 1 && !table.ascending)
        hit = table.click(line: 0, x: 2)
        #expect(hit && table.sortColumn == 0)
        hit = table.click(line: 0, x: 40)
        #expect(!hit, "past the last column")
        hit = table.click(line: 3, x: 0)
        #expect(hit && table.selectedRow?.id == 2)
        hit = table.click(line: 9, x: 0)
        #expect(!hit, "below the last row")
    }

    @Test("filters case-insensitively; paging and bounds")
    func filteringAndPaging() {
        var table = Self.table(100)
        table.setFilter("PERSON 1")
        #expect(table.visible.count == 11)
        table.setFilter("")
        _ = table.handle(.pageDown, pageSize: 30)
        _ = table.handle(.pageDown, pageSize: 30)
        #expect(table.selected == 61, "the filter kept Person 1 selected, and paging starts from it")
        _ = table.handle(.bottom, pageSize: 30)
        _ = table.handle(.moveDown, pageSize: 30)
        #expect(table.selected == 99)
        _ = table.handle(.top, pageSize: 30)
        _ = table.handle(.moveUp, pageSize: 30)
        #expect(table.selected == 0)
    }

    @Test("draws the header with the sort arrow and scrolls to keep the selection visible")
    func drawing() {
        var table = Self.table()
        table.sort(by: 0)
        _ = table.handle(.bottom, pageSize: 2)
        var terminal = VirtualTerminal(width: 20, height: 3)
        terminal.draw { table.draw(into: &$0, x: 0, y: 0, width: 20, height: 3, focused: true) }
        #expect(terminal.mismatch("""
            NAME↑      SCORE
            Person 3   -1
            Person 4   -3
            """) == nil)
        #expect(terminal.buffer[0, 2].style == .selected && terminal.buffer[0, 1].style == .normal)
    }

    @Test("100,000 rows: drawing touches only the visible ones")
    func large() {
        var table = Self.table(100_000)
        _ = table.handle(.bottom, pageSize: 30)
        var terminal = VirtualTerminal(width: 20, height: 4)
        terminal.draw { table.draw(into: &$0, x: 0, y: 0, width: 20, height: 4, focused: false) }
        #expect(terminal.buffer.lines.last == "Person 99… -99998")
    }
}
