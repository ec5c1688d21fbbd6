import Foundation
import Testing
import TestSupport

/// `payouts statements`: one page per agent whose numbers are the run's payout lines.
@Suite struct StatementsCommandTests {
    func run(_ args: [String]) throws -> CommandResult { try CommandRunner.run(args, in: Fixtures.packageRoot, environment: ["USER": "payroll-clerk"]) }

    /// `1,304.03 CNY` → cents.
    static func cents(_ text: String) -> Int {
        let digits = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " CNY", with: "").replacingOccurrences(of: "−", with: "-")
        let negative = digits.hasPrefix("-")
        let parts = digits.replacingOccurrences(of: "-", with: "").split(separator: ".")
        return (negative ? -1 : 1) * (Int(parts[0])! * 100 + Int(parts[1])!)
    }

    /// The text between `start` and the next `end` after it, for every occurrence.
    static func all(_ html: String, between start: String, and end: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let a = rest.range(of: start), let b = rest[a.upperBound...].range(of: end) {
            out.append(String(rest[a.upperBound..<b.lowerBound]))
            rest = rest[b.upperBound...]
        }
        return out
    }

    @Test func everyStatementAddsUpToThePayoutLines() throws {
        let dir = NSTemporaryDirectory() + "shiftwise-statements-" + UUID().uuidString
        let db = dir + "/p.sqlite"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(try run(["bonus", "scenarios/rules/bonus-2026.yaml", "scenarios/data/metrics-2026-11.csv", "--period", "2026-11",
                         "--out", dir + "/b", "--db", db]).status == 0)
        let r = try run(["payouts", "statements", "1", "--out", dir + "/st", "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        // The oracle: payouts.csv, summed per agent by hand.
        var paid: [String: Int] = [:]
        for line in try String(contentsOfFile: dir + "/b/payouts.csv", encoding: .utf8).split(separator: "\r\n").dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            paid[cells[0], default: 0] += Self.cents(cells[cells.count - 2])
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/st").filter { $0.hasPrefix("statement-") }
        #expect(files.count == 150, "every agent of the run, paid or not")
        for file in files {
            let html = try String(contentsOfFile: dir + "/st/" + file, encoding: .utf8)
            let agent = String(file.dropFirst("statement-".count).dropLast(".html".count))
            let total = try #require(Self.all(html, between: "<div class=\"total\"><span>Total</span><span>", and: "</span>").first)
            #expect(Self.cents(total) == paid[agent] ?? 0, "\(agent)")
            // The lines' amounts add up to the total, and the draft says so.
            let amounts = Self.all(html, between: "<span class=\"amount\">", and: "</span>").map(Self.cents)
            #expect(amounts.reduce(0, +) == paid[agent] ?? 0, "\(agent)")
            #expect(html.contains("Draft — not yet approved"))
            #expect(html.hasPrefix("<!doctype html>") && !html.contains("<script") && !html.contains("http"), "self-contained")
        }
        let a002 = try String(contentsOfFile: dir + "/st/statement-A002.html", encoding: .utf8)
        // Hand-checked against the example's numbers: 115.4 of 160 hours prorate the 300 band.
        #expect(a002.contains("<li>prorated by 115.4/160: 300 × 115.4 / 160 = 216.375, rounded half-up to 2 decimals: 216.38</li>"))
        #expect(a002.contains("<span>1,304.03 CNY</span>"))
        let index = try String(contentsOfFile: dir + "/st/index.html", encoding: .utf8)
        #expect(index.contains("<a href=\"statement-A002.html\">A002</a>"))

        // Approved, the stamp goes and the approver shows; a second run of the period is an adjustment with nothing to pay.
        #expect(try run(["payouts", "approve", "1", "--db", db]).status == 0)
        #expect(try run(["payouts", "statements", "1", "--out", dir + "/st", "--db", db]).status == 0)
        let approved = try String(contentsOfFile: dir + "/st/statement-A002.html", encoding: .utf8)
        #expect(!approved.contains("Draft") && approved.contains("approved by payroll-clerk"))
        #expect(try run(["payouts", "statements", "7", "--db", db]).status == 65)
    }

    /// Hostile ids and names: escaped on the page, never a path.
    @Test func hostileAgentsStayText() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("plan.yaml", RoundingScaleTests.plan.replacingOccurrences(of: "scale: 3", with: "scale: 2"))
        try fixture.write("metrics.csv", """
        agent_id,period,name,hours_worked
        ../evil,2026-11,<script>alert(1)</script>,115.4
        A2,2026-11,"Bo ""the"" & <b>",100.1
        -A9,2026-11,=Minus,160

        """)
        let db = fixture.path("p.sqlite")
        #expect(try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11",
                                       "--out", fixture.path("b"), "--db", db]).status == 0)
        let r = try CommandRunner.run(["payouts", "statements", "1", "--out", fixture.path("st"), "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.path("st")).filter { $0 != ".shiftwise-outputs" }.sorted()
        #expect(files.count == 4 && files.allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") }, "\(files)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("evil.html")))
        let evil = try String(contentsOfFile: fixture.path("st/") + (files.first { $0.hasPrefix("statement-___evil~") } ?? ""), encoding: .utf8)
        #expect(evil.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !evil.contains("<script>"))
        let bo = try String(contentsOfFile: fixture.path("st/statement-A2.html"), encoding: .utf8)
        #expect(bo.contains("Bo &quot;the&quot; &amp; &lt;b&gt;"))
        // An id the detail sheet guards with a `'` is read back as itself, with its total (300 for 160 hours).
        let index = try String(contentsOfFile: fixture.path("st/index.html"), encoding: .utf8)
        #expect(index.contains(">-A9</a></td><td>=Minus</td><td class=\"num\">300.00 CNY</td>"), "\(index)")
    }
}
