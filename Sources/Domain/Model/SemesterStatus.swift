/// The life of a semester:
///
///     draft ──▶ open ──▶ matched ──▶ closed
///       ▲        │ ▲        │          
///       └────────┘ └────────┘          
///
/// - draft: being set up; nobody has been told about it yet.
/// - open: accepting applicants; matching may run.
/// - matched: groups are published; re-opening allows late applicants and a re-run.
/// - closed: the semester is over; read-only for good (feedback analytics still read it).
/// A draft or open semester may also be closed directly when it is abandoned.
public enum SemesterStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case draft
    case open
    case matched
    case closed

    public var allowedNextStatuses: [SemesterStatus] {
        switch self {
        case .draft: return [.open, .closed]
        case .open: return [.draft, .matched, .closed]
        case .matched: return [.open, .closed]
        case .closed: return []
        }
    }

    public func canMove(to next: SemesterStatus) -> Bool {
        allowedNextStatuses.contains(next)
    }
}
