import Core
import Testing
@testable import Forecasting

/// The forecasting rules worked by hand on a four-interval day (the fourth interval closed).
@Suite struct DemandForecastTests {
    static let target = LocalDate(year: 2026, month: 11, day: 30)!   // a Monday

    /// The same weekday k weeks back: k = 3 is a holiday (total 4 against a median of 40).
    static let weeks: [Int: [Double]] = [
        1: [10, 20, 10, 0], 2: [12, 18, 10, 0], 3: [1, 2, 1, 0], 4: [8, 22, 10, 0], 5: [10, 20, 12, 0],
        6: [14, 16, 10, 0], 7: [10, 24, 6, 0], 8: [6, 20, 14, 0], 9: [10, 20, 10, 0],
    ]

    static func history(_ weeks: [Int: [Double]] = weeks, aht: Double = 300) -> [LocalDate: HistoryDay] {
        var h: [LocalDate: HistoryDay] = [:]
        for (k, values) in weeks { h[target.adding(days: -7 * k)] = HistoryDay(contacts: values, workSeconds: values.map { $0 * aht }) }
        return h
    }

    /// Newest 8 totals 40, 40, 4, 40, 42, 40, 40, 40: median 40, so week 3 (4 < 20) is left out and week 9
    /// takes its place. Per interval, without the lowest and highest of the 8:
    /// (8+10+10+10+10+12)/6 = 10; (18+20+20+20+20+22)/6 = 20; (10+10+10+10+10+12)/6 = 10.3333; 0.
    /// Smoothed: (2·10+20)/3 = 13.3333, (10+40+10.3333)/4 = 15.0833, (20+20.6667+0)/4 = 10.1667, and the
    /// closed interval stays 0; scaled by 40.3333/38.5833 to keep the day's total:
    /// 13.938085, 15.767459, 10.627790, 0.
    @Test func trimmedMeanWorkedByHand() throws {
        let f = try #require(DemandForecast.contacts(for: Self.target, origin: Self.target, history: Self.history(), method: .trimmedMean))
        let expected = [13.938085, 15.767459, 10.627790, 0]
        for i in 0..<4 { #expect(abs(f[i] - expected[i]) < 5e-6, "interval \(i): \(f[i])") }
        #expect(f[3] == 0)
        #expect(abs(f.reduce(0, +) - 40.333333) < 1e-5)
    }

    @Test func simpleMethodsWorkedByHand() throws {
        let h = Self.history()
        #expect(DemandForecast.contacts(for: Self.target, origin: Self.target, history: h, method: .seasonalNaive) == [10, 20, 10, 0])
        // Weeks 1–4: (10+12+1+8)/4 = 7.75, (20+18+2+22)/4 = 15.5, (10+10+1+10)/4 = 7.75.
        #expect(DemandForecast.contacts(for: Self.target, origin: Self.target, history: h, method: .mean4) == [7.75, 15.5, 7.75, 0])
        // Medians of 4: (8+10)/2 = 9, (18+20)/2 = 19, (10+10)/2 = 10.
        #expect(DemandForecast.contacts(for: Self.target, origin: Self.target, history: h, method: .median4) == [9, 19, 10, 0])
    }

    /// A week further ahead (origin a week earlier) sees only what came before the origin.
    @Test func onlyDaysBeforeTheOrigin() throws {
        let origin = Self.target.adding(days: -7)
        let f = try #require(DemandForecast.contacts(for: Self.target, origin: origin, history: Self.history(), method: .seasonalNaive))
        #expect(f == [12, 18, 10, 0], "one week earlier is after the origin: the newest same weekday before it")
        #expect(DemandForecast.contacts(for: Self.target, origin: Self.target.adding(days: -70), history: Self.history(), method: .trimmedMean) == nil)
    }

    /// With only two days, nothing is left out and nothing trimmed: the plain mean, smoothed.
    @Test func shortHistory() throws {
        let h = Self.history([1: [10, 20, 10, 0], 2: [0, 0, 2, 0]])
        let f = try #require(DemandForecast.contacts(for: Self.target, origin: Self.target, history: h, method: .trimmedMean))
        // Mean 5, 10, 6, 0 (total 21); smoothed (10+10)/3, (5+20+6)/4, (10+12)/4, 0 = 6.6667, 7.75, 5.5 → ×21/19.9167.
        let scale = 21.0 / (20.0 / 3 + 7.75 + 5.5)
        for (i, e) in [20.0 / 3 * scale, 7.75 * scale, 5.5 * scale, 0].enumerated() { #expect(abs(f[i] - e) < 1e-9) }
    }

    /// Handle time: contact-weighted over the last 28 days, every weekday pooled; an interval with no
    /// contacts takes the pooled mean.
    @Test func handleTime() {
        let d1 = Self.target.adding(days: -1), d2 = Self.target.adding(days: -2), old = Self.target.adding(days: -40)
        let h: [LocalDate: HistoryDay] = [
            d1: HistoryDay(contacts: [10, 0, 4, 0], workSeconds: [3_000, 0, 1_600, 0]),
            d2: HistoryDay(contacts: [30, 0, 6, 0], workSeconds: [6_000, 0, 1_800, 0]),
            old: HistoryDay(contacts: [100, 100, 100, 100], workSeconds: [100_000, 100_000, 100_000, 100_000]),
        ]
        let aht = DemandForecast.ahtSeconds(origin: Self.target, history: h, intervalsPerDay: 4)
        // (3000+6000)/40 = 225; pooled (9000+3400)/50 = 248; (1600+1800)/10 = 340.
        #expect(aht == [225, 248, 340, 248])
    }

    @Test func errorMeasures() {
        #expect(DemandForecast.wape(forecast: [10, 20, 0], actual: [12, 16, 2]) == 8.0 / 30)
        #expect(DemandForecast.wape(forecast: [1], actual: [0]) == nil)
        // Σ c|F−A| / Σ c·A = (10·20 + 30·0) / (10·300 + 30·200) = 200 / 9000.
        #expect(DemandForecast.weightedAHTError(forecast: [280, 200, 500], actual: [300, 200, 0], contacts: [10, 30, 0]) == 200.0 / 9000)
    }
}
