import Foundation
import Testing
@testable import Domain

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("parses exactly YYYY-MM-DD", arguments: [
        ("2026-09-01", true), ("2024-02-29", true), ("2000-02-29", true), ("9999-12-31", true),
        ("2026-02-29", false), ("1900-02-29", false), ("2026-04-31", false), ("2026-13-01", false),
        ("2026-00-10", false), ("2026-01-00", false), ("2026-2-3", false), ("26-02-03", false),
        ("2026/02/03", false), ("2026-02-03 ", false), ("", false), ("tomorrow", false), ("0000-01-01", false),
        ("２０２６-01-01", false),
    ])
    func parsing(text: String, valid: Bool) {
        let date = CalendarDate(parsing: text)
        #expect((date != nil) == valid)
        if let date { #expect(date.description == text) }
    }

    @Test("orders and counts days across months, years and leap days")
    func dayNumbers() throws {
        let a = try #require(CalendarDate(parsing: "2024-02-28"))
        let b = try #require(CalendarDate(parsing: "2024-03-01"))
        let c = try #require(CalendarDate(parsing: "2025-03-01"))
        #expect(a < b && b < c)
        #expect(b.dayNumber - a.dayNumber == 2)
        #expect(c.dayNumber - b.dayNumber == 365)
        #expect(CalendarDate(year: 1, month: 1, day: 1)?.dayNumber == 0)
    }
}

@Suite("UTC timestamps")
struct UTCTimestampTests {
    @Test("formats fixed-width UTC text")
    func formats() {
        #expect(UTCTimestamp.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(UTCTimestamp.string(from: Date(timeIntervalSince1970: 1_796_313_289.5)) == "2026-12-03T15:54:49.500Z")
        #expect(UTCTimestamp.string(from: Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
        #expect(UTCTimestamp.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
    }

    @Test("parses what it writes, to the millisecond")
    func roundTrip() throws {
        for seconds in stride(from: -2_000_000_000.0, to: 4_000_000_000.0, by: 123_456_789.123) {
            let date = Date(timeIntervalSince1970: (seconds * 1000).rounded(.down) / 1000)
            let parsed = try #require(UTCTimestamp.date(from: UTCTimestamp.string(from: date)))
            #expect(abs(parsed.timeIntervalSince(date)) < 0.0005)
        }
    }

    @Test("refuses malformed text", arguments: ["", "2026-12-03", "2026-12-03T25:00:00Z", "2026-12-03T10:00:00+01:00",
                                                 "2026-02-30T10:00:00Z", "2026-12-03T10:00:00.12Z"])
    func refuses(text: String) {
        #expect(UTCTimestamp.date(from: text) == nil)
    }

    @Test("text order is time order, so SQL can compare stored times")
    func sortable() {
        let dates = [-86_400.0 * 400, 0, 1, 59.999, 86_399.5, 1_000_000_000].map { Date(timeIntervalSince1970: $0) }
        let texts = dates.map(UTCTimestamp.string(from:))
        #expect(texts == texts.sorted())
    }
}
