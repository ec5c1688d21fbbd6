public import Core
public import Incentives
import Foundation

/// The payroll outputs (SPEC §7): `payouts.csv` (generic payroll format), `payout-detail.csv`,
/// and the control summary.
public enum PayoutSheets {
    public static let header = ["employee_id", "employee_name", "pay_period", "earnings_code", "amount", "currency"]

    /// One row of the generic payroll CSV.
    public struct PayrollRow: Sendable, Equatable {
        public var agentID: String
        public var name: String
        public var period: String
        public var earningsCode: String
        public var amount: ExactDecimal
        public var currency: String

        public init(agentID: String, name: String, period: String, earningsCode: String, amount: ExactDecimal, currency: String) {
            self.agentID = agentID
            self.name = name
            self.period = period
            self.earningsCode = earningsCode
            self.amount = amount
            self.currency = currency
        }
    }

    /// One row per agent and non-zero line; amounts with two decimals, never altered by the formula guard; CRLF line ends.
    public static func payouts(_ result: PayoutResult, bom: Bool = false) -> CSVWriter {
        payroll(result.lines.map {
            PayrollRow(agentID: $0.agentID, name: $0.name, period: result.period, earningsCode: $0.earningsCode, amount: $0.amount, currency: result.currency)
        }, bom: bom)
    }

    /// The generic payroll CSV for `rows`, in their order (the same bytes as ``payouts(_:bom:)`` for the same lines).
    ///
    /// - Parameter places: decimals of every amount: 2 for payroll; a plan that rounds to more writes
    ///   its own scale into `payouts.csv`, so that the sheet still adds up to its control total.
    public static func payroll(_ rows: [PayrollRow], bom: Bool = false, places: Int = 2) -> CSVWriter {
        var w = CSVWriter(header: header, bom: bom, crlf: true)
        for r in rows {
            w.append([.text(r.agentID), .text(r.name), .text(r.period), .text(r.earningsCode), .number(r.amount.formatted(places: places)), .text(r.currency)])
        }
        return w
    }

    /// Σ amounts by earnings code, codes sorted.
    public static func totalsByEarningsCode(_ rows: [PayrollRow]) -> [(code: String, total: ExactDecimal)] {
        var sums: [String: ExactDecimal] = [:]
        for r in rows { sums[r.earningsCode, default: .zero] += r.amount }
        return sums.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// `honours.csv`: `honour,group,rank,agent_id,name,score` — every honour awarded (SPEC §4.5).
    public static func honours(_ result: PayoutResult, bom: Bool = false) -> CSVWriter {
        var w = CSVWriter(header: ["honour", "group", "rank", "agent_id", "name", "score"], bom: bom)
        for a in result.honours {
            w.append([.text(a.honour), .text(a.group), .number(String(a.rank)), .text(a.agentID), .text(a.name), .number(a.score.formatted(places: 2))])
        }
        return w
    }

    /// Every step of every agent's components, pool shares, honours and deductions (the working computed chunk by
    /// chunk as it is written).
    public static func detail(_ result: PayoutResult, scale: Int, bom: Bool = false) -> CSVWriter {
        var w = detailHeader(bom: bom)
        result.working?.forEachChunk(render: { detailRows($0, scale: scale) }) { w.append(records: $0) }
        return w
    }

    /// `payout-detail.csv`'s header.
    public static func detailHeader(bom: Bool = false) -> CSVWriter {
        CSVWriter(header: ["agent_id", "name", "component", "earnings_code", "metric", "metric_value", "band_reached", "gates",
                           "raw_amount", "component_cap", "after_cap", "proration", "rounded", "agent_cap_removed", "final_amount", "working"], bom: bom)
    }

    /// Detail lines as rows of `payout-detail.csv` (no header).
    public static func detailRows(_ details: [PayoutDetail], scale: Int) -> CSVWriter {
        var w = CSVWriter(recordsOnly: ())
        func m(_ v: ExactDecimal) -> CSVCell { .number(v.formatted(places: max(2, scale))) }
        for d in details {
            w.append([
                .text(d.agentID), .text(d.name), .text(d.component), .text(d.earningsCode), .text(d.metric), .text(d.metricValue), .text(d.bandReached),
                .text(d.gates), m(d.rawAmount), d.componentCap.map(m) ?? .empty, m(d.afterCap), .text(d.proration), m(d.rounded), m(d.agentCapRemoved),
                m(d.finalAmount), .text(d.workingText()),
            ])
        }
        return w
    }

    /// What a control file says about the run behind the payroll file.
    public struct ControlRun: Sendable, Equatable {
        public var run: Int
        public var period: String
        public var currency: String
        /// `generic`, `adp`, `paychex` or `gusto`.
        public var format: String
        public var approvedBy: String?
        public var approvedAt: String?
        /// For an adjustment run: the run it adjusts and why.
        public var adjustsRun: Int?
        public var reason: String?

        public init(run: Int, period: String, currency: String, format: String, approvedBy: String? = nil, approvedAt: String? = nil,
                    adjustsRun: Int? = nil, reason: String? = nil) {
            self.run = run
            self.period = period
            self.currency = currency
            self.format = format
            self.approvedBy = approvedBy
            self.approvedAt = approvedAt
            self.adjustsRun = adjustsRun
            self.reason = reason
        }
    }

    /// The control file (SPEC §7): `rows`, `total`, `totals_by_earnings_code`, `sha256` of the payroll
    /// file's bytes, then the run's `run`, `period`, `currency`, `format`, `approved_by`, `approved_at`
    /// (null while a draft), and for an adjustment run `adjusts_run` and `reason`; `file` names the
    /// payroll file when the export writes one.
    public static func control(rows: Int, total: ExactDecimal, byCode: [(code: String, total: ExactDecimal)], csvBytes: [UInt8], places: Int = 2,
                               run: ControlRun, file: String? = nil) -> String {
        let codes = byCode.map { "    \(JSONText.string($0.code)): \(JSONText.string($0.total.formatted(places: places)))" }
        func text(_ value: String?) -> String { value.map(JSONText.string) ?? "null" }
        var adjustment = ""
        if let adjusts = run.adjustsRun {
            adjustment = ",\n  \"adjusts_run\": \(adjusts),\n  \"reason\": \(text(run.reason))"
        }
        return """
        {
          "rows": \(rows),
          "total": \(JSONText.string(total.formatted(places: places))),
          "totals_by_earnings_code": {
        \(codes.joined(separator: ",\n"))
          },
          "sha256": "\(SHA256.hex(csvBytes))",\(file.map { "\n  \"file\": \(JSONText.string($0))," } ?? "")
          "run": \(run.run),
          "period": \(JSONText.string(run.period)),
          "currency": \(JSONText.string(run.currency)),
          "format": \(JSONText.string(run.format)),
          "approved_by": \(text(run.approvedBy)),
          "approved_at": \(text(run.approvedAt))\(adjustment)
        }

        """
    }

    /// The control summary printed on stdout: rows, totals per earnings code, the file's checksum.
    public static func controlSummary(rows: Int, total: ExactDecimal, byCode: [(code: String, total: ExactDecimal)], currency: String, csvBytes: [UInt8],
                                      places: Int = 2) -> String {
        var lines = [Texts.current(.controlSummary, String(rows), total.formatted(places: places), currency)]
        for c in byCode { lines.append("  \(c.code.padding(toLength: 12, withPad: " ", startingAt: 0)) \(c.total.formatted(places: places))") }
        lines.append("  sha256 \(SHA256.hex(csvBytes))")
        return lines.joined(separator: "\n")
    }
}
