import Core

/// How findings spell times and durations, so every message reads the same way.
enum Wording {
    /// `10 h 30 min`, `11 h`, `45 min` (`10 小时 30 分钟` in Chinese).
    static func duration(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "−" : ""
        let m = abs(minutes)
        let t = Texts.current
        switch (m / 60, m % 60) {
        case (0, let rest): return sign + t(.unitMinutes, String(rest))
        case (let h, 0): return sign + t(.unitHours, String(h))
        case (let h, let rest): return sign + t(.unitHoursMinutes, String(h), String(rest))
        }
    }

    /// Hours with two decimals, as `paid_hours` is written (`450` → `7.50`).
    static func hours(_ minutes: Int) -> String {
        (ExactDecimal(minutes).divided(by: 60, scale: 2, mode: .halfEven) ?? .zero).plainText
    }

    /// `HH:MM` of an absolute minute.
    static func clock(_ minute: Int) -> String {
        ClockTime(minutes: minute).wallClock
    }

    /// `2026-12-01 07:00–16:00`; the end as a full date-time when it falls on a later day.
    static func shift(_ shift: ResolvedShift) -> String {
        let end = shift.end.date == shift.start.date ? clock(shift.end.minuteOfDay) : shift.end.description
        return "\(shift.start.date) \(clock(shift.start.minuteOfDay))–\(end)"
    }

    /// `08:00–16:00`, for naming a shift again inside a message about it.
    static func hours(of shift: ResolvedShift) -> String {
        let end = shift.end.date == shift.start.date ? clock(shift.end.minuteOfDay) : shift.end.description
        return "\(clock(shift.start.minuteOfDay))–\(end)"
    }

    /// A time measured from a day's midnight, `26:00` kept past midnight.
    static func offset(_ minutes: Int) -> String {
        ClockTime(minutes: minutes).description
    }

    /// `4 h, 8 h`.
    static func lengths(_ minutes: [Int]) -> String {
        minutes.sorted().map(duration).joined(separator: Texts.current(.listComma))
    }

    /// `1 day`, `3 days`: the text of `one` for a count of 1, else of `many`.
    static func count(_ count: Int, _ one: TextKey, _ many: TextKey) -> String {
        Texts.current(count == 1 ? one : many, String(count))
    }

    /// `agent A1`.
    static func agent(_ id: String) -> String {
        Texts.current(.rvWho, id)
    }
}
