import Foundation

/// Words for why a pair scored as it did: each feature's share of the model's logit, the largest
/// first, with the values behind it.
public enum Explanation {
    public static let shown = 3

    public static func contributions(mentee: Int, mentor: Int, features: [Double], model: CompatibilityModel,
                                     space: FeatureSpace) -> [ScoreContribution] {
        let all = PairFeature.allCases.enumerated().compactMap { index, feature -> ScoreContribution? in
            let share = model.weights[index] * features[index]
            guard abs(share) >= 0.005 else { return nil }
            return ScoreContribution(feature: feature.rawValue,
                                     detail: detail(feature, features[index], mentee: mentee, mentor: mentor, space: space),
                                     contribution: (share * 100).rounded() / 100)
        }
        return Array(all.sorted { abs($0.contribution) > abs($1.contribution) }.prefix(shown))
    }

    private static func detail(_ feature: PairFeature, _ value: Double, mentee: Int, mentor: Int, space: FeatureSpace) -> String {
        let a = space.mentees[mentee], b = space.mentors[mentor]
        switch feature {
        case .textSimilarity:
            return "\(feature.label) (\(String(format: "%.2f", value)))"
        case .sharedInterests:
            return "\(feature.label): " + space.sharedInterests(mentee: mentee, mentor: mentor).joined(separator: ", ")
        case .sameField:
            return "\(feature.label): \(a.field)"
        case .seniorityGap:
            let gap = (b.seniority ?? 0) - (a.seniority ?? 0)
            return gap >= 0 ? "mentor \(String(format: "%g", gap)) more senior" : "mentor \(String(format: "%g", -gap)) less senior"
        case .availabilityOverlap:
            let shared = Set(a.availability).intersection(b.availability).sorted()
            return "\(feature.label): " + shared.joined(separator: ", ")
        case .sharedLanguage:
            return "\(feature.label): " + Set(a.languages).intersection(b.languages).sorted().joined(separator: ", ")
        case .timezoneDistance:
            return "time zones \(String(format: "%g", (value * 12).rounded())) h apart"
        }
    }
}
