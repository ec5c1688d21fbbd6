public import Core
import Forecasting

/// What `shiftwise forecast` computed, ready to write (SPEC §5.2).
public struct ForecastOutcome: Sendable {
    /// One back-tested week: its Monday, the method, and the errors (nil when the week had no contacts).
    public struct Accuracy: Sendable {
        public let week: String
        public let method: String
        public let wapeContacts: Double?
        public let wapeAHT: Double?

        public init(week: String, method: String, wapeContacts: Double?, wapeAHT: Double?) {
            self.week = week
            self.method = method
            self.wapeContacts = wapeContacts
            self.wapeAHT = wapeAHT
        }
    }

    public let week: LocalDate
    public let intervalMinutes: Int
    /// The forecast week: contacts and AHT per interval, day after day.
    public let contacts: [Double]
    public let ahtSeconds: [Double]
    /// The history drawn on the page: its first date and its contacts per interval, day after day.
    public let historyStart: LocalDate
    public let history: [Double]
    /// Back-tested weeks: Monday and the product's forecast per interval.
    public let backtests: [(week: LocalDate, contacts: [Double])]
    public let accuracy: [Accuracy]

    public init(week: LocalDate, intervalMinutes: Int, contacts: [Double], ahtSeconds: [Double], historyStart: LocalDate, history: [Double],
                backtests: [(week: LocalDate, contacts: [Double])], accuracy: [Accuracy]) {
        self.week = week
        self.intervalMinutes = intervalMinutes
        self.contacts = contacts
        self.ahtSeconds = ahtSeconds
        self.historyStart = historyStart
        self.history = history
        self.backtests = backtests
        self.accuracy = accuracy
    }
}

public enum ForecastReport {
    /// `forecast.csv` in the forecast format: every interval of the week, contacts with 2 decimals,
    /// AHT with 1 (0 where nothing is expected).
    public static func forecastCSV(_ o: ForecastOutcome) -> CSVWriter {
        var w = CSVWriter(header: ["start", "contacts", "aht_seconds"])
        let perDay = 1440 / o.intervalMinutes
        for (k, c) in o.contacts.enumerated() {
            let start = LocalDateTime(date: o.week.adding(days: k / perDay), minuteOfDay: (k % perDay) * o.intervalMinutes)
            let contacts = Format.fixed(max(0, c), places: 2)
            let open = contacts != "0.00"
            // A scenario needs aht_seconds > 0 wherever contacts are expected: never written below 0.1.
            w.append([.text(start.description), .number(contacts), .number(open ? Format.fixed(max(0.1, o.ahtSeconds[k]), places: 1) : "0")])
        }
        return w
    }

    /// `accuracy.csv`: `week,method,wape_contacts,wape_aht` (shares, 4 decimals; empty when undefined).
    public static func accuracyCSV(_ o: ForecastOutcome) -> CSVWriter {
        var w = CSVWriter(header: ["week", "method", "wape_contacts", "wape_aht"])
        for a in o.accuracy {
            w.append([.text(a.week), .text(a.method), a.wapeContacts.map { .number(Format.fixed($0, places: 4)) } ?? .empty,
                      a.wapeAHT.map { .number(Format.fixed($0, places: 4)) } ?? .empty])
        }
        return w
    }

    /// `forecast.html`: the history, the back-tested weeks and the forecast on one time axis (daily
    /// totals as bars of the chart's scale, intervals as lines), and the accuracy table.
    public static func page(_ o: ForecastOutcome, historyFile: String, texts t: Texts = .english) -> String {
        let e = HTML.escape
        let perDay = 1440 / o.intervalMinutes
        let historyDays = o.history.count / perDay
        let totalDays = historyDays + 7 + o.week.daysSinceEpoch - o.historyStart.adding(days: historyDays).daysSinceEpoch
        let width = 1200.0, height = 320.0, left = 56.0, right = 12.0, top = 14.0, bottom = 40.0
        let plotW = width - left - right, plotH = height - top - bottom
        let allValues = o.history + o.contacts + o.backtests.flatMap(\.contacts)
        let maxValue = max(1, allValues.max() ?? 1)
        let step = niceStep(maxValue / 5)
        let yMax = (maxValue / step).rounded(.up) * step
        let intervalsTotal = Double(max(1, totalDays * perDay))
        func x(_ day: Int, _ i: Int) -> Double { left + plotW * (Double(day * perDay + i) + 0.5) / intervalsTotal }
        func y(_ v: Double) -> Double { top + plotH * (1 - v / yMax) }
        func path(_ values: [Double], fromDay: Int) -> String {
            var d = ""
            for (k, v) in values.enumerated() {
                d += (k == 0 ? "M" : "L") + Format.fixed(x(fromDay + k / perDay, k % perDay), places: 1) + "," + Format.fixed(y(v), places: 1)
            }
            return d
        }
        let forecastDay = o.week.daysSinceEpoch - o.historyStart.daysSinceEpoch
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(t(.forecastLegendHistory)), \(t(.forecastBacktestHeading)), \(t(.forecastLegendForecast))\">"
        // Grid, y labels.
        var v = 0.0
        while v <= yMax + 1e-9 {
            svg += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(Format.fixed(y(v), places: 1))\" y2=\"\(Format.fixed(y(v), places: 1))\" class=\"grid\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(Format.fixed(y(v) + 4, places: 1))\" class=\"ylab\">\(Format.fixed(v, places: v == v.rounded() ? 0 : 1))</text>"
            v += step
        }
        // Week boundaries with their Mondays.
        for day in stride(from: 0, to: totalDays, by: 1) {
            let date = o.historyStart.adding(days: day)
            guard date.weekday == .mon else { continue }
            let xx = Format.fixed(left + plotW * Double(day * perDay) / intervalsTotal, places: 1)
            svg += "<line x1=\"\(xx)\" x2=\"\(xx)\" y1=\"\(top)\" y2=\"\(top + plotH)\" class=\"week\"/>"
            svg += "<text x=\"\(xx)\" y=\"\(height - 22)\" class=\"xlab\">\(date)</text>"
        }
        // The forecast week shaded.
        let fx = left + plotW * Double(forecastDay * perDay) / intervalsTotal
        svg += "<rect x=\"\(Format.fixed(fx, places: 1))\" y=\"\(top)\" width=\"\(Format.fixed(plotW * Double(7 * perDay) / intervalsTotal, places: 1))\" height=\"\(plotH)\" class=\"fweek\"/>"
        svg += "<path d=\"\(path(o.history, fromDay: 0))\" class=\"hist\"/>"
        for b in o.backtests {
            svg += "<path d=\"\(path(b.contacts, fromDay: b.week.daysSinceEpoch - o.historyStart.daysSinceEpoch))\" class=\"back\"/>"
        }
        svg += "<path d=\"\(path(o.contacts, fromDay: forecastDay))\" class=\"fc\"/>"
        svg += "<text x=\"\(left)\" y=\"\(height - 4)\" class=\"axis\">\(t(.forecastAxis, String(o.intervalMinutes)))</text></svg>"

        var rows = ""
        for a in o.accuracy {
            let method = a.method == ForecastMethod.trimmedMean.rawValue ? t(.forecastMethodTrimmed) : a.method == ForecastMethod.seasonalNaive.rawValue ? t(.forecastMethodNaive) : a.method
            let week = a.week == "all" ? t(.forecastAllWeeks) : LocalDate(iso: a.week).map(t.date) ?? a.week
            rows += "<tr><td>\(e(week))</td><td>\(e(method))</td><td class=\"num\">\(a.wapeContacts.map { t.percent($0) } ?? "–")</td><td class=\"num\">\(a.wapeAHT.map { t.percent($0) } ?? "–")</td></tr>"
        }
        let total = o.contacts.reduce(0, +)
        return """
        <!doctype html>
        <html lang="\(t.htmlLang)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(t(.forecastTitle, t.date(o.week))))</title>
        <style>\(HTML.style)
        svg{width:100%;height:auto;max-width:1200px;border:1px solid #e3e7ee;border-radius:8px;background:#fff}
        .grid{stroke:#eef1f5} .week{stroke:#c9d0db;stroke-dasharray:2 3} .fweek{fill:#e8f0fe}
        .hist{fill:none;stroke:#7b8594;stroke-width:1} .back{fill:none;stroke:#e07b00;stroke-width:1.2;stroke-dasharray:4 2} .fc{fill:none;stroke:#1b5fbf;stroke-width:1.6}
        .ylab{font-size:11px;fill:#5b6577;text-anchor:end} .xlab{font-size:11px;fill:#5b6577} .axis{font-size:11px;fill:#5b6577}
        .legend span{font-size:13px}
        </style></head><body>
        <h1>\(e(t(.forecastTitle, t.date(o.week))))</h1>
        <div class="sub">\(e(t(.forecastSub, historyFile, String(historyDays), t.date(o.historyStart), String(o.intervalMinutes), Format.fixed(total, places: 0))))</div>
        <div class="legend"><span><span class="sw" style="background:#7b8594"></span>\(t(.forecastLegendHistory))</span><span><span class="sw" style="background:#e07b00"></span>\(t(.forecastLegendBacktest))</span><span><span class="sw" style="background:#1b5fbf"></span>\(t(.forecastLegendForecast))</span></div>
        \(svg)
        <h2>\(t(.forecastBacktestHeading))</h2>
        <p class="sub">\(e(t(.forecastBacktestNote)))</p>
        <table><tr><th>\(t(.forecastColWeek))</th><th>\(t(.forecastColMethod))</th><th>\(t(.forecastColWAPEContacts))</th><th>\(t(.forecastColWAPEAHT))</th></tr>\(rows)</table>
        </body></html>

        """
    }

    /// 1, 2 or 5 × a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0 else { return 1 }
        var p = 1.0
        while p * 10 <= raw { p *= 10 }
        while p > raw { p /= 10 }
        for m in [1.0, 2.0, 5.0, 10.0] where m * p >= raw { return m * p }
        return 10 * p
    }
}
