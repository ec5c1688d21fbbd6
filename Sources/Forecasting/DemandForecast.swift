public import Core

/// One past day: contacts and handled seconds (contacts × AHT) per interval of the day.
public struct HistoryDay: Sendable, Equatable {
    public var contacts: [Double]
    public var workSeconds: [Double]

    public init(contacts: [Double], workSeconds: [Double]) {
        self.contacts = contacts
        self.workSeconds = workSeconds
    }

    public var total: Double { contacts.reduce(0, +) }
}

/// The ways of forecasting a day's contacts from its same weekdays in the past (SPEC §5.2).
public enum ForecastMethod: String, Sendable, CaseIterable {
    /// Shiftwise's method: a trimmed mean of the last 8 usable same weekdays, smoothed (see ``DemandForecast``).
    case trimmedMean = "trimmed_mean_8_weeks"
    /// Each interval as it was one week earlier.
    case seasonalNaive = "seasonal_naive"
    /// The mean of the last 4 same weekdays, per interval.
    case mean4 = "mean_4_weeks"
    /// The median of the last 4 same weekdays, per interval.
    case median4 = "median_4_weeks"
}

/// Forecasts contacts and handle time per interval from interval history.
///
/// **Contacts** (``ForecastMethod/trimmedMean``), for a target date d, from days strictly before the origin:
/// 1. candidates: d − 7k for k = 1…12 that the history holds, newest first;
/// 2. a candidate whose daily total is below half the median total of the newest 8 candidates is
///    left out (a holiday or a logging gap; no list needed) — unless fewer than 2 would remain;
/// 3. the newest 8 remaining days are used (older ones stand in for those left out);
/// 4. per interval, the mean of their values without the single lowest and highest (plain mean
///    with fewer than 3 days);
/// 5. smoothed across neighbouring intervals with weights 1-2-1 (2-1 and 1-2 at the day's ends),
///    intervals that forecast nothing kept at nothing (a closed desk stays closed), and scaled back
///    to the unsmoothed day total.
///
/// Measured with a rolling origin on a year of real call-centre data (README "Forecasting"): better
/// than seasonal naive and than the mean or median of the last 4 same weekdays; longer windows and
/// robust statistics are what help (Taylor 2008: simple historical averages are hard to beat).
///
/// **Handle time**: per interval of the day, Σ handled seconds ÷ Σ contacts over every day of the
/// last 28 days of history before the origin (all weekdays pooled: handle time varies little by
/// weekday and the pooled estimate is steadier); an interval with no contacts in those days takes
/// their pooled mean.
public enum DemandForecast {
    public static let lookbackWeeks = 12
    public static let daysUsed = 8
    public static let outlierShare = 0.5
    public static let ahtDays = 28

    /// The forecast contacts of `day`'s intervals, or nil when the history holds no same weekday before `origin`.
    ///
    /// - Parameter history: complete past days by date (days excluded by the planner already left out).
    public static func contacts(for day: LocalDate, origin: LocalDate, history: [LocalDate: HistoryDay], method: ForecastMethod) -> [Double]? {
        let candidates: [HistoryDay] = (1...lookbackWeeks).compactMap { k in
            let date = day.adding(days: -7 * k)
            return date < origin ? history[date] : nil
        }
        guard let newest = candidates.first else { return nil }
        let width = newest.contacts.count
        switch method {
        case .seasonalNaive:
            // One week earlier exactly; the newest same weekday when that day is missing.
            let date = day.adding(days: -7)
            return (date < origin ? history[date] : nil)?.contacts ?? newest.contacts
        case .mean4, .median4:
            let used = Array(candidates.prefix(4))
            return (0..<width).map { i in
                let values = used.map { $0.contacts[i] }
                return method == .mean4 ? values.reduce(0, +) / Double(values.count) : median(values)
            }
        case .trimmedMean:
            let reference = median(candidates.prefix(daysUsed).map(\.total))
            var usable = candidates.filter { $0.total >= outlierShare * reference }
            if usable.count < 2 { usable = candidates }
            let used = Array(usable.prefix(daysUsed))
            let raw = (0..<width).map { i -> Double in
                var values = used.map { $0.contacts[i] }.sorted()
                if values.count >= 3 { values = Array(values.dropFirst().dropLast()) }
                return values.reduce(0, +) / Double(values.count)
            }
            return smoothed(raw)
        }
    }

    /// 1-2-1 smoothing that keeps the day's total and keeps empty intervals empty.
    static func smoothed(_ f: [Double]) -> [Double] {
        let total = f.reduce(0, +)
        guard total > 0, f.count > 1 else { return f }
        let n = f.count
        var g = (0..<n).map { i -> Double in
            if f[i] == 0 { return 0 }
            if i == 0 { return (2 * f[0] + f[1]) / 3 }
            if i == n - 1 { return (f[n - 2] + 2 * f[n - 1]) / 3 }
            return (f[i - 1] + 2 * f[i] + f[i + 1]) / 4
        }
        let sum = g.reduce(0, +)
        guard sum > 0 else { return f }
        for i in 0..<n { g[i] *= total / sum }
        return g
    }

    /// The forecast handle time (seconds) of each interval of a day; 0 where the history has no contacts at all.
    public static func ahtSeconds(origin: LocalDate, history: [LocalDate: HistoryDay], intervalsPerDay: Int) -> [Double] {
        let before = history.keys.filter { $0 < origin }
        guard let latest = before.max() else { return Array(repeating: 0, count: intervalsPerDay) }
        let from = latest.adding(days: -(ahtDays - 1))
        var contacts = Array(repeating: 0.0, count: intervalsPerDay)
        var work = Array(repeating: 0.0, count: intervalsPerDay)
        for date in before where date >= from {
            guard let day = history[date] else { continue }
            for i in 0..<min(intervalsPerDay, day.contacts.count) {
                contacts[i] += day.contacts[i]
                work[i] += day.workSeconds[i]
            }
        }
        let totalContacts = contacts.reduce(0, +)
        let pooled = totalContacts > 0 ? work.reduce(0, +) / totalContacts : 0
        return (0..<intervalsPerDay).map { contacts[$0] > 0 ? work[$0] / contacts[$0] : pooled }
    }

    /// The median; the mean of the two middle values for an even count.
    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// WAPE = Σ|forecast − actual| ÷ Σ actual; nil when nothing actually happened.
    public static func wape(forecast: [Double], actual: [Double]) -> Double? {
        let denominator = actual.reduce(0, +)
        guard denominator > 0 else { return nil }
        return zip(forecast, actual).reduce(0) { $0 + abs($1.0 - $1.1) } / denominator
    }

    /// WAPE of handle time, weighted by the actual contacts: Σ c·|F − A| ÷ Σ c·A over intervals with contacts.
    public static func weightedAHTError(forecast: [Double], actual: [Double], contacts: [Double]) -> Double? {
        var num = 0.0, den = 0.0
        for i in 0..<min(forecast.count, actual.count, contacts.count) where contacts[i] > 0 {
            num += contacts[i] * abs(forecast[i] - actual[i])
            den += contacts[i] * actual[i]
        }
        return den > 0 ? num / den : nil
    }
}
