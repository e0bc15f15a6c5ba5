import Foundation
import Testing
@testable import TUI

struct Refused: Error, CustomStringConvertible {
    var description: String { "sign-in failed: unknown email or wrong password" }
}

@Suite("Text fields and the sign-in screen")
struct SignInTests {
    @Test("editing: insert, move, delete, Home/End; masking shows bullets only")
    func editing() {
        var field = TextField(label: "Password", masked: true)
        for character in "secreT" { _ = field.handle(.character(character)) }
        _ = field.handle(.backspace)
        _ = field.handle(.home)
        _ = field.handle(.delete)
        _ = field.handle(.end)
        _ = field.handle(.character("!"))
        #expect(field.text == "ecre!" && field.cursor == 5)
        #expect(!field.handle(.enter) && !field.handle(.character("\u{1B}")))
        var buffer = ScreenBuffer(width: 30, height: 1)
        field.draw(into: &buffer, x: 0, y: 0, width: 30, focused: true)
        #expect(buffer.lines[0].hasPrefix("Password  •••••") && !buffer.lines[0].contains("ecre"))
    }

    @Test("a refused sign-in shows the reason and clears the password; a good one opens the panes")
    func signIn() {
        var attempts: [(String, String)] = []
        let screen = SignInScreen { email, password in
            attempts.append((email, password))
            guard password == "right-password" else { throw Refused() }
            return ConsoleView(header: "Match Console — Northwind", panes: [FixedPane("Semesters", rows: ["Fall 2026"])])
        }
        let app = ConsoleApp(signIn: screen)
        for character in "ada@example.org" { app.handle(.character(character)) }
        app.handle(.tab)
        for character in "wrong" { app.handle(.character(character)) }
        app.handle(.enter)
        #expect(attempts.last?.0 == "ada@example.org" && screen.password.text.isEmpty)
        #expect(app.render(width: 80, height: 24).lines.contains { $0.contains("sign-in failed: unknown email or wrong password") })
        for character in "right-password" { app.handle(.character(character)) }
        app.handle(.enter)
        #expect(app.signIn == nil && app.panes.count == 1)
        #expect(app.render(width: 80, height: 24).lines[4] == " Fall 2026")
    }

    @Test("Esc on the sign-in screen quits")
    func escape() {
        let app = ConsoleApp(signIn: SignInScreen { _, _ in throw Refused() })
        app.handle(.escape)
        #expect(app.finished)
    }

    @Test("half an hour without a key press brings back the sign-in screen, saying why; a key press resets the wait")
    func idleSignOut() {
        final class Clock: @unchecked Sendable { var now = Date(timeIntervalSince1970: 0) }
        let clock = Clock()
        let makeSignIn = { SignInScreen { _, _ in ConsoleView(header: "Match Console — Northwind", panes: [FixedPane("Semesters", rows: ["Fall 2026"])]) } }
        let app = ConsoleApp(ConsoleView(header: "Match Console — Northwind", panes: [FixedPane("Semesters", rows: ["Fall 2026"])]),
                             clock: { clock.now }, makeSignIn: makeSignIn)
        clock.now += ConsoleApp.idleSignOut - 1
        #expect(!app.tick() && app.signIn == nil)
        app.handle(.down)
        clock.now += ConsoleApp.idleSignOut - 1
        app.tick()
        #expect(app.signIn == nil, "the key press started the half hour again")
        clock.now += 2
        #expect(app.tick() && app.signIn != nil && app.panes.isEmpty)
        #expect(app.render(width: 80, height: 24).lines.contains { $0.contains("Signed out after 30 minutes without a key press.") })
    }
}

