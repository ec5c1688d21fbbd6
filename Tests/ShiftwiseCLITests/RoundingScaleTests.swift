import Testing
import Foundation
import TestSupport

/// A plan that rounds to 3 decimals: the sheets keep 3 decimals and add up, the payroll export
/// (2 decimals) refuses the run rather than round twice. Numbers worked by hand.
@Suite struct RoundingScaleTests {
    static let plan = """
    plan: Fine
    currency: CNY
    rounding: { scale: 3, mode: half-up }
    components:
      - { name: base, earnings_code: BONB, metric: hours_worked, tiers: { mode: step, bands: [ {from: 0, amount: 300} ] } }
    proration: { metric: hours_worked, full_at: 160 }
    """
    // 300 × 115.4 / 160 = 216.375 (exact); 300 × 100.1 / 160 = 187.6875 → 187.688 (half-up);
    // 300 × 33.3 / 160 = 62.4375 → 62.438. Total 466.501; at 2 decimals per line it would be 216.38 + 187.69 + 62.44 = 466.51.
    static let metrics = """
    agent_id,period,name,hours_worked
    A1,2026-11,Ana,115.4
    A2,2026-11,Bo,100.1
    A3,2026-11,Cy,33.3

    """

    @Test func sheetsKeepThePlansScaleAndExportRefuses() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("plan.yaml", Self.plan)
        try fixture.write("metrics.csv", Self.metrics)
        let db = fixture.path("db.sqlite")
        let out = fixture.path("b")
        let r = try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11", "--out", out, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: the plan rounds to 3 decimals"), "\(r.stderr)")
        let csv = try String(contentsOfFile: out + "/payouts.csv", encoding: .utf8)
        #expect(csv == """
        employee_id,employee_name,pay_period,earnings_code,amount,currency
        A1,Ana,2026-11,BONB,216.375,CNY
        A2,Bo,2026-11,BONB,187.688,CNY
        A3,Cy,2026-11,BONB,62.438,CNY

        """.replacingOccurrences(of: "\n", with: "\r\n"))
        let control = try String(contentsOfFile: out + "/control.json", encoding: .utf8)
        #expect(control.contains("\"total\": \"466.501\""), "\(control)")
        #expect(control.contains("\"BONB\": \"466.501\""), "\(control)")
        #expect(r.stdout.contains("total 466.501 CNY"), "\(r.stdout)")

        let approve = try CommandRunner.run(["payouts", "approve", "1", "--db", db])
        #expect(approve.status == 0, "\(approve.stderr)")
        let export = try CommandRunner.run(["payouts", "export", "1", "--out", fixture.path("pay"), "--db", db])
        #expect(export.status == 65, "\(export.stderr)")
        #expect(export.stderr.contains("run 1 pays amounts with more than 2 decimals (3 lines, e.g. 216.375 to A1)"), "\(export.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("pay")))
        // The run stays approved (not exported).
        let list = try CommandRunner.run(["payouts", "list", "--db", db])
        #expect(list.stdout.contains("approved") && list.stdout.contains("466.501"), "\(list.stdout)")
    }

    /// payout-detail.csv, every cell worked by hand: 300 × 115.4 / 160 = 216.375; 300 × 100.1 / 160 = 187.6875 → 187.688;
    /// 300 × 33.3 / 160 = 62.4375 → 62.438 (half-up, 3 decimals).
    @Test func payoutDetailHoldsEveryStep() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("plan.yaml", Self.plan)
        try fixture.write("metrics.csv", Self.metrics)
        let out = fixture.path("b")
        let r = try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let detail = try String(contentsOfFile: out + "/payout-detail.csv", encoding: .utf8)
        let working = { (h: String, exact: String, rounded: String) in
            "\"hours_worked \(h) reached band ≥ 0: 300.000; prorated by \(h)/160: 300 × \(h) / 160 = \(exact), rounded half-up to 3 decimals: \(rounded)\""
        }
        #expect(detail == """
        agent_id,name,component,earnings_code,metric,metric_value,band_reached,gates,raw_amount,component_cap,after_cap,proration,rounded,agent_cap_removed,final_amount,working
        A1,Ana,base,BONB,hours_worked,115.4,≥ 0,,300.000,,300.000,115.4/160,216.375,0.000,216.375,\(working("115.4", "216.375", "216.375"))
        A2,Bo,base,BONB,hours_worked,100.1,≥ 0,,300.000,,300.000,100.1/160,187.688,0.000,187.688,\(working("100.1", "187.6875", "187.688"))
        A3,Cy,base,BONB,hours_worked,33.3,≥ 0,,300.000,,300.000,33.3/160,62.438,0.000,62.438,\(working("33.3", "62.4375", "62.438"))

        """)
    }
}
