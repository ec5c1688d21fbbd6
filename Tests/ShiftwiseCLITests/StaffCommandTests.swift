import Testing
import Foundation
import TestSupport

/// `shiftwise staff` end to end: the built binary, its files, stdout, stderr and exit codes.
@Suite struct StaffCommandTests {
    @Test func writesRequirementsAndSummary() throws {
        let fixture = try ScenarioFixture()
        let out = fixture.path("out")
        let result = try CommandRunner.run(["staff", fixture.scenario, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("scenario tiny: 336 intervals, 4 open"))
        #expect(result.stdout.contains("wrote \(out)/requirements.csv"))
        let csv = try String(contentsOfFile: out + "/requirements.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "start,contacts,aht_seconds,workload_erlangs,agents_needed,agents_scheduled,service_level,occupancy,abandon_rate")
        #expect(lines.count == 338)  // header + 336 intervals + final newline
        #expect(lines[1] == "2026-11-30T00:00,0,0,0.0000,0,0,,,")
        // 20 contacts × 300 s / 1800 s = 3.3333 Erlangs.
        #expect(lines[19].hasPrefix("2026-11-30T09:00,20,300,3.3333,"))
    }

    @Test func sameInputsSameBytes() throws {
        let fixture = try ScenarioFixture()
        _ = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("a")])
        _ = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("b")])
        let a = try Data(contentsOf: URL(fileURLWithPath: fixture.path("a/requirements.csv")))
        let b = try Data(contentsOf: URL(fileURLWithPath: fixture.path("b/requirements.csv")))
        #expect(a == b)
    }

    @Test func exampleScenarioRuns() throws {
        let out = NSTemporaryDirectory() + "shiftwise-example-" + UUID().uuidString
        let result = try CommandRunner.run(["staff", "scenarios/baseline-w49.yaml", "--out", out], in: Fixtures.packageRoot)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("scenario baseline-w49: 336 intervals"))
        #expect(result.stdout.contains("peak 83 agents scheduled"))
    }

    @Test func missingScenarioExits66() throws {
        let result = try CommandRunner.run(["staff", "/nonexistent/scenario.yaml"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/scenario.yaml"))
    }

    @Test func missingForecastNamesTheLineThatReferencesIt() throws {
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": ScenarioFixture.yaml(replacing: "forecast: forecast.csv", with: "forecast: nowhere.csv")])
        let result = try CommandRunner.run(["staff", fixture.scenario])
        #expect(result.status == 66)
        #expect(result.stderr.contains("tiny.yaml:4:11: error: cannot read \(fixture.folder)/nowhere.csv"))
    }

    @Test func badUsageExits64() throws {
        #expect(try CommandRunner.run(["staff"]).status == 64)
        #expect(try CommandRunner.run(["staff", "a.yaml", "--bogus"]).status == 64)
    }
}
