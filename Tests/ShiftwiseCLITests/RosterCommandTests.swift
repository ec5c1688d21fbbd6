import Testing
import Foundation
import TestSupport

/// `shiftwise roster` end to end on the small fixture scenario.
@Suite struct RosterCommandTests {
    static let outputs = ["roster.csv", "roster-grid.csv", "coverage.csv", "summary.json", "roster.html"]

    @Test func writesEveryOutput() throws {
        let fixture = try ScenarioFixture()
        let out = fixture.path("out")
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("scenario tiny: 3 agents"))
        #expect(r.stdout.contains("status optimal") || r.stdout.contains("status feasible"))
        for name in RosterCommandTests.outputs {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name) missing")
        }
        for id in ["A1", "A2", "A3"] {
            let ics = try String(contentsOfFile: out + "/calendars/\(id).ics", encoding: .utf8)
            #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        }
        let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
        #expect(roster.hasPrefix("agent_id,name,date,start,end,paid_hours,breaks\n"))
        #expect(roster.contains("\"Li, Wei\""))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any]
        for key in ["run", "status", "objective", "bound", "gap", "solve_seconds", "paid_hours", "labour_cost", "understaffed_agent_hours",
                    "overstaffed_agent_hours", "service_level_week", "service_level_by_day", "hard_rule_violations"] {
            #expect(summary?[key] != nil, "summary.json lacks \(key)")
        }
        let objective = try #require(summary?["objective"] as? Double)
        let bound = try #require(summary?["bound"] as? Double)
        #expect(bound <= objective + 1e-6)
        let coverage = try String(contentsOfFile: out + "/coverage.csv", encoding: .utf8).split(separator: "\n")
        #expect(coverage.count == 337)
        #expect(coverage[0] == "start,required,scheduled,on_break,effective,shortfall,projected_service_level")
        let page = try String(contentsOfFile: out + "/roster.html", encoding: .utf8)
        #expect(page.contains("<svg") && !page.contains("http://") && !page.contains("https://"))
        // What a supervisor needs on the page: the target, the timeline and its filters, break lookup, fairness counts.
        for part in ["target 80 % in 20 s", "id=\"timeline\"", "id=\"team\"", "id=\"who\"", "On break at", "late shifts", "weekend days",
                     "const DATA={agents:[[\"A1\",\"Ana Silva\",\"red\",\"full-time\""] {
            #expect(page.contains(part), "roster.html lacks \(part)")
        }
    }

    /// Every roster the product writes passes the independent checker, coverage included.
    @Test(arguments: ["tiny", "volume"])
    func producedRostersPassValidate(_ variant: String) throws {
        let fixture = try ScenarioFixture()
        var scenario = fixture.scenario
        if variant == "volume" {
            try fixture.write("busier.yaml", """
            extends: tiny.yaml
            name: busier
            adjust: { volume_factor: 3, aht_factor: 1.2 }
            hires: [ { contract: part-time, count: 2, hourly_cost: 27.50 } ]
            """)
            scenario = fixture.path("busier.yaml")
        }
        let out = fixture.path("out")
        let r = try CommandRunner.run(["roster", scenario, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("hard-rule violations found by the independent check: 0"))
        let v = try CommandRunner.run(["validate", scenario, "--roster", out + "/roster.csv"])
        #expect(v.status == 0, "\(v.stderr)")
        #expect(v.stdout.contains("roster OK"))
        #expect(v.stdout.contains("coverage OK"))
        if variant == "volume" {
            let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
            #expect(roster.contains("HIRE-001"), "the hires work in the roster")
        }
    }

    /// Same scenario, same bytes (summary.json's solve_seconds is the one timing and `run` the database's id; both are left out).
    @Test func deterministicOutputs() throws {
        let fixture = try ScenarioFixture()
        for run in ["a", "b"] {
            let r = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path(run)])
            #expect(r.status == 0, "\(r.stderr)")
        }
        for name in ["roster.csv", "roster-grid.csv", "coverage.csv", "roster.html", "calendars/A1.ics"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: fixture.path("a/" + name)))
            let b = try Data(contentsOf: URL(fileURLWithPath: fixture.path("b/" + name)))
            #expect(a == b, "\(name) differs")
        }
        func summary(_ run: String) throws -> String {
            try String(contentsOfFile: fixture.path(run + "/summary.json"), encoding: .utf8)
                .split(separator: "\n").filter { !$0.contains("solve_seconds") && !$0.hasPrefix("  \"run\":") }.joined(separator: "\n")
        }
        #expect(try summary("a") == summary("b"))
    }

    @Test func infeasibleContractExitsTwoNamingAgentAndRule() throws {
        let agents = ScenarioFixture.agents.replacingOccurrences(of: "A3,Omar Haddad,part-time,28.00,blue,Sun,,", with: "A3,Omar Haddad,part-time,28.00,blue,Mon;Tue;Wed;Thu;Fri;Sat,,")
        let yaml = ScenarioFixture.yaml(replacing: "part-time: { min_hours: 8, max_hours: 20", with: "part-time: { min_hours: 12, max_hours: 20")
        let fixture = try ScenarioFixture(overrides: ["agents.csv": agents, "tiny.yaml": yaml])
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out")])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("agent A3: contract part-time needs ≥ 12 h but the agent is unavailable every day of the week")
                || r.stderr.contains("agent A3: contract part-time needs ≥ 12 h but only 1 day is available (at most 4 h with the longest allowed shifts)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out/roster.csv")))
    }

    @Test func exportsTheModelAsCPLEXLP() throws {
        let fixture = try ScenarioFixture()
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out"), "--export-lp", fixture.path("model.lp")])
        #expect(r.status == 0, "\(r.stderr)")
        let lp = try String(contentsOfFile: fixture.path("model.lp"), encoding: .utf8)
        #expect(lp.contains("Minimize") && lp.contains("cover_i"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        let fixture = try ScenarioFixture()
        #expect(try CommandRunner.run(["roster", fixture.scenario, "--time-limit", "0"]).status == 64)
        #expect(try CommandRunner.run(["roster", fixture.scenario, "--mip-gap", "2"]).status == 64)
    }
}
