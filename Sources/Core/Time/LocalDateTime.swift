/// A local date and time to the minute, without a time zone.
public struct LocalDateTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let date: LocalDate
    /// Minutes after midnight, 0..<1440.
    public let minuteOfDay: Int

    public init(date: LocalDate, minuteOfDay: Int) {
        let carry = minuteOfDay >= 0 ? minuteOfDay / 1440 : (minuteOfDay - 1439) / 1440
        self.date = carry == 0 ? date : date.adding(days: carry)
        self.minuteOfDay = minuteOfDay - carry * 1440
    }

    /// Parses `YYYY-MM-DDTHH:MM` (a space instead of `T`, and `:SS` of `00`, are accepted).
    public init?(iso text: some StringProtocol) {
        let t = String(text)
        guard t.count >= 16 else { return nil }
        let dateEnd = t.index(t.startIndex, offsetBy: 10)
        let separator = t[dateEnd]
        guard separator == "T" || separator == " ",
              let date = LocalDate(iso: t[t.startIndex..<dateEnd]) else { return nil }
        var timeText = t[t.index(after: dateEnd)...]
        if timeText.count == 8, timeText.hasSuffix(":00") { timeText = timeText.dropLast(3) }
        guard timeText.count == 5, let time = ClockTime(timeOfDay: timeText) else { return nil }
        self.init(date: date, minuteOfDay: time.minutes)
    }

    /// Minutes since 1970-01-01T00:00.
    public var minutesSinceEpoch: Int { date.daysSinceEpoch * 1440 + minuteOfDay }

    /// The date-time `minutes` later.
    public func adding(minutes: Int) -> LocalDateTime {
        LocalDateTime(date: date, minuteOfDay: minuteOfDay + minutes)
    }

    /// `YYYY-MM-DDTHH:MM`.
    public var description: String {
        "\(date)T\(pad(minuteOfDay / 60, 2)):\(pad(minuteOfDay % 60, 2))"
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.minutesSinceEpoch < rhs.minutesSinceEpoch
    }
}
