import Testing
import Foundation
import Core
import TestSupport
@testable import ScenarioIO

@Suite struct ScenarioLoaderTests {
    @Test func loadsTheFixture() throws {
        let fixture = try ScenarioFixture()
        let loaded = try ScenarioLoader.load(fixture.scenario)
        let s = loaded.scenario
        #expect(s.name == "tiny")
        #expect(s.grid.intervalCount == 336)
        #expect(s.agents.map(\.id) == ["A1", "A2", "A3"])
        #expect(s.agents[1].name == "Li, Wei")
        #expect(s.agents[0].preferredDaysOff == [.sat, .sun])
        #expect(s.agents[2].unavailableWeekdays == [.sun])
        #expect(s.agents[1].unavailableDates == [try #require(LocalDate(iso: "2026-12-02"))])
        #expect(s.shifts.lengthsMinutes == [240, 480])
        #expect(s.shifts.paidMinutes(shiftMinutes: 480) == 450)
        #expect(s.contracts.map(\.name) == ["full-time", "part-time"])
        #expect(s.staffing.shrinkage == ExactDecimal("0.30"))
        guard case .forecast(let intervals) = s.demand else { Issue.record("expected a forecast"); return }
        #expect(intervals[19].contacts == ExactDecimal("30.5"))
        #expect(intervals[0] == .closed)
    }

    @Test func extendsMergesDeeplyAndResolvesPathsAgainstTheNamingFile() throws {
        let fixture = try ScenarioFixture()
        let whatIf = """
        extends: ../tiny.yaml
        name: busier
        adjust: { volume_factor: 1.15, aht_factor: 1.1 }
        staffing: { service_level: 0.90 }
        hires: [ { contract: part-time, count: 2, hourly_cost: 28.00 } ]
        """
        try FileManager.default.createDirectory(atPath: fixture.path("what-if"), withIntermediateDirectories: true)
        try fixture.write("what-if/busier.yaml", whatIf)
        let s = try ScenarioLoader.load(fixture.path("what-if/busier.yaml")).scenario
        #expect(s.name == "busier")
        #expect(s.staffing.serviceLevel == ExactDecimal("0.90"))
        #expect(s.staffing.shrinkage == ExactDecimal("0.30"))        // kept from the base
        #expect(s.staffing.answerSeconds == 20)
        guard case .forecast(let intervals) = s.demand else { Issue.record("expected a forecast"); return }
        #expect(intervals[19].contacts == ExactDecimal("35.075"))     // 30.5 × 1.15, exactly
        #expect(intervals[20].ahtSeconds == 352)                      // 320 × 1.1
        #expect(s.agents.count == 5)
        #expect(s.agents.suffix(2).map(\.id) == ["HIRE-001", "HIRE-002"])
        #expect(s.agents.last?.isHypotheticalHire == true)
        #expect(s.agents.last?.contract == "part-time")
        #expect(s.agents.last?.hourlyCost == 28)
    }

    @Test func requirementsInsteadOfForecast() throws {
        let yaml = ScenarioFixture.yaml(replacing: "forecast: forecast.csv", with: "requirements: required.csv")
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": yaml])
        try fixture.write("required.csv", "start,required\n2026-11-30T09:00,4\n2026-11-30T09:30,6\n")
        let s = try ScenarioLoader.load(fixture.scenario).scenario
        guard case .requirements(let required) = s.demand else { Issue.record("expected requirements"); return }
        #expect(required[18] == 4 && required[19] == 6 && required.reduce(0, +) == 10)
    }

    @Test func unknownColumnsAreWarnings() throws {
        let agents = ScenarioFixture.agents.replacingOccurrences(of: "preferred_start\n", with: "preferred_start,shoe_size\n")
        let fixture = try ScenarioFixture(overrides: ["agents.csv": agents])
        let loaded = try ScenarioLoader.load(fixture.scenario)
        #expect(loaded.warnings.contains { $0.message.contains("unknown column `shoe_size` is ignored") && $0.location.line == 1 && $0.location.column == 88 })
    }

    @Test func yamlSyntaxErrorHasAPosition() throws {
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": "name: x\nstaffing:\n  service_level: [0.8\n"])
        #expect {
            try ScenarioLoader.load(fixture.scenario)
        } throws: { error in
            guard let e = error as? InputError else { return false }
            return e.diagnostics.first.map { $0.location.line > 0 && $0.message.hasPrefix("YAML syntax") } ?? false
        }
    }

    @Test func csvQuotingAndPositions() throws {
        let table = try CSVTable.parse("a,b,c\n1,\"x, \"\"y\"\"\",3\n\"multi\nline\",5,6\n", file: "t.csv")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.records[0].fields == ["1", "x, \"y\"", "3"])
        #expect(table.records[0].columns == [1, 3, 14])
        #expect(table.records[1].line == 3 && table.records[1].fields[0] == "multi\nline")
        #expect(throws: InputError.self) { try CSVTable.parse("a,b\n\"open,2\n", file: "t.csv") }
    }

    @Test func pathsResolveLexically() {
        #expect(InputPath.resolve("data/f.csv", relativeTo: "scenarios/base.yaml") == "scenarios/data/f.csv")
        #expect(InputPath.resolve("../rules/p.yaml", relativeTo: "scenarios/base.yaml") == "rules/p.yaml")
        #expect(InputPath.resolve("/abs/x.csv", relativeTo: "scenarios/base.yaml") == "/abs/x.csv")
        #expect(InputPath.resolve("x.csv", relativeTo: "base.yaml") == "x.csv")
    }

    /// `staffing.model`, patience, abandonment ceiling and concurrency: read, and refused where they make no sense.
    @Test func erlangAKeys() throws {
        func staffing(_ lines: String) -> String {
            ScenarioFixture.yaml.replacingOccurrences(of: "  min_agents_open: 1\n", with: "  min_agents_open: 1\n" + lines)
        }
        let good = try ScenarioFixture(overrides: ["tiny.yaml": staffing("  model: erlang_a\n  patience_seconds: 180\n  max_abandon_rate: 0.05\n  concurrency: 2\n")])
        let s = try ScenarioLoader.load(good.scenario).scenario.staffing
        #expect(s.model == .erlangA && s.patienceSeconds == 180 && s.maxAbandonRate == ExactDecimal("0.05") && s.concurrency == 2)
        #expect(try ScenarioLoader.load(try ScenarioFixture().scenario).scenario.staffing.model == .erlangC)

        let bad = try ScenarioFixture(overrides: ["tiny.yaml": staffing("  model: erlang-a\n  concurrency: 0\n  max_abandon_rate: 0.05\n")])
        #expect {
            try ScenarioLoader.load(bad.scenario)
        } throws: { error in
            let text = "\(error)"
            return text.contains("`staffing.model` is `erlang-a`, not a queue model (did you mean `erlang_a`?)")
                && text.contains("`staffing.concurrency` is 0 but must be ≥ 1")
                && text.contains("`staffing.max_abandon_rate` applies only to `model: erlang_a`")
        }
        let noPatience = try ScenarioFixture(overrides: ["tiny.yaml": staffing("  model: erlang_a\n")])
        #expect {
            try ScenarioLoader.load(noPatience.scenario)
        } throws: { "\($0)".contains("`staffing.model: erlang_a` needs `staffing.patience_seconds`") }
    }
}
