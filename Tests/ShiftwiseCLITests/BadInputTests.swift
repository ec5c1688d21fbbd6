import Testing
import Foundation
import TestSupport

/// Each bad input gets exit 65 (or 66) and a message naming file:line:column and the fix.
@Suite struct BadInputTests {
    /// Runs `staff` on a fixture with `overrides` and returns the result.
    func run(_ overrides: [String: String]) throws -> (CommandResult, ScenarioFixture) {
        let fixture = try ScenarioFixture(overrides: overrides)
        return (try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("out")]), fixture)
    }

    func expectError(_ result: CommandResult, _ fragments: String..., status: Int32 = 65) {
        #expect(result.status == status, "stderr: \(result.stderr)")
        for fragment in fragments {
            #expect(result.stderr.contains(fragment), "missing «\(fragment)» in:\n\(result.stderr)")
        }
    }

    @Test func unknownKeyWithDidYouMean() throws {
        let (r, _) = try run(["tiny.yaml": ScenarioFixture.yaml(replacing: "  service_level: 0.80", with: "  servce_level: 0.80")])
        expectError(r, "tiny.yaml:7:3: error: unknown key `staffing.servce_level`", "did you mean `service_level`?")
    }

    @Test func wrongType() throws {
        let (r, _) = try run(["tiny.yaml": ScenarioFixture.yaml(replacing: "interval_minutes: 30", with: "interval_minutes: thirty")])
        expectError(r, "tiny.yaml:3:19: error: `interval_minutes` must be a whole number, got `thirty`")
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        var yaml = ScenarioFixture.yaml(replacing: "interval_minutes: 30", with: "interval_minutes: 20")
        yaml = yaml.replacingOccurrences(of: "shrinkage: 0.30", with: "shrinkage: 1.5")
        yaml = yaml.replacingOccurrences(of: "latest_end: \"20:00\"", with: "latest_end: \"late\"")
        let (r, _) = try run(["tiny.yaml": yaml])
        expectError(r, "tiny.yaml:3:1: error: `interval_minutes` is 20 but must be 15, 30 or 60",
                    "tiny.yaml:10:14: error: `staffing.shrinkage` is 1.5 but must be ≥ 0 and < 1",
                    "tiny.yaml:16:15: error: `shifts.latest_end` must be a time HH:MM", "3 problems found; nothing was written")
    }

    @Test func weekStartNotAMonday() throws {
        let (r, _) = try run(["tiny.yaml": ScenarioFixture.yaml(replacing: "week_start: 2026-11-30", with: "week_start: 2026-12-02")])
        expectError(r, "tiny.yaml:2:13: error: `week_start` 2026-12-02 is a Wed, not a Monday", "use the Monday of that week, 2026-11-30")
    }

    @Test func misalignedInterval() throws {
        let (r, _) = try run(["forecast.csv": "start,contacts,aht_seconds\n2026-11-30T09:10,20,300\n"])
        expectError(r, "forecast.csv:2:1: error: 2026-11-30T09:10 is not on the 30-minute interval grid", "e.g. 2026-11-30T09:00")
    }

    @Test func duplicateInterval() throws {
        let (r, _) = try run(["forecast.csv": "start,contacts,aht_seconds\n2026-11-30T09:00,20,300\n2026-11-30T09:00,21,300\n"])
        expectError(r, "forecast.csv:3:1: error: interval 2026-11-30T09:00 appears twice (first on line 2)")
    }

    @Test func rowOutsideTheWeek() throws {
        let (r, _) = try run(["forecast.csv": "start,contacts,aht_seconds\n2026-12-07T09:00,20,300\n"])
        expectError(r, "forecast.csv:2:1: error: 2026-12-07T09:00 is outside the week 2026-11-30 – 2026-12-06")
    }

    @Test func negativeVolume() throws {
        let (r, _) = try run(["forecast.csv": "start,contacts,aht_seconds\n2026-11-30T09:00,-5,300\n"])
        expectError(r, "forecast.csv:2:18: error: contacts is negative (-5)")
    }

    @Test func zeroHandleTimeWithContacts() throws {
        let (r, _) = try run(["forecast.csv": "start,contacts,aht_seconds\n2026-11-30T09:00,12,0\n"])
        expectError(r, "forecast.csv:2:21: error: aht_seconds is 0 but the interval has 12 contacts")
    }

    @Test func missingColumn() throws {
        let (r, _) = try run(["forecast.csv": "start,contact,aht_seconds\n2026-11-30T09:00,12,300\n"])
        expectError(r, "forecast.csv:1: error: required column `contacts` is missing", "rename `contact` to `contacts`")
    }

    @Test func unknownContract() throws {
        let agents = ScenarioFixture.agents.replacingOccurrences(of: "A3,Omar Haddad,part-time", with: "A3,Omar Haddad,part-tme")
        let (r, _) = try run(["agents.csv": agents])
        expectError(r, "agents.csv:4:16: error: unknown contract `part-tme`", "did you mean `part-time`?")
    }

    @Test func duplicateAgentIds() throws {
        let agents = ScenarioFixture.agents.replacingOccurrences(of: "A3,Omar", with: "A1,Omar")
        let (r, _) = try run(["agents.csv": agents])
        expectError(r, "agents.csv:4:1: error: agent_id `A1` is used twice (first on line 2)")
    }

    @Test func extendsCycle() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("a.yaml", "extends: b.yaml\nname: a\n")
        try fixture.write("b.yaml", "extends: a.yaml\nname: b\n")
        let r = try CommandRunner.run(["staff", fixture.path("a.yaml")])
        expectError(r, "b.yaml:1:10: error: `extends` forms a cycle: \(fixture.path("a.yaml")) → \(fixture.path("b.yaml")) → \(fixture.path("a.yaml"))")
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let forecast = "\u{FEFF}" + ScenarioFixture.forecast.replacingOccurrences(of: "\n", with: "\r\n")
        let agents = "\u{FEFF}" + ScenarioFixture.agents.replacingOccurrences(of: "\n", with: "\r\n")
        let (r, fixture) = try run(["forecast.csv": forecast, "agents.csv": agents])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try String(contentsOfFile: fixture.path("out/requirements.csv"), encoding: .utf8)
        #expect(csv.contains("2026-11-30T09:30,30.5,300,"))
    }

    @Test func nonUTF8FileIsAClearError() throws {
        let fixture = try ScenarioFixture()
        // "Jos\u{E9}" in Windows-1252: a lone 0xE9 byte.
        var bytes = Array("agent_id,name,contract,hourly_cost\nA1,Ana,full-time,30\nA2,Jos".utf8)
        bytes += [0xE9] + Array(",full-time,31\n".utf8)
        try fixture.write("agents.csv", bytes: bytes)
        let r = try CommandRunner.run(["staff", fixture.scenario])
        expectError(r, "agents.csv:3:7: error: the file is not valid UTF-8 (byte 0xE9)", "save the file as UTF-8")
    }

    @Test func breakLongerThanItsShift() throws {
        let yaml = ScenarioFixture.yaml(replacing: "min_shift_hours: 6, earliest_after_hours: 2, latest_before_end_hours: 2",
                                        with: "min_shift_hours: 4, earliest_after_hours: 2, latest_before_end_hours: 2")
        let (r, _) = try run(["tiny.yaml": yaml])
        expectError(r, "tiny.yaml:18:7: error: break `lunch` cannot fit in a 4 h shift")
    }

    @Test func contractLengthNotAmongTheScenarios() throws {
        let yaml = ScenarioFixture.yaml(replacing: "lengths_hours: [4] }", with: "lengths_hours: [5] }")
        let (r, _) = try run(["tiny.yaml": yaml])
        expectError(r, "tiny.yaml:21:74: error: contract `part-time` allows 5 h shifts, which `shifts.lengths_hours` does not (4 h, 8 h)")
    }
}
