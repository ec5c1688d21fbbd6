public import Core
import Forecasting
import Foundation
public import Reports
import ScenarioIO

/// `shiftwise forecast HISTORY --week YYYY-MM-DD [--special FILE] [--out DIR]` (SPEC §5.2).
public enum ForecastUseCase {
    public struct Outcome: Sendable {
        public let forecast: ForecastOutcome
        public let files: [String]
        public let summary: String
        public let warnings: [Diagnostic]
    }

    /// The weeks back-tested at most.
    static let backtestWeeks = 4

    public static func run(historyPath: String, week: LocalDate, specialPath: String?, outputFolder: String?, texts: Texts = .english) throws -> Outcome {
        var history = try HistoryReader.read(historyPath)
        let specials = try specialPath.map { try SpecialDaysReader.read($0) } ?? []
        var warnings = history.warnings
        var bag = DiagnosticBag()
        // Only days before the week are history; rows inside or after it are not used.
        let later = history.days.keys.filter { $0 >= week }.count
        if later > 0 {
            warnings.append(Diagnostic(.warning, at: SourceLocation(file: history.file),
                                       Texts.current(later == 1 ? .foLaterDay : .foLaterDays, String(later), "\(week)"),
                                       fix: Texts.current(.foLaterFix, "\(week)")))
            for d in history.days.keys where d >= week { history.days[d] = nil }
        }
        let before = history.days.keys.sorted()
        guard let first = before.first, let last = before.last, before.count >= 14 else {
            bag.error(SourceLocation(file: history.file), Texts.current(before.count == 1 ? .foFewDay : .foFewDays, String(before.count), "\(week)"),
                      fix: Texts.current(.foFewFix, "\(week)"))
            throw InputError(bag.items)
        }
        if before.count < 28 {
            warnings.append(Diagnostic(.warning, at: SourceLocation(file: history.file),
                                       Texts.current(.foShort, String(before.count)), fix: Texts.current(.foShortFix)))
        }
        // Special days: excluded past days leave the history; adjusted days scale the forecast week.
        var excluded = Set<LocalDate>()
        var factors: [LocalDate: Double] = [:]
        for s in specials {
            switch s.kind {
            case .exclude:
                if s.date >= week || history.days[s.date] == nil {
                    bag.error(s.location, Texts.current(.foExclude, "\(s.date)", "\(week)", "\(first)", "\(last)"), fix: Texts.current(.foExcludeFix))
                } else {
                    excluded.insert(s.date)
                }
            case .adjust:
                if s.date < week || s.date >= week.adding(days: 7) {
                    bag.error(s.location, Texts.current(.foAdjust, "\(s.date)", "\(week)", "\(week.adding(days: 6))"), fix: Texts.current(.foAdjustFix))
                } else {
                    factors[s.date] = s.factor.doubleValue
                }
            }
        }
        try bag.throwIfErrors()
        var used = history.days
        for d in excluded { used[d] = nil }
        let perDay = history.intervalsPerDay

        func forecastWeek(_ monday: LocalDate, method: ForecastMethod) -> [Double] {
            (0..<7).flatMap { d -> [Double] in
                DemandForecast.contacts(for: monday.adding(days: d), origin: monday, history: used, method: method) ?? Array(repeating: 0, count: perDay)
            }
        }
        // Each day needs a same weekday within the look-back (12 weeks): a week further out is not forecast.
        let blind = (0..<7).map { week.adding(days: $0) }.filter { day in
            !(1...DemandForecast.lookbackWeeks).contains { used[day.adding(days: -7 * $0)] != nil }
        }
        if !blind.isEmpty {
            bag.error(SourceLocation(file: history.file),
                      Texts.current(.foBlind, "\(last)", blind.map { Texts.current.weekday($0.weekday) }.joined(separator: Texts.current(.listComma)),
                                    String(DemandForecast.lookbackWeeks), "\(week)"),
                      fix: Texts.current(.foBlindFix, "\(week)"))
            throw InputError(bag.items)
        }
        // The week.
        var contacts = forecastWeek(week, method: .trimmedMean)
        for (date, factor) in factors {
            let d = date.daysSinceEpoch - week.daysSinceEpoch
            for i in 0..<perDay { contacts[d * perDay + i] *= factor }
        }
        let dayAHT = DemandForecast.ahtSeconds(origin: week, history: used, intervalsPerDay: perDay)
        let aht = (0..<7).flatMap { _ in dayAHT }

        // Back-test: each of the last (up to) 4 whole weeks of the history, forecast from the days before it.
        var accuracy: [ForecastOutcome.Accuracy] = []
        var backtests: [(week: LocalDate, contacts: [Double])] = []
        var pooled: [ForecastMethod: (error: Double, actual: Double, ahtError: Double, ahtActual: Double)] = [:]
        let methods: [ForecastMethod] = [.trimmedMean, .seasonalNaive]
        var tested: [LocalDate] = []
        var monday = week.adding(days: -7)
        while tested.count < backtestWeeks, monday.adding(days: -14) >= first {
            if (0..<7).allSatisfy({ history.days[monday.adding(days: $0)] != nil }) { tested.append(monday) }
            monday = monday.adding(days: -7)
        }
        for m in tested.reversed() {
            let days = (0..<7).map { m.adding(days: $0) }.filter { !excluded.contains($0) }
            let actualContacts = days.flatMap { used[$0]?.contacts ?? [] }
            let actualAHT = days.flatMap { d -> [Double] in
                guard let day = used[d] else { return [] }
                return (0..<perDay).map { day.contacts[$0] > 0 ? day.workSeconds[$0] / day.contacts[$0] : 0 }
            }
            for method in methods {
                let f = days.flatMap { DemandForecast.contacts(for: $0, origin: m, history: used, method: method) ?? Array(repeating: 0, count: perDay) }
                let fAHT: [Double] = method == .trimmedMean
                    ? days.flatMap { _ in DemandForecast.ahtSeconds(origin: m, history: used, intervalsPerDay: perDay) }
                    : days.flatMap { d -> [Double] in
                        // Seasonal naive: each interval's handle time one week earlier (that day's own mean where it had no contacts).
                        // (The newest same weekday before the week when that day was left out.)
                        let candidates = (1...DemandForecast.lookbackWeeks).map { d.adding(days: -7 * $0) }.filter { $0 < m }
                        guard let prior = candidates.lazy.compactMap({ used[$0] }).first else { return Array(repeating: 0, count: perDay) }
                        let mean = prior.total > 0 ? prior.workSeconds.reduce(0, +) / prior.total : 0
                        return (0..<perDay).map { prior.contacts[$0] > 0 ? prior.workSeconds[$0] / prior.contacts[$0] : mean }
                    }
                let wape = DemandForecast.wape(forecast: f, actual: actualContacts)
                let wapeAHT = DemandForecast.weightedAHTError(forecast: fAHT, actual: actualAHT, contacts: actualContacts)
                accuracy.append(.init(week: m.description, method: method.rawValue, wapeContacts: wape, wapeAHT: wapeAHT))
                var p = pooled[method] ?? (0, 0, 0, 0)
                p.error += zip(f, actualContacts).reduce(0) { $0 + abs($1.0 - $1.1) }
                p.actual += actualContacts.reduce(0, +)
                for i in 0..<actualContacts.count where actualContacts[i] > 0 {
                    p.ahtError += actualContacts[i] * abs(fAHT[i] - actualAHT[i])
                    p.ahtActual += actualContacts[i] * actualAHT[i]
                }
                pooled[method] = p
                if method == .trimmedMean {
                    backtests.append((m, (0..<7).flatMap { DemandForecast.contacts(for: m.adding(days: $0), origin: m, history: used, method: method) ?? Array(repeating: 0, count: perDay) }))
                }
            }
        }
        if !tested.isEmpty {
            for method in methods {
                guard let p = pooled[method] else { continue }
                accuracy.append(.init(week: "all", method: method.rawValue, wapeContacts: p.actual > 0 ? p.error / p.actual : nil,
                                      wapeAHT: p.ahtActual > 0 ? p.ahtError / p.ahtActual : nil))
            }
        }
        // The page shows the last 8 weeks of history at most.
        let shownFrom = max(first, week.adding(days: -56))
        var shown: [Double] = []
        var d = shownFrom
        while d < week {
            shown += history.days[d]?.contacts ?? Array(repeating: 0, count: perDay)
            d = d.adding(days: 1)
        }
        let outcome = ForecastOutcome(week: week, intervalMinutes: history.intervalMinutes, contacts: contacts, ahtSeconds: aht,
                                      historyStart: shownFrom, history: shown, backtests: backtests.filter { $0.week >= shownFrom }, accuracy: accuracy)

        let files = try OutputSet.writeAll(outputFolder ?? "reports/forecast/\(week)", owner: "forecast", files: [
            ("forecast.csv", ForecastReport.forecastCSV(outcome).bytes), ("accuracy.csv", ForecastReport.accuracyCSV(outcome).bytes),
            ("forecast.html", Array(ForecastReport.page(outcome, historyFile: history.file, texts: texts).utf8)),
        ]).written
        let t = texts
        // English keeps its singulars and plurals; the table's texts serve every other language.
        func english(_ count: Int, _ one: String, _ many: String) -> String { count == 1 ? one : many }
        var head = t(.cliForecastFrom, t.language == .en ? week.description : t.date(week), String(before.count),
                     t.language == .en ? first.description : t.date(first), t.language == .en ? last.description : t.date(last), String(history.intervalMinutes))
        if !excluded.isEmpty {
            head += t.language == .en ? ", \(excluded.count) \(english(excluded.count, "day", "days")) excluded" : t(.cliForecastExcluded, String(excluded.count))
        }
        var lines = [head]
        let total = contacts.reduce(0, +)
        if let peak = contacts.indices.max(by: { contacts[$0] < contacts[$1] }) {
            let start = LocalDateTime(date: week.adding(days: peak / perDay), minuteOfDay: (peak % perDay) * history.intervalMinutes)
            var line = t(.cliForecastTotal, Format.fixed(total, places: 0), Format.fixed(contacts[peak], places: 1), start.description)
            if !factors.isEmpty {
                line += t.language == .en ? "; \(factors.count) \(english(factors.count, "day", "days")) adjusted" : t(.cliForecastAdjusted, String(factors.count))
            }
            lines.append(line)
        }
        if let mine = accuracy.first(where: { $0.week == "all" && $0.method == ForecastMethod.trimmedMean.rawValue }),
           let naive = accuracy.first(where: { $0.week == "all" && $0.method == ForecastMethod.seasonalNaive.rawValue }) {
            func pct(_ v: Double?) -> String { v.map { t.percent($0) } ?? "–" }
            var line = t(.cliForecastBacktest, String(tested.count), pct(mine.wapeContacts), pct(naive.wapeContacts), pct(mine.wapeAHT), pct(naive.wapeAHT))
            if t.language == .en { line = line.replacingOccurrences(of: "week(s)", with: english(tested.count, "week", "weeks")) }
            lines.append(line)
        } else {
            lines.append(t(.cliForecastNoBacktest))
        }
        return Outcome(forecast: outcome, files: files, summary: lines.joined(separator: "\n"), warnings: warnings)
    }
}
