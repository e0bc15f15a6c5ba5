import Foundation

/// Per-user rolling-day limits and the per-organization limit on concurrent matching jobs.
/// `consume` runs inside the write transaction of the action it counts, so the check and the
/// count cannot be separated by another process.
public struct QuotaService {
    public static let window: TimeInterval = 24 * 60 * 60

    private let store: any Store
    private let now: @Sendable () -> Date

    public init(store: any Store, now: @escaping @Sendable () -> Date = { UTCTimestamp.now() }) {
        self.store = store
        self.now = now
    }

    public func usage(by actor: Actor) throws -> [QuotaUsage] {
        try PermissionChecker.require(.viewData, actor.staff)
        let at = now()
        return try store.read { tx in
            let quotas = try Self.quotas(of: actor, tx)
            return [
                try Self.daily(.upload, limit: quotas.uploadsPerUserPerDay, actor: actor, tx, at),
                try Self.daily(.matchingJob, limit: quotas.jobsPerUserPerDay, actor: actor, tx, at),
                try Self.concurrent(limit: quotas.concurrentJobsPerOrganization, actor: actor, tx),
            ]
        }
    }

    @discardableResult
    public func setLimits(_ quotas: UsageQuotas, by actor: Actor) throws -> UsageQuotas {
        try PermissionChecker.require(.manageOrganization, actor.staff)
        for (name, value) in [("uploads per day", quotas.uploadsPerUserPerDay), ("jobs per day", quotas.jobsPerUserPerDay),
                              ("concurrent jobs", quotas.concurrentJobsPerOrganization)] where !(0...10_000).contains(value) {
            throw DomainError.quotaLimitInvalid(name: name, value: value)
        }
        let at = now()
        try store.write { tx in
            let before = try Self.quotas(of: actor, tx)
            try tx.updateQuotas(quotas, organizationID: actor.organizationID)
            try tx.appendAudit(.by(actor, "quota.changed", target: ("organization", String(actor.organizationID)), details: [
                "uploads_per_user_per_day": "\(before.uploadsPerUserPerDay) -> \(quotas.uploadsPerUserPerDay)",
                "jobs_per_user_per_day": "\(before.jobsPerUserPerDay) -> \(quotas.jobsPerUserPerDay)",
                "concurrent_jobs_per_organization": "\(before.concurrentJobsPerOrganization) -> \(quotas.concurrentJobsPerOrganization)",
            ], at: at))
        }
        return quotas
    }

    /// Counts one use of `kind` by the actor, or throws `quotaExceeded` naming the limit and when
    /// it frees up. Matching jobs also respect the organization's concurrent-job limit.
    public static func consume(_ kind: QuotaKind, by actor: Actor, in tx: any StoreWriter, at date: Date) throws {
        let quotas = try quotas(of: actor, tx)
        let limit = kind == .upload ? quotas.uploadsPerUserPerDay : quotas.jobsPerUserPerDay
        let daily = try daily(kind, limit: limit, actor: actor, tx, date)
        if daily.isExhausted { throw DomainError.quotaExceeded(daily) }
        if kind == .matchingJob {
            let running = try concurrent(limit: quotas.concurrentJobsPerOrganization, actor: actor, tx)
            if running.isExhausted { throw DomainError.quotaExceeded(running) }
        }
        try tx.recordQuotaEvent(kind: kind, staffID: actor.staff.id, organizationID: actor.organizationID, at: date)
    }

    private static func quotas(of actor: Actor, _ tx: any StoreReader) throws -> UsageQuotas {
        guard let organization = try tx.organization(id: actor.organizationID) else {
            throw DomainError.notFound(kind: "organization", reference: "#\(actor.organizationID)")
        }
        return organization.quotas
    }

    private static func daily(_ kind: QuotaKind, limit: Int, actor: Actor, _ tx: any StoreReader, _ now: Date) throws -> QuotaUsage {
        let times = try tx.quotaEventTimes(staffID: actor.staff.id, kind: kind, since: now - window)
        // Once at the limit, a slot frees when the oldest use that keeps it there leaves the window.
        let freeing = times.count >= limit && limit > 0 ? times[times.count - limit] + window : nil
        return QuotaUsage(name: kind.label, used: times.count, limit: limit, scope: "per user per rolling day", nextFreeAt: freeing)
    }

    private static func concurrent(limit: Int, actor: Actor, _ tx: any StoreReader) throws -> QuotaUsage {
        QuotaUsage(name: "concurrent matching jobs", used: try tx.activeJobCount(organizationID: actor.organizationID),
                   limit: limit, scope: "per organization at once", nextFreeAt: nil)
    }
}
