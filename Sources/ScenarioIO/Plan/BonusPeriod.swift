public import Core

/// A payout period `YYYY-MM` (SPEC §4.4–4.5).
public enum BonusPeriod {
    /// The first and last day of the month `YYYY-MM`, or nil when the text is not such a month.
    ///
    ///     BonusPeriod.dates(of: "2026-02")   // 2026-02-01 ... 2026-02-28
    public static func dates(of period: String) -> ClosedRange<LocalDate>? {
        let bytes = Array(period.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || ($0.element >= UInt8(ascii: "0") && $0.element <= UInt8(ascii: "9")) }),
              let year = Int(period.prefix(4)), let month = Int(period.suffix(2)),
              let first = LocalDate(year: year, month: month, day: 1)
        else { return nil }
        let next = month == 12 ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: month + 1, day: 1)
        guard let next else { return nil }
        return first...next.adding(days: -1)
    }

    /// The month before `YYYY-MM` (`2026-10` for `2026-11`, `2025-12` for `2026-01`), or nil when the text is not a month.
    public static func previous(of period: String) -> String? {
        guard let first = dates(of: period)?.lowerBound else { return nil }
        let last = first.adding(days: -1)
        return (last.year < 1000 ? String(repeating: "0", count: 4 - String(last.year).count) : "") + "\(last.year)-" + (last.month < 10 ? "0" : "") + "\(last.month)"
    }
}
