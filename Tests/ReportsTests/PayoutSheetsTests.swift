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
        return PayoutResult(period: "2026-11", currency: "CNY", lines: lines, details: [], totals: [:], warnings: [])
    }

    /// Text cells that a spreadsheet would run are neutralised; amounts are typed and never altered.
    @Test func payrollCSVIsSafeAndExact() {
        let csv = PayoutSheets.payouts(Self.result()).text
        #expect(csv == """
        employee_id,employee_name,pay_period,earnings_code,amount,currency
        A1,'=cmd|' /C calc'!A0,2026-11,BONX,1234.50,CNY
        A2,"Li, Wei",2026-11,ADJ,-25.00,CNY

        """)
        #expect(PayoutSheets.payouts(Self.result(), bom: true).bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
    }

    @Test func controlFileCountsAndHashes() {
        let r = Self.result()
        let bytes = PayoutSheets.payouts(r).bytes
        let json = PayoutSheets.control(rows: r.lines.count, total: r.total, byCode: r.totalsByEarningsCode, csvBytes: bytes)
        #expect(json.contains("\"rows\": 2"))
        #expect(json.contains("\"total\": \"1209.50\""))
        #expect(json.contains("\"ADJ\": \"-25.00\""))
        #expect(json.contains("\"sha256\": \"\(SHA256.hex(bytes))\""))
    }
}
