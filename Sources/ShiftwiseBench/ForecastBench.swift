import Core
import Forecasting
import Foundation

/// Rolling-origin accuracy of the forecasting methods on real call-centre data (SPEC §5.2): each
/// week of a window is forecast one week ahead from the days before it, at 30-minute grain, and the
/// WAPE is pooled over the window's intervals (Σ|F − A| ÷ Σ A).
///
/// The data is the Anonymous Bank year (calls per 6 minutes, 1999), which is not part of the project:
/// the folder is given as `FORECAST_DATA` (default `../shared/data/anonymous-bank-1999`).
enum ForecastBench {
    static func run() {
        let folder = ProcessInfo.processInfo.environment["FORECAST_DATA"] ?? "../shared/data/anonymous-bank-1999"
        let path = folder + "/calls_1999_6min.csv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            print("")
            print("forecasting: no data at \(path) (set FORECAST_DATA to the folder of calls_1999_6min.csv); skipped")
            return
        }
        // 6-minute slots → 48 half-hours per day.
        var days: [LocalDate: HistoryDay] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count >= 5, let date = LocalDate(iso: cells[0]), let slot = Int(cells[2]), let calls = Double(cells[4]) else { continue }
            let i = (slot - 1) / 5
            var day = days[date] ?? HistoryDay(contacts: Array(repeating: 0, count: 48), workSeconds: Array(repeating: 0, count: 48))
            day.contacts[i] += calls
            days[date] = day
        }
        print("")
        print("forecasting (Anonymous Bank 1999, calls per 30 minutes; rolling origin, one week ahead, WAPE pooled over each window)")
        let windows: [(name: String, first: String, weeks: Int)] = [
            ("1999-10-18 (10 weeks)", "1999-10-18", 10), ("1999-03-01 (10 weeks)", "1999-03-01", 10),
            ("1999-05-31 (10 weeks)", "1999-05-31", 10), ("1999-08-02 (10 weeks)", "1999-08-02", 10),
            ("1999-03-01 (43 weeks)", "1999-03-01", 43),
        ]
        let methods = ForecastMethod.allCases
        print("window                  " + methods.map { $0.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0) }.joined())
        for w in windows {
            guard let first = LocalDate(iso: w.first) else { continue }
            var errors = Array(repeating: 0.0, count: methods.count)
            var actualTotal = 0.0
            for week in 0..<w.weeks {
                let origin = first.adding(days: 7 * week)
                for d in 0..<7 {
                    let date = origin.adding(days: d)
                    guard let actual = days[date] else { continue }
                    actualTotal += actual.total
                    for (m, method) in methods.enumerated() {
                        let f = DemandForecast.contacts(for: date, origin: origin, history: days, method: method) ?? Array(repeating: 0, count: 48)
                        errors[m] += zip(f, actual.contacts).reduce(0) { $0 + abs($1.0 - $1.1) }
                    }
                }
            }
            let cells = errors.map { String(format: "%6.2f %%", 100 * $0 / actualTotal).padding(toLength: 22, withPad: " ", startingAt: 0) }
            print(w.name.padding(toLength: 24, withPad: " ", startingAt: 0) + cells.joined())
        }
    }
}
