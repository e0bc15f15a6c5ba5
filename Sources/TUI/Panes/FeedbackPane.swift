import Domain
import Foundation

/// How the current semester's matches went: headline figures, the rating distribution, mentor
/// vs mentee averages, top tags, the matches that need attention with their comments, and the
/// trend across semesters. `i` imports a survey export (same preview as uploads), `a` adds one
/// answer, `e` exports the labeled dataset the next semester trains on.
public final class FeedbackPane: Pane {
    public let title = "Feedback"
    let session: ConsoleSession
    private(set) var summary: FeedbackSummary?
    private(set) var scrollOffset = 0
    private(set) var filterText = ""

    public init(session: ConsoleSession) {
        self.session = session
    }

    public var actions: [PaneAction] {
        let semester = session.noSemester
        let refusal = session.refusal(.manageFeedback)
        return [
            PaneAction(.character("i"), "import", "import survey", unavailable: semester ?? refusal),
            PaneAction(.character("a"), "add", "add feedback", unavailable: semester ?? refusal),
            PaneAction(.character("e"), "export", "export dataset", unavailable: semester ?? session.refusal(.export)),
        ]
    }

    public func refresh() throws {
        guard let semester = session.currentSemester else {
            summary = nil
            return
        }
        summary = try session.feedback.summary(semesterID: semester.id, by: session.actor)
    }

    public func handle(_ command: Command, pageSize: Int) -> PaneOutcome {
        switch command {
        case .moveDown: scrollOffset += 1
        case .moveUp: scrollOffset = max(0, scrollOffset - 1)
        case .pageDown: scrollOffset += max(1, pageSize - 14)
        case .pageUp: scrollOffset = max(0, scrollOffset - max(1, pageSize - 14))
        case .top: scrollOffset = 0
        default: return .ignored
        }
        return .handled
    }

    /// Filters the attention list by mentor email or comment text.
    public func setFilter(_ text: String) {
        filterText = text.lowercased()
        scrollOffset = 0
    }

    public func perform(_ action: String) -> PaneOutcome {
        guard let semester = session.currentSemester else { return .ignored }
        let session = self.session
        switch action {
        case "import":
            return .dialog(PathDialog(title: "Import survey answers into \(semester.name)", prompt: "CSV export of the survey:",
                                      glyphs: session.glyphs) { path in
                Self.importSurvey(path, semester: semester, session: session)
            })
        case "add": return .dialog(FeedbackForm.dialog(semester: semester, session: session))
        case "export":
            let suggested = FileManager.default.currentDirectoryPath + "/labeled-\(Self.slug(semester.name)).csv"
            return .dialog(PathDialog(title: "Export the labeled dataset of \(semester.name)",
                                      prompt: "File to write (.csv for spreadsheets, otherwise JSON):", initial: suggested,
                                      mustExist: false, glyphs: session.glyphs) { path in
                let rows = try session.feedback.export(semesterID: semester.id, by: session.actor)
                let data = try LabeledDatasetFile.contents(rows, format: LabeledDatasetFile.Format(path: path))
                do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                    throw PreviewFailure("cannot write \(path): \((error as NSError).localizedDescription)")
                }
                let positives = rows.filter { $0.label == 1 }.count
                return .status("Exported \(rows.count) labeled pairs (\(positives) positive) to \(path).")
            })
        default: return .ignored
        }
    }

    static func importSurvey(_ path: String, semester: Semester, session: ConsoleSession) -> PaneOutcome {
        let name = (path as NSString).lastPathComponent
        let actor = session.actor, semesterID = semester.id
        return ImportPreview.flow(
            path: path, title: "Survey answers for \(semester.name)", previewTitle: "Preview: \(name) → \(semester.name)", session: session,
            check: { store, file in
                try FeedbackService(store: store).importSurvey(semesterID: semesterID, file: file, skipInvalid: true, dryRun: true, by: actor)
            },
            page: { report in
                var summary: [ChoiceDialog.Line] = [.init("\(name): \(report.rows) answers")]
                summary += report.warnings.map { .init("warning: " + $0, .warning) }
                summary.append(.init("Valid: \(report.valid) · would add \(report.created), replace \(report.replaced)", .accent))
                var details: [ChoiceDialog.Line] = [.init("Columns:", .accent)]
                details += report.mappings.sorted { $0.value.rawValue < $1.value.rawValue }.map { .init("  \"\($0.key)\" → \($0.value.rawValue)") }
                return ImportPreview.Page(summary: summary, details: details, problems: report.problems)
            },
            apply: { store, file, skipInvalid in
                try FeedbackService(store: store).importSurvey(semesterID: semesterID, file: file, skipInvalid: skipInvalid, dryRun: false,
                                                               by: actor)
            },
            result: { report in "Imported \(name): \(report.created) added, \(report.replaced) replaced, \(report.skipped) skipped." })
    }

    private static func slug(_ name: String) -> String {
        String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
