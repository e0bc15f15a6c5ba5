import Domain

/// How semesters read in a terminal (the JSON form is the models' own encoding).
enum SemesterText {
    static func details(_ semester: Semester) -> [String] {
        [
            "Semester #\(semester.id): \(semester.name) [\(semester.status.rawValue)]",
            "  Dates               \(semester.startDate) to \(semester.endDate)",
            "  Mentor quota        \(semester.mentorQuota)",
            "  Mentee quota        \(semester.menteeQuota)",
            "  Mentees per mentor  \(semester.defaultMenteesPerMentor) (for mentors who state no capacity)",
            "  Matching rules      \(semester.rules.summary)",
            "  Next statuses       \(nextStatuses(semester.status))",
            "  Created             \(LocalTime.string(semester.createdAt))",
            "  Updated             \(LocalTime.string(semester.updatedAt))",
        ]
    }

    static func stats(_ stats: SemesterStats, of semester: Semester) -> [String] {
        [
            "Semester #\(semester.id): \(semester.name) [\(semester.status.rawValue)]",
            "  Mentors             \(stats.mentors) of \(stats.mentorQuota) (capacity for \(stats.mentorCapacity) mentees)",
            "  Mentees             \(stats.mentees) of \(stats.menteeQuota)",
            "  Matched mentees     \(stats.matchedMentees) (\(stats.unmatchedMentees) unmatched)",
            "  Groups              \(stats.groups)",
            "  Avg compatibility   \(number(stats.averageCompatibility))",
            "  Feedback            \(stats.feedbackCount) (average rating \(number(stats.averageRating)))",
        ]
    }

    private static func nextStatuses(_ status: SemesterStatus) -> String {
        let next = status.allowedNextStatuses.map(\.rawValue)
        return next.isEmpty ? "none (closed is final)" : next.joined(separator: ", ")
    }

    private static func number(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.2f", value)
    }
}
