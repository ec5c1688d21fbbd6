import Foundation
import Testing
import Core
import Incentives
@testable import Reports

@Suite struct PayoutSheetsTests {
    static func result() -> PayoutResult {
        let lines = [
            PayoutLine(agentID: "A1", name: "=cmd|' /C calc'!A0", component: "x", earningsCode: "BONX", amount: ExactDecimal("1234.5") ?? .zero),
            PayoutLine(agentID: "A2", name: "Li, Wei", component: "x", earningsCode: "ADJ", amount: ExactDecimal("-25") ?? .zero),
        ]
        return PayoutResult(period: "2026-11", currency: "CNY", lines: lines, totals: [:], warnings: [])
    }

    /// Text cells that a spreadsheet would run are neutralised; amounts are typed and never altered.
    @Test func payrollCSVIsSafeAndExact() {
        let csv = PayoutSheets.payouts(Self.result()).text
        #expect(csv == [
            "employee_id,employee_name,pay_period,earnings_code,amount,currency",
            "A1,'=cmd|' /C calc'!A0,2026-11,BONX,1234.50,CNY",
            "A2,\"Li, Wei\",2026-11,ADJ,-25.00,CNY",
        ].map { $0 + "\r\n" }.joined())
        #expect(PayoutSheets.payouts(Self.result(), bom: true).bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
    }

    @Test func controlFileCountsAndHashes() {
        let r = Self.result()
        let bytes = PayoutSheets.payouts(r).bytes
        let json = PayoutSheets.control(rows: r.lines.count, total: r.total, byCode: r.totalsByEarningsCode, csvBytes: bytes,
                                        run: .init(run: 7, period: "2026-11", currency: "CNY", format: "adp", approvedBy: "clerk",
                                                   approvedAt: "2026-12-01T09:00:00Z"))
        #expect(json == """
        {
          "rows": 2,
          "total": "1209.50",
          "totals_by_earnings_code": {
            "ADJ": "-25.00",
            "BONX": "1234.50"
          },
          "sha256": "\(SHA256.hex(bytes))",
          "run": 7,
          "period": "2026-11",
          "currency": "CNY",
          "format": "adp",
          "approved_by": "clerk",
          "approved_at": "2026-12-01T09:00:00Z"
        }

        """)
        // A draft's control file has no approval yet; an adjustment run's names the run it adjusts and why.
        let adjustment = PayoutSheets.control(rows: 0, total: .zero, byCode: [], csvBytes: [], run: .init(
            run: 9, period: "2026-11", currency: "CNY", format: "generic", adjustsRun: 7, reason: "recalculation"))
        #expect(adjustment.contains("\"approved_by\": null,\n  \"approved_at\": null,\n  \"adjusts_run\": 7,\n  \"reason\": \"recalculation\"\n}"))
    }

    @Test func payrollFilesEndLinesInCRLF() {
        let text = String(decoding: PayoutSheets.payouts(Self.result()).bytes, as: UTF8.self)
        #expect(text.hasPrefix("employee_id,employee_name,pay_period,earnings_code,amount,currency\r\n"))
        #expect(text.components(separatedBy: "\r\n").count == 4)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
