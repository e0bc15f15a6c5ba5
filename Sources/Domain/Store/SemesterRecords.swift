import Foundation

public protocol SemesterReading {
    func semester(id: Semester.ID, organizationID: Organization.ID) throws -> Semester?
    /// Names compare case-insensitively within an organization.
    func semester(named name: String, organizationID: Organization.ID) throws -> Semester?
    /// Newest first.
    func semesters(organizationID: Organization.ID, status: SemesterStatus?, skip: Int, limit: Int) throws -> [Semester]
    func semesterCount(organizationID: Organization.ID, status: SemesterStatus?) throws -> Int
    func semesterStats(semester: Semester) throws -> SemesterStats
}

public protocol SemesterWriting {
    func insertSemester(_ draft: SemesterDraft, organizationID: Organization.ID, status: SemesterStatus,
                        createdBy: Staff.ID?, at: Date) throws -> Semester
    func updateSemester(_ semester: Semester) throws
}
