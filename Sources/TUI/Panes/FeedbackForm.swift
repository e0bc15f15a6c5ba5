import Domain

/// One answer typed in by staff (a phone call, an email): the same checks as the survey import.
enum FeedbackForm {
    static func dialog(semester: Semester, session: ConsoleSession) -> FormDialog {
        let fields: [FormDialog.Field] = [
            .init("Email of the mentor or mentee", check: { $0.contains("@") ? nil : "an email address" }),
            .init("Rating (1–5)", "5", kind: .choice(["1", "2", "3", "4", "5"])),
            .init("Tags (comma separated)", check: { (try? FeedbackService.normalizedTags(FeedbackService.tagList($0))) == nil
                    ? "at most 10 tags of up to 40 characters" : nil }),
            .init("Comment", check: { $0.count > 2_000 ? "at most 2,000 characters" : nil }),
        ]
        return FormDialog(title: "Add feedback for \(semester.name)", fields: fields, glyphs: session.glyphs) { values in
            let submission = FeedbackService.Submission(
                email: values[0].trimmingCharacters(in: .whitespaces), rating: try FeedbackService.rating(from: values[1]),
                tags: try FeedbackService.normalizedTags(FeedbackService.tagList(values[2])), comment: values[3])
            let role = try session.feedback.submit(semesterID: semester.id, submission, by: session.actor)
            return .changed("Recorded \(submission.rating)/5 from \(submission.email) (\(role.rawValue)).")
        }
    }
}
