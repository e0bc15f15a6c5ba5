import Foundation

/// Failed sign-ins for one email address, whether or not an account has it (so a lockout says
/// nothing about which emails exist). Persisted, so restarting the console does not reset it.
public struct SignInState: Sendable, Hashable {
    public static let maximumFailures = 5
    public static let lockDuration: TimeInterval = 15 * 60

    public var failures: Int
    public var lastFailureAt: Date
    public var lockedUntil: Date?

    public init(failures: Int, lastFailureAt: Date, lockedUntil: Date?) {
        self.failures = failures
        self.lastFailureAt = lastFailureAt
        self.lockedUntil = lockedUntil
    }

    public func isLocked(at now: Date) -> Bool {
        lockedUntil.map { $0 > now } ?? false
    }

    /// The state after one more failure at `now`. Failures older than the lock duration, or from
    /// before an expired lock, no longer count.
    public func addingFailure(at now: Date) -> SignInState {
        let lockExpired = lockedUntil.map { $0 <= now } ?? false
        let stale = now.timeIntervalSince(lastFailureAt) > Self.lockDuration
        return Self.counting((lockExpired || stale ? 0 : failures) + 1, at: now)
    }

    public static func first(at now: Date) -> SignInState {
        counting(1, at: now)
    }

    private static func counting(_ failures: Int, at now: Date) -> SignInState {
        SignInState(failures: failures, lastFailureAt: now,
                    lockedUntil: failures >= maximumFailures ? now + lockDuration : nil)
    }
}
