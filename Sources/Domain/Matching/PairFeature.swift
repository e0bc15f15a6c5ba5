/// What the compatibility model looks at for a (mentee, mentor) pair, each scaled to about 0…1.
public enum PairFeature: String, Sendable, Hashable, Codable, CaseIterable {
    case textSimilarity = "text_similarity"
    case sharedInterests = "shared_interests"
    case sameField = "same_field"
    case seniorityGap = "seniority_gap"
    case availabilityOverlap = "availability_overlap"
    case sharedLanguage = "shared_language"
    case timezoneDistance = "timezone_distance"

    /// Words for explanations.
    public var label: String {
        switch self {
        case .textSimilarity: return "similar interests and goals"
        case .sharedInterests: return "shared interests"
        case .sameField: return "same field"
        case .seniorityGap: return "mentor's seniority"
        case .availabilityOverlap: return "overlapping availability"
        case .sharedLanguage: return "shared language"
        case .timezoneDistance: return "time zone distance"
        }
    }
}
