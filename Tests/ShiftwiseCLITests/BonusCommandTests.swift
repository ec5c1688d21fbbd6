import Testing
import Foundation
import TestSupport

/// `shiftwise bonus` and `bonus explain` end to end on the example plan and metrics.
@Suite struct BonusCommandTests {
    static let plan = "scenarios/rules/bonus-2026.yaml"
    static let metrics = "scenarios/data/metrics-2026-11.csv"

    func run(_ args: [String]) throws -> CommandResult { try CommandRunner.run(args, in: Fixtures.packageRoot) }

    func temp() -> String { NSTemporaryDirectory() + "shiftwise-bonus-" + UUID().uuidString }

    @Test func payoutSheetAddsUpToTheCent() throws {
        let out = temp()
        let r = try run(["bonus", Self.plan, Self.metrics, "--period", "2026-11", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try String(contentsOfFile: out + "/payouts.csv", encoding: .utf8)
        let rows = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        // Sum in cents, as integers, from the file itself.
        var cents = 0
        var byCode: [String: Int] = [:]
        for row in rows {
            let amount = row[row.count - 2]
            let parts = amount.split(separator: ".")
            #expect(parts.count == 2 && parts[1].count == 2, "amount \(amount) has two decimals")
            let c = Int(parts[0].replacingOccurrences(of: "-", with: ""))! * 100 + Int(parts[1])!
            let signed = amount.hasPrefix("-") ? -c : c
            cents += signed
            byCode[row[row.count - 3], default: 0] += signed
        }
        let control = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/control.json"))) as? [String: Any]
        #expect(control?["rows"] as? Int == rows.count)
        #expect(control?["total"] as? String == String(format: "%d.%02d", cents / 100, cents % 100))
        let codes = control?["totals_by_earnings_code"] as? [String: String] ?? [:]
        #expect(codes.count == byCode.count)
        for (code, c) in byCode { #expect(codes[code] == String(format: "%d.%02d", c / 100, c % 100)) }
        #expect(r.stdout.contains("control: \(rows.count) rows"))
    }

    @Test func sameInputsSameBytes() throws {
        let a = temp(), b = temp()
        _ = try run(["bonus", Self.plan, Self.metrics, "--period", "2026-11", "--out", a])
        _ = try run(["bonus", Self.plan, Self.metrics, "--period", "2026-11", "--out", b])
        for name in ["payouts.csv", "payout-detail.csv", "control.json"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: a + "/" + name)) == Data(contentsOf: URL(fileURLWithPath: b + "/" + name)), "\(name)")
        }
    }

    @Test func explainTellsTheWorking() throws {
        let out = temp()
        _ = try run(["bonus", Self.plan, Self.metrics, "--period", "2026-11", "--out", out])
        let r = try run(["bonus", "explain", out, "A002"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("good_reviews (BONREV): good_reviews 46 reached band ≥ 20"))
        // Every printed step recomputes by hand: 300 × 115.4 = 34620, / 160 = 216.375, half-up to 2 decimals = 216.38.
        #expect(r.stdout.contains("contacts_per_hour ≈ 9.5667 reached band ≥ 8: 300.00; prorated by 115.4/160: 300 × 115.4 / 160 = 216.375, rounded half-up to 2 decimals: 216.38"),
                "\(r.stdout)")
        #expect(!r.stdout.contains("0.7212"))
        let unknown = try run(["bonus", "explain", out, "A02"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("did you mean A002?"))
    }

    @Test func explainReadsARunFromTheDatabase() throws {
        let out = temp()
        let db = out + ".sqlite"
        #expect(try run(["bonus", Self.plan, Self.metrics, "--period", "2026-11", "--out", out, "--db", db]).status == 0)
        let byID = try run(["bonus", "explain", "1", "A002", "--db", db])
        #expect(byID.status == 0, "\(byID.stderr)")
        #expect(byID.stdout == (try run(["bonus", "explain", out, "A002"])).stdout)
        let unknown = try run(["bonus", "explain", "1", "A02", "--db", db])
        #expect(unknown.status == 65 && unknown.stderr.contains("did you mean A002?"), "\(unknown.stderr)")
        let missing = try run(["bonus", "explain", "9", "A002", "--db", db])
        #expect(missing.status == 65 && missing.stderr.contains("has no run 9"), "\(missing.stderr)")
    }

    @Test func badMetricsFilesAreReportedWithLineAndFix() throws {
        let fixture = try ScenarioFixture()
        let plan = Fixtures.packageRoot + "/" + Self.plan
        let base = try String(contentsOfFile: Fixtures.packageRoot + "/" + Self.metrics, encoding: .utf8)
        // A missing column the plan needs.
        try fixture.write("nocol.csv", base.replacingOccurrences(of: ",qa_score,", with: ",qa_scor,"))
        let missing = try CommandRunner.run(["bonus", plan, fixture.path("nocol.csv"), "--period", "2026-11"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("nocol.csv:1"), "\(missing.stderr)")
        #expect(missing.stderr.contains("qa_score"))
        // A non-number and a duplicate agent, reported together.
        var lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: ",2026-11,", with: ",2026-11,").replacingOccurrences(of: ",170.0,", with: ",lots,")
        lines[3] = lines[2]
        try fixture.write("bad.csv", lines.joined(separator: "\n"))
        let bad = try CommandRunner.run(["bonus", plan, fixture.path("bad.csv"), "--period", "2026-11", "--out", fixture.path("o")])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("bad.csv:2:"), "\(bad.stderr)")
        #expect(bad.stderr.contains("bad.csv:4:1"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("o/payouts.csv")))
        // An agent the agents file does not know is a warning, and is still paid.
        try fixture.write("known.csv", "agent_id,name,contract,hourly_cost\nA001,Sofia,full-time,30\n")
        let warn = try CommandRunner.run(["bonus", plan, Fixtures.packageRoot + "/" + Self.metrics, "--period", "2026-11", "--agents", fixture.path("known.csv"),
                                          "--out", fixture.path("w")])
        #expect(warn.status == 0, "\(warn.stderr)")
        #expect(warn.stderr.contains("warning"))
        #expect(warn.stderr.contains("A002"))
    }

    @Test func planErrorsAndPeriods() throws {
        let fixture = try ScenarioFixture()
        let planText = try String(contentsOfFile: Fixtures.packageRoot + "/" + Self.plan, encoding: .utf8)
        try fixture.write("p.yaml", planText.replacingOccurrences(of: "{from: 10, amount: 600}, {from: 12", with: "{from: 13, amount: 600}, {from: 12"))
        let unsorted = try CommandRunner.run(["bonus", fixture.path("p.yaml"), Fixtures.packageRoot + "/" + Self.metrics, "--period", "2026-11"])
        #expect(unsorted.status == 65)
        #expect(unsorted.stderr.contains("p.yaml:"), "\(unsorted.stderr)")
        let outside = try run(["bonus", Self.plan, Self.metrics, "--period", "2027-01", "--out", temp()])
        #expect(outside.status == 65)
        #expect(outside.stderr.contains("effective"), "\(outside.stderr)")
        #expect(try run(["bonus", Self.plan, Self.metrics, "--period", "2026-13"]).status == 64)
        #expect(try run(["bonus", "nowhere.yaml", Self.metrics, "--period", "2026-11"]).status == 66)
    }
}
