import Domain
import Foundation
import Testing
@testable import Persistence

@Suite("Quotas and the audit trail")
struct QuotaAndAuditTests {
    private func consume(_ f: Fixture, _ kind: QuotaKind, _ actor: Actor) throws {
        try f.store.write { tx in try QuotaService.consume(kind, by: actor, in: tx, at: f.now) }
    }

    @Test("uploads: 10 per user per rolling day, refused with the limit and when it frees up")
    func dailyUploads() throws {
        let f = try Fixture()
        let start = f.now
        for _ in 0..<10 {
            try consume(f, .upload, f.coordinator)
            f.now += 60
        }
        let refusal = #expect(throws: DomainError.self) { try consume(f, .upload, f.coordinator) }
        guard case .quotaExceeded(let usage)? = refusal else { Issue.record("expected a quota refusal"); return }
        #expect(usage.used == 10 && usage.limit == 10 && usage.nextFreeAt == start + QuotaService.window)
        #expect(refusal?.description.hasPrefix("quota reached: applicant uploads are limited to 10 per user per rolling day") == true)
        // Another user has their own allowance; the refused attempt was not counted.
        try consume(f, .upload, f.admin)
        #expect(try f.quotas.usage(by: f.coordinator).first?.used == 10)
        f.now = start + QuotaService.window + 1
        try consume(f, .upload, f.coordinator)
    }

    @Test("matching jobs also respect the organization's concurrent-job limit")
    func concurrentJobs() throws {
        let f = try Fixture()
        try f.quotas.setLimits(UsageQuotas(uploadsPerUserPerDay: 10, jobsPerUserPerDay: 5, concurrentJobsPerOrganization: 1), by: f.admin)
        let semester = try f.semesters.create(Fixture.draft(), by: f.admin)
        try f.addJob(semester, status: .embedding, completedAt: "2026-12-01T00:00:00.000Z", groups: [])
        let refusal = #expect(throws: DomainError.self) { try consume(f, .matchingJob, f.coordinator) }
        guard case .quotaExceeded(let usage)? = refusal else { Issue.record("expected a quota refusal"); return }
        #expect(usage.name == "concurrent matching jobs" && usage.used == 1 && usage.limit == 1)
        #expect(try f.quotas.usage(by: f.viewer).map(\.used) == [0, 0, 1])
    }

    @Test("quota limits are validated, admin-only and audited")
    func settingLimits() throws {
        let f = try Fixture()
        #expect(throws: DomainError.quotaLimitInvalid(name: "uploads per day", value: -1)) {
            try f.quotas.setLimits(UsageQuotas(uploadsPerUserPerDay: -1, jobsPerUserPerDay: 5, concurrentJobsPerOrganization: 5), by: f.admin)
        }
        #expect(throws: DomainError.notPermitted(role: .coordinator, permission: .manageOrganization)) {
            try f.quotas.setLimits(.defaults, by: f.coordinator)
        }
        try f.quotas.setLimits(UsageQuotas(uploadsPerUserPerDay: 3, jobsPerUserPerDay: 2, concurrentJobsPerOrganization: 1), by: f.admin)
        #expect(try f.quotas.usage(by: f.admin).map(\.limit) == [3, 2, 1])
        #expect(try f.quotas.usage(by: f.outsider).map(\.limit) == [10, 5, 5], "other organizations keep theirs")
        #expect(try f.auditActions(f.admin) == ["quota.changed"])
    }

    @Test("the audit trail records actions with their correlation id, newest first, per organization")
    func trail() throws {
        let f = try Fixture()
        let semester = try f.semesters.create(Fixture.draft(), by: f.coordinator)
        f.now += 1
        try f.semesters.update(semester.id, SemesterChanges(menteeQuota: 50, status: .open), by: f.admin)
        try f.semesters.create(Fixture.draft(), by: f.outsider)
        let entries = try f.audit.list(by: f.admin)
        #expect(entries.map(\.action) == ["semester.updated", "semester.created"])
        #expect(entries[0].details == ["mentee_quota": "30 -> 50", "status": "draft -> open"])
        #expect(entries[0].correlationID == f.admin.correlationID && entries[1].staffEmail == "cy@northwind.org")
        #expect(try f.audit.list(since: f.now, by: f.admin).map(\.action) == ["semester.updated"])
        #expect(try f.audit.list(by: f.outsider).map(\.action) == ["semester.created"])
        #expect(throws: DomainError.notPermitted(role: .coordinator, permission: .viewAuditLog)) { try f.audit.list(by: f.coordinator) }
    }

    @Test("failed sign-ins for unknown emails are visible to operator admins only")
    func unscopedEntries() throws {
        let f = try Fixture()
        _ = try? f.auth.signIn(email: "ghost@x.org", password: "wrong-password", correlationID: "c")
        #expect(try f.audit.list(by: f.admin).map(\.action) == ["auth.sign_in_failed"])
        #expect(try f.audit.list(by: f.outsider).isEmpty)
    }
}
