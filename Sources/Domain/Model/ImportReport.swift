/// What an upload found and did: how the file was read, how each column was understood, how many
/// rows of each role were valid, what changed in the semester, and every problem with its line.
/// A dry run fills the same report without writing.
public struct ImportReport: Sendable, Hashable, Codable {
    public var encoding: TextEncoding
    public var delimiter: String
    public var rows: Int
    public var mappings: [ColumnMapping]
    public var warnings: [String]
    public var validMentors: Int
    public var validMentees: Int
    public var created: Int
    public var updated: Int
    public var unchanged: Int
    /// Rows left out because of their problems (only with "skip invalid rows").
    public var skipped: Int
    public var problems: [RowError]
    /// The first valid rows, for the preview.
    public var sample: [ApplicantDraft]
    /// False for a preview or a refused import: nothing was written.
    public var applied: Bool

    public init(encoding: TextEncoding, delimiter: String, rows: Int, mappings: [ColumnMapping], warnings: [String],
                validMentors: Int, validMentees: Int, created: Int, updated: Int, unchanged: Int, skipped: Int,
                problems: [RowError], sample: [ApplicantDraft], applied: Bool) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.rows = rows
        self.mappings = mappings
        self.warnings = warnings
        self.validMentors = validMentors
        self.validMentees = validMentees
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.skipped = skipped
        self.problems = problems
        self.sample = sample
        self.applied = applied
    }
}

/// How a set of drafts compares with what a semester already holds (matched by email).
public struct ApplicantDiff: Sendable, Hashable, Codable {
    public var created: Int
    public var updated: Int
    public var unchanged: Int

    public init(created: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
    }
}
