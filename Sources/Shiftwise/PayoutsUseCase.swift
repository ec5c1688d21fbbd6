public import Core
import Foundation
public import Reports
import Incentives
import ScenarioIO
public import Store

/// `shiftwise payouts list | approve RUN | export RUN`: the payout lifecycle draft → approved → exported (SPEC §7).
public enum PayoutsUseCase {
    /// Every bonus run, newest first: id, period, plan, status, rows, total.
    public static func list(database: String) throws -> String {
        guard FileManager.default.fileExists(atPath: database) else { return Texts.current(.poNoDatabase, database) + "\n" }
        let runs = try Store.openExisting(database).payoutRuns()
        if runs.isEmpty { return Texts.current(.poNone, database) + "\n" }
        let t = Texts.current
        let header = [t(.lsID), t(.lsPeriod), t(.lsPlan), t(.lsStatus), t(.lsRows), t(.lsTotal), t(.lsAdjusts), t(.lsSuperseded)]
        let rows = try runs.map { r in
            let total = try rowsOf(r.lines, database: database, run: r.summary.id).reduce(ExactDecimal.zero) { $0 + $1.amount }
            return [String(r.summary.id), r.summary.period ?? "?", r.summary.name, RunsUseCase.statusName(r.listedStatus), String(r.lines.count),
                    total.formatted(places: max(2, total.scale)), r.summary.adjustsRun.map { t(.lsRun, "\($0)") } ?? "-",
                    r.supersededBy.map { t(.lsByRun, "\($0)") } ?? "-"]
        }
        return RunsUseCase.table([header] + rows, rightAligned: [0, 4, 5])
    }

    /// Approves a draft payout run; the audit table records the OS user.
    ///
    /// Approving a run that is already approved or exported is refused (exit 65), so a mistyped id cannot go unnoticed.
    public static func approve(database: String, run id: Int) throws -> String {
        let store = try Store.open(database)
        try store.approve(id, user: RunRecording.user)
        return Texts.current(.poApproved, String(id), RunRecording.user) + "\n"
    }

    /// Retires a draft (superseded or not) for good; the audit table records the OS user and the reason.
    public static func void(database: String, run id: Int, reason: String) throws -> String {
        try checkReason(reason)
        let store = try Store.open(database)
        try store.void(id, user: RunRecording.user, reason: reason)
        return Texts.current(.poVoided, String(id), RunRecording.user, reason) + "\n"
    }

    /// A void reason that cannot go into the audit trail as written (nothing is changed).
    public struct BadReason: CategorizedError, Sendable {
        public let description: String
        public var category: FailureCategory { .usage }
    }

    /// The reason goes into the audit trail as a person wrote it: some text, one line, no control or
    /// direction-changing characters, at most 500 characters.
    public static func checkReason(_ reason: String) throws(BadReason) {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw BadReason(description: Texts.current(.wbVoidReason)) }
        guard reason.count <= 500 else { throw BadReason(description: Texts.current(.wbVoidReasonLong, "\(reason.count)")) }
        if let bad = reason.unicodeScalars.first(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
            || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            throw BadReason(description: Texts.current(.poReasonControl, String(format: "U+%04X", bad.value)))
        }
    }

    /// Reads a payroll map and checks its shape (as `export` does first), so a server can refuse a broken one at start.
    public static func checkMap(_ path: String) throws {
        _ = try PayrollMapReader.load(path)
    }

    public struct ExportOutcome: Sendable {
        public let files: [String]
        /// The control summary for stdout.
        public let control: String
        /// True when this export moved the run from approved to exported.
        public let firstExport: Bool
    }

    /// Writes the run's payroll file in `format` and its control file from the run's stored lines into
    /// `outputFolder` (default `reports/payouts/<period>/`); the same run and options give the same bytes
    /// every time. `generic` writes `payroll-<run>.csv`, ADP `PR<co code>EPI.csv`, Paychex and Gusto
    /// `payroll-<run>-<format>.csv`; the control file is `payroll-<run>.control.json` (generic) or
    /// `payroll-<run>-<format>.control.json`. The pre-flight runs before anything is written.
    public static func export(database: String, run id: Int, outputFolder: String?, bom: Bool, format: PayrollFormat = .generic,
                              mapPath: String? = nil) throws -> ExportOutcome {
        // The map is read (and its shape checked) before the database is touched.
        let map = try mapPath.map { try PayrollMapReader.load($0) }
        let store = try Store.open(database)
        var files: [String] = []
        var control = ""
        var outputs: OutputSet?
        let before: RunSummary
        do {
            before = try store.export(id, user: RunRecording.user) { summary, lines in
            let rows = try rowsOf(lines, database: database, run: id)
            // The payroll CSV takes 2 decimals; rounding a finer run again would change what was approved.
            let finer = lines.filter { ($0.amount.split(separator: ".").dropFirst().first?.count ?? 0) > 2 }
            if let first = finer.first {
                throw InputError([Diagnostic(at: SourceLocation(file: database),
                                             Texts.current(.poDecimals, String(id), String(finer.count), first.amount, first.agentID),
                                             fix: Texts.current(.poDecimalsFix))])
            }
            let file = try PayrollProfiles.file(format, rows: rows, map: map, run: id, source: database, bom: bom)
            let byCode = PayoutSheets.totalsByEarningsCode(rows)
            let folder = try OutputSet(outputFolder ?? "reports/payouts/\(summary.period ?? "unknown")",
                                       owner: format == .generic ? "export-\(id)" : "export-\(id)-\(format.rawValue)")
            outputs = folder
            let stem = format == .generic ? "payroll-\(id)" : "payroll-\(id)-\(format.rawValue)"
            files.append(try folder.write(file.name, bytes: file.bytes))
            files.append(try folder.write(stem + ".control.json",
                                          text: PayoutSheets.control(rows: file.rows, total: file.total, byCode: byCode, csvBytes: file.bytes, run: .init(
                                              run: id, period: summary.period ?? "", currency: lines.first?.currency ?? "", format: format.rawValue,
                                              approvedBy: summary.approvedBy, approvedAt: summary.approvedAt, adjustsRun: summary.adjustsRun,
                                              reason: summary.adjustsRun == nil ? nil : lines.compactMap(\.reason).first ?? Adjustment.reason),
                                                                     file: file.name)))
            control = PayoutSheets.controlSummary(rows: file.rows, total: file.total, byCode: byCode, currency: lines.first?.currency ?? "",
                                                  csvBytes: file.bytes)
            return "exported payout run \(id) as \(format.rawValue) to \(folder.path)/\(file.name) (sha256 \(SHA256.hex(file.bytes)))"
            }
        } catch {
            outputs?.discard()
            throw error
        }
        try RunRecording.place(outputs, run: id)
        return ExportOutcome(files: files, control: control, firstExport: before.status == "approved")
    }

    /// Stored lines as payroll rows; an amount that is not an exact decimal means the file was tampered with.
    static func rowsOf(_ lines: [PayoutLineRecord], database: String, run id: Int) throws -> [PayoutSheets.PayrollRow] {
        try lines.map { l in
            guard let amount = ExactDecimal(l.amount) else {
                throw InputError([Diagnostic(at: SourceLocation(file: database), Texts.current(.poStoredAmount, String(id), l.amount, l.agentID),
                                             fix: Texts.current(.boRestoreFix))])
            }
            return PayoutSheets.PayrollRow(agentID: l.agentID, name: l.name, period: l.period, earningsCode: l.earningsCode, amount: amount,
                                           currency: l.currency)
        }
    }
}

/// `shiftwise payouts statements RUN`: one printable statement per agent (奖金明细, SPEC §7) from the
/// run's stored detail and lines, and an index page.
public enum StatementsUseCase {
    public struct Outcome: Sendable {
        public let files: [String]
        public let agents: Int
        public let folder: String
    }

    /// The statements of `run`, in the order of the run's detail (agents by id).
    public static func statements(database: String, run id: Int) throws -> (statements: [AgentStatement], summary: RunSummary, status: String) {
        let store = try Store.openExisting(database)
        let stored = try store.run(id)
        guard stored.summary.kind == .bonus, let detail = stored.results.first(where: { $0.name == "payout-detail.csv" }) else {
            throw InputError([Diagnostic(at: SourceLocation(file: database), Texts.current(.poNotPayout, String(id), stored.summary.kind.rawValue),
                                         fix: Texts.current(.poNotPayoutFix))])
        }
        let listed = try store.payoutRuns().first { $0.summary.id == id }
        let status = listed?.listedStatus ?? stored.summary.status ?? "draft"
        let lines = try store.payoutLines(id)
        let source = "run \(id) payout-detail.csv"
        let table = try CSVTable.parse(detail.content, file: source)
        var bag = DiagnosticBag()
        let columns = table.columns(required: ["agent_id", "name", "component", "earnings_code", "final_amount", "working"], optional: [], bag: &bag)
        try bag.throwIfErrors()
        var order: [String] = []
        var names: [String: String] = [:]
        var components: [String: [AgentStatement.Component]] = [:]
        let stepsByAgent = stored.results.first { $0.name == "payout-steps.json" }.map { WorkingSteps.read($0.content) } ?? [:]
        for r in table.records {
            // The detail sheet's text cells carry the formula guard's `'`: read back as the agent's own id and name.
            let agent = FormulaGuard.undo(columns.cell("agent_id", in: r))
            if components[agent] == nil { order.append(agent); components[agent] = [] }
            names[agent] = FormulaGuard.undo(columns.cell("name", in: r))
            guard let amount = ExactDecimal(columns.cell("final_amount", in: r)) else {
                throw InputError([Diagnostic(at: SourceLocation(file: database), Texts.current(.poDetailAmount, String(id), agent),
                                             fix: Texts.current(.boRestoreFix))])
            }
            let component = FormulaGuard.undo(columns.cell("component", in: r))
            let k = components[agent, default: []].count
            let cell = columns.cell("working", in: r)
            // The stored steps are used only when they say exactly what the sheet says (in English).
            let structured = stepsByAgent[agent].flatMap { k < $0.count && $0[k].component == component ? $0[k].steps : nil }
                .flatMap { $0.map { $0.text(.en) }.joined(separator: "; ") == cell ? $0 : nil }
            let working = structured?.map { $0.text(.en) } ?? cell.components(separatedBy: "; ").filter { !$0.isEmpty }
            components[agent, default: []].append(.init(name: component, earningsCode: columns.cell("earnings_code", in: r),
                                                        working: working, amount: amount, steps: structured))
        }
        // What this run pays each agent, per earnings code, in the order the lines were stored.
        var payments: [String: [AgentStatement.Payment]] = [:]
        for l in lines {
            guard let amount = ExactDecimal(l.amount) else { continue }
            payments[l.agentID, default: []].append(.init(earningsCode: l.earningsCode, amount: amount))
            if names[l.agentID] == nil { names[l.agentID] = l.name }
        }
        let adjustment = stored.summary.adjustsRun != nil
        var agents = order
        if adjustment {
            // An adjustment run pays only the agents whose amounts changed; what was paid before is the
            // recalculated amount minus the difference.
            agents = order.filter { payments[$0] != nil } + payments.keys.filter { components[$0] == nil }.sorted()
            for a in agents {
                var due: [String: ExactDecimal] = [:]
                for c in components[a] ?? [] { due[c.earningsCode, default: .zero] += c.amount }
                payments[a] = payments[a]?.map { p in
                    var p = p
                    p.paidBefore = (due[p.earningsCode] ?? .zero) - p.amount
                    return p
                }
            }
        }
        let currency = lines.first?.currency ?? ""
        let statements = agents.map { a in
            AgentStatement(agentID: a, name: names[a] ?? "", period: stored.summary.period ?? "", plan: stored.summary.name,
                           currency: currency, run: id, status: status, approvedBy: stored.summary.approvedBy,
                           approvedAt: stored.summary.approvedAt, adjustsRun: stored.summary.adjustsRun,
                           components: components[a] ?? [], payments: payments[a] ?? [])
        }
        return (statements, stored.summary, status)
    }

    /// Writes `statement-<agent>.html` per agent and `index.html` into `outputFolder`
    /// (default `reports/payouts/<period>/statements-<run>/`).
    public static func write(database: String, run id: Int, outputFolder: String?, texts: Texts = .english) throws -> Outcome {
        let (statements, summary, status) = try statements(database: database, run: id)
        let names = AgentCalendar.fileNames(for: statements.map(\.agentID), extension: "html")
        var pages: [(name: String, bytes: [UInt8])] = []
        var listed: [(statement: AgentStatement, file: String)] = []
        for s in statements {
            let file = "statement-" + (names[s.agentID] ?? "agent.html")
            pages.append((file, Array(StatementPage.render(s, texts: texts).utf8)))
            listed.append((s, file))
        }
        pages.append(("index.html", Array(StatementPage.index(listed, run: id, period: summary.period ?? "", plan: summary.name, status: status,
                                                               texts: texts).utf8)))
        let (folder, files) = try OutputSet.writeAll(outputFolder ?? "reports/payouts/\(summary.period ?? "unknown")/statements-\(id)",
                                                     owner: "statements-\(id)", files: pages)
        return Outcome(files: files, agents: statements.count, folder: folder)
    }
}
