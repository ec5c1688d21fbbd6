import Testing
import Foundation
import TestSupport

/// `shiftwise compare` end to end.
@Suite struct CompareCommandTests {
    static let busier = """
    extends: tiny.yaml
    name: busier
    adjust: { volume_factor: 3, aht_factor: 1.2 }
    hires: [ { contract: part-time, count: 2, hourly_cost: 27.50 } ]
    """

    /// compare.csv as measure → values.
    func table(_ path: String) throws -> [String: [String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        var rows: [String: [String]] = [:]
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rows[cells[0]] = Array(cells.dropFirst())
        }
        return rows
    }

    func summary(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }

    /// The comparison's numbers are those of rostering each scenario alone; extends + adjust + hires
    /// go through compare, and the hires work in the roster behind the column.
    @Test func numbersEqualEachScenarioAlone() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("busier.yaml", CompareCommandTests.busier)
        let out = fixture.path("cmp")
        let r = try CommandRunner.run(["compare", fixture.scenario, fixture.path("busier.yaml"), "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let header = try String(contentsOfFile: out + "/compare.csv", encoding: .utf8).split(separator: "\n")[0]
        #expect(header == "measure,tiny,busier,busier - tiny")
        let rows = try table(out + "/compare.csv")
        #expect(Set(rows.keys) == ["contacts", "required_agent_hours", "paid_hours", "labour_cost", "understaffed_agent_hours", "service_level_week",
                                   "service_level_worst_day", "occupancy", "bonus_total", "cost_per_contact", "solver_gap",
                                   "agents", "overstaffed_agent_hours", "abandon_rate", "solver_status"])
        for (k, name) in ["tiny", "busier"].enumerated() {
            let alone = fixture.path("alone-" + name)
            let scenario = name == "tiny" ? fixture.scenario : fixture.path("busier.yaml")
            let a = try CommandRunner.run(["roster", scenario, "--out", alone])
            #expect(a.status == 0, "\(a.stderr)")
            let s = try summary(alone + "/summary.json")
            for (measure, key) in [("labour_cost", "labour_cost"), ("paid_hours", "paid_hours"), ("understaffed_agent_hours", "understaffed_agent_hours")] {
                let value = try #require(Double(rows[measure]?[k] ?? ""))
                #expect(abs(value - (s[key] as? Double ?? -1)) < 0.005, "\(name) \(measure)")
            }
            let sl = try #require(Double(rows["service_level_week"]?[k] ?? ""))
            #expect(abs(sl - (s["service_level_week"] as? Double ?? -1)) < 0.00005)
            // The roster behind the column is the same roster.
            let inCompare = try Data(contentsOf: URL(fileURLWithPath: out + "/\(name)/roster.csv"))
            let onItsOwn = try Data(contentsOf: URL(fileURLWithPath: alone + "/roster.csv"))
            #expect(inCompare == onItsOwn)
        }
        let busierRoster = try String(contentsOfFile: out + "/busier/roster.csv", encoding: .utf8)
        #expect(busierRoster.contains("HIRE-001") || busierRoster.contains("HIRE-002"), "hires appear in the roster")
        // Differences are to the first scenario.
        let labour = try #require(rows["labour_cost"])
        #expect(abs((Double(labour[2]) ?? 0) - ((Double(labour[1]) ?? 0) - (Double(labour[0]) ?? 0))) < 0.011)
        let page = try String(contentsOfFile: out + "/compare.html", encoding: .utf8)
        #expect(page.contains("<svg") && !page.contains("https://") && !page.contains("http://"))
    }

    /// On the example scenario, a higher service-level target never costs less labour unless the page says
    /// the order of the two is not proven (the rosters are time-limited: each is within its gap of the best
    /// possible, and a slower machine leaves wider gaps), and the page shows the curve.
    @Test func varyingServiceLevelGivesACostCurve() throws {
        let out = NSTemporaryDirectory() + "shiftwise-vary-" + UUID().uuidString
        let r = try CommandRunner.run(["compare", "scenarios/baseline-w49.yaml", "--vary", "staffing.service_level=0.7,0.8,0.9", "--out", out],
                                      in: Fixtures.packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        // The three variants share one plan: its warning is said once, not once per variant.
        let bandWarnings = r.stderr.components(separatedBy: "\n").filter { $0.contains("warning:") && $0.contains("no agent reached the band") }
        #expect(bandWarnings.count == Set(bandWarnings).count && !bandWarnings.isEmpty, "\(r.stderr)")
        let rows = try table(out + "/compare.csv")
        let labour = try #require(rows["labour_cost"]).prefix(3).compactMap(Double.init)
        #expect(labour.count == 3)
        let required = try #require(rows["required_agent_hours"]).prefix(3).compactMap(Double.init)
        #expect(required[0] <= required[1] && required[1] <= required[2])
        let page = try String(contentsOfFile: out + "/compare.html", encoding: .utf8)
        let names = try String(contentsOfFile: out + "/compare.csv", encoding: .utf8).split(separator: "\n")[0]
            .split(separator: ",").dropFirst().prefix(3).map { String($0.split(separator: "@").last ?? $0) }  // the page names a variant by its value
        #expect(names.count == 3)
        for i in 0..<min(labour.count, names.count) {
            for j in (i + 1)..<min(labour.count, names.count) where labour[i] > labour[j] + 1e-9 {
                #expect(page.contains("Order not proven") && page.contains("\(names[i]) and \(names[j]): labour cost differs by"),
                        "labour cost \(labour): \(names[i]) dearer than \(names[j]) with the order said to be proven")
            }
        }
        #expect(page.contains("Cost against staffing.service_level"))
        // The scenario configures a bonus: its total is the bonus command's total for that plan and period.
        let bonusOut = out + "/bonus"
        let bonus = try CommandRunner.run(["bonus", "scenarios/rules/bonus-2026.yaml", "scenarios/data/metrics-2026-11.csv", "--period", "2026-11",
                                           "--out", bonusOut], in: Fixtures.packageRoot)
        #expect(bonus.status == 0, "\(bonus.stderr)")
        let control = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bonusOut + "/control.json"))) as? [String: Any]
        let total = try #require(control?["total"] as? String)
        #expect(try #require(rows["bonus_total"]).prefix(3).allSatisfy { $0 == total })
        for v in ["0.7", "0.8", "0.9"] {
            #expect(FileManager.default.fileExists(atPath: out + "/baseline-w49@staffing.service_level=\(v)/roster.csv"))
        }
    }

    @Test func badVaryIsAUsageError() throws {
        let fixture = try ScenarioFixture()
        let unknown = try CommandRunner.run(["compare", fixture.scenario, "--vary", "staffing.servce_level=0.8,0.9"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean staffing.service_level?"))
        let word = try CommandRunner.run(["compare", fixture.scenario, "--vary", "staffing.service_level=high"])
        #expect(word.status == 64)
        #expect(word.stderr.contains("`high` for staffing.service_level is not a number"))
        #expect(try CommandRunner.run(["compare", fixture.scenario]).status == 64)
    }

    @Test func badValueFromVaryNamesTheOption() throws {
        let fixture = try ScenarioFixture()
        let r = try CommandRunner.run(["compare", fixture.scenario, "--vary", "staffing.shrinkage=0.2,1.5", "--out", fixture.path("o")])
        #expect(r.status == 65)
        #expect(r.stderr.contains("--vary staffing.shrinkage=1.5: error: `staffing.shrinkage` is 1.5 but must be ≥ 0 and < 1"), "\(r.stderr)")
    }
}
