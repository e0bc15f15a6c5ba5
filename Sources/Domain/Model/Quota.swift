import Foundation

/// Actions that count against a per-user rolling-day quota.
public enum QuotaKind: String, Sendable, Hashable, Codable, CaseIterable {
    case upload
    case matchingJob = "matching_job"

    public var label: String {
        switch self {
        case .upload: return "applicant uploads"
        case .matchingJob: return "matching jobs"
        }
    }
}

/// One quota's use right now, for `quota show` and for refusals.
public struct QuotaUsage: Sendable, Hashable, Codable {
    public var name: String
    public var used: Int
    public var limit: Int
    /// "per user per rolling day" or "per organization at once".
    public var scope: String
    /// When the oldest counted use leaves the window; nil when nothing is counted or it is not time-based.
    public var nextFreeAt: Date?

    public init(name: String, used: Int, limit: Int, scope: String, nextFreeAt: Date?) {
        self.name = name
        self.used = used
        self.limit = limit
        self.scope = scope
        self.nextFreeAt = nextFreeAt
    }

    public var isExhausted: Bool { used >= limit }
}
