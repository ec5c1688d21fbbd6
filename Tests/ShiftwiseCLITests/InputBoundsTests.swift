import Testing
import Foundation
import TestSupport

/// Every number read is range-checked, and the work and memory a file can ask for are bounded:
/// huge or hostile input gets a located error (exit 65), never a hang, a crash or a memory blow-up.
@Suite struct InputBoundsTests {
    @Test func hugeForecastNumbersAreLocatedNotStaffed() throws {
        let fixture = try ScenarioFixture(overrides: ["forecast.csv": """
            start,contacts,aht_seconds
            2026-11-30T09:00,100000000000000000000,300
            2026-11-30T09:30,900000,86400
            2026-11-30T10:00,10000000000,300
            2026-11-30T10:30,5,86401

            """])
        let r = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("out")])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("forecast.csv:2:18: error: contacts is 100000000000000000000"), "\(r.stderr)")
        // 900000 × 86400 s / 1800 s = 43,200,000 Erlangs.
        #expect(r.stderr.contains("forecast.csv:3:18: error: the interval's workload is 43200000 Erlangs"), "\(r.stderr)")
        #expect(r.stderr.contains("forecast.csv:4:18: error: contacts is 10000000000"), "\(r.stderr)")
        #expect(r.stderr.contains("forecast.csv:5:20: error: aht_seconds is 86401"), "\(r.stderr)")
        #expect(r.stderr.contains("4 problems found"), "\(r.stderr)")
    }

    /// A volume factor can push a sound row past the bound: the error says so.
    @Test func adjustFactorsAreBoundedToo() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("huge.yaml", "extends: tiny.yaml\nname: huge\nadjust: { volume_factor: 100000 }\n")
        let r = try CommandRunner.run(["staff", fixture.path("huge.yaml"), "--out", fixture.path("out")])
        #expect(r.status == 65, "\(r.stderr)")
        // 40 × 100000 contacts × 320 s / 1800 s = 711,111 Erlangs.
        #expect(r.stderr.contains("forecast.csv:4:18: error: the interval's workload after the scenario's `adjust` factors is 711111 Erlangs"), "\(r.stderr)")
    }

    @Test func hugeRequirementIsLocated() throws {
        let yaml = ScenarioFixture.yaml.replacingOccurrences(of: "forecast: forecast.csv", with: "requirements: required.csv")
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": yaml])
        try fixture.write("required.csv", "start,required\n2026-11-30T09:00,4611686018427387904\n2026-11-30T09:30,100001\n2026-11-30T10:00,100000\n")
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out")])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("required.csv:2:18: error: required must be a whole number from 0 to 100000, got `4611686018427387904`"), "\(r.stderr)")
        #expect(r.stderr.contains("required.csv:3:18: error: required must be a whole number from 0 to 100000, got `100001`"), "\(r.stderr)")
        #expect(r.stderr.contains("2 problems found"), "\(r.stderr)")
    }

    @Test func hugeCostsAndPlanFiguresAreLocated() throws {
        let agents = ScenarioFixture.agents.replacingOccurrences(of: "A3,Omar Haddad,part-time,28.00", with: "A3,Omar Haddad,part-time,10000000")
        let yaml = ScenarioFixture.yaml.replacingOccurrences(of: "understaffing_per_agent_hour: 300", with: "understaffing_per_agent_hour: 1e20")
            .replacingOccurrences(of: "shrinkage: 0.30", with: "shrinkage: 0.3000001")
        let fixture = try ScenarioFixture(overrides: ["agents.csv": agents, "tiny.yaml": yaml])
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out")])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("`costs.understaffing_per_agent_hour` must be a number, got `1e20`"), "\(r.stderr)")
        #expect(r.stderr.contains("`staffing.shrinkage` is 0.3000001, outside what Shiftwise accepts"), "\(r.stderr)")

        let costs = try ScenarioFixture(overrides: ["agents.csv": agents])
        let c = try CommandRunner.run(["roster", costs.scenario, "--out", costs.path("out")])
        #expect(c.status == 65, "\(c.stderr)")
        #expect(c.stderr.contains("agents.csv:4:26: error: hourly_cost must be a number from 0 to 1000000 with at most 4 decimals, got `10000000`"), "\(c.stderr)")
    }

    /// Metric values beyond 10^12 are refused where they are written; a product beyond 10^18 names the agent.
    @Test func hugeMetricsAndProductsAreLocated() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("plan.yaml", """
        plan: P
        currency: CNY
        components:
          - { name: sales, earnings_code: BONS, metric: sales_amount, tiers: { mode: retroactive, bands: [ {from: 0, rate: 1000000000} ] } }
        """)
        try fixture.write("metrics.csv", "agent_id,period,sales_amount\nA1,2026-11,10000000000000\nA2,2026-11,999999999999\nA3,2026-11,0.0000001\n")
        let r = try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11", "--out", fixture.path("b")])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("metrics.csv:2:12: error: `10000000000000` in column `sales_amount` is outside what a metric may be"), "\(r.stderr)")
        #expect(r.stderr.contains("metrics.csv:4:12: error: `0.0000001` in column `sales_amount` is outside"), "\(r.stderr)")
        try fixture.write("metrics.csv", "agent_id,period,sales_amount\nA2,2026-11,999999999999\n")
        let p = try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11", "--out", fixture.path("b")])
        #expect(p.status == 65, "\(p.stderr)")
        #expect(p.stderr.contains("metrics.csv:2: error: agent A2: component sales would pay more than 10^18 with sales_amount = 999999999999"), "\(p.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("b")))
    }

    /// A "billion laughs" file is refused after 100,000 values, quickly and in little memory.
    @Test func yamlAliasBombIsRefused() throws {
        var lines = ["a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for i in 1..<12 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ",") + "]") }
        let fixture = try ScenarioFixture()
        try fixture.write("bomb.yaml", lines.joined(separator: "\n") + "\nname: bomb\n")
        let started = Date()
        let r = try CommandRunner.run(["staff", fixture.path("bomb.yaml")])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("bomb.yaml: error: the file expands to more than 100000 values"), "\(r.stderr)")
        #expect(Date().timeIntervalSince(started) < 30, "refused without expanding")
        try fixture.write("plan.yaml", lines.joined(separator: "\n") + "\n")
        let b = try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("none.csv"), "--period", "2026-11"])
        #expect(b.status == 65 && b.stderr.contains("plan.yaml: error: the file expands to more than 100000 values"), "\(b.stderr)")
    }

    @Test func extendsChainsAreBounded() throws {
        let fixture = try ScenarioFixture()
        for k in 1...20 { try fixture.write("w\(k).yaml", "extends: \(k == 1 ? "tiny" : "w\(k - 1)").yaml\nname: w\(k)\n") }
        let ok = try CommandRunner.run(["staff", fixture.path("w15.yaml"), "--out", fixture.path("ok")])
        #expect(ok.status == 0, "\(ok.stderr)")
        let deep = try CommandRunner.run(["staff", fixture.path("w20.yaml"), "--out", fixture.path("deep")])
        #expect(deep.status == 65, "\(deep.stderr)")
        #expect(deep.stderr.contains("w5.yaml:1:10: error: `extends` chains more than 16 files deep"), "\(deep.stderr)")
    }
}
