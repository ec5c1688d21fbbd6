import Testing
import Foundation
import TestSupport

/// What a hostile or careless user tried, and what must hold: a located error, nothing written
/// anywhere else, never a crash.
@Suite struct HostileInputTests {
    static let plan = """
    plan: P
    currency: CNY
    components:
      - { name: hours, earnings_code: BONH, metric: hours_worked, tiers: { mode: step, bands: [ {from: 100, amount: 50} ] } }
    """

    /// An expression nested 1,200 deep (which once overflowed the stack, signal 11) is refused at its line.
    @Test func deepExpressionsAreRefusedNotCrashed() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("metrics.csv", "agent_id,period,hours_worked\nA1,2026-11,160\n")
        for text in [String(repeating: "(", count: 1200) + "hours_worked" + String(repeating: ")", count: 1200),
                     Array(repeating: "hours_worked", count: 10_000).joined(separator: "+"),
                     String(repeating: "-", count: 20_000) + "hours_worked"] {
            try fixture.write("plan.yaml", Self.plan + "\nmetrics:\n  m: \"\(text)\"\n")
            let r = try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11", "--out", fixture.path("b")])
            #expect(r.status == 65, "\(r.stderr.prefix(300))")
            #expect(r.stderr.contains("plan.yaml:6:"), "\(r.stderr.prefix(300))")
            #expect(r.stderr.contains("at most 400 are allowed"), "\(r.stderr.prefix(300))")
        }
    }

    /// The working folder (`--out .`), an empty name and a file are refused before any work, untouched.
    @Test func unusableOutputFoldersAreRefused() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("notes.txt", "mine")
        let before = try FileManager.default.attributesOfItem(atPath: fixture.folder)[.systemFileNumber] as? Int
        for out in [".", "", fixture.folder] {
            let r = try CommandRunner.run(["staff", "tiny.yaml", "--out", out], in: fixture.folder)
            #expect(r.status == 64, "\(out): \(r.stderr)")
        }
        let after = try FileManager.default.attributesOfItem(atPath: fixture.folder)[.systemFileNumber] as? Int
        #expect(before == after, "the folder is the same folder")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("requirements.csv")))
        // An existing output folder keeps its permissions when its set is replaced.
        let out = fixture.path("private")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        #expect(try CommandRunner.run(["staff", fixture.scenario, "--out", out]).status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o700)
    }

    /// Devices, folders and missing folders are not databases: refused, and no journal is created beside them.
    @Test func databasePathsThatAreNotFiles() throws {
        let fixture = try ScenarioFixture()
        for db in ["/dev/null", fixture.folder, fixture.path("nowhere/x.sqlite")] {
            let r = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("out"), "--db", db])
            #expect(r.status == 65, "\(db): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal"))
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")))
        let empty = try CommandRunner.run(["runs", "list", "--db", ""])
        #expect(empty.status == 64, "\(empty.stderr)")
        // A damaged database is bad input (65), not an internal failure.
        try fixture.write("damaged.sqlite", "SQLite format 3\u{0}" + String(repeating: "x", count: 5000))
        let damaged = try CommandRunner.run(["runs", "list", "--db", fixture.path("damaged.sqlite")])
        #expect(damaged.status == 65, "\(damaged.stderr)")
    }

    /// --export-lp never overwrites an input, is checked before the solve, and appears only when the run succeeds.
    @Test func exportLPIsCheckedAndWrittenLast() throws {
        let fixture = try ScenarioFixture()
        let agents = try String(contentsOfFile: fixture.path("agents.csv"), encoding: .utf8)
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out"), "--export-lp", fixture.path("agents.csv")])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("is one of the scenario's input files"), "\(r.stderr)")
        #expect(try String(contentsOfFile: fixture.path("agents.csv"), encoding: .utf8) == agents)
        let folder = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out"), "--export-lp", fixture.folder])
        #expect(folder.status == 64, "\(folder.stderr)")
        let missing = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out"), "--export-lp", fixture.path("no/x.lp")])
        #expect(missing.status == 64 && missing.stderr.contains("does not exist"), "\(missing.stderr)")
        // A roster that fails (infeasible) leaves no LP file.
        let infeasible = ScenarioFixture.agents.replacingOccurrences(of: "A3,Omar Haddad,part-time,28.00,blue,Sun,,",
                                                                     with: "A3,Omar Haddad,part-time,28.00,blue,Mon;Tue;Wed;Thu;Fri;Sat;Sun,,")
        try fixture.write("agents.csv", infeasible)
        let failed = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out"), "--export-lp", fixture.path("m.lp")])
        #expect(failed.status == 2, "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("m.lp")))
        #expect(!((try? FileManager.default.contentsOfDirectory(atPath: fixture.folder)) ?? []).contains { $0.contains(".partial-") })
    }

    /// Two million bad rows: the report is bounded (the first 200 shown, the count kept) and quick.
    @Test func errorFloodsAreBounded() throws {
        var text = "start,contacts,aht_seconds\n"
        for _ in 0..<20_000 { text += "2026-11-30T09:00,-1,300\n" }
        let fixture = try ScenarioFixture(overrides: ["forecast.csv": text])
        let r = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("out")])
        #expect(r.status == 65)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count <= 203, "\(lines.count) lines")
        #expect(r.stderr.contains("more not shown"), "\(r.stderr.suffix(300))")
    }

    /// A baseline from a larger team: 1,500 agents the scenario does not have, two rows each. Each agent is named
    /// once (1,500 warnings, not 3,000), and past the 200 shown the count is the true one, 1,300 (the bag keeps
    /// 1,000 and counts the rest), not the 800 of the kept ones alone.
    @Test func warningFloodsAreCountedTrue() throws {
        let fixture = try MinimalChangeTests.fixture(changeWeight: "1")
        var text = MinimalChangeTests.handRoster
        for k in 0..<1_500 {
            for day in ["2026-11-30", "2026-12-01"] { text += "X\(k),Other \(k),\(day),\(day)T08:00,\(day)T16:00,7.50,\n" }
        }
        try fixture.write("baseline.csv", text)
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out"), "--baseline", fixture.path("baseline.csv"),
                                       "--db", fixture.path("db.sqlite")])
        #expect(r.status == 0, "\(r.stderr.suffix(400))")
        let named = r.stderr.split(separator: "\n").filter { $0.contains("is not in the scenario's agents") }
        #expect(named.count == 200)
        #expect(named.first?.contains("baseline.csv:12:1: warning: agent X0 ") == true, "\(named.first ?? "")")
        #expect(named.last?.contains("baseline.csv:410:1: warning: agent X199 ") == true, "\(named.last ?? "")")
        #expect(r.stderr.contains("… and 1300 more warnings not shown"), "\(r.stderr.suffix(600))")
    }

    /// Problems a reader finds in two passes (cells, then the week and the agents) are printed in file order.
    @Test func problemsInFileOrder() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("pins.csv", """
            agent_id,name,date,start,end,paid_hours,breaks,pinned
            A1,x,2026-12-31,2026-12-31T08:00,2026-12-31T16:00,7.50,,yes
            A2,x,2026-12-01,8am,2026-12-01T16:00,7.50,,yes
            ZZ9,x,2026-12-01,2026-12-01T08:00,2026-12-01T16:00,7.50,,yes
            A3,x,2026-12-01,2026-12-01T10:00,2026-12-01T14:00,4.00,,maybe

            """)
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out"), "--pin", fixture.path("pins.csv"),
                                       "--db", fixture.path("db.sqlite")])
        #expect(r.status == 65, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n").compactMap { line -> Int? in
            guard let at = line.range(of: "pins.csv:") else { return nil }
            return Int(line[at.upperBound...].prefix { $0.isNumber })
        }
        #expect(lines == [2, 3, 4, 5], "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")))
    }

    /// Numbers typed in an input method's full-width mode are refused at their cell, and the fix gives the number
    /// in half-width digits (written here by hand), in English and in Chinese; text that is not a number either way
    /// keeps the usual fix.
    @Test func fullWidthNumbersGetTheirHalfWidthForm() throws {
        let fixture = try ScenarioFixture(overrides: [
            "forecast.csv": ScenarioFixture.forecast.replacingOccurrences(of: "2026-11-30T09:00,20,300", with: "2026-11-30T09:00,２０．５,３００"),
            "agents.csv": ScenarioFixture.agents.replacingOccurrences(of: "full-time,35.50", with: "full-time,３５．５０")
                .replacingOccurrences(of: "full-time,36.00", with: "full-time,36 yuan"),
        ])
        let r = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("out")])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("forecast.csv:2:18: error: contacts must be a number, got `２０．５` (it is typed in full-width characters: type it in half-width digits, 20.5)"), "\(r.stderr)")
        #expect(r.stderr.contains("(it is typed in full-width characters: type it in half-width digits, 300)"), "\(r.stderr)")
        #expect(r.stderr.contains("(it is typed in full-width characters: type it in half-width digits, 35.50)"), "\(r.stderr)")
        #expect(r.stderr.contains("got `36 yuan` (write it like 35.50"), "\(r.stderr)")
        let yaml = try ScenarioFixture(overrides: ["tiny.yaml": ScenarioFixture.yaml.replacingOccurrences(of: "service_level: 0.80", with: "service_level: ０.８")])
        let zh = try CommandRunner.run(["staff", yaml.scenario, "--out", yaml.path("out"), "--lang", "zh"])
        #expect(zh.status == 65 && zh.stderr.contains("(这是全角字符：请用半角数字输入，即 0.8)"), "\(zh.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")) && !FileManager.default.fileExists(atPath: yaml.path("out")))
    }

    /// Quiet mistakes get a warning: a forecast without rows, 30-minute volumes in a 15-minute scenario.
    @Test func suspiciousForecastsAreWarned() throws {
        let empty = try ScenarioFixture(overrides: ["forecast.csv": "start,contacts,aht_seconds\n"])
        let e = try CommandRunner.run(["staff", empty.scenario, "--out", empty.path("out")])
        #expect(e.status == 0 && e.stderr.contains("forecast.csv:1: warning: the forecast has no rows"), "\(e.stderr)")
        var text = "start,contacts,aht_seconds\n"
        for h in 8..<16 { text += "2026-11-30T\(h < 10 ? "0" : "")\(h):00,10,300\n" }
        let coarse = try ScenarioFixture(overrides: ["forecast.csv": text,
                                                    "tiny.yaml": ScenarioFixture.yaml.replacingOccurrences(of: "interval_minutes: 30", with: "interval_minutes: 15")
                                                        .replacingOccurrences(of: "start_step_minutes: 30", with: "start_step_minutes: 15")])
        let c = try CommandRunner.run(["staff", coarse.scenario, "--out", coarse.path("out")])
        #expect(c.status == 0, "\(c.stderr)")
        #expect(c.stderr.contains("warning: every row starts on a 30-minute boundary but interval_minutes is 15"), "\(c.stderr)")
    }

    /// Metrics without a row for the period, a negative proration metric, a negative band: refused.
    @Test func payoutInputsThatCannotBeMeant() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("plan.yaml", Self.plan + "\nproration: { metric: hours_worked, full_at: 160 }\n")
        try fixture.write("metrics.csv", "agent_id,period,hours_worked\nA1,2026-10,160\n")
        let other = try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11", "--out", fixture.path("b")])
        #expect(other.status == 65 && other.stderr.contains("the file has no rows for the period 2026-11 (it holds 2026-10"), "\(other.stderr)")
        try fixture.write("metrics.csv", "agent_id,period,hours_worked\nA1,2026-11,-160\n")
        let negative = try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11", "--out", fixture.path("b")])
        #expect(negative.status == 65 && negative.stderr.contains("proration metric hours_worked is -160, below 0"), "\(negative.stderr)")
        try fixture.write("plan.yaml", Self.plan.replacingOccurrences(of: "amount: 50", with: "amount: -300"))
        let band = try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11", "--out", fixture.path("b")])
        #expect(band.status == 65 && band.stderr.contains("plan.yaml:4:") && band.stderr.contains("must be ≥ 0"), "\(band.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("b")))
    }

    /// YAML duplicate keys at the duplicate's line; UTF-16 files named as such; header columns in characters;
    /// extra cells said once.
    @Test func locationsAndWording() throws {
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": ScenarioFixture.yaml + "\nname: again\n"])
        let dup = try CommandRunner.run(["staff", fixture.scenario])
        #expect(dup.status == 65 && dup.stderr.contains("tiny.yaml:25:1: error: `name` appears twice in the same mapping (first at line 1)"), "\(dup.stderr)")
        let utf16 = try ScenarioFixture()
        try utf16.write("agents.csv", bytes: [0xFF, 0xFE] + Array("a\u{0}b\u{0}".utf8))
        let u = try CommandRunner.run(["staff", utf16.scenario])
        #expect(u.status == 65 && u.stderr.contains("agents.csv:1:1: error: the file is UTF-16, not UTF-8"), "\(u.stderr)")
        let header = try ScenarioFixture(overrides: ["forecast.csv": "start,contacts,aht_seconds,weather\n2026-11-30T09:00,20,300,sunny,,,\n2026-11-30T09:30,20,300,rain,\n"])
        let h = try CommandRunner.run(["staff", header.scenario, "--out", header.path("out")])
        #expect(h.status == 0, "\(h.stderr)")
        #expect(h.stderr.contains("forecast.csv:1:28: warning: unknown column `weather` is ignored"), "\(h.stderr)")
        #expect(h.stderr.contains("forecast.csv:2:31: warning: line 2 has 7 cells but the header names 4 (and 1 more row like it)"), "\(h.stderr)")
    }
}
