import Foundation

/// One structured log line. Field names are fixed so logs can be queried; secrets never go in.
public struct LogEvent: Sendable, Hashable {
    public enum Level: String, Sendable { case debug, info, warning, error }

    public var level: Level
    public var event: String
    public var correlationID: String?
    public var staffEmail: String?
    public var organizationID: Organization.ID?
    public var durationMilliseconds: Double?
    /// `ok`, `refused` (the rules said no), `failed` (something broke), `usage_error`.
    public var outcome: String?
    public var errorType: String?
    public var errorMessage: String?
    public var fields: [String: String]

    public init(level: Level = .info, event: String, correlationID: String? = nil, staffEmail: String? = nil,
                organizationID: Organization.ID? = nil, durationMilliseconds: Double? = nil, outcome: String? = nil,
                errorType: String? = nil, errorMessage: String? = nil, fields: [String: String] = [:]) {
        self.level = level
        self.event = event
        self.correlationID = correlationID
        self.staffEmail = staffEmail
        self.organizationID = organizationID
        self.durationMilliseconds = durationMilliseconds
        self.outcome = outcome
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.fields = fields
    }
}

/// Where structured events go. Must never block or throw into the caller: logging is not allowed
/// to make an action fail.
public protocol EventLog: Sendable {
    func record(_ event: LogEvent)
}

/// Discards everything; for tests and for callers that have nowhere to log.
public struct DiscardingEventLog: EventLog {
    public init() {}
    public func record(_ event: LogEvent) {}
}
