public import Core
public import Rostering

/// `compare.html`: one self-contained page (no network) with the measure table, the week's
/// requirement and coverage curves overlaid, bars for cost and service level, and — for `--vary`
/// — cost against the varied value with service level on a second axis.
public enum ComparePage {
    /// One scenario's column.
    public struct Column: Sendable {
        public let name: String
        public let measures: ScenarioMeasures
        public let evaluation: RosterEvaluation
        public let grid: TimeGrid
        /// The varied value, for `--vary` columns.
        public let variedValue: Double?

        public init(name: String, measures: ScenarioMeasures, evaluation: RosterEvaluation, grid: TimeGrid, variedValue: Double?) {
            self.name = name
            self.measures = measures
            self.evaluation = evaluation
            self.grid = grid
            self.variedValue = variedValue
        }
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"]

    static func colour(_ i: Int) -> String { palette[i % palette.count] }

    /// Column labels: the part after `@` when every column is a variant of one scenario.
    static func labels(_ columns: [Column]) -> [String] {
        let parts = columns.map { $0.name.split(separator: "@", maxSplits: 1).map(String.init) }
        guard columns.count > 1, parts.allSatisfy({ $0.count == 2 }), Set(parts.map { $0[0] }).count == 1 else { return columns.map(\.name) }
        return parts.map { $0[1] }
    }

    public static func html(columns: [Column], currency: String, variedKey: String?, texts t: Texts = .english) -> String {
        let firstName = columns.first?.name ?? ""
        let columns = zip(columns, labels(columns)).map { c, label in
            Column(name: label, measures: c.measures, evaluation: c.evaluation, grid: c.grid, variedValue: c.variedValue)
        }
        var page = "<!DOCTYPE html>\n<html lang=\"\(t.htmlLang)\"><head><meta charset=\"utf-8\"><title>\(t(.compareTitle))</title>"
        page += "<style>\(HTML.style) td.better{background:#e6f4ea} td.worse{background:#fce8e6} thead th{white-space:normal;max-width:190px;vertical-align:bottom} .charts{display:flex;flex-wrap:wrap;gap:18px}</style></head><body>\n"
        page += "<h1>\(t(.compareTitle))</h1>\n<div class=\"sub\">\(HTML.escape(t(.compareSub, String(columns.count), firstName, currency)))</div>\n"
        page += table(columns, texts: t)
        page += "<h2>\(t(.compareCoverageHeading))</h2>\n" + legend(columns, texts: t) + weekChart(columns, texts: t)
        page += "<h2>\(t(.compareCostHeading))</h2>\n<div class=\"charts\">"
        page += bars(columns, title: t(.compareLabourBar, currency), values: columns.map { $0.measures.labourCost.doubleValue }, places: 0)
        page += bars(columns, title: t(.compareSLBar), values: columns.map { ($0.measures.serviceLevelWeek ?? 0) * 100 }, places: 1)
        page += "</div>\n"
        if let variedKey, columns.allSatisfy({ $0.variedValue != nil }) {
            page += "<h2>\(HTML.escape(t(.compareCostAgainst, variedKey)))</h2>\n" + curve(columns, key: variedKey, currency: currency, label: t(.compareCostAgainst, variedKey), texts: t)
        }
        page += "</body></html>\n"
        return page
    }

    /// The measure names a person reads (the CSV keeps its keys).
    static let measureKeys: [String: TextKey] = [
        "contacts": .mContacts, "required_agent_hours": .mRequiredAgentHours, "paid_hours": .mPaidHours, "labour_cost": .mLabourCost,
        "understaffed_agent_hours": .mUnderstaffed, "service_level_week": .mServiceLevelWeek, "service_level_worst_day": .mServiceLevelWorstDay,
        "occupancy": .mOccupancy, "bonus_total": .mBonusTotal, "cost_per_contact": .mCostPerContact, "solver_gap": .mSolverGap, "agents": .mAgents,
        "overstaffed_agent_hours": .mOverstaffed, "abandon_rate": .mAbandonRate, "solver_status": .mSolverStatus,
    ]

    static func table(_ columns: [Column], texts words: Texts = .english) -> String {
        let rows = CompareSheet.rows(columns.map(\.measures))
        var t = "<table><thead><tr><th>\(words(.compareMeasure))</th>"
        t += columns.enumerated().map { i, c in "<th><span style=\"color:\(colour(i))\">■</span> \(HTML.escape(c.name))</th>" }.joined()
        t += columns.dropFirst().map { "<th>Δ \(HTML.escape($0.name))</th>" }.joined()
        t += "</tr></thead><tbody>\n"
        for row in rows {
            t += "<tr><td>\(measureKeys[row.measure].map { words($0) } ?? row.measure)</td>"
            if let texts = row.texts {
                t += texts.map { "<td>\(HTML.escape($0 == "optimal" ? words(.statusOptimal) : $0 == "feasible" ? words(.statusFeasible) : $0))</td>" }.joined() + columns.dropFirst().map { _ in "<td></td>" }.joined() + "</tr>\n"
                continue
            }
            t += row.values.map { v in "<td class=\"num\">\(v.map { Format.fixed($0, places: row.places) } ?? "")</td>" }.joined()
            for v in row.values.dropFirst() {
                guard let v, let base = row.values.first ?? nil else { t += "<td></td>"; continue }
                let diff = v - base
                var cls = ""
                if let more = row.moreIsBetter, abs(diff) > 1e-9 { cls = (diff > 0) == more ? "better" : "worse" }
                t += "<td class=\"num \(cls)\">\(diff > 0 ? "+" : "")\(Format.fixed(diff, places: row.places))</td>"
            }
            t += "</tr>\n"
        }
        t += "</tbody></table>\n"
        // Each roster is within its gap of the best possible: when two columns' labour costs differ by no more
        // than their gaps allow, which of the two is cheaper at best is not proven.
        var unproven: [String] = []
        for i in columns.indices {
            for j in columns.indices where j > i {
                let a = columns[i].measures, b = columns[j].measures
                let diff = abs(a.labourCost.doubleValue - b.labourCost.doubleValue)
                if orderUnproven(labour: (a.labourCost.doubleValue, b.labourCost.doubleValue), gaps: (a.gapAmount, b.gapAmount)) {
                    unproven.append(HTML.escape(words(.compareUnprovenPair, columns[i].name, columns[j].name, Format.fixed(diff, places: 2),
                                                      Format.fixed(a.gapAmount, places: 2), Format.fixed(b.gapAmount, places: 2))))
                }
            }
        }
        if !unproven.isEmpty {
            t += "<p class=\"note\">" + words(.compareUnprovenNote, unproven.joined(separator: words.language == .zhCN ? "；" : "; ")) + "</p>\n"
        }
        return t
    }

    static func legend(_ columns: [Column], texts t: Texts = .english) -> String {
        "<div class=\"legend\">" + columns.enumerated().map { i, c in
            "<span><i class=\"sw\" style=\"background:\(colour(i))\"></i>\(HTML.escape(t(.compareLegend, c.name)))</span>"
        }.joined() + "</div>\n"
    }

    static func weekChart(_ columns: [Column], texts t: Texts = .english) -> String {
        guard let grid = columns.first?.grid else { return "" }
        let count = columns.map { $0.evaluation.intervals.count }.max() ?? 0
        guard count > 0 else { return "" }
        let peak = max(1, columns.flatMap { $0.evaluation.intervals.map { max($0.required, $0.scheduled - $0.onBreak) } }.max() ?? 1)
        let width = 1100.0, height = 280.0, left = 36.0, bottom = 20.0
        let plotW = width - left - 8, plotH = height - bottom - 8
        func x(_ k: Double) -> Double { left + plotW * k / Double(count) }
        func y(_ v: Double) -> Double { 8 + plotH * (1 - v / Double(peak)) }
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"\(t(.ariaCoverage))\">"
        let step = RosterPage.niceStep(Double(peak) / 5)
        var v = 0
        while v <= peak {
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - 8))\" y1=\"\(f(y(Double(v))))\" y2=\"\(f(y(Double(v))))\" stroke=\"#eef1f5\"/>"
            svg += "<text x=\"\(f(left - 4))\" y=\"\(f(y(Double(v)) + 3))\" font-size=\"10\" text-anchor=\"end\" fill=\"#5b6577\">\(v)</text>"
            v += step
        }
        let perDay = count / TimeGrid.days
        for d in 0..<TimeGrid.days {
            let date = grid.date(ofDay: d)
            svg += "<line x1=\"\(f(x(Double(d * perDay))))\" x2=\"\(f(x(Double(d * perDay))))\" y1=\"8\" y2=\"\(f(height - bottom))\" stroke=\"#d9dee7\"/>"
            svg += "<text x=\"\(f(x(Double(d * perDay) + Double(perDay) / 2)))\" y=\"\(f(height - 5))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#5b6577\">\(t.language == .zhCN ? t.dayHeading(date) : "\(date.weekday.shortName) \(pad(date.month, 2))-\(pad(date.day, 2))")</text>"
        }
        for (i, c) in columns.enumerated().reversed() {
            var working = ""
            var required = ""
            for (k, r) in c.evaluation.intervals.enumerated() {
                let w = Double(r.scheduled - r.onBreak)
                working += (k == 0 ? "M" : "L") + "\(f(x(Double(k)))),\(f(y(w)))L\(f(x(Double(k + 1)))),\(f(y(w)))"
                required += (k == 0 ? "M" : "L") + "\(f(x(Double(k)))),\(f(y(Double(r.required))))L\(f(x(Double(k + 1)))),\(f(y(Double(r.required))))"
            }
            svg += "<path d=\"\(working)\" fill=\"none\" stroke=\"\(colour(i))\" stroke-width=\"1.2\" opacity=\"0.85\"/>"
            svg += "<path d=\"\(required)\" fill=\"none\" stroke=\"\(colour(i))\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>"
        }
        return svg + "</svg>\n"
    }

    static func bars(_ columns: [Column], title: String, values: [Double], places: Int) -> String {
        let width = 520.0, rowH = 26.0, left = 170.0
        let height = Double(columns.count) * rowH + 30
        let top = max(1e-9, values.max() ?? 1)
        var svg = "<div><h3 style=\"font-size:14px;margin:0 0 4px\">\(HTML.escape(title))</h3>"
        svg += "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
        for (i, c) in columns.enumerated() {
            let y = 8 + Double(i) * rowH
            let w = (width - left - 80) * values[i] / top
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 15))\" font-size=\"11\" text-anchor=\"end\">\(HTML.escape(c.name))</text>"
            svg += "<rect x=\"\(f(left))\" y=\"\(f(y + 3))\" width=\"\(f(max(0, w)))\" height=\"\(f(rowH - 8))\" fill=\"\(colour(i))\"/>"
            svg += "<text x=\"\(f(left + max(0, w) + 4))\" y=\"\(f(y + 15))\" font-size=\"11\">\(Format.fixed(values[i], places: places))</text>"
        }
        return svg + "</svg></div>"
    }

    /// Labour cost (left axis) and service level (right axis) against the varied value.
    static func curve(_ columns: [Column], key: String, currency: String, label: String, texts t: Texts = .english) -> String {
        let points = columns.compactMap { c -> (x: Double, cost: Double, sl: Double)? in
            guard let v = c.variedValue else { return nil }
            return (v, c.measures.labourCost.doubleValue, (c.measures.serviceLevelWeek ?? 0) * 100)
        }.sorted { $0.x < $1.x }
        guard let first = points.first, let last = points.last else { return "" }
        let width = 720.0, height = 300.0, left = 80.0, right = 60.0, top = 14.0, bottom = 36.0
        let plotW = width - left - right, plotH = height - top - bottom
        let xSpan = max(1e-9, last.x - first.x)
        let costs = points.map(\.cost)
        let cMin = (costs.min() ?? 0) * 0.98, cMax = max((costs.max() ?? 1) * 1.02, cMin + 1)
        let sMin = max(0, (points.map(\.sl).min() ?? 0) - 2), sMax = min(100, (points.map(\.sl).max() ?? 100) + 2)
        func x(_ v: Double) -> Double { points.count == 1 ? left + plotW / 2 : left + plotW * (v - first.x) / xSpan }
        func yc(_ v: Double) -> Double { top + plotH * (1 - (v - cMin) / (cMax - cMin)) }
        func ys(_ v: Double) -> Double { top + plotH * (1 - (v - sMin) / max(1e-9, sMax - sMin)) }
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" role=\"img\" aria-label=\"\(HTML.escape(label))\">"
        svg += "<line x1=\"\(f(left))\" x2=\"\(f(left))\" y1=\"\(f(top))\" y2=\"\(f(top + plotH))\" stroke=\"#1f77b4\"/>"
        svg += "<line x1=\"\(f(width - right))\" x2=\"\(f(width - right))\" y1=\"\(f(top))\" y2=\"\(f(top + plotH))\" stroke=\"#2ca02c\"/>"
        svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(top + plotH))\" y2=\"\(f(top + plotH))\" stroke=\"#9aa3b2\"/>"
        for k in 0...4 {
            let cv = cMin + (cMax - cMin) * Double(k) / 4
            let sv = sMin + (sMax - sMin) * Double(k) / 4
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(yc(cv) + 3))\" font-size=\"10\" text-anchor=\"end\" fill=\"#1f77b4\">\(Format.fixed(cv, places: 0))</text>"
            svg += "<text x=\"\(f(width - right + 6))\" y=\"\(f(ys(sv) + 3))\" font-size=\"10\" fill=\"#2ca02c\">\(Format.fixed(sv, places: 1)) %</text>"
        }
        var costPath = ""
        var slPath = ""
        for (k, p) in points.enumerated() {
            costPath += (k == 0 ? "M" : "L") + "\(f(x(p.x))),\(f(yc(p.cost)))"
            slPath += (k == 0 ? "M" : "L") + "\(f(x(p.x))),\(f(ys(p.sl)))"
            svg += "<text x=\"\(f(x(p.x)))\" y=\"\(f(top + plotH + 14))\" font-size=\"10\" text-anchor=\"middle\">\(HTML.escape(String(p.x)))</text>"
        }
        svg += "<path d=\"\(costPath)\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>"
        svg += "<path d=\"\(slPath)\" fill=\"none\" stroke=\"#2ca02c\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
        for p in points {
            svg += "<circle cx=\"\(f(x(p.x)))\" cy=\"\(f(yc(p.cost)))\" r=\"3.5\" fill=\"#1f77b4\"/>"
            svg += "<circle cx=\"\(f(x(p.x)))\" cy=\"\(f(ys(p.sl)))\" r=\"3.5\" fill=\"#2ca02c\"/>"
        }
        svg += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 4))\" font-size=\"11\" text-anchor=\"middle\">\(HTML.escape(key))</text>"
        svg += "</svg>\n<div class=\"legend\"><span><i class=\"sw\" style=\"background:#1f77b4\"></i>\(HTML.escape(t(.compareCurveCost, currency)))</span><span><i class=\"sw\" style=\"background:#2ca02c\"></i>\(HTML.escape(t(.compareCurveLevel)))</span></div>\n"
        return svg
    }

    static func f(_ v: Double) -> String { Format.fixed(v, places: 1) }

    /// Whether two rosters' labour costs leave their order at best unproven: each roster is within its gap
    /// of the best possible, so when the gaps together reach the difference (to the half cent: money is in
    /// cents), the best rosters may tie or be the other way round. Two proven-best rosters (no gaps) with the
    /// same cost have no order to prove.
    static func orderUnproven(labour: (Double, Double), gaps: (Double, Double)) -> Bool {
        let gaps = gaps.0 + gaps.1
        return gaps > 0 && gaps >= abs(labour.0 - labour.1) - 0.005
    }
}
