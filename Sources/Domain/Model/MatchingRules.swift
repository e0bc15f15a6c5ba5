/// Per-semester hard rules the matching engine must respect.
import Foundation

public struct MatchingRules: Sendable, Hashable, Codable {
    /// Never pair a mentor and a mentee from the same department.
    public var excludeSameDepartment: Bool
    /// A mentor must have strictly higher seniority than the mentee (when both are known).
    public var requireSeniorMentor: Bool
    /// Mentor and mentee must share at least one language.
    public var requireCommonLanguage: Bool
    /// Pairs scoring below this compatibility (0–1) are never made.
    public var minimumScore: Double?

    public static let none = MatchingRules()

    public init(excludeSameDepartment: Bool = false, requireSeniorMentor: Bool = false,
                requireCommonLanguage: Bool = false, minimumScore: Double? = nil) {
        self.excludeSameDepartment = excludeSameDepartment
        self.requireSeniorMentor = requireSeniorMentor
        self.requireCommonLanguage = requireCommonLanguage
        self.minimumScore = minimumScore
    }

    /// The rules in words, e.g. "exclude same department, minimum score 0.30", or "none".
    public var summary: String {
        var parts: [String] = []
        if excludeSameDepartment { parts.append("exclude same department") }
        if requireSeniorMentor { parts.append("mentor more senior") }
        if requireCommonLanguage { parts.append("common language") }
        if let minimumScore { parts.append(String(format: "minimum score %.2f", minimumScore)) }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    private enum CodingKeys: String, CodingKey {
        case excludeSameDepartment, requireSeniorMentor, requireCommonLanguage, minimumScore
    }

    /// A missing rule decodes as off, so rules saved by an older build stay readable.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        excludeSameDepartment = try container.decodeIfPresent(Bool.self, forKey: .excludeSameDepartment) ?? false
        requireSeniorMentor = try container.decodeIfPresent(Bool.self, forKey: .requireSeniorMentor) ?? false
        requireCommonLanguage = try container.decodeIfPresent(Bool.self, forKey: .requireCommonLanguage) ?? false
        minimumScore = try container.decodeIfPresent(Double.self, forKey: .minimumScore)
    }

    /// No minimum score is written as an explicit null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(excludeSameDepartment, forKey: .excludeSameDepartment)
        try container.encode(requireSeniorMentor, forKey: .requireSeniorMentor)
        try container.encode(requireCommonLanguage, forKey: .requireCommonLanguage)
        try container.encode(minimumScore, forKey: .minimumScore)
    }
}
