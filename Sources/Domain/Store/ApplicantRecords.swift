import Foundation

/// Which applicants a listing shows.
public struct ApplicantFilter: Sendable, Hashable {
    public var role: ApplicantRole?
    /// Matched case-insensitively against name, email, field and interests.
    public var search: String?

    public init(role: ApplicantRole? = nil, search: String? = nil) {
        self.role = role
        self.search = search
    }
}

public protocol ApplicantReading {
    /// Ordered by role (mentors first), then name.
    func applicants(semesterID: Semester.ID, filter: ApplicantFilter, skip: Int, limit: Int) throws -> [Applicant]
    /// What a list of many applicants shows, in the same order, without the long texts.
    func applicantSummaries(semesterID: Semester.ID, filter: ApplicantFilter) throws -> [ApplicantSummary]
    func applicantCount(semesterID: Semester.ID, filter: ApplicantFilter) throws -> Int
    func applicant(semesterID: Semester.ID, email: String) throws -> Applicant?
    /// Every registered email of the semester with its role.
    func applicantRoles(semesterID: Semester.ID) throws -> [String: ApplicantRole]
    /// What `upsertApplicants` would do with these drafts, without doing it. `registered` is the
    /// semester's emails (lower-case) when the caller already has them, nil to look them up.
    func applicantDiff(_ drafts: [ApplicantDraft], semesterID: Semester.ID, registered: Set<String>?) throws -> ApplicantDiff
}

public protocol ApplicantWriting {
    /// Inserts new emails, updates changed applicants, leaves identical ones alone. `registered` as
    /// for `applicantDiff`: an import written in chunks passes the emails it found before the first.
    func upsertApplicants(_ drafts: [ApplicantDraft], semesterID: Semester.ID, at: Date, registered: Set<String>?) throws -> ApplicantDiff
    func deleteApplicant(id: Applicant.ID) throws
}

extension ApplicantReading {
    public func applicantDiff(_ drafts: [ApplicantDraft], semesterID: Semester.ID) throws -> ApplicantDiff {
        try applicantDiff(drafts, semesterID: semesterID, registered: nil)
    }
}

extension ApplicantWriting {
    public func upsertApplicants(_ drafts: [ApplicantDraft], semesterID: Semester.ID, at: Date) throws -> ApplicantDiff {
        try upsertApplicants(drafts, semesterID: semesterID, at: at, registered: nil)
    }
}
