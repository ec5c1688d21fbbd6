import Testing
import Foundation
import Core
import TestSupport

/// Calendars a calendar program takes as updates: stable UIDs per agent-day, SEQUENCE one above the
/// baseline's run, DTSTAMP growing with it, and cancellations for shifts a re-roster drops.
@Suite struct CalendarUpdateTests {
    static func events(_ ics: String) -> [[String: String]] {
        var result: [[String: String]] = []
        var current: [String: String]?
        for line in ics.components(separatedBy: "\r\n") {
            if line == "BEGIN:VEVENT" { current = [:] } else if line == "END:VEVENT" {
                if let c = current { result.append(c) }
                current = nil
            } else if let colon = line.firstIndex(of: ":"), current != nil {
                current?[String(line[..<colon])] = String(line[line.index(after: colon)...])
            }
        }
        return result
    }

    @Test func reRostersAreUpdatesOfTheSameEvents() throws {
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": ScenarioFixture.yaml + "\n  change_weight: 20\n"])
        let db = fixture.path("db.sqlite")
        var outs: [String] = []
        for k in 0..<3 {
            let out = fixture.path("out\(k)")
            var args = ["roster", fixture.scenario, "--out", out, "--db", db]
            if let previous = outs.last { args += ["--baseline", previous + "/roster.csv"] }
            let r = try CommandRunner.run(args)
            #expect(r.status == 0, "\(r.stderr)")
            outs.append(out)
        }
        let hash = String(SHA256.hex(Array("A1".utf8)).prefix(16))
        for (k, out) in outs.enumerated() {
            let events = Self.events(try String(contentsOfFile: out + "/calendars/A1.ics", encoding: .utf8))
            #expect(!events.isEmpty)
            for e in events {
                #expect(e["SEQUENCE"] == "\(k)")
                #expect(e["DTSTAMP"] == "20261130T00\(String(format: "%02d", k))00Z")
                // The UID is the shift's day and the agent, whatever the roster.
                let day = try #require(e["DTSTART"]).prefix(8)
                #expect(e["UID"] == "\(day)-\(hash)@shiftwise")
            }
        }
    }

    @Test func droppedShiftsAreCancelled() throws {
        let fixture = try ScenarioFixture()
        // A hand baseline: A3 on Sunday (A3 is unavailable on Sundays, so the roster must drop it) and Monday.
        try fixture.write("baseline.csv", """
        agent_id,name,date,start,end,paid_hours,breaks
        A3,Omar Haddad,2026-11-30,2026-11-30T10:00,2026-11-30T14:00,4.00,
        A3,Omar Haddad,2026-12-06,2026-12-06T10:00,2026-12-06T14:00,4.00,

        """)
        let out = fixture.path("out")
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", out, "--baseline", fixture.path("baseline.csv"), "--db", fixture.path("db.sqlite")])
        #expect(r.status == 0, "\(r.stderr)")
        let events = Self.events(try String(contentsOfFile: out + "/calendars/A3.ics", encoding: .utf8))
        let cancelled = events.filter { $0["STATUS"] == "CANCELLED" }
        let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
        let mondayWorked = roster.contains("A3,Omar Haddad,2026-11-30,")
        #expect(cancelled.map { $0["DTSTART"] ?? "" }.sorted() == (mondayWorked ? [] : ["20261130T100000"]) + ["20261206T100000"])
        #expect(cancelled.allSatisfy { $0["SEQUENCE"] == "1" && $0["SUMMARY"] == "Cancelled: shift 10:00-14:00" })
        // A hand-made baseline is generation 0: this roster is generation 1.
        #expect(events.allSatisfy { $0["SEQUENCE"] == "1" })
    }
}
