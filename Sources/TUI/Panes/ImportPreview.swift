import Domain
import Foundation

/// The preview step shared by applicant upload and survey import: what the file holds, how its
/// columns were read, every problem with its line, then Import / Valid rows only / Cancel.
/// "Import" is offered only when every row is valid, since an import is all or nothing.
enum ImportPreview {
    /// The file's bytes, or a refusal in words (the reader's own limits check the content).
    static func read(_ path: String) throws -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
        } catch {
            throw PreviewFailure("cannot read \(path): \((error as NSError).localizedDescription)")
        }
    }

    /// What a preview shows: `summary` first, then the problems (what needs acting on), then
    /// `details` (how the columns were read, the first rows).
    struct Page {
        var summary: [ChoiceDialog.Line]
        var details: [ChoiceDialog.Line]
        var problems: [RowError]
    }

    /// Reads and checks `path` off the main thread, then shows the preview; Import (or Valid rows
    /// only) runs the import off the main thread too, and its result becomes the status line.
    /// `check` and `apply` get a store of their own; `page` and `result` word what they return.
    static func flow<Report: Sendable>(
        path: String, title: String, previewTitle: String, session: ConsoleSession,
        check: @escaping @Sendable (any Store, [UInt8]) throws -> Report, page: @escaping (Report) -> Page,
        apply: @escaping @Sendable (any Store, [UInt8], _ skipInvalid: Bool) throws -> Report, result: @escaping (Report) -> String
    ) -> PaneOutcome {
        let name = (path as NSString).lastPathComponent
        return .dialog(WorkingDialog(title: title, message: "Reading and checking \(name)…", glyphs: session.glyphs,
                                     factory: session.storeFactory, work: { store -> Checked<Report> in
            let file = try read(path)
            return Checked(file: file, report: try check(store, file))
        }, finish: { outcome in
            switch outcome {
            case .failure(let failure): return .status("Cannot import \(name): \(failure)")
            case .success(let checked):
                func run(_ skipInvalid: Bool) -> () -> PaneOutcome {
                    { .dialog(WorkingDialog(title: title, message: "Importing \(name)…", glyphs: session.glyphs, factory: session.storeFactory,
                                            work: { store in try apply(store, checked.file, skipInvalid) }, finish: { imported in
                        switch imported {
                        case .success(let report): return .changed(result(report))
                        case .failure(let failure): return .status("Import refused: \(failure)")
                        }
                    })) }
                }
                return .dialog(dialog(title: previewTitle, page(checked.report),
                                      glyphs: session.glyphs, importAll: run(false), importValid: run(true)))
            }
        }))
    }

    struct Checked<Report: Sendable>: Sendable {
        let file: [UInt8]
        let report: Report
    }

    static func dialog(title: String, _ page: Page, glyphs: Glyphs,
                       importAll: @escaping () -> PaneOutcome, importValid: @escaping () -> PaneOutcome) -> ChoiceDialog {
        var body = page.summary
        let problems = page.problems
        if !problems.isEmpty {
            body.append(.init("\(problems.count) problem\(problems.count == 1 ? "" : "s") (nothing is imported while any remain,", .error))
            body.append(.init("unless you choose to import the valid rows only):", .error))
            body += problems.map { .init("  " + $0.description, .error) }
        }
        body += page.details
        let buttons = problems.isEmpty
            ? [ChoiceDialog.Button("Import", importAll), ChoiceDialog.Button("Cancel") { .status("Import cancelled.") }]
            : [ChoiceDialog.Button("Valid rows only", importValid), ChoiceDialog.Button("Cancel") { .status("Import cancelled.") }]
        return ChoiceDialog(title: title, lines: body, buttons: buttons, defaultButton: problems.isEmpty ? 0 : 1, glyphs: glyphs)
    }
}

struct PreviewFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
