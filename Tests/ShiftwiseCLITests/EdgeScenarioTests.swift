import Testing
import Foundation
import TestSupport

/// Scenarios at the edges of what a supervisor may give: no staffing section, nobody able to work.
@Suite struct EdgeScenarioTests {
    static let yaml = """
    name: edge
    week_start: 2026-11-30
    interval_minutes: 30
    forecast: forecast.csv
    agents: agents.csv
    shifts:
      lengths_hours: [4]
      earliest_start: "08:00"
      latest_end: "20:00"
    contracts:
      part-time: { min_hours: 0, max_hours: 20, max_days: 5 }
    costs:
      currency: CNY
      understaffing_per_agent_hour: 300
    """

    /// Without `staffing:` the documented defaults apply (80 % in 20 s, occupancy ≤ 1, no shrinkage).
    /// 20 contacts × 300 s in 30 min = 3.333 Erlangs; Erlang C gives SL(5) = 0.708 < 0.8 ≤ SL(6) = 0.876,
    /// so 6 agents are required at 09:00 — 3 agent-hours. With the only agent unavailable all week and
    /// `min_hours: 0`, the roster is all OFF and costs 3 h × 300 = 900, which is also the bound.
    @Test func nobodyCanWorkGivesTheAllOffRoster() throws {
        let fixture = try ScenarioFixture(overrides: [
            "tiny.yaml": Self.yaml,
            "forecast.csv": "start,contacts,aht_seconds\n2026-11-30T09:00,20,300\n",
            "agents.csv": "agent_id,name,contract,hourly_cost,unavailable\nA1,Ana,part-time,20,Mon;Tue;Wed;Thu;Fri;Sat;Sun\n",
        ])
        let out = fixture.path("out")
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: out + "/roster.csv", encoding: .utf8) == "agent_id,name,date,start,end,paid_hours,breaks\n")
        let grid = try String(contentsOfFile: out + "/roster-grid.csv", encoding: .utf8)
        #expect(grid.hasSuffix("A1,Ana,part-time,OFF,OFF,OFF,OFF,OFF,OFF,OFF,0.00\n"), "\(grid)")
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(summary.contains("\"objective\": 900.00,") && summary.contains("\"bound\": 900.00,"), "\(summary)")
        #expect(summary.contains("\"understaffed_agent_hours\": 3.00,") && summary.contains("\"status\": \"optimal\""), "\(summary)")
        let requirements = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("staff")])
        #expect(requirements.status == 0, "\(requirements.stderr)")
        let csv = try String(contentsOfFile: fixture.path("staff/requirements.csv"), encoding: .utf8)
        #expect(csv.contains("2026-11-30T09:00,20,300,3.3333,6,6,0.8759,0.5556"), "\(csv)")
    }
}
