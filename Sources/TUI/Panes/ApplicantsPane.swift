import Domain
import Foundation

/// The current semester's applicants: a table with a role filter, search (`/`) and sort; Enter
/// shows one applicant whole, `u` uploads a CSV through a preview, `d` removes one after a
/// confirmation. The quota line says how many uploads are left today.
public final class ApplicantsPane: Pane {
    public let title = "Applicants"
    private let session: ConsoleSession
    private var table = Table(columns: [
        .init("NAME", width: 22), .init("EMAIL", width: 28), .init("ROLE", width: 6), .init("FIELD", width: 18),
        .init("SENIORITY", width: 9, numeric: true), .init("CAPACITY", width: 8, numeric: true), .init("INTERESTS", width: 30),
    ])
    private var applicants: [Int64: ApplicantSummary] = [:]
    private var counts = (mentors: 0, mentees: 0)
    private var role: ApplicantRole?
    private var quotaLine = ""

    public init(session: ConsoleSession) {
        self.session = session
    }

    private var selected: ApplicantSummary? { table.selectedRow.flatMap { applicants[$0.id] } }

    public var actions: [PaneAction] {
        let semester = session.noSemester
        let refusal = session.refusal(.uploadApplicants)
        return [
            PaneAction(.character("u"), "upload", "upload CSV", unavailable: semester ?? refusal),
            PaneAction(.character("d"), "remove", "remove applicant",
                       unavailable: semester ?? refusal ?? (selected == nil ? "no applicant is selected" : nil)),
            PaneAction(.character("m"), "role", "mentors/mentees/all", unavailable: semester),
        ]
    }

    public func refresh() throws {
        guard let semester = session.currentSemester else {
            applicants = [:]
            table.setRows([])
            return
        }
        let list = try session.applicants.summaries(semesterID: semester.id, filter: ApplicantFilter(role: role), by: session.actor)
        applicants = Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
        table.setRows(list.map { applicant in
            Table.Row(id: applicant.id, cells: [
                applicant.name, applicant.email, applicant.role.rawValue, applicant.field,
                applicant.seniority.map(Self.number) ?? "",
                applicant.role == .mentor ? String(applicant.capacity ?? semester.defaultMenteesPerMentor) : "",
                applicant.interests,
            ])
        })
        let stats = try session.semesters.stats(semester.id, by: session.actor)
        counts = (stats.mentors, stats.mentees)
        if let uploads = try session.quotas.usage(by: session.actor).first {
            quotaLine = "uploads today \(uploads.used)/\(uploads.limit)"
        }
    }

    public func draw(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int, focused: Bool) {
        guard let semester = session.currentSemester else {
            buffer.write(ConsoleSession.noSemesterNotice, x: x, y: y, style: .muted)
            return
        }
        let shown = role.map { "\($0.rawValue)s only" } ?? "all roles"
        let summary = "\(semester.name): \(counts.mentors) mentors, \(counts.mentees) mentees · showing \(shown), \(table.visible.count) rows"
        buffer.write(DisplayWidth.fit(summary, width - DisplayWidth.of(quotaLine) - 2), x: x, y: y, style: .normal)
        buffer.write(quotaLine, x: x + width - DisplayWidth.of(quotaLine), y: y, style: .muted)
        guard !table.rows.isEmpty else {
            let hint = session.refusal(.uploadApplicants) == nil ? "Press u to upload a CSV file." : "A coordinator or admin can upload them."
            buffer.write("No applicants yet. " + hint, x: x, y: y + 2, style: .muted)
            return
        }
        table.draw(into: &buffer, x: x, y: y + 1, width: width, height: height - 1, focused: focused)
    }

    public func handle(_ command: Command, pageSize: Int) -> PaneOutcome {
        if command == .select, let chosen = selected, let semester = session.currentSemester {
            do {
                let applicant = try session.applicants.find(semesterID: semester.id, email: chosen.email, by: session.actor)
                return .dialog(ChoiceDialog.message(applicant.name, Self.details(applicant), glyphs: session.glyphs))
            } catch {
                return .status("Could not open \(chosen.email): \(error)")
            }
        }
        return table.handle(command, pageSize: pageSize - 1) ? .handled : .ignored
    }

    public func perform(_ action: String) -> PaneOutcome {
        guard let semester = session.currentSemester else { return .ignored }
        switch action {
        case "upload":
            return .dialog(PathDialog(title: "Upload applicants to \(semester.name)", prompt: "CSV file (Tab completes, ~ for home):",
                                      glyphs: session.glyphs) { [session] path in
                Self.upload(path, semester: semester, session: session)
            })
        case "remove":
            guard let applicant = selected else { return .ignored }
            return .dialog(ChoiceDialog.confirm("Remove \(applicant.name)?", [
                "\(applicant.email) (\(applicant.role.rawValue)) leaves \(semester.name).",
                "Uploading a file that lists them again brings them back.",
            ], confirm: "Remove", destructive: true, glyphs: session.glyphs) { [session] in
                do {
                    try session.applicants.remove(semesterID: semester.id, email: applicant.email, by: session.actor)
                    return .changed("Removed \(applicant.email).")
                } catch {
                    return .status("Could not remove \(applicant.email): \(error)")
                }
            })
        case "role":
            role = role == nil ? .mentor : role == .mentor ? .mentee : nil
            do { try refresh() } catch { return .status("Could not load applicants: \(error)") }
            return .status("Showing " + (role.map { "\($0.rawValue)s only." } ?? "all applicants."))
        default:
            return .ignored
        }
    }

    public func click(line: Int, x: Int) -> PaneOutcome {
        // The table starts under the summary line.
        table.click(line: line - 1, x: x) ? .handled : .ignored
    }

    public func setFilter(_ text: String) {
        table.setFilter(text)
    }

    static func upload(_ path: String, semester: Semester, session: ConsoleSession) -> PaneOutcome {
        let name = (path as NSString).lastPathComponent
        let actor = session.actor, semesterID = semester.id
        return ImportPreview.flow(
            path: path, title: "Upload to \(semester.name)", previewTitle: "Preview: \(name) → \(semester.name)", session: session,
            check: { store, file in try ApplicantService(store: store).preview(semesterID: semesterID, file: file, by: actor) },
            page: { page($0, name: name) },
            apply: { store, file, skipInvalid in
                try ApplicantService(store: store).importFile(semesterID: semesterID, file: file, skipInvalid: skipInvalid, by: actor)
            },
            result: { report in
                "Imported \(name): \(report.created) created, \(report.updated) updated, \(report.unchanged) unchanged, \(report.skipped) skipped."
            })
    }

    private static func page(_ report: ImportReport, name: String) -> ImportPreview.Page {
        var summary: [ChoiceDialog.Line] = [
            .init("\(name): \(report.rows) rows, \(report.encoding.rawValue), delimiter \(report.delimiter == "\t" ? "tab" : report.delimiter)"),
        ]
        summary += report.warnings.map { .init("warning: " + $0, .warning) }
        summary.append(.init("Valid: \(report.validMentors) mentors, \(report.validMentees) mentees · would create \(report.created), "
                             + "update \(report.updated), leave \(report.unchanged) unchanged", .accent))
        var details: [ChoiceDialog.Line] = [.init("Columns:", .accent)]
        details += report.mappings.map { .init("  " + $0.summary) }
        if !report.sample.isEmpty {
            details.append(.init("First rows:", .accent))
            details += report.sample.prefix(5).map { .init("  line \($0.line): \($0.name) <\($0.email)> \($0.role.rawValue) \($0.field)") }
        }
        return ImportPreview.Page(summary: summary, details: details, problems: report.problems)
    }

    /// "12" or "2.5": whole numbers without a decimal point (String(format:) costs too much per row).
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func details(_ applicant: Applicant) -> [ChoiceDialog.Line] {
        var fields: [(String, String)] = [
            ("Email", applicant.email), ("Role", applicant.role.rawValue), ("Field", applicant.field),
            ("Seniority", applicant.seniority.map(Self.number) ?? ""), ("Department", applicant.department),
            ("Capacity", applicant.capacity.map(String.init) ?? ""), ("Interests", applicant.interests), ("Goals", applicant.goals),
            ("Availability", applicant.availability), ("Languages", applicant.languages), ("Time zone", applicant.timezone),
            ("Bio", applicant.bio),
        ]
        fields += applicant.extra.map { ($0.name, $0.value) }
        return fields.filter { !$0.1.isEmpty }.map { .init(DisplayWidth.pad($0.0, 13) + $0.1) }
    }
}
