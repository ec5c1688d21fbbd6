import Testing
import Foundation
import TestSupport

/// `--baseline` and `--pin` end to end on the small fixture: changes listed exactly, priced by
/// `costs.change_weight`, pins kept, contradictory pins exit 2 with nothing written.
@Suite struct MinimalChangeTests {
    /// A valid week for the fixture, written by hand: A1 Mon–Thu 08–16, A2 Mon, Tue, Thu, Fri 09–17, A3 Mon, Tue 10–14.
    static let handRoster = """
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

    /// agent|date → start|end, read from a roster.csv by the test (ids and dates hold no commas here).
    static func shifts(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.replacingOccurrences(of: "\"Li, Wei\"", with: "LiWei").split(separator: ",", omittingEmptySubsequences: false)
            result["\(cells[0])|\(cells[2])"] = "\(cells[3])|\(cells[4])"
        }
        return result
    }

    static func fixture(changeWeight: String) throws -> ScenarioFixture {
        let yaml = ScenarioFixture.yaml + "\n  change_weight: \(changeWeight)\n"
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": yaml])
        try fixture.write("baseline.csv", handRoster)
        return fixture
    }

    @Test func heavyChangeWeightKeepsTheBaseline() throws {
        let fixture = try Self.fixture(changeWeight: "1000")
        let out = fixture.path("out")
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", out, "--baseline", fixture.path("baseline.csv"), "--db", fixture.path("db.sqlite")])
        #expect(r.status == 0, "\(r.stderr)")
        let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
        #expect(Self.shifts(roster) == Self.shifts(Self.handRoster))
        #expect(try String(contentsOfFile: out + "/changes.csv", encoding: .utf8) == "agent_id,name,date,before,after\n")
    }

    /// Unpriced changes: changes.csv lists exactly the agent-days where the two rosters differ, as the
    /// test computes them from both files, and the term in summary.json is 0.
    @Test func changesAreListedExactly() throws {
        let fixture = try Self.fixture(changeWeight: "0")
        let out = fixture.path("out")
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", out, "--baseline", fixture.path("baseline.csv"), "--db", fixture.path("db.sqlite")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("costs.change_weight is 0"))
        let before = Self.shifts(Self.handRoster)
        let after = Self.shifts(try String(contentsOfFile: out + "/roster.csv", encoding: .utf8))
        var expected: Set<String> = []
        for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
            func hours(_ v: String?) -> String {
                guard let v else { return "OFF" }
                let p = v.split(separator: "|")
                return "\(p[0].suffix(5))-\(p[1].suffix(5))"
            }
            let parts = key.split(separator: "|")
            expected.insert("\(parts[0])|\(parts[1])|\(hours(before[key]))|\(hours(after[key]))")
        }
        #expect(!expected.isEmpty, "the optimum should differ from the hand roster")
        let listed = try String(contentsOfFile: out + "/changes.csv", encoding: .utf8)
            .replacingOccurrences(of: "\"Li, Wei\"", with: "LiWei").split(separator: "\n").dropFirst().map { line -> String in
                let c = line.split(separator: ",", omittingEmptySubsequences: false)
                return "\(c[0])|\(c[2])|\(c[3])|\(c[4])"
            }
        #expect(Set(listed) == expected)
        #expect(listed.count == expected.count)
    }

    @Test func pinsAreKeptExactly() throws {
        let fixture = try ScenarioFixture()
        // A3 on Tuesday afternoon (nobody is needed then) and A1 on Friday with its lunch at 13:30.
        try fixture.write("pins.csv", """
        agent_id,name,date,start,end,paid_hours,breaks,pinned
        A3,Omar Haddad,2026-12-01,2026-12-01T15:00,2026-12-01T19:00,4.00,,yes
        A1,Ana Silva,2026-12-04,2026-12-04T11:00,2026-12-04T19:00,7.50,13:30-14:00,yes
        A2,"Li, Wei",2026-12-05,2026-12-05T11:00,2026-12-05T19:00,7.50,13:30-14:00,no

        """)
        let out = fixture.path("out")
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", out, "--pin", fixture.path("pins.csv"), "--db", fixture.path("db.sqlite")])
        #expect(r.status == 0, "\(r.stderr)")
        let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
        #expect(roster.contains("A3,Omar Haddad,2026-12-01,2026-12-01T15:00,2026-12-01T19:00,4.00,\n"))
        #expect(roster.contains("A1,Ana Silva,2026-12-04,2026-12-04T11:00,2026-12-04T19:00,7.50,13:30-14:00\n"))
        // The row marked `no` is not a pin: nobody needs A2 at 11:00 on Saturday (the search, not the row, decides A2's week).
        #expect(!roster.contains("A2,\"Li, Wei\",2026-12-05,2026-12-05T11:00"))
        #expect(FileManager.default.fileExists(atPath: out + "/changes.csv") == false)
    }

    @Test func contradictoryPinsExitTwoAndWriteNothing() throws {
        let fixture = try ScenarioFixture()
        // A1: two shifts on Monday; A3: 4 pinned 4-hour shifts pay 16 h, within 8–20 h, but
        // Sunday is unavailable to A3; A2: 6 shifts of 7.5 h are above the 40 h maximum.
        var rows = ["agent_id,name,date,start,end,paid_hours,breaks",
                    "A1,,2026-11-30,2026-11-30T08:00,2026-11-30T16:00,7.50,",
                    "A1,,2026-11-30,2026-11-30T09:00,2026-11-30T17:00,7.50,",
                    "A3,,2026-12-06,2026-12-06T10:00,2026-12-06T14:00,4.00,"]
        for day in ["2026-11-30", "2026-12-01", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"] {
            rows.append("A2,,\(day),\(day)T09:00,\(day)T17:00,7.50,")
        }
        try fixture.write("pins.csv", rows.joined(separator: "\n") + "\n")
        let out = fixture.path("out")
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", out, "--pin", fixture.path("pins.csv"), "--db", fixture.path("db.sqlite")])
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains("agent A1: the pinned shift 2026-11-30 09:00-17:00"))
        #expect(r.stderr.contains("a second pinned shift on 2026-11-30"))
        #expect(r.stderr.contains("agent A3: the pinned shift 2026-12-06 10:00-14:00"))
        #expect(r.stderr.contains("the agent is unavailable on 2026-12-06"))
        #expect(r.stderr.contains("agent A2: the pinned shifts"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func baselineOfAnotherWeekIsALocatedError() throws {
        let fixture = try Self.fixture(changeWeight: "20")
        try fixture.write("old.csv", Self.handRoster.replacingOccurrences(of: "2026-12-03", with: "2026-12-10"))
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out"), "--baseline", fixture.path("old.csv"), "--db", fixture.path("db.sqlite")])
        #expect(r.status == 65)
        #expect(r.stderr.contains("old.csv:5:14: error: 2026-12-10 is outside the scenario's week"))
        #expect(r.stderr.contains("old.csv:8:14: error: 2026-12-10 is outside the scenario's week"))
    }
}
