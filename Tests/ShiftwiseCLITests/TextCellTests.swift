import Testing
import Foundation
import TestSupport

/// Text cells written by the product read back as they were meant, and text that would break a
/// CSV (line breaks, control characters) or a file name (very long ids) is refused at load time.
@Suite struct TextCellTests {
    /// Agent ids a spreadsheet would run as formulas: roster.csv guards them with `'`, and validate
    /// of the product's own roster knows every one of them again.
    @Test func formulaLikeAgentIdsRoundTripThroughValidate() throws {
        let agents = """
        agent_id,name,contract,hourly_cost,team,unavailable,preferred_days_off,preferred_start
        =A1,Ana Silva,full-time,35.50,red,,Sat;Sun,09:00
        +A2,"Li, Wei",full-time,36.00,red,2026-12-02,,
        @A3,Omar Haddad,part-time,28.00,blue,Sun,,
        -A4,=cmd|' /C calc'!A0,part-time,28.00,blue,Sun,,

        """
        let fixture = try ScenarioFixture(overrides: ["agents.csv": agents])
        let out = fixture.path("out")
        let roster = try CommandRunner.run(["roster", fixture.scenario, "--out", out])
        #expect(roster.status == 0, "\(roster.stderr)")
        let text = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
        // Every written id and name is guarded (hand-written expectations).
        for line in text.split(separator: "\n").dropFirst() {
            #expect(line.hasPrefix("'=A1,") || line.hasPrefix("'+A2,") || line.hasPrefix("'@A3,") || line.hasPrefix("'-A4,'=cmd"), "\(line)")
        }
        let check = try CommandRunner.run(["validate", fixture.scenario, "--roster", out + "/roster.csv"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("roster OK:"), "\(check.stdout)")
    }

    /// A name holding CR+LF (or any control character) is located and refused, not written into a sheet.
    @Test func controlCharactersInNamesAreRefused() throws {
        let agents = ScenarioFixture.agents.replacingOccurrences(of: "A1,Ana Silva,", with: "A1,\"Ana\r\n=1+2\",")
            .replacingOccurrences(of: "A3,Omar Haddad,", with: "A3,Omar\tHaddad,")
            .replacingOccurrences(of: "A2,\"Li, Wei\",", with: "A2,\"rtl\u{202E}evil\",")
        let fixture = try ScenarioFixture(overrides: ["agents.csv": agents])
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out")])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("agents.csv:2:4: error: name holds the control character U+000D"), "\(r.stderr)")
        #expect(r.stderr.contains("agents.csv:4:4: error: name holds the control character U+202E"), "a text-direction override reads reversed: \(r.stderr)")
        #expect(r.stderr.contains("agents.csv:5:4: error: name holds the control character U+0009"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")))

        let metrics = "agent_id,period,name,team,hours_worked\nA1,2026-11,\"Ana\r\nSilva\",red,160\n"
        try fixture.write("metrics.csv", metrics)
        try fixture.write("plan.yaml", """
        plan: P
        currency: CNY
        components:
          - { name: hours, earnings_code: BONH, metric: hours_worked, tiers: { mode: step, bands: [ {from: 100, amount: 50} ] } }
        """)
        let b = try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11", "--out", fixture.path("b")])
        #expect(b.status == 65, "\(b.stderr)")
        #expect(b.stderr.contains("metrics.csv:2:12: error: name holds the control character U+000D"), "\(b.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("b")))
    }

    /// Ids name files and payroll rows: more than 64 characters is refused where it is written.
    @Test func overlongAgentIdIsRefused() throws {
        let long = String(repeating: "x", count: 65)
        let agents = ScenarioFixture.agents.replacingOccurrences(of: "A3,Omar", with: "\(long),Omar")
        let fixture = try ScenarioFixture(overrides: ["agents.csv": agents])
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out")])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("agents.csv:4:1: error: agent_id is 65 characters long; at most 64 are allowed"), "\(r.stderr)")
    }
}

/// A scenario name is a folder name under reports/: `..` and friends are refused at load time.
@Suite struct ScenarioNameTests {
    @Test func pathLikeNamesAreRefused() throws {
        for name in ["..", ".", ".hidden", "a/../../b", "a\\\\b"] {
            let fixture = try ScenarioFixture(overrides: ["tiny.yaml": ScenarioFixture.yaml.replacingOccurrences(of: "name: tiny", with: "name: \"\(name)\"")])
            let r = try CommandRunner.run(["staff", fixture.scenario], in: fixture.folder)
            #expect(r.status == 65, "\(name): \(r.stderr)")
            #expect(r.stderr.contains("tiny.yaml:1:1: error: `name` is"), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: fixture.folder + "/reports"), "\(name)")
        }
    }
}
