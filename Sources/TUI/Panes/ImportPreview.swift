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

    /// `summary` first, then the problems (what needs acting on), then `details` (how the columns
    /// were read, the first rows) — all in one scrollable list.
    static func dialog(title: String, summary: [ChoiceDialog.Line], details: [ChoiceDialog.Line], problems: [RowError], glyphs: Glyphs,
                       importAll: @escaping () throws -> String, importValid: @escaping () throws -> String) -> ChoiceDialog {
        var body = summary
        if !problems.isEmpty {
            body.append(.init("\(problems.count) problem\(problems.count == 1 ? "" : "s") (nothing is imported while any remain,", .error))
            body.append(.init("unless you choose to import the valid rows only):", .error))
            body += problems.map { .init("  " + $0.description, .error) }
        }
        body += details
        func run(_ work: @escaping () throws -> String) -> () -> PaneOutcome {
            {
                do { return .changed(try work()) } catch { return .status("Import refused: \(error)") }
            }
        }
        let buttons = problems.isEmpty
            ? [ChoiceDialog.Button("Import", run(importAll)), ChoiceDialog.Button("Cancel") { .status("Import cancelled.") }]
            : [ChoiceDialog.Button("Valid rows only", run(importValid)), ChoiceDialog.Button("Cancel") { .status("Import cancelled.") }]
        return ChoiceDialog(title: title, lines: body, buttons: buttons, defaultButton: problems.isEmpty ? 0 : 1, glyphs: glyphs)
    }
}

struct PreviewFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
