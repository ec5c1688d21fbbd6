public import Core
public import Rostering

/// `roster.html`: one self-contained page (no network) a supervisor can use: KPIs against the
/// service-level target, coverage against requirement per day on one scale, a timeline of every
/// agent's shifts with the breaks drawn (a day or the whole week), filters by team and name, who is
/// on break at a chosen time, and each agent's hours, late shifts and weekend days.
///
/// The timeline is drawn by a small script from data embedded in the page (JSON with `<`, `>` and
/// `&` escaped, so no agent name can end the script); the rest is plain HTML and SVG.
public enum RosterPage {
    /// - Parameter coverageBelowTimeline: the coverage charts after the timeline (the web page, where the editor works on the
    ///   timeline and the charts beneath follow each edit) rather than before it (`roster.html`).
    /// - Parameter scriptNonce: the nonce the page's one inline script carries (the web application's
    ///   Content-Security-Policy allows no other inline script).
    public static func html(summary: RosterSummary, roster: Roster, scenario: Scenario, texts t: Texts = .english,
                            coverageBelowTimeline: Bool = false, scriptNonce: String? = nil) -> String {
        let e = summary.evaluation
        let grid = scenario.grid
        let target = scenario.staffing.serviceLevel.doubleValue
        let currency = summary.currency
        func money(_ v: Double) -> String { t.money(ExactDecimal(Format.fixed(v, places: 2)) ?? .zero, currency: currency) }
        let status = summary.status == "optimal" ? t(.statusOptimal) : summary.status == "feasible" ? t(.statusFeasible)
            : summary.status == "edited" ? t(.outcomeEdited) : summary.status
        var page = "<!DOCTYPE html>\n<html lang=\"\(t.htmlLang)\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        page += "<title>\(HTML.escape(t(.rosterTitle, scenario.name)))</title><style>\(HTML.style)\(style)</style></head><body>\n"
        page += "<h1>\(HTML.escape(t(.rosterTitle, scenario.name)))</h1>\n"
        page += "<div class=\"sub\">" + HTML.escape(t(.rosterSub, t.date(grid.weekStart), t.date(grid.weekEnd), String(scenario.agents.count), status,
                                                        money(summary.objective), summary.bound.map(money) ?? "–",
                                                        summary.gap.map { t.percent($0, places: 2) } ?? "–")) + "</div>\n"

        let violations = summary.hardRuleViolations
        let slWeek = e.serviceLevelWeek
        let targetText = t(.rosterTarget, t.percent(target, places: 0), scenario.staffing.answerSeconds.plainText)
        let kpis: [(String, String, String)] = [
            (slWeek.map { t.percent($0) } ?? "–", t(.kpiServiceLevel, targetText),
             slWeek.map { $0 + 1e-9 >= target ? "ok" : "bad" } ?? ""),
            (RosterSheets.hours(e.paidMinutes), t(.kpiPaidHours), ""),
            (t.money(e.labourCost, currency: currency), t(.kpiLabourCost), ""),
            (e.understaffedAgentHours.formatted(places: 1), t(.kpiUnderstaffed), e.understaffedAgentHours.isZero ? "ok" : "bad"),
            (e.overstaffedAgentHours.formatted(places: 1), t(.kpiOverstaffed), ""),
            (String(summary.shifts), t(.kpiShifts), ""),
            (String(violations), t(.kpiViolations), violations == 0 ? "ok" : "bad"),
        ]
        page += "<div class=\"kpis\">" + kpis.map { v, l, c in
            "<div class=\"kpi\"><div class=\"v \(c)\">\(HTML.escape(v))</div><div class=\"l\">\(HTML.escape(l))</div></div>"
        }.joined() + "</div>\n"

        var coverage = ""
        coverage += "<h2>\(t(.coverageHeading))</h2>\n"
        coverage += "<div class=\"legend\"><span><i class=\"sw\" style=\"background:#9ec5f0\"></i>\(t(.legendOnPhones))</span>"
        coverage += "<span><i class=\"sw\" style=\"background:#f6d28b\"></i>\(t(.legendOnBreak))</span>"
        coverage += "<span><i class=\"sw\" style=\"background:#c62828;height:3px\"></i>\(t(.legendRequired))</span>"
        coverage += "<span><i class=\"sw\" style=\"background:#e57373;opacity:.5\"></i>\(t(.legendShortfall))</span>"
        coverage += "<span>\(HTML.escape(t(.legendSameScale, targetText)))</span></div>\n<div class=\"days\">\n"
        coverage += coverageCharts(evaluation: e, scenario: scenario, texts: t)
        coverage += "</div>\n"
        if !coverageBelowTimeline { page += coverage }

        page += "<h2>\(t(.timelineHeading))</h2>\n"
        page += "<div class=\"controls\"><label>\(t(.controlShow)) <select id=\"view\"><option value=\"week\">\(t(.controlWeek))</option>"
        for d in 0..<TimeGrid.days {
            let date = grid.date(ofDay: d)
            page += "<option value=\"\(d)\">\(t.dayHeading(date))</option>"
        }
        page += "</select></label> <label>\(t(.controlTeam)) <select id=\"team\"><option value=\"\">\(t(.controlAllTeams))</option>"
        for team in Array(Set(scenario.agents.compactMap { $0.team.isEmpty ? nil : $0.team })).sorted() {
            page += "<option value=\"\(HTML.escape(team))\">\(HTML.escape(team))</option>"
        }
        page += "</select></label> <label>\(t(.controlName)) <input id=\"who\" type=\"search\" placeholder=\"\(t(.controlFilter))\"></label>"
        page += " <label>\(t(.controlBreakAt)) <select id=\"bday\">"
        for d in 0..<TimeGrid.days { page += "<option value=\"\(d)\">\(t.weekday(grid.date(ofDay: d).weekday))</option>" }
        page += "</select> <input id=\"btime\" type=\"time\" value=\"12:30\" step=\"\(grid.intervalMinutes * 60)\"></label>"
        page += " <span id=\"count\" class=\"muted\"></span></div>\n"
        page += "<div class=\"legend\"><span><i class=\"sw\" style=\"background:#4f8fd6\"></i>\(t(.legendShift))</span><span><i class=\"sw\" style=\"background:#f6d28b\"></i>\(t(.legendBreak))</span>"
        page += "<span><i class=\"sw\" style=\"background:#7b4fd6\"></i>\(t(.legendLate, ClockTime(minutes: scenario.costs.lateShiftAfterMinutes).wallClock))</span>"
        page += "<span><i class=\"sw\" style=\"background:#c62828;width:2px\"></i>\(t(.legendChosenTime))</span></div>\n"
        page += "<div id=\"onbreak\" class=\"onbreak\"></div>\n<div id=\"timeline\" class=\"timeline\"></div>\n"
        if coverageBelowTimeline { page += coverage }

        page += "<h2>\(t(.agentsHeading))</h2>\n<div class=\"scroll\"><table id=\"agents\"><thead><tr><th>\(t(.colAgent))</th><th>\(t(.colName))</th><th>\(t(.colTeam))</th><th>\(t(.colContract))</th>"
        for d in 0..<TimeGrid.days {
            let date = grid.date(ofDay: d)
            page += t.language == .zhCN ? "<th>\(t.weekday(date.weekday)) \(date.month)/\(date.day)</th>" : "<th>\(date.weekday.shortName) \(pad(date.month, 2))-\(pad(date.day, 2))</th>"
        }
        page += "<th>\(t(.colPaidHours))</th><th>\(t(.colContractHours))</th><th>\(t(.colLateShifts))</th><th>\(t(.colWeekendDays))</th></tr></thead><tbody>\n"
        var byAgent: [Int: [Int: RosteredShift]] = [:]
        for s in roster.shifts { byAgent[s.agentIndex, default: [:]][s.day] = s }
        // Late shifts and weekend days as the fairness rule counts them.
        func isLate(_ s: RosteredShift) -> Bool { FairnessRule.isLate(startMinute: s.startMinute, lengthMinutes: s.lengthMinutes, costs: scenario.costs) }
        func isWeekend(_ day: Int) -> Bool { FairnessRule.isWeekend(day: day, grid: grid) }
        var agentsJSON: [String] = []
        for (a, agent) in scenario.agents.enumerated() {
            let mine = byAgent[a] ?? [:]
            page += "<tr data-a=\"\(a)\"><td>\(HTML.escape(agent.id))</td><td>\(HTML.escape(agent.name))</td><td>\(HTML.escape(agent.team))</td><td>\(HTML.escape(agent.contract))</td>"
            for d in 0..<TimeGrid.days {
                if let s = mine[d] {
                    let breaks = s.breaks.isEmpty ? "" : "<br><small>\(t(.legendBreak)) \(HTML.escape(RosterSheets.breaksText(s)))</small>"
                    page += "<td\(isLate(s) ? " class=\"late\"" : "")>\(RosterSheets.shiftText(s))\(breaks)</td>"
                } else {
                    page += "<td class=\"off\">\(t(.dayOff))</td>"
                }
            }
            let paid = mine.values.reduce(0) { $0 + $1.paidMinutes }
            let late = mine.values.filter(isLate).count
            let weekend = mine.keys.filter(isWeekend).count
            let contract = scenario.contract(named: agent.contract)
            let range = contract.map { "\(RosterSheets.hours($0.minMinutes))–\(RosterSheets.hours($0.maxMinutes))" } ?? ""
            page += "<td class=\"num\">\(RosterSheets.hours(paid))</td><td class=\"num\">\(range)</td><td class=\"num\">\(late)</td><td class=\"num\">\(weekend)</td></tr>\n"
            agentsJSON.append("[\(json(agent.id)),\(json(agent.name)),\(json(agent.team)),\(json(agent.contract)),\(json(RosterSheets.hours(paid))),\(late),\(weekend)]")
        }
        page += "</tbody></table></div>\n"

        // The timeline's data: agents, then shifts as [agent, day, start minute, length, late, [[break offset, minutes], …]].
        let shiftsJSON = roster.shifts.map { s in
            "[\(s.agentIndex),\(s.day),\(s.startMinute),\(s.lengthMinutes),\(isLate(s) ? 1 : 0),[" +
                s.breaks.sorted { $0.offsetMinutes < $1.offsetMinutes }.map { "[\($0.offsetMinutes),\($0.minutes)]" }.joined(separator: ",") + "]]"
        }
        let dayNames = (0..<TimeGrid.days).map { d -> String in json(t.dayHeading(grid.date(ofDay: d))) }
        // The script's words, from the same table.
        let words = [t(.jsAgents), t(.jsOnBreak), t(.jsNobody), t(.jsShown), t(.jsLate), t(.jsWeekend), t(.jsColon), t(.jsComma)].map(json).joined(separator: ",")
        let first = min(scenario.shifts.earliestStart.minutes, roster.shifts.map(\.startMinute).min() ?? Int.max)
        let last = max(scenario.shifts.latestEnd.minutes, roster.shifts.map { $0.startMinute + $0.lengthMinutes }.max() ?? 0)
        page += (scriptNonce.map { "<script nonce=\"\($0)\">" } ?? "<script>") + "\nconst DATA={agents:[\(agentsJSON.joined(separator: ","))],\nshifts:[\(shiftsJSON.joined(separator: ","))],\n"
        page += "days:[\(dayNames.joined(separator: ","))],from:\(first - first % 60),to:\(last + (60 - last % 60) % 60),words:[\(words)]};\n\(script)</script>\n"
        page += "</body></html>\n"
        return page
    }

    /// Every day's coverage chart (the content of the page's `.days` element), every day on one scale so days
    /// compare at a glance; the web editor asks for them again after each edit.
    public static func coverageCharts(evaluation e: RosterEvaluation, scenario: Scenario, texts t: Texts) -> String {
        let peak = max(1, e.intervals.map { max($0.required, $0.scheduled) }.max() ?? 1)
        let target = scenario.staffing.serviceLevel.doubleValue
        return (0..<TimeGrid.days).map { dayChart(day: $0, evaluation: e, scenario: scenario, peak: peak, target: target, texts: t) }.joined()
    }

    /// A JSON string literal safe inside a `<script>` element.
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static let style = """
    .controls{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:6px 0 8px;font-size:13px} .controls select,.controls input{font:inherit;padding:2px 4px}
    .muted{color:#5b6577} .onbreak{font-size:12px;margin:4px 0 8px;color:#5b6577;max-height:4.5em;overflow:auto}
    .timeline{font-size:11px;border:1px solid #e3e7ee;border-radius:6px;max-height:70vh;overflow-y:auto;overflow-x:hidden} .scroll{overflow-x:auto}
    .tl-row{display:flex;align-items:center;height:16px;border-bottom:1px solid #f1f3f7} .tl-row:hover{background:#f7f9fc}
    .tl-name{width:190px;flex:none;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;padding:0 6px}
    .tl-lane{position:relative;flex:1;height:12px} .tl-head{position:sticky;top:0;background:#f4f6f9;z-index:2;height:18px;border-bottom:1px solid #d9dee7}
    .tl-tick{position:absolute;top:2px;font-size:10px;color:#5b6577;transform:translateX(-50%)} .tl-grid{position:absolute;top:0;bottom:0;width:1px;background:#eef1f5}
    .tl-shift{position:absolute;top:1px;height:10px;background:#4f8fd6;border-radius:2px} .tl-shift.late{background:#7b4fd6}
    .tl-break{position:absolute;top:0;height:10px;background:#f6d28b} .tl-now{position:absolute;top:0;bottom:0;width:2px;background:#c62828;z-index:1;pointer-events:none}
    td.late{background:#f1ecfb}
    """

    /// Draws the timeline from `DATA`, re-drawn on every change of view, team, name or break time.
    static let script = """
    (function(){
    const $=id=>document.getElementById(id), view=$('view'), team=$('team'), who=$('who'), bday=$('bday'), btime=$('btime');
    const pad=n=>String(n).padStart(2,'0'), hm=m=>pad(Math.floor(m/60)%24)+':'+pad(m%60);
    function el(tag,cls,style,text){const e=document.createElement(tag);if(cls)e.className=cls;if(style)e.setAttribute('style',style);if(text!==undefined)e.textContent=text;return e;}
    function visible(){const t=team.value,q=who.value.trim().toLowerCase();
      return DATA.agents.map((a,i)=>i).filter(i=>{const a=DATA.agents[i];return (!t||a[2]===t)&&(!q||a[0].toLowerCase().includes(q)||a[1].toLowerCase().includes(q));});}
    function draw(){
      const tl=$('timeline');tl.textContent='';const ids=visible(),shown=new Set(ids);
      const week=view.value==='week',day=week?0:Number(view.value);
      const span=DATA.to-DATA.from,total=week?7*1440:span;
      const pos=(d,m)=>week?((d*1440+m)/total*100):((m-DATA.from+(d-day)*1440)/span*100);
      const W=DATA.words,fill=(s,...a)=>s.replace(/\\{(\\d)\\}/g,(m,i)=>a[Number(i)]);
      const head=el('div','tl-row tl-head');head.appendChild(el('div','tl-name','',fill(W[0],ids.length)));const lane=el('div','tl-lane');
      if(week){for(let d=0;d<7;d++){lane.appendChild(el('div','tl-grid','left:'+(d/7*100)+'%'));lane.appendChild(el('span','tl-tick','left:'+((d+0.5)/7*100)+'%',DATA.days[d]));}}
      else{for(let m=DATA.from;m<=DATA.to;m+=60){const x=(m-DATA.from)/span*100;lane.appendChild(el('div','tl-grid','left:'+x+'%'));if((m-DATA.from)%120===0)lane.appendChild(el('span','tl-tick','left:'+x+'%',hm(m)));}}
      head.appendChild(lane);tl.appendChild(head);
      const [bh,bm]=btime.value.split(':').map(Number),bd=Number(bday.value),at=bd*1440+bh*60+bm;
      const rows={};
      for(const i of ids){const a=DATA.agents[i],row=el('div','tl-row');const name=el('div','tl-name','',a[0]+' '+a[1]);name.title=a[0]+' '+a[1]+' · '+a[2]+' · '+a[3]+' · '+a[4]+' h · '+W[4]+' '+a[5]+' · '+W[5]+' '+a[6];
        row.appendChild(name);const l=el('div','tl-lane');row.appendChild(l);rows[i]=l;tl.appendChild(row);}
      const onBreak=[];
      for(let k=0;k<DATA.shifts.length;k++){const [a,d,st,len,late,brs]=DATA.shifts[k];if(!shown.has(a))continue;
        for(const [o,m] of brs){const b0=d*1440+st+o;if(at>=b0&&at<b0+m)onBreak.push(a);}
        if(!week&&(d*1440+st+len<=day*1440+DATA.from||d*1440+st>=day*1440+DATA.to))continue;
        const x0=Math.max(0,pos(d,st)),x1=Math.min(100,pos(d,st+len));if(x1<=x0)continue;
        const bar=el('div','tl-shift'+(late?' late':''),'left:'+x0+'%;width:'+(x1-x0)+'%');bar.title=DATA.days[d]+' '+hm(st)+'–'+hm(st+len);bar.dataset.s=k;
        for(const [o,m] of brs){const b0=pos(d,st+o),b1=pos(d,st+o+m);const c0=Math.max(x0,b0),c1=Math.min(x1,b1);if(c1>c0)bar.appendChild(el('div','tl-break','left:'+((c0-x0)/(x1-x0)*100)+'%;width:'+((c1-c0)/(x1-x0)*100)+'%'));}
        rows[a].appendChild(bar);}
      const nowX=week?(at/total*100):((at-day*1440-DATA.from)/span*100);
      if(nowX>=0&&nowX<=100)for(const i of ids)rows[i].appendChild(el('div','tl-now','left:'+nowX+'%'));
      const names=onBreak.map(a=>DATA.agents[a][0]+' '+DATA.agents[a][1]);
      $('onbreak').textContent=fill(W[1],DATA.days[bd]+' '+btime.value)+W[6]+(names.length?names.length+' — '+names.join(W[7]):W[2]);
      $('count').textContent=fill(W[3],ids.length,DATA.agents.length);
      for(const tr of document.querySelectorAll('#agents tbody tr'))tr.style.display=shown.has(Number(tr.dataset.a))?'':'none';
    }
    // A link may choose the view: roster.html#view=3&team=team-birch&who=A01&break=3T12:30
    const h=new URLSearchParams(location.hash.slice(1));
    if(h.get('view'))view.value=h.get('view');if(h.get('team'))team.value=h.get('team');if(h.get('who'))who.value=h.get('who');
    const b=(h.get('break')||'').match(/^(\\d)T(\\d\\d:\\d\\d)$/);if(b){bday.value=b[1];btime.value=b[2];}
    for(const c of [view,team,who,bday,btime])for(const ev of ['input','change'])c.addEventListener(ev,draw);
    window.rosterDraw=draw;
    draw();
    })();
    """

    /// An SVG step chart of one day: working agents (stacked with those on break) against the requirement.
    static func dayChart(day d: Int, evaluation e: RosterEvaluation, scenario: Scenario, peak: Int, target: Double, texts t: Texts) -> String {
        let grid = scenario.grid
        let perDay = grid.intervalsPerDay
        let rows = Array(e.intervals[(d * perDay)..<((d + 1) * perDay)])
        // Show the hours that have a requirement or anyone on shift, padded by one interval.
        let active = rows.indices.filter { rows[$0].required > 0 || rows[$0].scheduled > 0 }
        let date = grid.date(ofDay: d)
        let sl = e.serviceLevelByDay[d].map { " · \(t(.dayProjectedSL)) <span class=\"\($0 + 1e-9 >= target ? "ok" : "bad")\">\(t.percent($0))</span>" } ?? ""
        guard let firstActive = active.first, let lastActive = active.last else {
            return "<div class=\"day\"><h3>\(t.dayHeading(date))</h3><p>\(t(.dayClosed))</p></div>\n"
        }
        let first = max(0, firstActive - 1)
        let last = min(perDay - 1, lastActive + 1)
        let count = last - first + 1
        let width = 400.0, height = 150.0, left = 30.0, bottom = 18.0
        let plotW = width - left - 6, plotH = height - bottom - 6
        func x(_ k: Int) -> Double { left + plotW * Double(k) / Double(count) }
        func y(_ v: Int) -> Double { 6 + plotH * (1 - Double(v) / Double(peak)) }
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"\(t(.coverageHeading)) \(date)\">"
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
        let shortText = short > 0 ? " · <span class=\"bad\">\(t(.dayShortfall, RosterSheets.hours(short * grid.intervalMinutes)))</span>" : ""
        return "<div class=\"day\"><h3>\(t.dayHeading(date))\(sl)\(shortText)</h3>\(svg)</div>\n"
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
