import Domain

/// The new/edit semester form: the same fields and the same checks for both, the service's own
/// validation behind them for everything a field cannot see alone (end after start, unique name).
enum SemesterForm {
    static func dialog(editing semester: Semester?, session: ConsoleSession) -> FormDialog {
        let draft = semester?.draft
        let fields: [FormDialog.Field] = [
            .init("Name", draft?.name ?? "", check: { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "a name is needed" : nil }),
            .init("Start (YYYY-MM-DD)", draft?.startDate.description ?? "", check: date),
            .init("End (YYYY-MM-DD)", draft?.endDate.description ?? "", check: date),
            .init("Mentor quota", draft.map { String($0.mentorQuota) } ?? "", check: count),
            .init("Mentee quota", draft.map { String($0.menteeQuota) } ?? "", check: count),
            .init("Mentees per mentor", String(draft?.defaultMenteesPerMentor ?? SemesterDraft.defaultMenteesPerMentor), check: count),
        ] + RuleFields.fields(draft?.rules)
        return FormDialog(title: semester.map { "Edit \($0.name)" } ?? "New semester", fields: fields, glyphs: session.glyphs) { values in
            let rules = RuleFields.rules(values[6...])
            let typed = SemesterDraft(name: values[0].trimmingCharacters(in: .whitespaces), startDate: CalendarDate(parsing: values[1].trimmingCharacters(in: .whitespaces))!,
                                      endDate: CalendarDate(parsing: values[2].trimmingCharacters(in: .whitespaces))!, mentorQuota: whole(values[3]),
                                      menteeQuota: whole(values[4]), defaultMenteesPerMentor: whole(values[5]), rules: rules)
            if let semester {
                let updated = try session.semesters.update(semester.id, SemesterChanges(
                    name: typed.name, startDate: typed.startDate, endDate: typed.endDate, mentorQuota: typed.mentorQuota,
                    menteeQuota: typed.menteeQuota, defaultMenteesPerMentor: typed.defaultMenteesPerMentor, rules: typed.rules),
                    by: session.actor)
                return .changed("Saved \(updated.name).")
            }
            let created = try session.semesters.create(typed, by: session.actor)
            return .changed("Created \(created.name) (draft). Press t to open it for applicants.")
        }
    }

    /// Only called on values `count` accepted.
    private static func whole(_ text: String) -> Int { Int(text.trimmingCharacters(in: .whitespaces)) ?? 0 }

    private static func date(_ text: String) -> String? {
        CalendarDate(parsing: text.trimmingCharacters(in: .whitespaces)) == nil ? "a date as YYYY-MM-DD, e.g. 2027-01-15" : nil
    }

    private static func count(_ text: String) -> String? {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else { return "a whole number" }
        return value < 1 ? "at least 1" : nil
    }
}
