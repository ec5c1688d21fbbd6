import Testing
import Foundation
import TestSupport
import Core

/// The roster's derived files checked against numbers the test computes itself from `roster.csv`
/// (its own interval count, its own Erlang C), never against the product's own recount.
@Suite struct RosterOutputsTests {
    static let forecast = """
    start,contacts,aht_seconds
    2026-11-30T09:00,2,300
    2026-11-30T09:30,5,300
    2026-11-30T10:30,4,450
    2026-12-01T09:00,1.5,200

    """

    /// Splits one CSV record (quotes as RFC 4180; no line breaks inside fields in these files).
    static func cells(_ line: Substring) -> [String] {
        var cells: [String] = [], cell = "", quoted = false
        var chars = Array(line), i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" { if i + 1 < chars.count, chars[i + 1] == "\"" { cell.append("\""); i += 1 } else { quoted = false } } else { cell.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { cells.append(cell); cell = "" } else { cell.append(c) }
            i += 1
        }
        cells.append(cell)
        chars = []
        return cells
    }

    static func rows(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map(cells)
    }

    /// Minutes since the week's Monday 00:00 of `2026-MM-DDTHH:MM`.
    static func minute(_ text: String) -> Int {
        let day = Int(text.dropFirst(8).prefix(2))! + (text.dropFirst(5).prefix(2) == "12" ? 30 : 0) - 30
        return day * 1440 + Int(text.dropFirst(11).prefix(2))! * 60 + Int(text.dropFirst(14).prefix(2))!
    }

    /// Erlang C service level, written out here (B recursion, then C and the exponential), 0 when n ≤ A.
    static func serviceLevel(_ n: Int, traffic a: Double, answer: Double, aht: Double) -> Double {
        guard n > 0, Double(n) > a else { return 0 }
        var b = 1.0
        for k in 1...n { b = a * b / (Double(k) + a * b) }
        let c = Double(n) * b / (Double(n) - a * (1 - b))
        return 1 - c * exp(-(Double(n) - a) * answer / aht)
    }

    @Test func coverageGridAndCalendarsAgreeWithTheRoster() throws {
        let fixture = try ScenarioFixture(overrides: ["forecast.csv": Self.forecast])
        let out = fixture.path("out")
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let shifts = try Self.rows(out + "/roster.csv")
        #expect(!shifts.isEmpty)

        // Coverage: each 30-minute interval counts shifts with start ≤ t < end and breaks likewise.
        var onShift = Array(repeating: 0, count: 336), onBreak = Array(repeating: 0, count: 336)
        for s in shifts {
            let start = Self.minute(s[3]), end = Self.minute(s[4])
            for t in stride(from: start, to: end, by: 30) { onShift[t / 30] += 1 }
            for b in s[6].split(separator: ";") where !b.isEmpty {
                let day = start / 1440 * 1440
                var from = Int(b.prefix(2))! * 60 + Int(b.dropFirst(3).prefix(2))!
                var to = Int(b.dropFirst(6).prefix(2))! * 60 + Int(b.dropFirst(9).prefix(2))!
                if from < start % 1440 { from += 1440 }
                if to < from { to += 1440 }
                for t in stride(from: day + from, to: day + to, by: 30) { onBreak[t / 30] += 1 }
            }
        }
        let coverage = try Self.rows(out + "/coverage.csv")
        #expect(coverage.count == 336)
        // Requirements from the staffing command, computed on their own.
        #expect(try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("staff")]).status == 0)
        let required = try Self.rows(fixture.path("staff/requirements.csv"))
        let workload = [Double](required.map { Double($0[3]) ?? 0 })
        for (k, row) in coverage.enumerated() {
            let working = onShift[k] - onBreak[k]
            #expect(Int(row[1]) == Int(required[k][5]), "required at \(row[0])")
            #expect(Int(row[2]) == onShift[k] && Int(row[3]) == onBreak[k], "\(row)")
            #expect(row[4] == String(format: "%.4f", Double(working) * 0.7), "\(row)")
            #expect(Int(row[5]) == max(0, (Int(row[1]) ?? 0) - working), "\(row)")
            let contacts = Double(required[k][1]) ?? 0
            if contacts > 0 {
                let aht = Double(required[k][2]) ?? 0
                let e = Double(working) * 0.7
                let low = Int(e.rounded(.down)), high = Int(e.rounded(.up))
                let a = workload[k]
                let sl = Self.serviceLevel(low, traffic: a, answer: 20, aht: aht)
                    + (Self.serviceLevel(high, traffic: a, answer: 20, aht: aht) - Self.serviceLevel(low, traffic: a, answer: 20, aht: aht)) * (e - Double(low))
                #expect(abs((Double(row[6]) ?? -1) - sl) < 0.00006, "\(row) expected \(sl)")
            } else {
                #expect(row[6].isEmpty, "\(row)")
            }
        }
        #expect(coverage.contains { Double($0[6]).map { $0 > 0 && $0 < 1 } ?? false }, "a service level strictly between 0 and 1 is checked")

        // The grid: one row per agent, each day its shift or OFF, then the week's paid hours.
        let grid = try Self.rows(out + "/roster-grid.csv")
        #expect(grid.map(\.first) == ["A1", "A2", "A3"])
        let days = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]
        for g in grid {
            let mine = shifts.filter { $0[0] == g[0] }
            for (d, day) in days.enumerated() {
                let s = mine.first { $0[2] == day }
                #expect(g[3 + d] == (s.map { String($0[3].suffix(5)) + "-" + String($0[4].suffix(5)) } ?? "OFF"), "\(g[0]) \(day)")
            }
            let paid = mine.reduce(0.0) { $0 + (Double($1[5]) ?? 0) }
            #expect(g[10] == String(format: "%.2f", paid))
        }

        // Calendars: one event per shift, at the shift's times, CRLF line ends, a stable UID per agent-day.
        for id in ["A1", "A2", "A3"] {
            let ics = try String(contentsOfFile: out + "/calendars/\(id).ics", encoding: .utf8)
            #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.hasSuffix("END:VCALENDAR\r\n"))
            #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            let mine = shifts.filter { $0[0] == id }
            #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == mine.count)
            for s in mine {
                let start = s[3].replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") + "00"
                let end = s[4].replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") + "00"
                let hash = String(SHA256.hex(Array(id.utf8)).prefix(16))
                #expect(ics.contains("UID:\(s[2].replacingOccurrences(of: "-", with: ""))-\(hash)@shiftwise\r\nSEQUENCE:0\r\n"))
                #expect(ics.contains("DTSTART:\(start)\r\nDTEND:\(end)\r\n"), "\(id) \(s[2])")
            }
        }
    }
}
