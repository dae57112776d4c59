import Foundation

/// HTTP's own date formats (RFC 9110, 5.6.7), in which servers send `Date`, `Last-Modified`, `Expires` and
/// `Retry-After`: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), and the obsolete RFC 850
/// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`) formats, which a recipient must
/// accept too. Dates are UTC; weekday names are checked for their spelling only.
enum HTTPDate {
    /// The date `text` holds in one of the three formats, or `nil`.
    static func date(from text: Substring, now: Date = Date()) -> Date? {
        let bytes = Array(text.utf8)
        if let date = fixdate(bytes) ?? asctime(bytes) { return date }
        return rfc850(bytes, now: now)
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT`.
    private static func fixdate(_ b: [UInt8]) -> Date? {
        guard b.count == 29, shortDays.contains(where: { b[0..<3].elementsEqual($0) }), b[3] == comma, b[4] == space,
            let day = number(b, 5, 2), b[7] == space, let month = month(b, 8), b[11] == space,
            let year = number(b, 12, 4), b[16] == space, let time = time(b, 17), b[25] == space,
            b[26...].elementsEqual("GMT".utf8)
        else { return nil }
        return date(year: year, month: month, day: day, time: time)
    }

    /// `Sunday, 06-Nov-94 08:49:37 GMT`, a two-digit year taken as the latest year with those digits that is at
    /// most 50 years from now.
    private static func rfc850(_ b: [UInt8], now: Date) -> Date? {
        guard let day = longDays.first(where: { b.starts(with: $0) }) else { return nil }
        let s = day.count
        guard b.count == s + 24, b[s] == comma, b[s + 1] == space, let dayOfMonth = number(b, s + 2, 2),
            b[s + 4] == dash, let month = month(b, s + 5), b[s + 8] == dash, let yy = number(b, s + 9, 2),
            b[s + 11] == space, let time = time(b, s + 12), b[s + 20] == space, b[(s + 21)...].elementsEqual("GMT".utf8)
        else { return nil }
        let thisYear = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: now)
            .year!
        var year = thisYear - thisYear % 100 + yy
        if year > thisYear + 50 { year -= 100 }
        return date(year: year, month: month, day: dayOfMonth, time: time)
    }

    /// `Sun Nov  6 08:49:37 1994` (a one-digit day after a space).
    private static func asctime(_ b: [UInt8]) -> Date? {
        guard b.count == 24, shortDays.contains(where: { b[0..<3].elementsEqual($0) }), b[3] == space,
            let month = month(b, 4), b[7] == space,
            let day = b[8] == space ? number(b, 9, 1) : number(b, 8, 2), b[10] == space, let time = time(b, 11),
            b[19] == space, let year = number(b, 20, 4)
        else { return nil }
        return date(year: year, month: month, day: day, time: time)
    }

    /// `08:49:37` at `start`, as seconds into the day.
    private static func time(_ b: [UInt8], _ start: Int) -> Int? {
        guard let hour = number(b, start, 2), b[start + 2] == colon, let minute = number(b, start + 3, 2),
            b[start + 5] == colon, let second = number(b, start + 6, 2), hour < 24, minute < 60, second < 61
        else { return nil }
        return hour * 3600 + minute * 60 + min(second, 59)
    }

    /// The month whose three-letter name is at `start`, 1 to 12.
    private static func month(_ b: [UInt8], _ start: Int) -> Int? {
        guard start + 3 <= b.count else { return nil }
        return months.firstIndex { b[start..<start + 3].elementsEqual($0) }.map { $0 + 1 }
    }

    /// The decimal number of `count` digits at `start`.
    private static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var value = 0
        for byte in b[start..<start + count] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The UTC date, or `nil` for a day the month does not have.
    private static func date(year: Int, month: Int, day: Int, time: Int) -> Date? {
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day >= 1, day <= lengths[month - 1] else { return nil }
        // Days from 1970-01-01 to the civil date (Howard Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + time))
    }

    private static let comma = UInt8(ascii: ",")
    private static let space = UInt8(ascii: " ")
    private static let dash = UInt8(ascii: "-")
    private static let colon = UInt8(ascii: ":")
    private static let shortDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map { Array($0.utf8) }
    private static let longDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        .map { Array($0.utf8) }
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .map { Array($0.utf8) }
}
