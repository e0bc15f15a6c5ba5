/// A file's rows checked against the semester, chunk by chunk, the same way for a preview and an
/// import: rows whose email is registered under the other role become problems; the rest are
/// counted by role, the first few kept for the preview, and what writing them does is added up.
struct ApplicantImportTally {
    let registered: [String: ApplicantRole]
    /// The registered emails, for the store to tell new rows from existing ones without a query.
    let registeredEmails: Set<String>
    private let roleHeader: String
    private(set) var problems: [RowError] = []
    private(set) var validMentors = 0
    private(set) var validMentees = 0
    private(set) var sample: [ApplicantDraft] = []
    private(set) var diff = ApplicantDiff()
    /// Rows that would be new applicants, by role (for the semester's quotas).
    private var added: [ApplicantRole: Int] = [:]

    init(registered: [String: ApplicantRole], mappings: [ColumnMapping]) {
        self.registered = registered
        registeredEmails = Set(registered.keys)
        roleHeader = mappings.first { $0.column == .role }?.header ?? "role"
    }

    /// Takes one chunk of validated rows and their row errors; returns the rows that can be written.
    mutating func admit(_ drafts: [ApplicantDraft], errors: [RowError]) -> [ApplicantDraft] {
        problems += errors
        var valid: [ApplicantDraft] = []
        valid.reserveCapacity(drafts.count)
        for index in drafts.indices {
            let role = drafts[index].role
            if !registered.isEmpty, let existing = registered[drafts[index].email] {
                guard existing == role else {
                    problems.append(RowError(line: drafts[index].line, column: roleHeader,
                                             message: "\(drafts[index].email) is already registered in this semester as a \(existing.rawValue)"))
                    continue
                }
            } else {
                added[role, default: 0] += 1
            }
            if role == .mentor { validMentors += 1 } else { validMentees += 1 }
            if sample.count < ApplicantService.sampleSize { sample.append(drafts[index]) }
            valid.append(drafts[index])
        }
        return valid
    }

    mutating func record(_ written: ApplicantDiff) {
        diff.created += written.created
        diff.updated += written.updated
        diff.unchanged += written.unchanged
    }

    /// Problems in file order (chunks arrive in order; conflicts are found after a chunk's own errors).
    var sortedProblems: [RowError] {
        problems.sorted { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
    }

    /// The refusals of the semester's quotas once the new rows are in.
    func quotaErrors(_ semester: Semester) -> [DomainError] {
        var resulting: [ApplicantRole: Int] = added
        for role in registered.values { resulting[role, default: 0] += 1 }
        var errors: [DomainError] = []
        if let mentors = resulting[.mentor], mentors > semester.mentorQuota {
            errors.append(.applicantQuotaExceeded(role: .mentor, resulting: mentors, quota: semester.mentorQuota))
        }
        if let mentees = resulting[.mentee], mentees > semester.menteeQuota {
            errors.append(.applicantQuotaExceeded(role: .mentee, resulting: mentees, quota: semester.menteeQuota))
        }
        return errors
    }
}
