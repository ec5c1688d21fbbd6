public import Core
public import Incentives
import ScenarioIO
import Reports
import Foundation
import Store

/// `shiftwise bonus PLAN METRICS --period YYYY-MM`: payouts for one period, payroll-ready.
public enum BonusUseCase {
    public struct Outcome: Sendable {
        public let result: PayoutResult
        public let warnings: [Diagnostic]
        public let files: [String]
        /// The control summary for stdout.
        public let control: String
        /// The recorded run's id.
        public let run: Int
        /// For an adjustment run: the newest approved or exported run of the period it adjusts.
        public let adjustsRun: Int?
        /// Rows of `payouts.csv` (for an adjustment run, the deltas).
        public let rows: Int
    }

    /// Loads the plan and the metrics (every problem reported together), computes the payouts and
    /// writes `payouts.csv`, `payout-detail.csv` and `control.json` into `outputFolder`
    /// (default `reports/payouts/<period>/`).
    /// The run is recorded as a draft payout run in the database at `database`.
    public static func run(planPath: String, metricsPath: String, period: String, agentsPath: String?, outputFolder: String?,
                           bom: Bool, database: String) throws -> Outcome {
        let recording = try RunRecording(database: database)
        var known: Set<String>?
        var problems: [Diagnostic] = []
        if let agentsPath {
            let table = try CSVTable.parse(try TextFile.read(agentsPath), file: agentsPath)
            var bag = DiagnosticBag()
            let columns = table.columns(required: ["agent_id"], optional: [], bag: &bag)
            problems += bag.items.filter { $0.severity == .error }
            known = Set(table.records.map { columns.cell("agent_id", in: $0) })
        }
        let plan: LoadedPlan
        do {
            plan = try PlanLoader.load(planPath, period: period)
        } catch let error as InputError {
            // The metrics file is checked against the plan, so a broken plan stops here with every plan problem.
            throw InputError(problems + error.diagnostics)
        }
        let metrics: LoadedMetrics
        do {
            metrics = try MetricsReader.read(metricsPath, plan: plan.plan, period: period, knownAgents: known)
        } catch let error as InputError {
            throw InputError(problems + error.diagnostics)
        }
        if !problems.isEmpty { throw InputError(problems) }
        let result: PayoutResult
        do {
            result = try PayoutCalculator.calculate(plan: plan.plan, metrics: metrics.table)
        } catch {
            throw InputError(error.diagnostics)
        }

        let folder = try OutputSet(outputFolder ?? "reports/payouts/\(period)", owner: "bonus")
        // The working, chunk by chunk: the detail sheet (English) and its structured steps for other languages.
        var detailSheet = PayoutSheets.detailHeader(bom: bom)
        var steps = WorkingSteps()
        let scale = plan.plan.rounding.scale
        result.working?.forEachChunk(render: { chunk in
            var piece = WorkingSteps(continuing: ())
            piece.append(chunk)
            return (PayoutSheets.detailRows(chunk, scale: scale), piece)
        }) { rows, piece in
            detailSheet.append(records: rows)
            steps.append(piece)
        }
        // The sheet's text is the file and the stored copy alike (not copied: at 100,000 agents it is some 130 MB).
        var detail = detailSheet.text
        detailSheet = PayoutSheets.detailHeader()
        if bom { detail = "\u{FEFF}" + detail }
        let stepsJSON = steps.finished
        let honours = PayoutSheets.honours(result, bom: bom).bytes
        var files: [String] = []
        var parameters = ["period": period, "out": folder.path, "bom": bom ? "true" : "false"]
        var inputs: [(role: String, path: String)] = [("plan", planPath), ("metrics", metricsPath)]
        if let agentsPath {
            parameters["agents"] = agentsPath
            inputs.append(("agents", agentsPath))
        }
        // Amounts keep the plan's scale everywhere (stored lines, payouts.csv, control.json), so the sheets add up;
        // the payroll export, which takes 2 decimals, refuses a run with more rather than round twice.
        let places = max(2, plan.plan.rounding.scale)
        var warnings = plan.warnings + metrics.warnings + result.warnings
        if places > 2 {
            warnings.append(Diagnostic(.warning, at: SourceLocation(file: plan.plan.file),
                                       Texts.current(.boFinerRounding, String(places)), fix: Texts.current(.boFinerRoundingFix)))
        }
        let full = result.lines.map {
            PayoutLineRecord(agentID: $0.agentID, name: $0.name, period: result.period, earningsCode: $0.earningsCode,
                             amount: $0.amount.formatted(places: places), currency: result.currency)
        }
        var control = ""
        var adjusts: Int?
        var rowCount = 0
        let run = try recording.recordPayout(name: plan.plan.name, parameters: parameters, inputs: inputs, period: period, outputs: folder, lines: { locked in
            locked.isEmpty ? full : try Adjustment.deltas(full, against: locked.flatMap(\.lines), currency: result.currency, period: period, places: places)
        }) { id, lines, adjustsRun in
            // payouts.csv holds what this run pays: every line, or for an adjustment run only the deltas.
            let rows = try PayoutsUseCase.rowsOf(lines, database: database, run: 0)
            let payouts = PayoutSheets.payroll(rows, bom: bom, places: places).bytes
            let byCode = PayoutSheets.totalsByEarningsCode(rows)
            let total = rows.reduce(ExactDecimal.zero) { $0 + $1.amount }
            let controlJSON = PayoutSheets.control(rows: rows.count, total: total, byCode: byCode, csvBytes: payouts, places: places,
                                                   run: .init(run: id, period: period, currency: result.currency, format: "generic",
                                                              adjustsRun: adjustsRun, reason: adjustsRun == nil ? nil : Adjustment.reason),
                                                   file: "payouts.csv")
            control = PayoutSheets.controlSummary(rows: rows.count, total: total, byCode: byCode, currency: result.currency, csvBytes: payouts,
                                                  places: places)
            adjusts = adjustsRun
            rowCount = rows.count
            files.append(try folder.write("payouts.csv", bytes: payouts))
            files.append(try folder.write("payout-detail.csv", text: detail))
            if !plan.plan.honours.isEmpty { files.append(try folder.write("honours.csv", bytes: honours)) }
            files.append(try folder.write("control.json", text: controlJSON))
            return (plan.plan.honours.isEmpty ? [] : [RunResult(name: "honours.csv", content: String(decoding: honours, as: UTF8.self))])
                + [RunResult(name: "payouts.csv", content: String(decoding: payouts, as: UTF8.self)),
                    RunResult(name: "payout-detail.csv", content: detail),
                    RunResult(name: "payout-steps.json", content: stepsJSON),
                    RunResult(name: "control.json", content: controlJSON)]
        }
        return Outcome(result: result, warnings: warnings, files: files, control: control, run: run,
                       adjustsRun: adjusts, rows: rowCount)
    }
}

/// The lines of an adjustment run: per agent and earnings code, what the recalculation pays minus what the
/// approved and exported runs of the period already paid (SPEC §7), reason `recalculation`; zero differences are left out.
enum Adjustment {
    /// The reason every adjustment line carries.
    static let reason = "recalculation"

    /// Deltas in the order of `full` (agents and codes of the recalculation), then what only the paid lines hold
    /// (an agent who dropped to zero is paid back negatively).
    static func deltas(_ full: [PayoutLineRecord], against paid: [PayoutLineRecord], currency: String, period: String, places: Int) throws -> [PayoutLineRecord] {
        struct Key: Hashable { let agent: String, code: String }
        var order: [Key] = []
        var names: [Key: String] = [:]
        var sums: [Key: ExactDecimal] = [:]
        func add(_ l: PayoutLineRecord, sign: ExactDecimal) throws {
            guard let amount = ExactDecimal(l.amount) else {
                throw InputError([Diagnostic(at: SourceLocation(file: "payout_lines"), Texts.current(.boStoredAmount, l.amount, l.agentID),
                                             fix: Texts.current(.boRestoreFix))])
            }
            let key = Key(agent: l.agentID, code: l.earningsCode)
            if sums[key] == nil { order.append(key) }
            if names[key] == nil { names[key] = l.name }
            sums[key, default: .zero] += amount * sign
        }
        for l in full { try add(l, sign: .one) }
        for l in paid { try add(l, sign: -.one) }
        return order.compactMap { key in
            guard let delta = sums[key], !delta.isZero else { return nil }
            return PayoutLineRecord(agentID: key.agent, name: names[key] ?? "", period: period, earningsCode: key.code,
                                    amount: delta.formatted(places: places), currency: currency, reason: reason)
        }
    }
}

/// `shiftwise bonus explain RUN AGENT`: one agent's payout, in words, from a run's detail file.
public enum ExplainUseCase {
    /// The explanation; RUN is a bonus run's id in the database at `database`, or its output folder (or detail file).
    ///
    /// A RUN made only of digits is a run id unless a folder or file of that name exists.
    public static func run(runFolder: String, agentID: String, database: String? = nil, texts: Texts = .english) throws -> String {
        let text: String, path: String
        var stepsByAgent: [String: [(component: String, steps: [WorkingStep])]] = [:]
        if let id = Int(runFolder), id > 0, let database, !FileManager.default.fileExists(atPath: runFolder) {
            let run = try Store.openExisting(database).run(id)
            guard run.summary.kind == .bonus, let detail = run.results.first(where: { $0.name == "payout-detail.csv" }) else {
                throw InputError([Diagnostic(at: SourceLocation(file: database), Texts.current(.boNoDetail, String(id), run.summary.kind.rawValue),
                                             fix: Texts.current(.boNoDetailFix))])
            }
            text = detail.content
            path = "run \(id) payout-detail.csv"
            // The structured working, for a language other than the detail sheet's English.
            if texts.language != .en, let steps = run.results.first(where: { $0.name == "payout-steps.json" }) {
                stepsByAgent = WorkingSteps.read(steps.content)
            }
        } else {
            path = runFolder.hasSuffix(".csv") ? runFolder : runFolder + "/payout-detail.csv"
            text = try TextFile.read(path)
        }
        let table = try CSVTable.parse(text, file: path)
        var bag = DiagnosticBag()
        let columns = table.columns(required: ["agent_id", "name", "component", "earnings_code", "final_amount", "working"], optional: [
            "metric", "metric_value", "band_reached", "gates", "raw_amount", "component_cap", "after_cap", "proration", "rounded", "agent_cap_removed",
        ], bag: &bag)
        try bag.throwIfErrors()
        // The sheet's text cells carry the formula guard's `'`: compared and shown as the agent's own id.
        let rows = table.records.filter { FormulaGuard.undo(columns.cell("agent_id", in: $0)) == agentID }
        guard !rows.isEmpty else {
            let ids = Set(table.records.map { FormulaGuard.undo(columns.cell("agent_id", in: $0)) })
            let hint = closestMatch(to: agentID, in: ids.sorted()).map { Texts.current(.ovDidYouMean, $0) } ?? Texts.current(.boRunAgents, String(ids.count))
            throw InputError([Diagnostic(at: SourceLocation(file: path), Texts.current(.boNotInRun, agentID), fix: hint)])
        }
        var lines = ["\(agentID) \(FormulaGuard.undo(columns.cell("name", in: rows[0])))"]
        var english = false
        var total = ExactDecimal.zero
        var places = 2
        let steps = stepsByAgent[agentID] ?? []
        for (k, r) in rows.enumerated() {
            let amount = ExactDecimal(columns.cell("final_amount", in: r)) ?? .zero
            total += amount
            let code = columns.cell("earnings_code", in: r)
            var component = FormulaGuard.undo(columns.cell("component", in: r))
            if component == "(eligibility)" { component = texts(.eligibilityLabel) }
            let head = code.isEmpty ? component : "\(component) (\(code))"
            var working = columns.cell("working", in: r)
            // The stored steps are used only when they say exactly what the sheet says (in English).
            if texts.language != .en {
                if k < steps.count, steps[k].steps.map({ $0.text(.en) }).joined(separator: "; ") == working {
                    working = steps[k].steps.map { $0.text(texts.language) }.joined(separator: texts.language == .zhCN ? "；" : "; ")
                } else {
                    english = true
                }
            }
            lines.append("  \(head)\(texts.language == .zhCN ? "：" : ": ")" + working)
            lines.append("    " + texts(.explainPays, columns.cell("final_amount", in: r)))
            places = max(places, amount.scale)
        }
        lines.append("  " + texts(.explainTotal, total.formatted(places: places)))
        if english { lines.append("  " + texts(.explainEnglishNote)) }
        return lines.joined(separator: "\n")
    }
}

/// The working of every detail line as structured steps (`payout-steps.json`, stored with the run), so
/// that `bonus explain` and the statements can speak any language; `payout-detail.csv` keeps English.
struct WorkingSteps {
    private var text = "["
    private var empty = true

    init() {}

    /// A piece to be added to another with ``append(_:)-(WorkingSteps)`` (made on another core, say).
    init(continuing: Void) { text = "" }

    /// Adds the lines of a piece.
    mutating func append(_ piece: WorkingSteps) {
        guard !piece.empty else { return }
        if !empty { text += "," }
        empty = false
        text += piece.text
    }

    /// Adds the next detail lines: `[[agent_id, component, [step…]], …]` in the detail's order.
    mutating func append(_ details: [PayoutDetail]) {
        for d in details {
            if !empty { text += "," }
            empty = false
            text += "[" + JSONText.string(d.agentID) + "," + JSONText.string(d.component) + ",["
            for (i, step) in d.steps.enumerated() {
                if i > 0 { text += "," }
                Self.write(step, to: &text)
            }
            text += "]]"
        }
    }

    /// The JSON text.
    var finished: String { text + "]" }

    /// A step's compact form: `[key, value…]`, a value a string, a step, `{"l": [step…]}` or `null`.
    static func write(_ step: WorkingStep, to out: inout String) {
        out += "[" + JSONText.string(step.key.rawValue)
        for value in step.values {
            out += ","
            switch value {
            case .text(let t): out += JSONText.string(t)
            case .step(let s): write(s, to: &out)
            case .steps(let list):
                out += "{\"l\":["
                for (i, s) in list.enumerated() {
                    if i > 0 { out += "," }
                    write(s, to: &out)
                }
                out += "]}"
            case .none: out += "null"
            }
        }
        out += "]"
    }

    /// The steps by agent id, in the detail's order (one entry per detail line); empty when the text is not such a file.
    static func read(_ text: String) -> [String: [(component: String, steps: [WorkingStep])]] {
        guard let rows = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [Any] else { return [:] }
        var out: [String: [(component: String, steps: [WorkingStep])]] = [:]
        for case let row as [Any] in rows where row.count == 3 {
            guard let agent = row[0] as? String, let component = row[1] as? String, let steps = row[2] as? [Any] else { continue }
            out[agent, default: []].append((component, steps.compactMap { WorkingStep(jsonObject: $0) }))
        }
        return out
    }
}
