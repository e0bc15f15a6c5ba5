import Foundation

/// Deterministic, realistic-looking applicant rows for benchmarks (about 200 bytes each, with the
/// quoting, commas and multi-word text that real exports have).
struct SyntheticApplicants {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    }

    static let header = "Timestamp,Email Address,Full Name,Role,Major,Years of Experience,Interests,Goals,Availability,Languages,Time Zone,Max Mentees,Department\n"
    static let fields = ["Computer Science", "Data Science", "Mechanical Engineering", "Biology", "Economics",
                         "Psychology", "Design", "Marketing", "Finance", "Public Health", "Education", "Law"]
    static let topics = ["machine learning", "robotics", "public policy", "UX research", "genomics", "startups",
                         "data visualization", "climate", "accessibility", "finance", "teaching", "open source",
                         "neuroscience", "product design", "statistics", "ethics", "writing", "entrepreneurship"]
    static let goals = ["Land an internship", "Decide on grad school", "Get better at networking", "Build a portfolio",
                        "Prepare for interviews", "Switch careers", "Find a research lab", "Improve public speaking"]
    static let availability = ["Mon evenings, Wed evenings", "weekends", "Tue/Thu mornings", "Flexible"]
    static let languages = ["English", "English, Spanish", "English; Mandarin", "English and French", "English, Hindi"]
    static let zones = ["America/New_York", "Europe/London", "Asia/Kolkata", "America/Los_Angeles", "Europe/Berlin"]
    static let names = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Tim", "Barbara", "Priya", "Kwame"]
    static let surnames = ["Lovelace", "Hopper", "Turing", "Johnson", "Okafor", "Nguyen", "García", "Müller", "Patel"]

    mutating func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }

    mutating func pick(_ list: [String]) -> String { list[next(list.count)] }

    /// A profile as the pipeline embeds it: interests, goals and field.
    mutating func profileText() -> String {
        let interests = (0..<(2 + next(3))).map { _ in pick(Self.topics) }.joined(separator: ", ")
        return "\(interests) \(pick(Self.goals)), and \(pick(Self.goals).lowercased()) \(pick(Self.fields))"
    }

    /// The i-th row; one in four is a mentor.
    mutating func row(_ index: Int) -> String {
        row(index, mentor: index % 4 == 0)
    }

    mutating func row(_ index: Int, mentor: Bool) -> String {
        let interests = (0..<(2 + next(3))).map { _ in pick(Self.topics) }.joined(separator: ", ")
        return [
            "2026/08/\(10 + next(18)) 1\(next(10)):\(10 + next(50)):00",
            "applicant\(index)@example.org",
            "\(pick(Self.names)) \(pick(Self.surnames))",
            mentor ? "Mentor" : "Mentee",
            pick(Self.fields),
            String(mentor ? 3 + next(20) : 1 + next(5)),
            "\"\(interests)\"",
            "\"\(pick(Self.goals)), and \(pick(Self.goals).lowercased())\"",
            "\"\(pick(Self.availability))\"",
            "\"\(pick(Self.languages))\"",
            pick(Self.zones),
            mentor ? String(1 + next(5)) : "",
            pick(Self.fields) + " department",
        ].joined(separator: ",") + "\n"
    }

    mutating func writeCSV(rows: Int, to url: URL) throws {
        try writeCSV(count: rows, to: url) { generator, index in generator.row(index) }
    }

    /// `mentors` mentor rows, then `mentees` mentee rows.
    mutating func writeCSV(mentors: Int, mentees: Int, to url: URL) throws {
        try writeCSV(count: mentors + mentees, to: url) { generator, index in generator.row(index, mentor: index < mentors) }
    }

    private mutating func writeCSV(count rows: Int, to url: URL, row: (inout SyntheticApplicants, Int) -> String) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CommandFailure("cannot create \(url.path)")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var chunk = Self.header
        for index in 0..<rows {
            chunk += row(&self, index)
            if chunk.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try handle.write(contentsOf: Data(chunk.utf8))
    }
}
