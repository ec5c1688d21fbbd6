import Core
import Foundation
import Hummingbird
import Reports
import Rostering
import Shiftwise
import Store

/// The HTML pages. Every text that comes from a user (names, teams, plan and scenario names, reasons)
/// passes through `HTML.escape`, or through ``WebPages/scriptJSON(_:)`` inside a script element.
struct WebPages: Sendable {
    let server: WebServer

    // MARK: Runs

    /// `/`: every recorded run, newest first, with a link to its page.
    func runs(_ request: Request) -> Response {
        let r = WebRequest(request, server: server)
        let t = r.texts
        var body = "<h1>\(WebText.runsHeading(t))</h1>\n"
        do {
            let store = try Store.openExisting(server.database)
            let runs = try store.runs()
            let statuses = Dictionary(try store.payoutRuns().map { ($0.summary.id, $0.listedStatus) }, uniquingKeysWith: { a, _ in a })
            if runs.isEmpty {
                body += "<p class=\"muted\">\(WebText.runsEmpty(t))</p>\n"
            } else {
                body += "<table id=\"runs\"><thead><tr><th>\(WebText.colID(t))</th><th>\(WebText.colKind(t))</th><th>\(WebText.colName(t))</th>"
                body += "<th>\(WebText.colStarted(t))</th><th>\(WebText.colOutcome(t))</th><th>\(WebText.colStatus(t))</th></tr></thead><tbody>\n"
                for run in runs {
                    let status = statuses[run.id] ?? run.status
                    body += "<tr data-kind=\"\(run.kind.rawValue)\"><td class=\"num\"><a href=\"/runs/\(run.id)\">\(run.id)</a></td><td>\(kindName(run.kind, t))</td>"
                    body += "<td><a href=\"/runs/\(run.id)\">\(HTML.escape(run.name))</a></td><td>\(HTML.escape(run.startedAt))</td>"
                    body += "<td>\(HTML.escape(RunsUseCase.outcomeName(run.outcome)))</td><td>\(status.map { HTML.escape(statusName($0, t)) } ?? "–")</td></tr>\n"
                }
                body += "</tbody></table>\n"
            }
        } catch {
            body += "<p class=\"bad\">\(HTML.escape("\(error)"))</p>\n"
        }
        return page(title: WebText.runsHeading(t), body: body, request: r)
    }

    // MARK: One run

    /// `/runs/{id}`: a roster run's timeline with the editor, a payout run's lines with their working, else the run's stored results.
    func run(_ request: Request, id: Int?) -> Response {
        let r = WebRequest(request, server: server)
        guard let id else { return notFound(r) }
        let stored: StoredRun
        do {
            stored = try Store.openExisting(server.database).run(id)
        } catch StoreError.unknownRun {
            return notFound(r)
        } catch {
            return page(title: WebText.unavailable(r.texts), body: "<h1>\(WebText.unavailable(r.texts))</h1><p class=\"bad\">\(HTML.escape("\(error)"))</p>",
                        request: r, status: WebAPI.status(of: error))
        }
        switch stored.summary.kind {
        case .roster: return roster(stored, request: r)
        case .bonus: return payout(stored, request: r)
        case .compare:
            // The comparison page the run wrote, in the request's language (runs recorded before pages were kept show their results).
            if let html = stored.results.first(where: { $0.name == "compare.\(r.texts.language.rawValue).html" })?.content {
                return Self.wrap(html, request: r, server: server, extraBody: "")
            }
            return results(stored, request: r)
        case .staff: return results(stored, request: r)
        }
    }

    func roster(_ stored: StoredRun, request r: WebRequest) -> Response {
        let t = r.texts
        let id = stored.summary.id
        do {
            // The page's inline script carries a nonce of this answer, and the policy allows no other inline script.
            let nonce = String(WebServer.newToken().prefix(32))
            let (html, agents, weekStart, targetSL, answerSeconds) = try Texts.with(t) { () throws -> (String, [Agent], LocalDate, Double, String) in
                let store = try Store.openExisting(server.database)
                let recorded = try RecordedScenario.load(run: id, store: store)
                let check = RosterEditUseCase.check(try RosterEditUseCase.rosterCSV(of: recorded), recorded: recorded)
                guard let roster = check.roster, let evaluation = check.evaluation else {
                    throw RecordedScenario.Unavailable(run: id, reason: Texts.current(.wbUnreadableRows))
                }
                let scenario = recorded.scenario
                let objective = evaluation.objective.doubleValue
                let bound = RosterEditUseCase.provenBound(stored, objective: objective)
                let summary = RosterSummary(
                    run: id, scenario: scenario.name, status: RunsUseCase.outcomeName(stored.summary.outcome), objective: objective, bound: bound,
                    gap: bound.map { objective > 0 ? max(0, (objective - $0) / objective) : 0 }, solveSeconds: 0, currency: scenario.costs.currency, evaluation: evaluation,
                    grid: scenario.grid, hardRuleViolations: check.violations.count, agents: scenario.agents.count, shifts: roster.shifts.count,
                    terms: evaluation.terms.map { ($0.name, $0.value.doubleValue) }, model: (0, 0))
                return (RosterPage.html(summary: summary, roster: roster, scenario: scenario, texts: t, coverageBelowTimeline: true,
                                        scriptNonce: nonce), scenario.agents, scenario.grid.weekStart,
                        scenario.staffing.serviceLevel.doubleValue, scenario.staffing.answerSeconds.plainText)
            }
            var editor = "<section id=\"editor\" class=\"editor\"><h2>\(WebText.editHeading(t))</h2><p class=\"muted\">\(WebText.editHint(t))</p>\n"
            editor += "<div id=\"ed-chosen\" class=\"chosen\">\(WebText.editNone(t))</div>\n"
            editor += "<div class=\"ed-row\"><label>\(WebText.editStart(t)) <input id=\"ed-start\" type=\"time\" step=\"900\"></label> "
            editor += "<label>\(WebText.editEnd(t)) <input id=\"ed-end\" type=\"time\" step=\"900\"></label> "
            editor += "<label>\(WebText.editBreaks(t)) <input id=\"ed-breaks\" type=\"text\" size=\"13\" placeholder=\"12:00-12:30\"></label> "
            editor += "<label>\(WebText.editPaid(t)) <input id=\"ed-paid\" type=\"text\" size=\"5\"></label> "
            editor += "<button id=\"ed-apply\" type=\"button\">\(WebText.editApply(t))</button> <button id=\"ed-delete\" type=\"button\">\(WebText.editDelete(t))</button></div>\n"
            let options = agents.map { "<option value=\"\(HTML.escape($0.id))\">\(HTML.escape($0.id)) \(HTML.escape($0.name))</option>" }.joined()
            editor += "<div class=\"ed-row\"><label>\(WebText.editSwapWith(t)) <select id=\"ed-swap-agent\">\(options)</select></label> "
            editor += "<button id=\"ed-swap\" type=\"button\">\(WebText.editSwap(t))</button></div>\n"
            editor += "<div class=\"ed-row\"><label>\(WebText.editAddFor(t)) <select id=\"ed-add-agent\">\(options)</select></label> "
            editor += "<label>\(WebText.editDay(t)) <select id=\"ed-add-day\">"
            for d in 0..<TimeGrid.days { editor += "<option value=\"\(d)\">\(HTML.escape(t.dayHeading(weekStart.adding(days: d))))</option>" }
            editor += "</select></label> <button id=\"ed-add\" type=\"button\">\(WebText.editAdd(t))</button></div>\n"
            editor += "<div id=\"ed-status\" class=\"status\"></div><ul id=\"ed-violations\" class=\"violations\"></ul>\n"
            editor += "<table id=\"ed-terms\" class=\"terms\"></table>\n"
            editor += "<div class=\"ed-row\"><button id=\"ed-save\" type=\"button\" disabled>\(WebText.editSave(t))</button> "
            editor += "<button id=\"ed-resolve\" type=\"button\" disabled>\(WebText.editResolve(t))</button> "
            editor += "<button id=\"ed-undo\" type=\"button\">\(WebText.editUndoAll(t))</button> <span id=\"ed-saved\"></span></div></section>\n"
            let words: [String: String] = [
                "none": WebText.editNone(t), "checking": WebText.editChecking(t), "holds": WebText.editHolds(t), "violations": WebText.editViolations(t),
                "terms": WebText.editTerms(t), "objective": WebText.editObjective(t), "saved": WebText.editSaved(t), "refused": WebText.editRefused(t),
                "sl": t(.kpiServiceLevel, t(.rosterTarget, t.percent(targetSL, places: 0), answerSeconds)), "under": t(.kpiUnderstaffed),
                "over": t(.kpiOverstaffed), "paid": t(.kpiPaidHours),
                "edited": WebText.editEdited(t), "resolving": WebText.editResolving(t), "resolved": WebText.editResolved(t),
            ]
            let config: [String: Any] = ["run": id, "weekStart": weekStart.description, "words": words,
                                         "rules": WebText.rules.mapValues { $0(t) }, "terms": WebText.terms.mapValues { $0(t) }, "colon": t(.jsColon)]
            editor += "<script id=\"edit-config\" type=\"application/json\">\(Self.scriptJSON(config))</script>\n<script src=\"/static/editor.js\"></script>\n"
            return Self.wrap(html, request: r, server: server, extraBody: editor, nonce: nonce)
        } catch {
            return page(title: WebText.unavailable(t), body: "<h1>\(WebText.unavailable(t))</h1><p class=\"bad\">\(HTML.escape("\(error)"))</p>",
                        request: r, status: WebAPI.status(of: error))
        }
    }

    func payout(_ stored: StoredRun, request r: WebRequest) -> Response {
        let t = r.texts
        let id = stored.summary.id
        do {
            let (statements, summary, status) = try Texts.with(t) { try StatementsUseCase.statements(database: server.database, run: id) }
            var body = "<h1>\(HTML.escape(WebText.payoutHeading(t, String(id))))</h1>\n<div class=\"sub\">"
            let colon = t(.jsColon)
            body += "\(WebText.payoutPlan(t))\(colon)\(HTML.escape(summary.name)) · \(WebText.payoutPeriod(t))\(colon)\(HTML.escape(summary.period ?? "–")) · "
            body += "\(WebText.payoutStatus(t))\(colon)<b id=\"status\">\(HTML.escape(statusName(status, t)))</b>"
            if let adjusts = summary.adjustsRun { body += " · " + HTML.escape(WebText.payoutAdjusts(t, String(adjusts))) }
            body += "</div>\n<div class=\"actions\">"
            if status == "draft" {
                body += "<button id=\"approve\" type=\"button\" data-confirm=\"\(HTML.escape(WebText.payoutConfirmApprove(t, String(id))))\">\(WebText.payoutApprove(t))</button> "
            }
            if status == "draft" || status == "superseded" {
                body += "<button id=\"void\" type=\"button\" data-prompt=\"\(HTML.escape(WebText.payoutVoidReason(t, String(id))))\">\(WebText.payoutVoid(t))</button> "
            }
            if status == "approved" || status == "exported" {
                let formats = server.payrollMap == nil ? [PayrollFormat.generic] : PayrollFormat.allCases
                body += "<select id=\"format\">" + formats.map { "<option value=\"\($0.rawValue)\">\(HTML.escape($0 == .generic ? WebText.formatGeneric(t) : $0.displayName))</option>" }.joined() + "</select> "
                body += "<button id=\"export\" type=\"button\">\(WebText.payoutExport(t))</button> "
            }
            if status == "superseded" || status == "void" { body += "<span class=\"muted\">\(HTML.escape(WebText.payoutLocked(t, statusName(status, t))))</span>" }
            body += " <span id=\"action-result\" class=\"status\"></span></div>\n"
            // Who approved, exported or voided the run, when, and why: the audit trail's entries for it.
            let history = (try? RunsUseCase.history(database: server.database, run: id)) ?? []
            if !history.isEmpty {
                body += "<details id=\"history\"\(status == "void" ? " open" : "")><summary>\(WebText.payoutHistory(t))</summary><ul>"
                    + history.map { "<li>\(HTML.escape($0.at)) · \(HTML.escape($0.who))\(colon)\(HTML.escape($0.what))</li>" }.joined() + "</ul></details>\n"
            }
            let currency = statements.first?.currency ?? ""
            var total = ExactDecimal.zero
            var rows = ""
            for s in statements {
                let pays = s.payments.reduce(ExactDecimal.zero) { $0 + $1.amount }
                total += pays
                let working = s.components.map { c in
                    "<li><b>\(HTML.escape(c.name))</b> \(t.language == .zhCN ? "（" : "(")\(HTML.escape(c.earningsCode))\(t.language == .zhCN ? "）" : ")")\(colon)\(HTML.escape(t.money(c.amount, currency: currency)))<br>"
                        + c.sentences(t.language).map(HTML.escape).joined(separator: t.language == .zhCN ? "；" : "; ") + "</li>"
                }.joined()
                rows += "<tr><td>\(HTML.escape(s.agentID))</td><td>\(HTML.escape(s.name))</td><td class=\"num\">\(HTML.escape(t.money(pays, currency: currency)))</td>"
                rows += "<td><details><summary>\(WebText.payoutWorking(t))</summary><ul>\(working)</ul></details></td>"
                rows += "<td><a href=\"/runs/\(id)/agents/\(Self.pathComponent(s.agentID))\">\(WebText.payoutStatement(t))</a></td></tr>\n"
            }
            body += "<p>\(WebText.payoutAgents(t))\(colon)\(statements.count) · \(WebText.payoutTotal(t))\(colon)<b id=\"total\">\(HTML.escape(t.money(total, currency: currency)))</b></p>\n"
            if statements.isEmpty, let adjusts = summary.adjustsRun { body += "<p class=\"muted\">\(HTML.escape(WebText.payoutNothing(t, String(adjusts))))</p>\n" }
            body += "<table id=\"lines\"><thead><tr><th>\(WebText.colAgent(t))</th><th>\(WebText.colName(t))</th>"
            body += "<th>\(WebText.payoutAmount(t))</th><th>\(WebText.payoutWorking(t))</th><th></th></tr></thead><tbody>\n\(rows)</tbody></table>\n"
            body += "<script id=\"payout-config\" type=\"application/json\">\(Self.scriptJSON(["run": id]))</script>\n<script src=\"/static/payout.js\"></script>\n"
            return page(title: WebText.payoutHeading(t, String(id)), body: body, request: r)
        } catch {
            return page(title: WebText.unavailable(t), body: "<h1>\(WebText.unavailable(t))</h1><p class=\"bad\">\(HTML.escape("\(error)"))</p>",
                        request: r, status: WebAPI.status(of: error))
        }
    }

    /// `/runs/{id}/agents/{agent}`: one agent's statement (奖金明细) of a payout run.
    func statement(_ request: Request, id: Int?, agent: String) -> Response {
        let r = WebRequest(request, server: server)
        guard let id else { return notFound(r) }
        let agentID = agent.removingPercentEncoding ?? agent
        guard let found = try? Texts.with(r.texts, { try StatementsUseCase.statements(database: server.database, run: id) }),
              let s = found.statements.first(where: { $0.agentID == agentID }) else { return notFound(r) }
        return Self.wrap(StatementPage.render(s, texts: r.texts), request: r, server: server, extraBody: "")
    }

    /// Staffing and comparison runs: their stored results as text.
    func results(_ stored: StoredRun, request r: WebRequest) -> Response {
        let t = r.texts
        let heading = stored.summary.kind == .compare ? WebText.compareHeading(t, stored.summary.name) : WebText.runHeading(t, String(stored.summary.id))
        var body = "<h1>\(HTML.escape(heading))</h1>\n<div class=\"sub\">\(kindName(stored.summary.kind, t)) · \(HTML.escape(stored.summary.name)) · "
        body += "\(HTML.escape(stored.summary.startedAt))</div>\n<h2>\(WebText.runResults(t))</h2>\n"
        for result in stored.results {
            body += "<details><summary>\(HTML.escape(result.name))</summary><pre>\(HTML.escape(String(result.content.prefix(200_000))))</pre></details>\n"
        }
        return page(title: heading, body: body, request: r)
    }

    func notFound(_ r: WebRequest) -> Response {
        page(title: WebText.notFound(r.texts), body: "<h1>\(WebText.notFound(r.texts))</h1><p>\(WebText.notFoundBody(r.texts))</p>", request: r, status: .notFound)
    }

    // MARK: Frame

    func kindName(_ kind: RunKind, _ t: Texts) -> String {
        switch kind {
        case .roster: WebText.kindRoster(t)
        case .bonus: WebText.kindBonus(t)
        case .staff: WebText.kindStaff(t)
        case .compare: WebText.kindCompare(t)
        }
    }

    func statusName(_ status: String, _ t: Texts) -> String {
        switch status {
        case "draft": t(.payoutDraft)
        case "approved": t(.payoutApproved)
        case "exported": t(.payoutExported)
        case "void": t(.payoutVoid)
        case "superseded": t(.payoutSuperseded)
        default: status
        }
    }

    /// A page of the application: head with the token, the navigation with the language switch, `body`.
    func page(title: String, body: String, request r: WebRequest, status: HTTPResponse.Status = .ok) -> Response {
        let t = r.texts
        var html = "<!DOCTYPE html>\n<html lang=\"\(t.htmlLang)\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
        html += "<title>\(HTML.escape(title)) — Shiftwise</title></head><body>\n\(body)</body></html>\n"
        return Self.wrap(html, request: r, server: server, extraBody: "", status: status)
    }

    /// Adds the token, the shared style and the navigation to a complete page (one of the application's,
    /// or one the commands write, such as roster.html or a statement).
    /// `nonce`: the one the page's own inline script was written with (the roster page's), which the policy then allows.
    static func wrap(_ html: String, request r: WebRequest, server: WebServer, extraBody: String, status: HTTPResponse.Status = .ok,
                     nonce: String? = nil) -> Response {
        let t = r.texts
        var page = html
        let head = "<meta name=\"csrf-token\" content=\"\(server.token)\"><link rel=\"stylesheet\" href=\"/static/web.css\">"
        if let range = page.range(of: "<head>") { page.insert(contentsOf: head, at: range.upperBound) }
        let other: Language = t.language == .en ? .zhCN : .en
        let nav = "<nav class=\"top\"><a href=\"/\">\(WebText.appTitle(t))</a> <a href=\"/\">\(WebText.navRuns(t))</a>"
            + "<span class=\"lang\"><a id=\"lang-switch\" href=\"?lang=\(other.rawValue)\" hreflang=\"\(other.rawValue)\">\(other == .zhCN ? "中文" : "English")</a></span></nav>\n"
        if let range = page.range(of: "<body>\n") ?? page.range(of: "<body>") { page.insert(contentsOf: nav, at: range.upperBound) }
        if !extraBody.isEmpty, let range = page.range(of: "</body>", options: .backwards) { page.insert(contentsOf: extraBody, at: range.lowerBound) }
        return WebHeaders.response(status, contentType: "text/html; charset=utf-8", body: page, setLanguage: r.chosen ? t.language : nil, nonce: nonce)
    }

    /// JSON safe inside a `<script>` element: `<`, `>` and `&` escaped as `\u003c`, `\u003e`, `\u0026` (only strings can hold them).
    static func scriptJSON(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e").replacingOccurrences(of: "&", with: "\\u0026")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    /// An agent id as one path segment.
    static func pathComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
