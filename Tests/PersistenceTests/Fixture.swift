import Domain
import Credentials
import Foundation
import Synchronization
@testable import Persistence

/// Two organizations with staff of every role, on a fresh database, and raw-SQL helpers for the
/// rows later features create (applicants, jobs, groups, feedback).
final class Fixture {
    let database = TemporaryDatabase()
    let store: SQLiteStore
    let admin: Actor, coordinator: Actor, viewer: Actor, outsider: Actor
    /// A fixed clock that tests can move.
    let clock = ManualClock(Date(timeIntervalSince1970: 1_796_313_289))
    var now: Date {
        get { clock.now }
        set { clock.now = newValue }
    }

    init() throws {
        store = try database.store()
        let at = clock.now
        let staff = try store.write { tx in
            let home = try tx.insertOrganization(name: "Northwind Mentoring", isOperator: true, quotas: .defaults, at: at)
            let other = try tx.insertOrganization(name: "Contoso Careers", isOperator: false, quotas: .defaults, at: at)
            return (try tx.insertStaff(organizationID: home.id, email: "ada@northwind.org", displayName: "Ada", role: .admin, at: at),
                    try tx.insertStaff(organizationID: home.id, email: "cy@northwind.org", displayName: "Cy", role: .coordinator, at: at),
                    try tx.insertStaff(organizationID: home.id, email: "vi@northwind.org", displayName: "Vi", role: .viewer, at: at),
                    try tx.insertStaff(organizationID: other.id, email: "olga@contoso.com", displayName: "Olga", role: .admin, at: at))
        }
        func actor(_ staff: Staff) -> Actor { Actor(staff: staff, correlationID: "test-\(staff.email)") }
        (admin, coordinator, viewer, outsider) = (actor(staff.0), actor(staff.1), actor(staff.2), actor(staff.3))
    }

    var semesters: SemesterService {
        SemesterService(store: store, now: { [clock] in clock.now })
    }

    let hasher = PBKDF2PasswordHasher()
    static let password = "fixture-password-1"

    var auth: AuthService { AuthService(store: store, hasher: hasher, now: { [clock] in clock.now }) }
    var staffService: StaffService { StaffService(store: store, hasher: hasher, now: { [clock] in clock.now }) }
    var organizations: OrganizationService { OrganizationService(store: store, hasher: hasher, now: { [clock] in clock.now }) }
    var quotas: QuotaService { QuotaService(store: store, now: { [clock] in clock.now }) }
    var audit: AuditService { AuditService(store: store, now: { [clock] in clock.now }) }

    /// Gives each fixture account the shared test password, so they can sign in.
    func setPasswords() throws {
        let credential = try PasswordCredential.make(password: Self.password, hasher: hasher)
        try store.write { tx in
            for actor in [admin, coordinator, viewer, outsider] { try tx.setCredential(credential, staffID: actor.staff.id) }
        }
    }

    func auditActions(_ actor: Actor) throws -> [String] {
        try store.read { try $0.auditEntries(organizationID: actor.organizationID, includeUnscoped: false, since: nil, limit: 1000) }
            .map(\.action)
    }

    static func draft(_ name: String = "Spring 2027", mentors: Int = 10, mentees: Int = 30) -> SemesterDraft {
        SemesterDraft(name: name, startDate: CalendarDate(parsing: "2027-01-10")!, endDate: CalendarDate(parsing: "2027-05-30")!,
                      mentorQuota: mentors, menteeQuota: mentees)
    }

    @discardableResult
    func addApplicant(_ semester: Semester, _ email: String, _ role: ApplicantRole, capacity: Int? = nil) throws -> Int64 {
        try store.connection.write { tx in
            try tx.execute("""
                INSERT INTO applicants (semester_id, email, name, role, capacity, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')
                """, semester.id, email, email, role.rawValue, capacity)
            return tx.lastInsertRowID
        }
    }

    /// A job with the given status whose groups pair each mentor with the listed mentees and scores.
    @discardableResult
    func addJob(_ semester: Semester, status: JobStatus, completedAt: String,
                groups: [(mentor: Int64, mentees: [(Int64, Double)])]) throws -> [Int64] {
        try store.connection.write { tx in
            try tx.execute("""
                INSERT INTO matching_jobs (organization_id, semester_id, status, created_at, completed_at)
                VALUES (?, ?, ?, ?, ?)
                """, semester.organizationID, semester.id, status.rawValue, completedAt, completedAt)
            let job = tx.lastInsertRowID
            var groupIDs: [Int64] = []
            for group in groups {
                let score = group.mentees.map(\.1).reduce(0, +) / Double(max(1, group.mentees.count))
                try tx.execute("INSERT INTO match_groups (semester_id, job_id, mentor_id, score, created_at) VALUES (?, ?, ?, ?, ?)",
                               semester.id, job, group.mentor, score, completedAt)
                let groupID = tx.lastInsertRowID
                groupIDs.append(groupID)
                for (mentee, menteeScore) in group.mentees {
                    try tx.execute("INSERT INTO match_members (group_id, job_id, mentee_id, score) VALUES (?, ?, ?, ?)",
                                   groupID, job, mentee, menteeScore)
                }
            }
            return groupIDs
        }
    }

    func addFeedback(_ semester: Semester, group: Int64, email: String, role: ApplicantRole, rating: Int) throws {
        try store.connection.write { tx in
            try tx.execute("""
                INSERT INTO feedback (semester_id, group_id, submitter_email, role, rating, submitted_at)
                VALUES (?, ?, ?, ?, ?, '2026-06-01T00:00:00.000Z')
                """, semester.id, group, email, role.rawValue, rating)
        }
    }

    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets/demo")

    /// An open semester holding the demo applicants (40 mentors, 120 mentees).
    func demoSemester(name: String = "Spring 2027", mentors: Bool = true) throws -> Semester {
        let semester = try semesters.create(Fixture.draft(name, mentors: 40, mentees: 120), by: admin)
        try semesters.update(semester.id, SemesterChanges(status: .open), by: admin)
        let applicants = ApplicantService(store: store)
        for file in (mentors ? ["mentors.csv"] : []) + ["mentees.csv"] {
            let bytes = [UInt8](try Data(contentsOf: Fixture.demo.appendingPathComponent(file)))
            try applicants.importFile(semesterID: semester.id, file: bytes, skipInvalid: false, by: admin)
        }
        return semester
    }

    /// The demo semester matched by a completed job, with its groups and its people by id.
    func matchedDemoSemester(name: String = "Spring 2027") throws -> (Semester, [MatchGroup], [Applicant.ID: Applicant]) {
        let semester = try demoSemester(name: name)
        let job = try MatchingService(store: store).start(semesterID: semester.id, by: admin)
        _ = try JobExecution.run(jobID: job.id, organizationID: job.organizationID, store: store, runnerPID: getpid())
        let people = Dictionary(uniqueKeysWithValues: try ApplicantService(store: store)
            .list(semesterID: semester.id, by: admin).items.map { ($0.id, $0) })
        return (semester, try MatchingService(store: store).groups(semesterID: semester.id, by: admin), people)
    }

    /// Every row of every table, for "nothing changed" assertions.
    func snapshot() throws -> [String] {
        try store.connection.read { tx in
            let tables = try tx.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") { $0.string(0) }
            return try tables.flatMap { table in
                try tx.query("SELECT * FROM \"\(table)\" ORDER BY 1") { row in
                    table + ": " + (0..<row.columnCount).map { "\(row.value($0))" }.joined(separator: "|")
                }
            }
        }
    }
}

/// Time that only moves when a test moves it.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) {
        current = Mutex(start)
    }

    var now: Date {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }
}
