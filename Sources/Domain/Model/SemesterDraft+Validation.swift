extension SemesterDraft {
    /// The draft with its name trimmed, or the first rule it breaks. Creation and editing both use this.
    public func validated() throws -> SemesterDraft {
        var draft = self
        draft.name = name.trimmingWhitespace()
        guard !draft.name.isEmpty else { throw DomainError.semesterNameEmpty }
        guard draft.name.count <= SemesterDraft.maximumNameLength else {
            throw DomainError.semesterNameTooLong(length: draft.name.count, limit: SemesterDraft.maximumNameLength)
        }
        guard !draft.name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw DomainError.semesterNameHasControlCharacters
        }
        guard endDate > startDate else { throw DomainError.semesterEndNotAfterStart(start: startDate, end: endDate) }
        guard mentorQuota >= 1 else { throw DomainError.quotaTooSmall(what: "mentor", value: mentorQuota) }
        guard menteeQuota >= 1 else { throw DomainError.quotaTooSmall(what: "mentee", value: menteeQuota) }
        guard SemesterDraft.menteesPerMentorRange.contains(defaultMenteesPerMentor) else {
            throw DomainError.menteesPerMentorOutOfRange(value: defaultMenteesPerMentor, range: SemesterDraft.menteesPerMentorRange)
        }
        if let minimum = rules.minimumScore, !(0...1).contains(minimum) {
            throw DomainError.minimumScoreOutOfRange(value: minimum)
        }
        return draft
    }
}

extension String {
    /// Leading and trailing Unicode white space and newlines removed.
    public func trimmingWhitespace() -> String {
        // Most values need no trimming: an ASCII non-space at both ends settles it without decoding.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
