import Testing
@testable import Domain

@Suite("Semester validation")
struct SemesterDraftTests {
    static let start = CalendarDate(year: 2027, month: 1, day: 10)!
    static let end = CalendarDate(year: 2027, month: 5, day: 30)!

    static func draft(name: String = "Spring 2027", start: CalendarDate = start, end: CalendarDate = end,
                      mentors: Int = 10, mentees: Int = 30, perMentor: Int = 3, minimum: Double? = nil) -> SemesterDraft {
        SemesterDraft(name: name, startDate: start, endDate: end, mentorQuota: mentors, menteeQuota: mentees,
                      defaultMenteesPerMentor: perMentor, rules: MatchingRules(minimumScore: minimum))
    }

    @Test("a good draft passes with its name trimmed")
    func valid() throws {
        #expect(try Self.draft(name: "  Spring 2027 \n").validated().name == "Spring 2027")
        #expect(try Self.draft(name: String(repeating: "é", count: 200)).validated().name.count == 200)
    }

    @Test("each broken rule has its own error", arguments: [
        (draft(name: "   "), DomainError.semesterNameEmpty),
        (draft(name: String(repeating: "a", count: 201)), .semesterNameTooLong(length: 201, limit: 200)),
        (draft(name: "Spring\t2027"), .semesterNameHasControlCharacters),
        (draft(end: start), .semesterEndNotAfterStart(start: start, end: start)),
        (draft(start: end, end: start), .semesterEndNotAfterStart(start: end, end: start)),
        (draft(mentors: 0), .quotaTooSmall(what: "mentor", value: 0)),
        (draft(mentees: -5), .quotaTooSmall(what: "mentee", value: -5)),
        (draft(perMentor: 0), .menteesPerMentorOutOfRange(value: 0, range: 1...20)),
        (draft(perMentor: 21), .menteesPerMentorOutOfRange(value: 21, range: 1...20)),
        (draft(minimum: 1.5), .minimumScoreOutOfRange(value: 1.5)),
    ])
    func invalid(draft: SemesterDraft, expected: DomainError) {
        #expect(throws: expected) { try draft.validated() }
    }

    @Test("refusals read as sentences")
    func messages() {
        #expect(DomainError.semesterEndNotAfterStart(start: Self.end, end: Self.start).description
                == "end date 2027-01-10 must be after start date 2027-05-30")
        #expect(DomainError.illegalStatusChange(from: .closed, to: .open).description
                == "a closed semester cannot become open (closed is final)")
        #expect(DomainError.illegalStatusChange(from: .draft, to: .matched).description
                == "a draft semester cannot become matched (allowed: open, closed)")
    }
}
