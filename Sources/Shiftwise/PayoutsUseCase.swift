import Core
import Foundation
import Reports
import Store

/// `shiftwise payouts list | approve RUN | export RUN`: the payout lifecycle draft → approved → exported (SPEC §7).
public enum PayoutsUseCase {
    /// Every bonus run, newest first: id, period, plan, status, rows, total.
    public static func list(database: String) throws -> String {
        guard FileManager.default.fileExists(atPath: database) else { return "no payout runs recorded: there is no database at \(database)\n" }
        let runs = try Store.openExisting(database).payoutRuns()
        if runs.isEmpty { return "no payout runs recorded in \(database)\n" }
        let header = ["id", "period", "plan", "status", "rows", "total", "adjusts", "superseded"]
        let rows = try runs.map { r in
            let total = try rowsOf(r.lines, database: database, run: r.summary.id).reduce(ExactDecimal.zero) { $0 + $1.amount }
            return [String(r.summary.id), r.summary.period ?? "?", r.summary.name, r.summary.status ?? "-", String(r.lines.count),
                    total.formatted(places: max(2, total.scale)), r.summary.adjustsRun.map { "run \($0)" } ?? "-",
                    r.supersededBy.map { "by run \($0)" } ?? "-"]
        }
        return RunsUseCase.table([header] + rows, rightAligned: [0, 4, 5])
    }

    /// Approves a draft payout run; the audit table records the OS user.
    ///
    /// Approving a run that is already approved or exported is refused (exit 65), so a mistyped id cannot go unnoticed.
    public static func approve(database: String, run id: Int) throws -> String {
        let store = try Store.open(database)
        try store.approve(id, user: RunRecording.user)
        return "run \(id) approved by \(RunRecording.user)\n"
    }

    /// Retires a draft (superseded or not) for good; the audit table records the OS user and the reason.
    public static func void(database: String, run id: Int, reason: String) throws -> String {
        let store = try Store.open(database)
        try store.void(id, user: RunRecording.user, reason: reason)
        return "run \(id) voided by \(RunRecording.user): \(reason)\n"
    }

    public struct ExportOutcome: Sendable {
        public let files: [String]
        /// The control summary for stdout.
        public let control: String
        /// True when this export moved the run from approved to exported.
        public let firstExport: Bool
    }

    /// Writes `payroll-<run>.csv` and `payroll-<run>.control.json` from the run's stored lines into `outputFolder`
    /// (default `reports/payouts/<period>/`); the same run gives the same bytes every time.
    public static func export(database: String, run id: Int, outputFolder: String?, bom: Bool) throws -> ExportOutcome {
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
                                             "run \(id) pays amounts with more than 2 decimals (\(finer.count) lines, e.g. \(first.amount) to \(first.agentID)): its plan rounds to a finer scale, and the payroll CSV takes 2 decimals",
                                             fix: "set `rounding: { scale: 2 }` in the plan and run `bonus` again for the period; this run is never rounded twice")])
            }
            let bytes = PayoutSheets.payroll(rows, bom: bom).bytes
            let byCode = PayoutSheets.totalsByEarningsCode(rows)
            let total = rows.reduce(ExactDecimal.zero) { $0 + $1.amount }
            let folder = try OutputSet(outputFolder ?? "reports/payouts/\(summary.period ?? "unknown")", owner: "export-\(id)")
            outputs = folder
            files.append(try folder.write("payroll-\(id).csv", bytes: bytes))
            files.append(try folder.write("payroll-\(id).control.json",
                                          text: PayoutSheets.control(rows: rows.count, total: total, byCode: byCode, csvBytes: bytes, run: .init(
                                              run: id, period: summary.period ?? "", currency: lines.first?.currency ?? "", format: "generic",
                                              approvedBy: summary.approvedBy, approvedAt: summary.approvedAt, adjustsRun: summary.adjustsRun,
                                              reason: summary.adjustsRun == nil ? nil : lines.compactMap(\.reason).first ?? "recalculation"))))
            control = PayoutSheets.controlSummary(rows: rows.count, total: total, byCode: byCode, currency: lines.first?.currency ?? "",
                                                  csvBytes: bytes)
            return "exported payout run \(id) to \(folder.path) (sha256 \(SHA256.hex(bytes)))"
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
                throw InputError([Diagnostic(at: SourceLocation(file: database), "run \(id) stores the amount `\(l.amount)` for \(l.agentID), which is not a decimal",
                                             fix: "the database was changed outside shiftwise; restore it from a backup")])
            }
            return PayoutSheets.PayrollRow(agentID: l.agentID, name: l.name, period: l.period, earningsCode: l.earningsCode, amount: amount,
                                           currency: l.currency)
        }
    }
}
