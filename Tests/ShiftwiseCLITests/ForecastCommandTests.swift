import Foundation
import Testing
import TestSupport

/// `shiftwise forecast` end to end on the shipped eight weeks of history.
@Suite struct ForecastCommandTests {
    static let history = "scenarios/data/history-2026-10-05.csv"

    func run(_ args: [String]) throws -> CommandResult { try CommandRunner.run(args, in: Fixtures.packageRoot) }
    func temp() -> String { NSTemporaryDirectory() + "shiftwise-forecast-" + UUID().uuidString }
    func rows(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func forecastIsAlignedInsideTheWeekAndNeverNegative() throws {
        let dir = temp()
        let r = try run(["forecast", Self.history, "--week", "2026-11-30", "--out", dir])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("forecast for the week of 2026-11-30 from 56 days of history (2026-10-05 to 2026-11-29, 30-minute intervals)"))
        let f = try rows(dir + "/forecast.csv")
        #expect(f.count == 336)
        for (k, row) in f.enumerated() {
            let minute = (k % 48) * 30
            let expected = String(format: "2026-%02d-%02dT%02d:%02d", k / 48 == 0 ? 11 : 12, k / 48 == 0 ? 30 : k / 48, minute / 60, minute % 60)
            #expect(row[0] == expected, "row \(k)")
            let contacts = try #require(Double(row[1])), aht = try #require(Double(row[2]))
            #expect(contacts >= 0 && (contacts == 0 || aht > 0), "row \(k): \(row)")
        }
        // The desk is closed before 07:00 and from 22:00 in every week of the history: so is the forecast.
        #expect(f.filter { $0[0].hasSuffix("T06:30") || $0[0].hasSuffix("T22:00") }.allSatisfy { $0[1] == "0.00" })
        let accuracy = try rows(dir + "/accuracy.csv")
        #expect(accuracy.map(\.[0]) == ["2026-11-02", "2026-11-02", "2026-11-09", "2026-11-09", "2026-11-16", "2026-11-16", "2026-11-23", "2026-11-23", "all", "all"])
        #expect(Set(accuracy.map(\.[1])) == ["trimmed_mean_8_weeks", "seasonal_naive"])
        let html = try String(contentsOfFile: dir + "/forecast.html", encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("class=\"back\"") && html.contains("class=\"fc\"") && !html.contains("<script"))
        // Same inputs, same bytes.
        let again = temp()
        #expect(try run(["forecast", Self.history, "--week", "2026-11-30", "--out", again]).status == 0)
        for name in ["forecast.csv", "accuracy.csv", "forecast.html"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)) == Data(contentsOf: URL(fileURLWithPath: again + "/" + name)), "\(name)")
        }
    }

    /// `adjust` scales exactly its day; `exclude` changes only the forecast of that weekday.
    @Test func specialDaysApplied() throws {
        let plain = temp(), adjusted = temp(), excluded = temp()
        try FileManager.default.createDirectory(atPath: adjusted, withIntermediateDirectories: true)
        try "date,kind,factor\n2026-12-04,adjust,1.5\n".write(toFile: adjusted + ".csv", atomically: true, encoding: .utf8)
        try "date,kind,factor\n2026-11-11,exclude,\n".write(toFile: excluded + ".csv", atomically: true, encoding: .utf8)
        #expect(try run(["forecast", Self.history, "--week", "2026-11-30", "--out", plain]).status == 0)
        #expect(try run(["forecast", Self.history, "--week", "2026-11-30", "--special", adjusted + ".csv", "--out", adjusted + "/o"]).status == 0)
        #expect(try run(["forecast", Self.history, "--week", "2026-11-30", "--special", excluded + ".csv", "--out", excluded + "/o"]).status == 0)
        let p = try rows(plain + "/forecast.csv"), a = try rows(adjusted + "/o/forecast.csv"), e = try rows(excluded + "/o/forecast.csv")
        for k in 0..<336 {
            let base = Double(p[k][1])!
            if p[k][0].hasPrefix("2026-12-04") {
                #expect(abs(Double(a[k][1])! - 1.5 * base) <= 0.0126, "\(p[k][0]) (both rounded to 2 decimals)")
            } else {
                #expect(a[k][1] == p[k][1])
            }
            if !p[k][0].hasPrefix("2026-12-02") { #expect(e[k][1] == p[k][1], "only Wednesday sees 11-11 (\(p[k][0]))") }
        }
        #expect((0..<336).contains { p[$0][0].hasPrefix("2026-12-02") && e[$0][1] != p[$0][1] }, "leaving 11-11 out changes Wednesday")
        // A special day on the wrong side of the week is a located error.
        try "date,kind,factor\n2026-11-11,adjust,2\n2026-12-01,exclude,\n2026-12-02,boost,2\n".write(toFile: excluded + "-bad.csv", atomically: true, encoding: .utf8)
        let bad = try run(["forecast", Self.history, "--week", "2026-11-30", "--special", excluded + "-bad.csv", "--out", temp()])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("-bad.csv:4:12: error: kind `boost` is not `exclude` or `adjust`"), "\(bad.stderr)")
    }

    @Test func badHistoryGivesLocatedErrors() throws {
        let dir = temp()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Fixtures.packageRoot + "/" + Self.history, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        // One week only.
        try (lines.prefix(1 + 7 * 30).joined(separator: "\n") + "\n").write(toFile: dir + "/week.csv", atomically: true, encoding: .utf8)
        let week = try run(["forecast", dir + "/week.csv", "--week", "2026-10-12", "--out", dir + "/o1"])
        #expect(week.status == 65)
        #expect(week.stderr.contains("the history holds 7 days before 2026-10-12; at least two whole weeks (14 days) are needed"), "\(week.stderr)")
        // A row off the grid (mixed interval lengths), on line 5.
        var mixed = lines
        mixed[4] = mixed[4].replacingOccurrences(of: "T08:30", with: "T08:45")
        try (mixed.joined(separator: "\n") + "\n").write(toFile: dir + "/mixed.csv", atomically: true, encoding: .utf8)
        let m = try run(["forecast", dir + "/mixed.csv", "--week", "2026-11-30", "--out", dir + "/o2"])
        #expect(m.status == 65)
        #expect(m.stderr.contains("mixed.csv:5:1: error: start 2026-10-05T08:45 is not on the 30-minute grid of the other rows"), "\(m.stderr)")
        // Ten days without a row in the middle.
        let gap = lines.filter { line in !(10...19).contains { line.hasPrefix(String(format: "2026-10-%02d", $0)) } }
        try (gap.joined(separator: "\n") + "\n").write(toFile: dir + "/gap.csv", atomically: true, encoding: .utf8)
        let g = try run(["forecast", dir + "/gap.csv", "--week", "2026-11-30", "--out", dir + "/o3"])
        #expect(g.status == 65)
        #expect(g.stderr.contains("the history has no rows from 2026-10-10 to 2026-10-19"), "\(g.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/o1") && !FileManager.default.fileExists(atPath: dir + "/o2"))
        // Usage: the week must be a Monday.
        #expect(try run(["forecast", Self.history, "--week", "2026-12-01"]).status == 64)
        #expect(try run(["forecast", dir + "/none.csv", "--week", "2026-11-30"]).status == 66)
    }
}
