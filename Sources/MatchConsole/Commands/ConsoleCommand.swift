import Credentials
import Domain
import Foundation
import Persistence
import TUI

/// `console` (and `match-console` alone, on a terminal): the full-screen console. With a password
/// in MATCH_CONSOLE_PASSWORD it signs in at once; otherwise it opens on its sign-in screen. Either
/// way, half an hour without a key press brings the sign-in screen back.
enum ConsoleCommand {
    static let command = CommandSpec(
        ["console"], summary: "Open the full-screen console (also what running match-console alone on a terminal does)."
    ) { _, context in
        // A full-screen program on a pipe or a file would draw into it and wait forever for keys.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure("the console needs a terminal (its input and output are not one); the commands work anywhere: match-console --help")
        }
        let store = try context.store()
        let makeSignIn = {
            SignInScreen(prefilledEmail: context.userEmail) { email, password in
                let actor = try context.authService(store).signIn(email: email, password: password, correlationID: CorrelationID.make())
                context.adopt(actor)
                return try view(for: actor, context)
            }
        }
        guard try context.authService(store).isInitialized() else {
            // An empty database: the console sets it up, as `init` would.
            let form = FirstRunForm.dialog { organization, email, name, password in
                let actor = try context.authService(store).initialize(organizationName: organization, adminEmail: email, adminName: name,
                                                                      password: password, correlationID: context.correlationID)
                context.adopt(actor)
                return try view(for: actor, context)
            }
            TerminalLoop.run(ConsoleApp(firstRun: form, makeSignIn: makeSignIn))
            return
        }
        if context.environment[PasswordInput.signInVariable] != nil, context.userEmail != nil {
            TerminalLoop.run(ConsoleApp(try view(for: try context.actor(), context), makeSignIn: makeSignIn))
            return
        }
        TerminalLoop.run(ConsoleApp(signIn: makeSignIn(), makeSignIn: makeSignIn))
    }

    static func view(for actor: Actor, _ context: CommandContext) throws -> ConsoleView {
        let organization = try context.store().read { try $0.organization(id: actor.organizationID) }
        let header = "Match Console — \(organization?.name ?? "?") — \(actor.staff.displayName) (\(actor.staff.role.rawValue))"
        let factory = SQLiteStoreFactory(path: context.databasePath)
        let session = ConsoleSession(
            actor: actor, semesters: try context.semesterService(), applicants: try context.applicantService(),
            matching: try context.matchingService(), feedback: try context.feedbackService(), quotas: try context.quotaService(),
            log: context.log, storeFactory: factory
        ) { job, inbox in
            // As on the command line: a job whose embedder cannot run ends failed, saying why.
            let pipeline = try JobWorker.pipeline(for: job, context: context)
            // The job's lines carry the correlation id of the key press that started it.
            return JobRunner.start(job, factory: factory, pipeline: pipeline,
                                   textDigest: SHA256Digest.bytes(of:), runnerPID: getpid(), log: context.log, inbox: inbox)
        }
        return ConsoleView(header: header, panes: ConsolePanes.all(session), session: session)
    }
}
