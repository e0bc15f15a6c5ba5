import Foundation

/// Semesters of the acting staff member's organization: create, read, edit, move through statuses.
/// A semester of another organization is "not found", never returned.
public struct SemesterService {
    public static let defaultPageSize = 50
    public static let maximumPageSize = 1000

    private let store: any Store
    private let now: @Sendable () -> Date

    public init(store: any Store, now: @escaping @Sendable () -> Date = { UTCTimestamp.now() }) {
        self.store = store
        self.now = now
    }

    @discardableResult
    public func create(_ draft: SemesterDraft, by actor: Actor) throws -> Semester {
        try PermissionChecker.require(.manageSemesters, actor.staff)
        let draft = try draft.validated()
        return try store.write { tx in
            if try tx.semester(named: draft.name, organizationID: actor.organizationID) != nil {
                throw DomainError.semesterNameTaken(name: draft.name)
            }
            let at = now()
            let semester = try tx.insertSemester(draft, organizationID: actor.organizationID, status: .draft,
                                                 createdBy: actor.staff.id, at: at)
            try tx.appendAudit(.by(actor, "semester.created", target: ("semester", String(semester.id)),
                                   details: ["name": semester.name], at: at))
            return semester
        }
    }

    public func get(_ id: Semester.ID, by actor: Actor) throws -> Semester {
        try PermissionChecker.require(.viewData, actor.staff)
        return try store.read { tx in try Scoped.semester(id, tx, actor) }
    }

    /// Finds a semester by exact name (case-insensitive) or, failing that, by numeric id.
    public func find(_ reference: String, by actor: Actor) throws -> Semester {
        try PermissionChecker.require(.viewData, actor.staff)
        return try store.read { tx in
            if let semester = try tx.semester(named: reference.trimmingWhitespace(), organizationID: actor.organizationID) {
                return semester
            }
            if let id = Semester.ID(reference), let semester = try tx.semester(id: id, organizationID: actor.organizationID) {
                return semester
            }
            throw DomainError.notFound(kind: "semester", reference: "\"\(reference)\"")
        }
    }

    public func list(status: SemesterStatus? = nil, skip: Int = 0, limit: Int = SemesterService.defaultPageSize,
                     by actor: Actor) throws -> Page<Semester> {
        try PermissionChecker.require(.viewData, actor.staff)
        guard skip >= 0 else { throw DomainError.invalidPage("skip must not be negative (got \(skip))") }
        guard (1...Self.maximumPageSize).contains(limit) else {
            throw DomainError.invalidPage("limit must be between 1 and \(Self.maximumPageSize) (got \(limit))")
        }
        return try store.read { tx in
            Page(items: try tx.semesters(organizationID: actor.organizationID, status: status, skip: skip, limit: limit),
                 skip: skip,
                 total: try tx.semesterCount(organizationID: actor.organizationID, status: status))
        }
    }

    @discardableResult
    public func update(_ id: Semester.ID, _ changes: SemesterChanges, by actor: Actor) throws -> Semester {
        try PermissionChecker.require(.manageSemesters, actor.staff)
        guard !changes.isEmpty else { throw DomainError.nothingToChange }
        return try store.write { tx in
            var semester = try Scoped.semester(id, tx, actor)
            let before = semester
            guard semester.status != .closed else { throw DomainError.semesterClosed(name: semester.name) }
            let draft = try changes.applied(to: semester.draft).validated()
            if draft.name.lowercased() != semester.name.lowercased(),
               try tx.semester(named: draft.name, organizationID: actor.organizationID) != nil {
                throw DomainError.semesterNameTaken(name: draft.name)
            }
            let stats = try tx.semesterStats(semester: semester)
            if draft.mentorQuota < stats.mentors {
                throw DomainError.quotaBelowRegistered(what: "mentor", quota: draft.mentorQuota, registered: stats.mentors)
            }
            if draft.menteeQuota < stats.mentees {
                throw DomainError.quotaBelowRegistered(what: "mentee", quota: draft.menteeQuota, registered: stats.mentees)
            }
            if let next = changes.status, next != semester.status {
                guard semester.status.canMove(to: next) else {
                    throw DomainError.illegalStatusChange(from: semester.status, to: next)
                }
                if next == .matched, stats.groups == 0 { throw DomainError.semesterHasNoGroups(name: semester.name) }
                semester.status = next
            }
            semester.apply(draft)
            semester.updatedAt = now()
            try tx.updateSemester(semester)
            try tx.appendAudit(.by(actor, "semester.updated", target: ("semester", String(semester.id)),
                                   details: before.differences(to: semester), at: semester.updatedAt))
            return semester
        }
    }

    public func stats(_ id: Semester.ID, by actor: Actor) throws -> SemesterStats {
        try PermissionChecker.require(.viewData, actor.staff)
        return try store.read { tx in try tx.semesterStats(semester: try Scoped.semester(id, tx, actor)) }
    }
}

extension Semester {
    /// "field": "old -> new" for each setting that differs, for the audit trail.
    func differences(to other: Semester) -> [String: String] {
        var changes: [String: String] = [:]
        func compare<T: Equatable>(_ name: String, _ a: T, _ b: T, _ text: (T) -> String) {
            if a != b { changes[name] = "\(text(a)) -> \(text(b))" }
        }
        compare("name", name, other.name) { $0 }
        compare("start_date", startDate, other.startDate) { $0.description }
        compare("end_date", endDate, other.endDate) { $0.description }
        compare("mentor_quota", mentorQuota, other.mentorQuota) { String($0) }
        compare("mentee_quota", menteeQuota, other.menteeQuota) { String($0) }
        compare("default_mentees_per_mentor", defaultMenteesPerMentor, other.defaultMenteesPerMentor) { String($0) }
        compare("rules", rules, other.rules) { $0.summary }
        compare("status", status, other.status) { $0.rawValue }
        return changes
    }

    mutating func apply(_ draft: SemesterDraft) {
        name = draft.name
        startDate = draft.startDate
        endDate = draft.endDate
        mentorQuota = draft.mentorQuota
        menteeQuota = draft.menteeQuota
        defaultMenteesPerMentor = draft.defaultMenteesPerMentor
        rules = draft.rules
    }
}
