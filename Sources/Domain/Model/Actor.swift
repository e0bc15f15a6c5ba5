/// Who is acting, and the correlation id of the user action this call belongs to. Every service
/// method takes one; the id ties the action's log lines and audit rows together.
public struct Actor: Sendable, Hashable {
    public var staff: Staff
    public var correlationID: String

    public init(staff: Staff, correlationID: String) {
        self.staff = staff
        self.correlationID = correlationID
    }

    public var organizationID: Organization.ID { staff.organizationID }
}

public enum CorrelationID {
    /// 16 random hex digits: short enough to grep, enough to never repeat in practice.
    public static func make() -> String {
        let value = UInt64.random(in: .min ... .max)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
