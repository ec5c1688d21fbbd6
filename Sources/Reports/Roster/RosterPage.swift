public import Core
public import Rostering

/// `roster.html`: one self-contained page (no network) with KPIs, a coverage chart per day,
/// the roster grid and each agent's hours.
public enum RosterPage {
    public static func html(summary: RosterSummary, roster: Roster, scenario: Scenario) -> String {
        let e = summary.evaluation
        let grid = scenario.grid
        var page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        page += "<title>Roster \(HTML.escape(scenario.name))</title><style>\(HTML.style)</style></head><body>\n"
        page += "<h1>Roster — \(HTML.escape(scenario.name))</h1>\n"
        page += "<div class=\"sub\">Week \(grid.weekStart) – \(grid.weekEnd) · \(scenario.agents.count) agents · status <b>\(HTML.escape(summary.status))</b> · objective \(Format.fixed(summary.objective, places: 2)) \(HTML.escape(summary.currency)), proven bound \(Format.fixed(summary.bound, places: 2)), gap \(Format.fixed(summary.gap * 100, places: 2)) %</div>\n"

        let violations = summary.hardRuleViolations
        let kpis: [(String, String, String)] = [
            (RosterSheets.hours(e.paidMinutes), "paid hours", ""),
            (e.labourCost.formatted(places: 2) + " " + summary.currency, "labour cost", ""),
            (e.understaffedAgentHours.formatted(places: 1), "understaffed agent-hours", e.understaffedAgentHours.isZero ? "ok" : "bad"),
            (e.overstaffedAgentHours.formatted(places: 1), "overstaffed agent-hours", ""),
            (e.serviceLevelWeek.map { Format.fixed($0 * 100, places: 1) + " %" } ?? "–", "projected service level (week)", ""),
            (String(summary.shifts), "shifts", ""),
            (String(violations), "hard-rule violations", violations == 0 ? "ok" : "bad"),
        ]
        page += "<div class=\"kpis\">" + kpis.map { v, l, c in
            "<div class=\"kpi\"><div class=\"v \(c)\">\(HTML.escape(v))</div><div class=\"l\">\(HTML.escape(l))</div></div>"
        }.joined() + "</div>\n"

        page += "<h2>Coverage against requirement</h2>\n"
        page += "<div class=\"legend\"><span><i class=\"sw\" style=\"background:#9ec5f0\"></i>on the phones (on shift, not on break)</span>"
        page += "<span><i class=\"sw\" style=\"background:#f6d28b\"></i>on break</span>"
        page += "<span><i class=\"sw\" style=\"background:#c62828;height:3px\"></i>required</span>"
        page += "<span><i class=\"sw\" style=\"background:#e57373;opacity:.5\"></i>shortfall</span></div>\n<div class=\"days\">\n"
        for d in 0..<TimeGrid.days {
            page += dayChart(day: d, evaluation: e, scenario: scenario)
        }
        page += "</div>\n"

        page += "<h2>Roster</h2>\n<table><thead><tr><th>agent</th><th>name</th><th>contract</th>"
        for d in 0..<TimeGrid.days {
            let date = grid.date(ofDay: d)
            page += "<th>\(date.weekday.shortName) \(pad(date.month, 2))-\(pad(date.day, 2))</th>"
        }
        page += "<th>paid h</th><th>contract h</th></tr></thead><tbody>\n"
        var byAgent: [Int: [Int: RosteredShift]] = [:]
        for s in roster.shifts { byAgent[s.agentIndex, default: [:]][s.day] = s }
        for (a, agent) in scenario.agents.enumerated() {
            let mine = byAgent[a] ?? [:]
            page += "<tr><td>\(HTML.escape(agent.id))</td><td>\(HTML.escape(agent.name))</td><td>\(HTML.escape(agent.contract))</td>"
            for d in 0..<TimeGrid.days {
                if let s = mine[d] {
                    let title = s.breaks.isEmpty ? "" : " title=\"breaks \(HTML.escape(RosterSheets.breaksText(s)))\""
                    page += "<td\(title)>\(RosterSheets.shiftText(s))</td>"
                } else {
                    page += "<td class=\"off\">OFF</td>"
                }
            }
            let paid = mine.values.reduce(0) { $0 + $1.paidMinutes }
            let contract = scenario.contract(named: agent.contract)
            let range = contract.map { "\(RosterSheets.hours($0.minMinutes))–\(RosterSheets.hours($0.maxMinutes))" } ?? ""
            page += "<td class=\"num\">\(RosterSheets.hours(paid))</td><td class=\"num\">\(range)</td></tr>\n"
        }
        page += "</tbody></table>\n</body></html>\n"
        return page
    }

    /// An SVG step chart of one day: working agents (stacked with those on break) against the requirement.
    static func dayChart(day d: Int, evaluation e: RosterEvaluation, scenario: Scenario) -> String {
        let grid = scenario.grid
        let perDay = grid.intervalsPerDay
        let rows = Array(e.intervals[(d * perDay)..<((d + 1) * perDay)])
        // Show the hours that have a requirement or anyone on shift, padded by one interval.
        let active = rows.indices.filter { rows[$0].required > 0 || rows[$0].scheduled > 0 }
        let date = grid.date(ofDay: d)
        let sl = e.serviceLevelByDay[d].map { " · projected SL \(Format.fixed($0 * 100, places: 1)) %" } ?? ""
        guard let firstActive = active.first, let lastActive = active.last else {
            return "<div class=\"day\"><h3>\(date.weekday.shortName) \(date)</h3><p>closed</p></div>\n"
        }
        let first = max(0, firstActive - 1)
        let last = min(perDay - 1, lastActive + 1)
        let count = last - first + 1
        let peak = max(1, rows[first...last].map { max($0.required, $0.scheduled) }.max() ?? 1)
        let width = 400.0, height = 150.0, left = 30.0, bottom = 18.0
        let plotW = width - left - 6, plotH = height - bottom - 6
        func x(_ k: Int) -> Double { left + plotW * Double(k) / Double(count) }
        func y(_ v: Int) -> Double { 6 + plotH * (1 - Double(v) / Double(peak)) }
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"coverage \(date)\">"
        // Gridlines and axis labels.
        let step = niceStep(Double(peak) / 4)
        var v = 0
        while v <= peak {
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - 6))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" stroke=\"#eef1f5\"/>"
            svg += "<text x=\"\(f(left - 4))\" y=\"\(f(y(v) + 3))\" font-size=\"9\" text-anchor=\"end\" fill=\"#5b6577\">\(v)</text>"
            v += step
        }
        for k in 0..<count where ((first + k) * grid.intervalMinutes) % 120 == 0 {
            let minute = (first + k) * grid.intervalMinutes
            svg += "<text x=\"\(f(x(k)))\" y=\"\(f(height - 5))\" font-size=\"9\" text-anchor=\"middle\" fill=\"#5b6577\">\(pad(minute / 60, 2))</text>"
        }
        for k in 0..<count {
            let r = rows[first + k]
            let working = r.scheduled - r.onBreak
            if working > 0 {
                svg += "<rect x=\"\(f(x(k)))\" y=\"\(f(y(working)))\" width=\"\(f(x(k + 1) - x(k)))\" height=\"\(f(y(0) - y(working)))\" fill=\"#9ec5f0\"/>"
            }
            if r.onBreak > 0 {
                svg += "<rect x=\"\(f(x(k)))\" y=\"\(f(y(r.scheduled)))\" width=\"\(f(x(k + 1) - x(k)))\" height=\"\(f(y(working) - y(r.scheduled)))\" fill=\"#f6d28b\"/>"
            }
            if r.shortfall > 0 {
                svg += "<rect x=\"\(f(x(k)))\" y=\"\(f(y(r.required)))\" width=\"\(f(x(k + 1) - x(k)))\" height=\"\(f(y(working) - y(r.required)))\" fill=\"#e57373\" opacity=\"0.5\"/>"
            }
        }
        var path = ""
        for k in 0..<count {
            let r = rows[first + k]
            path += (k == 0 ? "M" : "L") + "\(f(x(k))),\(f(y(r.required)))L\(f(x(k + 1))),\(f(y(r.required)))"
        }
        svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"1.6\"/>"
        svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - 6))\" y1=\"\(f(y(0)))\" y2=\"\(f(y(0)))\" stroke=\"#9aa3b2\"/></svg>"
        let short = rows.reduce(0) { $0 + $1.shortfall }
        let shortText = short > 0 ? " · <span class=\"bad\">shortfall \(RosterSheets.hours(short * grid.intervalMinutes)) agent-h</span>" : ""
        return "<div class=\"day\"><h3>\(date.weekday.shortName) \(date)\(sl)\(shortText)</h3>\(svg)</div>\n"
    }

    static func f(_ v: Double) -> String { Format.fixed(v, places: 1) }

    /// The smallest of 1, 2, 5, 10, 20, 25, 50, 100, … that is at least `raw`.
    static func niceStep(_ raw: Double) -> Int {
        var magnitude = 1
        while true {
            for m in [1, 2, 5] where m * magnitude >= Int(raw.rounded(.up)) { return max(1, m * magnitude) }
            magnitude *= 10
        }
    }
}
