import Foundation

/// Instants as fixed-width UTC text, `2026-12-03T15:54:49.123Z`: sortable as plain strings (so SQL
/// can compare and index them), readable in the `sqlite3` shell, and identical in logs.
public enum UTCTimestamp {
    /// The current time at the precision it is stored with, so a value read back from the
    /// database equals the one that was written.
    public static func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    public static func string(from date: Date) -> String {
        let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, millisecondOfDay) = floorDivide(totalMilliseconds, 86_400_000)
        let (year, month, day) = civilDate(fromDaysSinceEpoch: Int(days))
        let second = Int(millisecondOfDay / 1000)
        var text = year.zeroPadded(4)
        text += "-" + month.zeroPadded(2) + "-" + day.zeroPadded(2)
        text += "T" + (second / 3600).zeroPadded(2) + ":" + (second / 60 % 60).zeroPadded(2) + ":" + (second % 60).zeroPadded(2)
        text += "." + (Int(millisecondOfDay % 1000)).zeroPadded(3) + "Z"
        return text
    }

    /// Parses the form `string(from:)` writes; also accepts it without milliseconds.
    public static func date(from text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 20 || b.count == 24, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58,
              b[b.count - 1] == 90 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in b[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let mi = number(14..<16), let s = number(17..<19),
              let date = CalendarDate(year: y, month: mo, day: d), h < 24, mi < 60, s < 61 else { return nil }
        var milliseconds = 0
        if b.count == 24 {
            guard b[19] == 46, let ms = number(20..<23) else { return nil }
            milliseconds = ms
        }
        let epochDay = date.dayNumber - unixEpochDayNumber
        let total = Int64(epochDay) * 86_400_000 + Int64(h * 3600 + mi * 60 + s) * 1000 + Int64(milliseconds)
        return Date(timeIntervalSince1970: Double(total) / 1000)
    }

    private static let unixEpochDayNumber = CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber

    private static func civilDate(fromDaysSinceEpoch days: Int) -> (Int, Int, Int) {
        // Howard Hinnant's days-to-civil, with eras of 400 years starting in March.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }
}
