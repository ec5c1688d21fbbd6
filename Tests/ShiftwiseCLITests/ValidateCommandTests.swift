import Testing
import Foundation
import TestSupport

/// `shiftwise validate` end to end: the built binary, stdout, stderr and exit codes.
@Suite struct ValidateCommandTests {
    /// A valid roster of the fixture scenario: A1 Mon–Thu 08–16, A2 Mon, Tue, Thu, Fri 09–17, A3 Mon, Tue 10–14.
    static let roster = """
    agent_id,name,date,start,end,paid_hours,breaks
    A1,Ana Silva,2026-11-30,2026-11-30T08:00,2026-11-30T16:00,7.50,12:00-12:30
    A1,Ana Silva,2026-12-01,2026-12-01T08:00,2026-12-01T16:00,7.50,12:00-12:30
    A1,Ana Silva,2026-12-02,2026-12-02T08:00,2026-12-02T16:00,7.50,12:00-12:30
    A1,Ana Silva,2026-12-03,2026-12-03T08:00,2026-12-03T16:00,7.50,12:00-12:30
    A2,"Li, Wei",2026-11-30,2026-11-30T09:00,2026-11-30T17:00,7.50,12:00-12:30
    A2,"Li, Wei",2026-12-01,2026-12-01T09:00,2026-12-01T17:00,7.50,12:00-12:30
    A2,"Li, Wei",2026-12-03,2026-12-03T09:00,2026-12-03T17:00,7.50,12:00-12:30
    A2,"Li, Wei",2026-12-04,2026-12-04T09:00,2026-12-04T17:00,7.50,12:00-12:30
    A3,Omar Haddad,2026-11-30,2026-11-30T10:00,2026-11-30T14:00,4.00,
    A3,Omar Haddad,2026-12-01,2026-12-01T10:00,2026-12-01T14:00,4.00,

    """

    /// (day index, start minute, end minute, break start minute or nil) of each shift of `roster`.
    static let shifts: [(Int, Int, Int, Int?)] = [
        (0, 480, 960, 720), (1, 480, 960, 720), (2, 480, 960, 720), (3, 480, 960, 720),
        (0, 540, 1020, 720), (1, 540, 1020, 720), (3, 540, 1020, 720), (4, 540, 1020, 720),
        (0, 600, 840, nil), (1, 600, 840, nil),
    ]

    /// The coverage of `roster` for a scenario that requires 2 agents at Monday 09:00, written by hand.
    static func coverage() -> String {
        let dates = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]
        var text = "start,required,scheduled,on_break,effective,shortfall,projected_service_level\n"
        for day in 0..<7 {
            for slot in 0..<48 {
                let minute = slot * 30
                let on = shifts.filter { $0.0 == day && $0.1 <= minute && minute < $0.2 }
                let away = on.filter { $0.3 == minute }.count
                let required = day == 0 && minute == 540 ? 2 : 0
                let working = on.count - away
                let effective = String(format: "%.4f", Double(working) * 0.7)
                text += "\(dates[day])T\(minute / 60 < 10 ? "0" : "")\(minute / 60):\(minute % 60 == 0 ? "00" : "30"),\(required),\(on.count),\(away),\(effective),\(max(0, required - working)),\n"
            }
        }
        return text
    }

    @Test func validRosterExitsZero() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("roster.csv", Self.roster)
        let result = try CommandRunner.run(["validate", fixture.scenario, "--roster", fixture.path("roster.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "roster OK: 10 shifts, 3 agents; every hard rule holds\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func violationsAreListedWithLocationAndFixAndExit65() throws {
        let fixture = try ScenarioFixture()
        var roster = Self.roster.replacingOccurrences(of: "2026-11-30T16:00,7.50,12:00-12:30", with: "2026-11-30T16:00,8.00,")
        roster += "A2,\"Li, Wei\",2026-12-02,2026-12-02T09:00,2026-12-02T17:00,7.50,12:00-12:30\n"
        try fixture.write("roster.csv", roster)
        let file = fixture.path("roster.csv")
        let result = try CommandRunner.run(["validate", fixture.scenario, "--roster", file])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(file):2:59: error: agent A1 works 2026-11-30 08:00–16:00, which is paid 7.50 h (8 h less the unpaid lunch of 30 min), but paid_hours says 8.00 (write 7.50)",
            "\(file):2:64: error: agent A1's shift 2026-11-30 08:00–16:00 has no lunch break (30 min, unpaid), which every shift of 6 h or more takes once (add e.g. 10:00-10:30 to breaks)",
            "\(file):12:14: error: agent A2 works 2026-12-02 09:00–17:00, but is unavailable on 2026-12-02 (the agent's `unavailable` list) (give the shift to an available agent or delete the row)",
            "3 hard-rule violations found in \(file)",
        ])
    }

    @Test func coverageBesideTheRosterIsCompared() throws {
        let yaml = ScenarioFixture.yaml(replacing: "forecast: forecast.csv", with: "requirements: required.csv")
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": yaml])
        try fixture.write("required.csv", "start,required\n2026-11-30T09:00,2\n")
        try FileManager.default.createDirectory(atPath: fixture.path("out"), withIntermediateDirectories: true)
        try fixture.write("out/roster.csv", Self.roster)
        try fixture.write("out/coverage.csv", Self.coverage())
        let ok = try CommandRunner.run(["validate", fixture.scenario, "--roster", fixture.path("out/roster.csv")])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout == "roster OK: 10 shifts, 3 agents; every hard rule holds\ncoverage OK: 336 intervals match\n")

        // Monday 12:00 is line 26: A1 and A2 at lunch, A3 working.
        let edited = Self.coverage().replacingOccurrences(of: "2026-11-30T12:00,0,3,2,0.7000,0,", with: "2026-11-30T12:00,0,3,1,1.4000,0,")
        try fixture.write("out/coverage.csv", edited)
        let bad = try CommandRunner.run(["validate", fixture.scenario, "--roster", fixture.path("out/roster.csv")])
        #expect(bad.status == 65)
        #expect(bad.stdout == "roster OK: 10 shifts, 3 agents; every hard rule holds\n")
        #expect(bad.stderr.contains("out/coverage.csv:26:22: error: interval 2026-11-30T12:00: on_break is 1 in the file, but the roster has 2 agents on break"))
        #expect(bad.stderr.contains("out/coverage.csv:26:24: error: interval 2026-11-30T12:00: effective is 1.4000 in the file"))
        #expect(bad.stderr.contains("2 mismatches found in"))

        let skipped = try CommandRunner.run(["validate", fixture.scenario, "--roster", fixture.path("out/roster.csv"), "--no-coverage"])
        #expect(skipped.status == 0, "\(skipped.stderr)")
    }

    @Test func missingFilesExit66() throws {
        let fixture = try ScenarioFixture()
        let noRoster = try CommandRunner.run(["validate", fixture.scenario, "--roster", fixture.path("nope.csv")])
        #expect(noRoster.status == 66)
        #expect(noRoster.stderr.contains("nope.csv: error: cannot read the file: no such file"))
        try fixture.write("roster.csv", Self.roster)
        let noCoverage = try CommandRunner.run(["validate", fixture.scenario, "--roster", fixture.path("roster.csv"), "--coverage", fixture.path("cov.csv")])
        #expect(noCoverage.status == 66)
    }

    @Test func badScenarioOrRosterShapeExit65() throws {
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": ScenarioFixture.yaml(replacing: "interval_minutes: 30", with: "interval_minutes: 20")])
        try fixture.write("roster.csv", Self.roster)
        let badScenario = try CommandRunner.run(["validate", fixture.scenario, "--roster", fixture.path("roster.csv")])
        #expect(badScenario.status == 65)
        #expect(badScenario.stderr.contains("tiny.yaml:3:1: error: `interval_minutes` is 20"))

        let good = try ScenarioFixture()
        try good.write("roster.csv", "agent_id,date,start,end\nA1,2026-11-30,2026-11-30T08:00,2026-11-30T16:00\n")
        let badRoster = try CommandRunner.run(["validate", good.scenario, "--roster", good.path("roster.csv")])
        #expect(badRoster.status == 65)
        #expect(badRoster.stderr.contains("roster.csv:1: error: required column `paid_hours` is missing"))
    }
}
