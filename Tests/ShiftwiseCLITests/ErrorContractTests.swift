import Testing
import Foundation
import TestSupport

/// One error contract at the command line: exit codes keep their category through wrappers,
/// command words are checked, read-only commands do not talk about writing.
@Suite struct ErrorContractTests {
    /// A comparison whose scenario's hard rules contradict is infeasible (2), not an internal failure (70),
    /// and it names the scenario, the agent and the rule; nothing is written.
    @Test func compareOfAContradictoryScenarioExitsTwo() throws {
        let agents = ScenarioFixture.agents.replacingOccurrences(of: "A3,Omar Haddad,part-time,28.00,blue,Sun,,",
                                                                 with: "A3,Omar Haddad,part-time,28.00,blue,Mon;Tue;Wed;Thu;Fri;Sat;Sun,,")
        let fixture = try ScenarioFixture(overrides: ["agents.csv": agents])
        try fixture.write("busier.yaml", CompareCommandTests.busier)
        let out = fixture.path("cmp")
        let r = try CommandRunner.run(["compare", fixture.scenario, fixture.path("busier.yaml"), "--out", out])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("scenario tiny could not be compared"), "\(r.stderr)")
        #expect(r.stderr.contains("agent A3: contract part-time needs ≥ 8 h but the agent is unavailable every day of the week"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func bareShiftwiseIsAUsageError() throws {
        let r = try CommandRunner.run([])
        #expect(r.status == 64)
        #expect(r.stderr.contains("SUBCOMMANDS") && r.stderr.contains("name a command"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func mistypedCommandsGetASuggestion() throws {
        let top = try CommandRunner.run(["rostr", "x.yaml"])
        #expect(top.status == 64)
        #expect(top.stderr.contains("`shiftwise rostr` is not a command (did you mean `roster`?)"), "\(top.stderr)")
        let nested = try CommandRunner.run(["payouts", "aprove", "3"])
        #expect(nested.status == 64)
        #expect(nested.stderr.contains("`shiftwise payouts aprove` is not a command (did you mean `approve`?)"), "\(nested.stderr)")
        // A file name where a command takes one is not mistaken for a command.
        let bonus = try CommandRunner.run(["bonus", "nowhere.yaml", "nowhere.csv", "--period", "2026-11"])
        #expect(bonus.status == 66, "\(bonus.stderr)")
    }

    /// An unknown format, or a profile without its map, is refused before anything is read.
    @Test func payrollFormatUsageErrors() throws {
        let unknown = try CommandRunner.run(["payouts", "export", "1", "--format", "xlsx"])
        #expect(unknown.status == 64, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("'generic'") && unknown.stderr.contains("'gusto'"), "\(unknown.stderr)")
        for format in ["adp", "paychex", "gusto"] {
            let r = try CommandRunner.run(["payouts", "export", "1", "--format", format])
            #expect(r.status == 64, "\(format): \(r.stderr)")
            #expect(r.stderr.contains("--format \(format) needs --map FILE"), "\(r.stderr)")
        }
    }

    /// Read-only commands report bad input without claiming that nothing was written.
    @Test func readOnlyCommandsDoNotMentionWriting() throws {
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": ScenarioFixture.yaml.replacingOccurrences(of: "interval_minutes: 30", with: "interval_minutes: 31")])
        try fixture.write("roster.csv", "agent_id,name,date,start,end,paid_hours,breaks\n")
        let validate = try CommandRunner.run(["validate", fixture.scenario, "--roster", fixture.path("roster.csv")])
        #expect(validate.status == 65)
        #expect(validate.stderr.contains("1 problem found") && !validate.stderr.contains("written"), "\(validate.stderr)")
        let roster = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out")])
        #expect(roster.status == 65)
        #expect(roster.stderr.contains("1 problem found; nothing was written"), "\(roster.stderr)")
    }

    /// The terminal table's columns line up: every row has the header's width, numbers right-aligned under their titles.
    @Test func compareTableIsAligned() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("busier.yaml", CompareCommandTests.busier)
        let r = try CommandRunner.run(["compare", fixture.scenario, fixture.path("busier.yaml"), "--out", fixture.path("cmp")])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.components(separatedBy: "\n")
        let header = try #require(lines.first { $0.hasPrefix("scenario ") })
        let rows = lines.filter { $0.hasPrefix("tiny ") || $0.hasPrefix("busier ") }
        #expect(rows.count == 2)
        for row in rows {
            #expect(row.count == header.count, "\n\(header)\n\(row)")
            // The gap column ends with "%" exactly where the header's "gap" ends.
            #expect(row.hasSuffix(" %"))
            #expect(header.hasSuffix("gap"))
        }
        // "labour cost" ends where each labour number ends.
        let end = try #require(header.range(of: "labour cost")).upperBound
        let column = header.distance(from: header.startIndex, to: end)
        for row in rows {
            let prefix = String(row.prefix(column))
            #expect(prefix.last?.isNumber == true, "\(prefix)")
            #expect(row.dropFirst(column).first == " ")
        }
    }

    /// Limits that are not finite are usage errors; hours below a minute are worded in minutes, not as 0.016666… h.
    @Test func limitsAndSmallDurationsAreWordedPlainly() throws {
        let fixture = try ScenarioFixture()
        for limit in ["inf", "nan", "-1", "1e9"] {
            let r = try CommandRunner.run(["roster", fixture.scenario, "--time-limit", limit, "--out", fixture.path("o")])
            #expect(r.status == 64, "\(limit): \(r.stderr)")
        }
        let zero = try ScenarioFixture(overrides: ["tiny.yaml": ScenarioFixture.yaml.replacingOccurrences(of: "lengths_hours: [4, 8]", with: "lengths_hours: [0, 8]")])
        let r = try CommandRunner.run(["staff", zero.scenario, "--out", zero.path("o")])
        #expect(r.status == 65)
        #expect(r.stderr.contains("is 0 h but must be at least 1 minute"), "\(r.stderr)")
        #expect(!r.stderr.contains("0.0166"))
    }
}
