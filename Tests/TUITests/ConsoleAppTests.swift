import Foundation
import Testing
@testable import TUI

/// A pane over fixed rows, for layout tests.
final class FixedPane: Pane {
    let title: String
    var table = Table(columns: [.init("NAME", width: 12)])
    var refreshed = 0

    init(_ title: String, rows: [String]) {
        self.title = title
        table.setRows(rows.enumerated().map { Table.Row(id: Int64($0), cells: [$1]) })
    }

    func refresh() throws { refreshed += 1 }
    func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool) {
        table.draw(into: &buffer, x: x, y: y, width: width, height: height, focused: focused)
    }
    func handle(_ command: Command, pageSize: Int) -> PaneOutcome { table.handle(command, pageSize: pageSize) ? .handled : .ignored }
    func setFilter(_ text: String) { table.setFilter(text) }
}

@Suite("Console app layout and keys")
struct ConsoleAppTests {
    static func app() -> (ConsoleApp, FixedPane, FixedPane) {
        let first = FixedPane("Semesters", rows: ["Fall 2026", "Spring 2026"]), second = FixedPane("Other", rows: ["x"])
        let clock = Date(timeIntervalSince1970: 0)
        return (ConsoleApp(header: "Match Console — Northwind", panes: [first, second], clock: { clock }), first, second)
    }

    @Test("header, tabs, pane, status and footer at 80×24")
    func layout() {
        let (app, _, _) = Self.app()
        let lines = app.render(width: 80, height: 24).lines
        #expect(lines[0].hasPrefix(" Match Console — Northwind") && lines[1] == "  1 Semesters   2 Other")
        #expect(lines[3] == " NAME" && lines[4] == " Fall 2026" && lines[5] == " Spring 2026")
        #expect(lines[22] == " Press ? for help, q to quit.")
        #expect(lines[23] == " " + KeyMap.standard.footer(width: 78))
    }

    @Test("below 80×24 the console says so instead of drawing a broken layout")
    func tooSmall() {
        let (app, _, _) = Self.app()
        #expect(app.render(width: 60, height: 20).lines[10] == String(repeating: " ", count: 14) + "terminal too small (need 80×24)")
    }

    @Test("keys: panes, help, filter typing, quit")
    func keys() {
        let (app, first, second) = Self.app()
        // Only the pane on screen loads at start; another loads when switched to.
        #expect(first.refreshed == 1 && second.refreshed == 0)
        app.handle(.tab)
        #expect(app.current == 1 && second.refreshed == 1)
        app.handle(.character("1"))
        #expect(app.current == 0 && first.refreshed == 2)
        app.handle(.character("?"))
        #expect(app.showingHelp && app.render(width: 80, height: 24).lines.contains { $0.contains("Keys (Esc or ? to close)") })
        app.handle(.escape)
        #expect(!app.showingHelp)
        for key: Key in [.character("/"), .character("s"), .character("p"), .enter] { app.handle(key) }
        #expect(app.status == "Filter: sp" && first.table.visible.count == 1)
        #expect(app.render(width: 80, height: 24).lines[3].hasSuffix(" /sp  1 of 2"), "the table says it is filtered")
        app.handle(.character("q"))
        #expect(app.finished)
    }

    @Test("help at 80×24 shows the pane's keys first and every global key, in columns when one does not fit")
    func helpFits() {
        final class BusyPane: Pane {
            let title = "Matching"
            var actions: [PaneAction] {
                ["r run matching", "c cancel job", "v switch view", "l lock pair", "x forbid pair"].map { entry in
                    PaneAction(.character(entry.first!), String(entry.dropFirst(2)), String(entry.dropFirst(2)),
                               unavailable: entry.first == "c" ? "no job is running" : nil)
                }
            }
            func refresh() throws {}
            func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool) {}
            func handle(_ command: Command, pageSize: Int) -> PaneOutcome { .ignored }
            func setFilter(_ text: String) {}
        }
        let app = ConsoleApp(header: "Match Console", panes: [BusyPane()])
        app.handle(.character("?"))
        let screen = app.render(width: 80, height: 24).lines.joined(separator: "\n")
        #expect(screen.contains("Matching pane:") && screen.contains("cancel job (unavailable: no job is running)"))
        for help in KeyMap.standard.helpLines {
            #expect(screen.contains(help.trimmingCharacters(in: .whitespaces)), "\(help) is on the help screen")
        }
    }
}

