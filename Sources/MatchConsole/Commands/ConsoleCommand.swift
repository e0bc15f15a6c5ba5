import Domain
import Foundation
import TUI

/// `console` (and `match-console` alone, on a terminal): the full-screen console. With a password
/// in MATCH_CONSOLE_PASSWORD it signs in at once; otherwise it opens on its sign-in screen.
enum ConsoleCommand {
    static let command = CommandSpec(
        ["console"], summary: "Open the full-screen console (also what running match-console alone on a terminal does)."
    ) { _, context in
        let store = try context.store()
        guard try context.authService(store).isInitialized() else { throw DomainError.notInitialized }
        if context.environment[PasswordInput.signInVariable] != nil, context.userEmail != nil {
            let actor = try context.actor()
            TerminalLoop.run(ConsoleApp(header: try header(for: actor, context), panes: try panes(for: actor, context)))
            return
        }
        let screen = SignInScreen(prefilledEmail: context.userEmail) { email, password in
            let actor = try context.authService(store).signIn(email: email, password: password, correlationID: CorrelationID.make())
            context.adopt(actor)
            return (try header(for: actor, context), try panes(for: actor, context))
        }
        TerminalLoop.run(ConsoleApp(signIn: screen))
    }

    private static func header(for actor: Actor, _ context: CommandContext) throws -> String {
        let organization = try context.store().read { try $0.organization(id: actor.organizationID) }
        return "Match Console — \(organization?.name ?? "?") — \(actor.staff.displayName) <\(actor.staff.email)> (\(actor.staff.role.rawValue))"
    }

    private static func panes(for actor: Actor, _ context: CommandContext) throws -> [any Pane] {
        [SemestersPane(service: try context.semesterService(), actor: actor)]
    }
}
