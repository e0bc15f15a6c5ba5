import Foundation

/// Everything needed to compute pair features fast: list items as sorted integer ids, time zone
/// offsets, and the profile embeddings' similarity matrix, computed once per run.
public struct FeatureSpace: Sendable {
    public let mentees: [Participant]
    public let mentors: [Participant]
    /// Row-major mentees × mentors, max(0, cosine) of the profile embeddings.
    let textSimilarity: [Double]
    private let interestIDs: (mentees: [[Int32]], mentors: [[Int32]])
    private let availabilityIDs: (mentees: [[Int32]], mentors: [[Int32]])
    private let languageIDs: (mentees: [[Int32]], mentors: [[Int32]])
    private let offsets: (mentees: [Int?], mentors: [Int?])
    private let interestNames: [String]
    // Plain numbers per participant: the pair loop must not copy `Participant`s, whose many
    // reference-counted fields would make every access an atomic retain shared by both cores.
    let fieldIDs: (mentees: [Int32], mentors: [Int32])
    let departmentIDs: (mentees: [Int32], mentors: [Int32])
    let seniority: (mentees: [Double?], mentors: [Double?])
    let emails: (mentees: [String], mentors: [String])

    public init(mentees: [Participant], mentors: [Participant], menteeVectors: [Float], mentorVectors: [Float], dimension: Int) {
        self.mentees = mentees
        self.mentors = mentors
        textSimilarity = mentees.isEmpty || mentors.isEmpty ? []
            : SimilarityMatrix.dotProducts(left: menteeVectors, right: mentorVectors, dimension: dimension, transform: .clampedAtZero)
        var vocabulary: [String: Int32] = [:]
        var names: [String] = []
        func ids(_ items: [String]) -> [Int32] {
            items.map { item in
                if let id = vocabulary[item] { return id }
                let id = Int32(names.count)
                vocabulary[item] = id
                names.append(item)
                return id
            }.sorted()
        }
        interestIDs = (mentees.map { ids($0.interests) }, mentors.map { ids($0.interests) })
        availabilityIDs = (mentees.map { ids($0.availability) }, mentors.map { ids($0.availability) })
        languageIDs = (mentees.map { ids($0.languages) }, mentors.map { ids($0.languages) })
        interestNames = names
        var labels: [String: Int32] = [:]
        func label(_ text: String) -> Int32 {
            guard !text.isEmpty else { return -1 }
            if let id = labels[text] { return id }
            let id = Int32(labels.count)
            labels[text] = id
            return id
        }
        fieldIDs = (mentees.map { label($0.field) }, mentors.map { label($0.field) })
        func department(_ text: String) -> Int32 { text.isEmpty ? -1 : label("department:" + text) }
        departmentIDs = (mentees.map { department($0.department) }, mentors.map { department($0.department) })
        seniority = (mentees.map(\.seniority), mentors.map(\.seniority))
        emails = (mentees.map { $0.email.lowercased() }, mentors.map { $0.email.lowercased() })
        let now = Date(timeIntervalSince1970: 1_800_000_000)  // a fixed instant: same offsets every run
        func offset(_ zone: String) -> Int? { zone.isEmpty ? nil : TimeZone(identifier: zone)?.secondsFromGMT(for: now) }
        offsets = (mentees.map { offset($0.timezone) }, mentors.map { offset($0.timezone) })
    }

    /// The features of one pair, in `PairFeature.allCases` order.
    public func features(mentee: Int, mentor: Int) -> [Double] {
        var values = [Double](repeating: 0, count: PairFeature.allCases.count)
        fill(&values, mentee: mentee, mentor: mentor)
        return values
    }

    func fill(_ values: inout [Double], mentee: Int, mentor: Int) {
        values[0] = textSimilarity[mentee * mentors.count + mentor]
        values[1] = Self.jaccard(interestIDs.mentees[mentee], interestIDs.mentors[mentor])
        values[2] = fieldIDs.mentees[mentee] >= 0 && fieldIDs.mentees[mentee] == fieldIDs.mentors[mentor] ? 1 : 0
        if let menteeLevel = seniority.mentees[mentee], let mentorLevel = seniority.mentors[mentor] {
            values[3] = min(1, max(-1, (mentorLevel - menteeLevel) / 10))
        } else {
            values[3] = 0
        }
        values[4] = Self.jaccard(availabilityIDs.mentees[mentee], availabilityIDs.mentors[mentor])
        values[5] = Self.intersectionCount(languageIDs.mentees[mentee], languageIDs.mentors[mentor]) > 0 ? 1 : 0
        if let x = offsets.mentees[mentee], let y = offsets.mentors[mentor] {
            values[6] = min(1, Double(abs(x - y)) / 43_200)
        } else {
            values[6] = 0
        }
    }

    /// True when both list languages and none is shared; unknown never counts as a mismatch.
    func languagesDiffer(mentee: Int, mentor: Int) -> Bool {
        let a = languageIDs.mentees[mentee], b = languageIDs.mentors[mentor]
        return !a.isEmpty && !b.isEmpty && Self.intersectionCount(a, b) == 0
    }

    /// The interests both list, for explanations.
    public func sharedInterests(mentee: Int, mentor: Int) -> [String] {
        let mentorIDs = Set(interestIDs.mentors[mentor])
        return interestIDs.mentees[mentee].filter { mentorIDs.contains($0) }.map { interestNames[Int($0)] }
    }

    static func intersectionCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, count = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { count += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return count
    }

    static func jaccard(_ a: [Int32], _ b: [Int32]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        let shared = intersectionCount(a, b)
        return Double(shared) / Double(a.count + b.count - shared)
    }
}
