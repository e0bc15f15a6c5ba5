import Foundation

/// Step 1: applicants → participants. Text is normalised (Unicode NFKC, lower case, white space
/// collapsed), list fields are split on the separators people use (`,` `;` `/` `|` and "and"),
/// capacities resolved from the semester default, and unusable applicants set aside with a reason.
public enum Preprocess {
    public struct Output: Sendable {
        public var mentors: [Participant]
        public var mentees: [Participant]
        public var setAside: [SetAside]
    }

    public static func run(_ applicants: [Applicant], defaultCapacity: Int, isCancelled: () -> Bool = { false },
                           progress: (Int, Int) -> Void = { _, _ in }) throws -> Output {
        var output = Output(mentors: [], mentees: [], setAside: [])
        // Applicants arrive sorted by id so that the same input always gives the same order.
        let ordered = applicants.sorted { $0.id < $1.id }
        for (index, applicant) in ordered.enumerated() {
            if index % 512 == 0 {
                if isCancelled() { throw MatchingCancelled() }
                progress(index, ordered.count)
            }
            let participant = Participant(
                applicantID: applicant.id, email: applicant.email, name: applicant.name, role: applicant.role,
                field: normalize(applicant.field), department: normalize(applicant.department),
                seniority: applicant.seniority, interests: items(applicant.interests),
                availability: items(applicant.availability), languages: items(applicant.languages),
                timezone: applicant.timezone.trimmingWhitespace(),
                profileText: normalize([applicant.interests, applicant.role == .mentee ? applicant.goals : applicant.bio,
                                        applicant.field].joined(separator: " ")),
                capacity: applicant.role == .mentor ? (applicant.capacity ?? defaultCapacity) : 0)
            if applicant.role == .mentor && participant.capacity <= 0 {
                output.setAside.append(SetAside(applicantID: applicant.id, email: applicant.email, reason: "mentor with no capacity"))
            } else if applicant.role == .mentor {
                output.mentors.append(participant)
            } else {
                output.mentees.append(participant)
            }
        }
        progress(ordered.count, ordered.count)
        return output
    }

    /// NFKC, lower case, runs of white space as one space.
    public static func normalize(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// "Machine learning; robotics, and AI / ethics" → ["machine learning", "robotics", "ai", "ethics"].
    public static func items(_ text: String) -> [String] {
        let separated = normalize(text).replacingOccurrences(of: " and ", with: ",")
        var seen = Set<String>()
        return separated.split(whereSeparator: { ",;/|".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// Thrown by a step that noticed the job was cancelled.
public struct MatchingCancelled: Error, Sendable {}
