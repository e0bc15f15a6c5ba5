import Domain
import TUI

/// `console`: the full-screen console, signed in like every other command. (Its own sign-in
/// screen, and opening it when no command is given, come with the rest of the terminal UI.)
enum ConsoleCommand {
    static let command = CommandSpec(
        ["console"], summary: "Open the full-screen console (semesters so far; ? for help, q to quit)."
    ) { _, context in
        let actor = try context.actor()
        let store = try context.store()
        let organization = try store.read { try $0.organization(id: actor.organizationID) }
        let header = "Match Console — \(organization?.name ?? "?") — \(actor.staff.displayName) <\(actor.staff.email)> (\(actor.staff.role.rawValue))"
        let app = ConsoleApp(header: header, panes: [SemestersPane(service: SemesterService(store: store), actor: actor)])
        TerminalLoop.run(app)
    }
}
