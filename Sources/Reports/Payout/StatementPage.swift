public import Core
public import Incentives

/// One agent's bonus statement (奖金明细, SPEC §7): a self-contained HTML page, printable on A4,
/// with every line's working in sentences, the total, the run and its state.
public struct AgentStatement: Sendable {
    /// One component (or pool share) of the calculation with its working.
    public struct Component: Sendable {
        public var name: String
        public var earningsCode: String
        /// The steps, in order, as English sentences (from the detail sheet).
        public var working: [String]
        public var amount: ExactDecimal
        /// The same steps structured, when the run kept them: rendered in the page's language.
        public var steps: [WorkingStep]?

        public init(name: String, earningsCode: String, working: [String], amount: ExactDecimal, steps: [WorkingStep]? = nil) {
            self.name = name
            self.earningsCode = earningsCode
            self.working = working
            self.amount = amount
            self.steps = steps
        }

        /// The steps as sentences in `language`.
        public func sentences(_ language: Language) -> [String] {
            guard language != .en, let steps else { return working }
            return steps.map { $0.text(language) }
        }
    }

    /// What this run pays under one earnings code; for an adjustment run also what was paid before.
    public struct Payment: Sendable {
        public var earningsCode: String
        public var amount: ExactDecimal
        /// Adjustment runs only: what the earlier approved runs of the period paid under this code.
        public var paidBefore: ExactDecimal?

        public init(earningsCode: String, amount: ExactDecimal, paidBefore: ExactDecimal? = nil) {
            self.earningsCode = earningsCode
            self.amount = amount
            self.paidBefore = paidBefore
        }
    }

    public var agentID: String
    public var name: String
    public var period: String
    public var plan: String
    public var currency: String
    public var run: Int
    /// `draft`, `superseded`, `approved`, `exported` or `void`.
    public var status: String
    public var approvedBy: String?
    public var approvedAt: String?
    public var adjustsRun: Int?
    public var components: [Component]
    public var payments: [Payment]

    public init(agentID: String, name: String, period: String, plan: String, currency: String, run: Int, status: String, approvedBy: String? = nil,
                approvedAt: String? = nil, adjustsRun: Int? = nil, components: [Component], payments: [Payment]) {
        self.agentID = agentID
        self.name = name
        self.period = period
        self.plan = plan
        self.currency = currency
        self.run = run
        self.status = status
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.adjustsRun = adjustsRun
        self.components = components
        self.payments = payments
    }

    /// What this run pays the agent: the sum of its payments.
    public var total: ExactDecimal { payments.reduce(.zero) { $0 + $1.amount } }
}

public enum StatementPage {
    /// The page for one statement.
    /// A payout state in words.
    static func state(_ status: String, _ t: Texts) -> String {
        switch status {
        case "draft": t(.payoutDraft)
        case "approved": t(.payoutApproved)
        case "exported": t(.payoutExported)
        case "void": t(.payoutVoid)
        case "superseded": t(.payoutSuperseded)
        default: status
        }
    }

    public static func render(_ s: AgentStatement, texts t: Texts = .english) -> String {
        let e = HTML.escape
        let money = { (v: ExactDecimal) in e(t.money(v, currency: s.currency, places: max(2, v.scale))) }
        var stamp = ""
        switch s.status {
        case "draft": stamp = "<div class=\"stamp\">\(t(.statementStampDraft))</div>"
        case "superseded": stamp = "<div class=\"stamp\">\(t(.statementStampSuperseded))</div>"
        case "void": stamp = "<div class=\"stamp\">\(t(.statementStampVoid))</div>"
        default: break
        }
        var stateText = state(s.status, t)
        if let by = s.approvedBy, let at = s.approvedAt, let day = LocalDate(iso: at.prefix(10)) { stateText = t(.statementApprovedBy, stateText, by, t.date(day)) }
        var html = """
        <!doctype html>
        <html lang="\(t.htmlLang)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(t(.statementTitle)) — \(e(s.agentID)) \(e(s.name)) — \(e(s.period))</title>
        <style>\(style)</style></head>
        <body><main class="sheet">
        <header><h1>\(t(.statementTitle))</h1><div class="sub">\(e(t(.statementSub, s.plan, s.period)))</div>\(stamp)</header>
        <table class="who">
        <tr><th>\(t(.statementAgent))</th><td>\(e(s.agentID)) \(e(s.name))</td><th>\(t(.statementPeriod))</th><td>\(e(s.period))</td></tr>
        <tr><th>\(t(.statementRun))</th><td>\(s.run)\(s.adjustsRun.map { t(.statementAdjusts, String($0)) } ?? "")</td><th>\(t(.statementState))</th><td>\(e(stateText))</td></tr>
        </table>

        """
        if s.components.isEmpty {
            html += "<p class=\"none\">\(t(.statementNoComponent))</p>\n"
        }
        for c in s.components {
            html += "<section class=\"line\"><h2><span class=\"name\">\(e(c.name == "(eligibility)" ? t(.eligibilityLabel) : c.name))</span>"
            if !c.earningsCode.isEmpty { html += " <span class=\"code\">\(e(c.earningsCode))</span>" }
            html += "<span class=\"amount\">\(money(c.amount))</span></h2>\n<ol>"
            for step in c.sentences(t.language) { html += "<li>\(e(step))</li>" }
            html += "</ol></section>\n"
        }
        if s.adjustsRun != nil {
            html += "<h2 class=\"adj\">\(t(.statementPaysHeading))</h2>\n<table class=\"pay\"><tr><th>\(t(.statementCode))</th><th>\(t(.statementNowDue))</th><th>\(t(.statementPaidBefore))</th><th>\(t(.statementThisRun))</th></tr>\n"
            for p in s.payments {
                let before = p.paidBefore ?? .zero
                html += "<tr><td>\(e(p.earningsCode))</td><td class=\"num\">\(money(before + p.amount))</td><td class=\"num\">\(money(before))</td><td class=\"num\">\(money(p.amount))</td></tr>\n"
            }
            html += "</table>\n<p class=\"note\">\(t(.statementAdjustmentNote))</p>\n"
        }
        html += """
        <div class="total"><span>\(s.adjustsRun == nil ? t(.statementTotal) : t(.statementThisRunPays))</span><span>\(money(s.total))</span></div>
        <footer>\(e(t(.statementFooter, String(s.run), s.period, s.agentID)))</footer>
        </main></body></html>

        """
        return html
    }

    /// An index of a run's statements: agent, name, total and the page.
    public static func index(_ statements: [(statement: AgentStatement, file: String)], run: Int, period: String, plan: String, status: String,
                             texts t: Texts = .english) -> String {
        let e = HTML.escape
        var rows = ""
        for (s, file) in statements {
            rows += "<tr><td><a href=\"\(e(file))\">\(e(s.agentID))</a></td><td>\(e(s.name))</td><td class=\"num\">\(e(t.money(s.total, currency: s.currency, places: max(2, s.total.scale))))</td></tr>\n"
        }
        return """
        <!doctype html>
        <html lang="\(t.htmlLang)"><head><meta charset="utf-8"><title>\(t(.statementIndexTitle)) — \(run) — \(e(period))</title>
        <style>\(style)</style></head>
        <body><main class="sheet">
        <header><h1>\(t(.statementIndexTitle))</h1><div class="sub">\(e(t(.statementIndexSub, plan, period, String(run), state(status, t), String(statements.count))))</div></header>
        <table class="pay"><tr><th>\(t(.statementAgent))</th><th>\(t(.colName))</th><th>\(t(.statementTotalColumn))</th></tr>
        \(rows)</table>
        </main></body></html>

        """
    }

    /// Screen and A4 print styles; no scripts, no external resources.
    static let style = """
    @page{size:A4;margin:16mm 15mm}
    *{box-sizing:border-box}
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;color:#1d2430;background:#eef1f5;margin:0}
    .sheet{background:#fff;max-width:210mm;margin:16px auto;padding:14mm 15mm;box-shadow:0 1px 4px rgba(0,0,0,.12)}
    h1{font-size:22px;margin:0} .sub{color:#5b6577;margin:2px 0 10px}
    .stamp{border:2px solid #c62828;color:#c62828;font-weight:600;padding:4px 10px;display:inline-block;margin:4px 0 8px;border-radius:4px}
    table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0 14px}
    th,td{border:1px solid #d9dee7;padding:5px 8px;text-align:left;vertical-align:top}
    th{background:#f4f6f9;font-weight:600;width:1%;white-space:nowrap} td.num{text-align:right;white-space:nowrap}
    table.pay th{width:auto}
    .line{border-top:1px solid #d9dee7;padding:6px 0 2px;break-inside:avoid}
    .line h2{font-size:15px;margin:4px 0;display:flex;gap:8px;align-items:baseline}
    .line .code{font-size:11px;color:#5b6577;border:1px solid #d9dee7;border-radius:3px;padding:0 4px}
    .line .amount{margin-left:auto;font-variant-numeric:tabular-nums;white-space:nowrap}
    ol{margin:2px 0 6px 20px;padding:0;font-size:13px;line-height:1.45} li{margin:1px 0}
    h2.adj{font-size:15px;margin:14px 0 4px}
    .note,.none{font-size:12px;color:#5b6577}
    .total{display:flex;justify-content:space-between;border-top:2px solid #1d2430;margin-top:10px;padding-top:8px;font-size:18px;font-weight:700;font-variant-numeric:tabular-nums}
    footer{margin-top:18px;font-size:11px;color:#5b6577}
    a{color:#1b5fbf}
    @media print{body{background:#fff}.sheet{box-shadow:none;margin:0;padding:0;max-width:none}}
    """
}
