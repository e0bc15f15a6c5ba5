import Foundation
import Testing
@testable import TUI

struct DialogRefused: Error, CustomStringConvertible {
    var description: String { "end date must come after the start date" }
}

@Suite("Dialogs: choices, forms and paths")
struct DialogTests {
    func outcomeText(_ outcome: DialogOutcome) -> String? {
        if case .close(let pane) = outcome { return pane.statusText ?? "closed" }
        return nil
    }

    @Test("a destructive confirmation starts on Cancel; arrows move; a first letter presses only when no other button shares it")
    func choices() {
        let confirm = ChoiceDialog.confirm("Close Fall 2026?", ["Closing is final."], confirm: "Close it", destructive: true,
                                           glyphs: .unicode) { .status("closed it") }
        #expect(confirm.chosen == 1)
        #expect(outcomeText(confirm.handle(.character("c"))) == nil, "c starts both Close it and Cancel")
        _ = confirm.handle(.left)
        #expect(outcomeText(confirm.handle(.enter)) == "closed it")

        let moves = ChoiceDialog(title: "Change status", lines: [], buttons: [
            .init("open") { .status("opened") }, .init("closed") { .status("closed") }, .init("Cancel") { .status("Cancelled.") },
        ], defaultButton: 2, glyphs: .unicode)
        #expect(outcomeText(moves.handle(.character("o"))) == "opened")
        #expect(outcomeText(moves.handle(.escape)) == "Cancelled.", "Esc is the last button, Cancel")
    }

    @Test("a form checks as you type, Enter goes to the first problem, choices cycle, and a refusal keeps it open with the reason")
    func form() {
        var submitted: [String]?
        let form = FormDialog(title: "New semester", fields: [
            .init("Name", check: { $0.isEmpty ? "a name is needed" : nil }),
            .init("Exclude same department", "no", kind: .choice(["no", "yes"])),
            .init("Password", kind: .secret),
        ], glyphs: .unicode) { values in
            guard values[0] != "Bad" else { throw DialogRefused() }
            submitted = values
            return .status("Created \(values[0]).")
        }
        var buffer = ScreenBuffer(width: 80, height: 24)
        form.draw(into: &buffer)
        #expect(buffer.lines.contains { $0.contains("a name is needed") })
        _ = form.handle(.tab)
        _ = form.handle(.right)
        #expect(form.values[1] == "yes")
        _ = form.handle(.tab)
        for character in "s3cret" { _ = form.handle(.character(character)) }
        buffer = ScreenBuffer(width: 80, height: 24)
        form.draw(into: &buffer)
        #expect(!buffer.lines.joined().contains("s3cret"), "secret fields are masked")
        #expect(outcomeText(form.handle(.enter)) == nil && form.focus == 0, "Enter jumps to the field with a problem")
        for character in "Bad" { _ = form.handle(.character(character)) }
        #expect(outcomeText(form.handle(.enter)) == nil && form.refusal == "end date must come after the start date")
        for _ in 0..<3 { _ = form.handle(.backspace) }
        for character in "Fall" { _ = form.handle(.character(character)) }
        #expect(outcomeText(form.handle(.enter)) == "Created Fall.")
        #expect(submitted == ["Fall", "yes", "s3cret"])
    }

    @Test("a path dialog completes with Tab, lists the candidates, and refuses folders and missing files in words")
    func path() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mc-dialog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("exports"), withIntermediateDirectories: true)
        for name in ["mentors.csv", "mentees.csv"] { try Data("email\n".utf8).write(to: folder.appendingPathComponent(name)) }
        defer { try? FileManager.default.removeItem(at: folder) }
        var opened: String?
        let dialog = PathDialog(title: "Upload", prompt: "CSV file:", initial: folder.path + "/men", glyphs: .unicode) { path in
            opened = path
            return .status("opened")
        }
        _ = dialog.handle(.tab)
        #expect(dialog.field.text == folder.path + "/ment" && dialog.candidates.sorted() == ["mentees.csv", "mentors.csv"])
        for character in "ors" { _ = dialog.handle(.character(character)) }
        _ = dialog.handle(.tab)
        #expect(dialog.field.text == folder.path + "/mentors.csv")
        #expect(outcomeText(dialog.handle(.enter)) == "opened" && opened == folder.path + "/mentors.csv")

        let folderDialog = PathDialog(title: "Upload", prompt: "CSV file:", initial: folder.path + "/exports", glyphs: .unicode) { _ in .handled }
        #expect(outcomeText(folderDialog.handle(.enter)) == nil && folderDialog.problem?.contains("is a folder") == true)
        let missing = PathDialog(title: "Upload", prompt: "CSV file:", initial: folder.path + "/nope.csv", glyphs: .unicode) { _ in .handled }
        #expect(outcomeText(missing.handle(.enter)) == nil && missing.problem?.hasPrefix("no file at") == true)
    }
}
