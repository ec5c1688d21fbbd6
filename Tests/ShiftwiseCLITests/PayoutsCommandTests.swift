import Foundation
import Store
import Testing
import TestSupport

/// The payout lifecycle end to end: bonus → approve → export.
@Suite struct PayoutsCommandTests {
    static let plan = "scenarios/rules/bonus-2026.yaml"
    static let metrics = "scenarios/data/metrics-2026-11.csv"

    func run(_ args: [String]) throws -> CommandResult { try CommandRunner.run(args, in: Fixtures.packageRoot, environment: ["USER": "payroll-clerk"]) }

    func temp() -> String { NSTemporaryDirectory() + "shiftwise-payouts-" + UUID().uuidString }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func exportingADraftIsRefusedAndApprovedRunsExportTheSameBytesTwice() throws {
        let dir = temp()
        let db = dir + "/payouts.sqlite"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let bonus = try run(["bonus", Self.plan, Self.metrics, "--period", "2026-11", "--out", dir + "/bonus", "--db", db])
        #expect(bonus.status == 0, "\(bonus.stderr)")
        #expect(bonus.stdout.split(separator: "\n").contains("run 1"))

        let draft = try run(["payouts", "export", "1", "--out", dir + "/x", "--db", db])
        #expect(draft.status == 65)
        #expect(draft.stderr.contains("run 1 is a draft: approve it first"), "\(draft.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/x/payroll-1.csv"))

        let approve = try run(["payouts", "approve", "1", "--db", db])
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(approve.stdout == "run 1 approved by payroll-clerk\n")
        // Approving again is refused: the run is already approved, and nothing is written to the audit.
        let again = try run(["payouts", "approve", "1", "--db", db])
        #expect(again.status == 65)
        #expect(again.stderr.contains("run 1 is already approved"), "\(again.stderr)")

        let first = try run(["payouts", "export", "1", "--out", dir + "/e1", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("run 1 exported\n"))
        let second = try run(["payouts", "export", "1", "--out", dir + "/e2", "--db", db])
        #expect(second.status == 0, "\(second.stderr)")
        for name in ["payroll-1.csv", "payroll-1.control.json"] {
            #expect(try bytes(dir + "/e1/" + name) == bytes(dir + "/e2/" + name), "\(name)")
        }
        // The export comes from the stored lines and matches what the bonus run wrote.
        #expect(try bytes(dir + "/e1/payroll-1.csv") == bytes(dir + "/bonus/payouts.csv"))
        // The control files differ only in the approval (a draft has none yet).
        let draftControl = String(decoding: try bytes(dir + "/bonus/control.json"), as: UTF8.self)
        let exportControl = String(decoding: try bytes(dir + "/e1/payroll-1.control.json"), as: UTF8.self)
        #expect(draftControl.contains("\"approved_by\": null"))
        #expect(exportControl.contains("\"approved_by\": \"payroll-clerk\""))
        #expect(exportControl.contains("\"run\": 1,\n  \"period\": \"2026-11\",\n  \"currency\": \"CNY\",\n  \"format\": \"generic\""), "\(exportControl)")
        func withoutApproval(_ text: String) -> [Substring] { text.split(separator: "\n").filter { !$0.contains("approved_") } }
        #expect(withoutApproval(draftControl) == withoutApproval(exportControl))

        let list = try run(["payouts", "list", "--db", db])
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id  period   plan") == true, "\(list.stdout)")
        #expect(lines.count == 2 && lines[1].contains("2026-11") && lines[1].contains("exported"), "\(list.stdout)")

        let audit = try Store.open(db).audit()
        #expect(audit.map(\.what).filter { !$0.hasPrefix("recorded") }.map { String($0.prefix(22)) }
                == ["approved payout run 1 ", "exported payout run 1 ", "exported payout run 1 "], "\(audit)")
        #expect(audit.dropFirst().allSatisfy { $0.who == "payroll-clerk" && $0.runID == 1 })
    }

    @Test func exportDefaultsToThePeriodFolderAndOnlyPayoutRunsQualify() throws {
        let dir = temp()
        let db = dir + "/payouts.sqlite"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let plan = Fixtures.packageRoot + "/" + Self.plan, metrics = Fixtures.packageRoot + "/" + Self.metrics
        #expect(try CommandRunner.run(["bonus", plan, metrics, "--period", "2026-11", "--db", db], in: dir).status == 0)
        #expect(try CommandRunner.run(["payouts", "approve", "1", "--db", db], in: dir).status == 0)
        let export = try CommandRunner.run(["payouts", "export", "1", "--format", "generic", "--bom", "--db", db], in: dir)
        #expect(export.status == 0, "\(export.stderr)")
        let csv = try bytes(dir + "/reports/payouts/2026-11/payroll-1.csv")
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(FileManager.default.fileExists(atPath: dir + "/reports/payouts/2026-11/payroll-1.control.json"))
        #expect(try CommandRunner.run(["payouts", "export", "1", "--format", "sap", "--db", db], in: dir).status == 64)
        #expect(try CommandRunner.run(["payouts", "approve", "7", "--db", db], in: dir).status == 65)
    }

    /// `agent,code → cents` from a payroll CSV.
    func amounts(_ path: String) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\r\n").dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            let amount = cells[4], negative = amount.hasPrefix("-")
            let parts = amount.replacingOccurrences(of: "-", with: "").split(separator: ".")
            let cents = Int(parts[0])! * 100 + Int(parts[1])!
            out[cells[0] + "," + cells[3], default: 0] += negative ? -cents : cents
        }
        return out
    }

    @Test func reRunningAnApprovedPeriodRecordsOnlyTheDifferences() throws {
        let dir = temp()
        let db = dir + "/payouts.sqlite"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(try run(["bonus", Self.plan, Self.metrics, "--period", "2026-11", "--out", dir + "/first", "--db", db]).status == 0)
        #expect(try run(["payouts", "approve", "1", "--db", db]).status == 0)

        // Changed metrics: A001 gets more good reviews, A002 drops out, A999 is new.
        let base = try String(contentsOfFile: Fixtures.packageRoot + "/" + Self.metrics, encoding: .utf8)
        var lines = base.split(separator: "\n").map(String.init)
        lines.removeAll { $0.hasPrefix("A002,") }
        let i = lines.firstIndex { $0.hasPrefix("A001,") }!
        var a001 = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        a001[11] = "41"
        lines[i] = a001.joined(separator: ",")
        lines.append(lines.first { $0.hasPrefix("A003,") }!.replacingOccurrences(of: "A003,", with: "A999,"))
        let changed = dir + "/metrics-changed.csv"
        try (lines.joined(separator: "\n") + "\n").write(toFile: changed, atomically: true, encoding: .utf8)

        let second = try run(["bonus", Self.plan, changed, "--period", "2026-11", "--out", dir + "/second", "--db", db])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("adjustment of run 1"), "\(second.stdout)")
        #expect(second.stdout.split(separator: "\n").contains("run 2"))

        // What the changed metrics pay in full, computed on a database of its own.
        #expect(try run(["bonus", Self.plan, changed, "--period", "2026-11", "--out", dir + "/full", "--db", dir + "/other.sqlite"]).status == 0)
        let paid = try amounts(dir + "/first/payouts.csv"), full = try amounts(dir + "/full/payouts.csv")
        var expected: [String: Int] = [:]
        for key in Set(paid.keys).union(full.keys) {
            let delta = (full[key] ?? 0) - (paid[key] ?? 0)
            if delta != 0 { expected[key] = delta }
        }
        let deltas = try amounts(dir + "/second/payouts.csv")
        #expect(deltas == expected)
        #expect(deltas.count < paid.count / 10, "only the differences, never a second full payment")
        #expect(deltas["A001,BONREV"].map { $0 > 0 } == true)
        let dropped = paid.filter { $0.key.hasPrefix("A002,") }
        #expect(!dropped.isEmpty && dropped.allSatisfy { deltas[$0.key] == -$0.value }, "A002 is paid back in full: \(deltas)")
        #expect(deltas.filter { $0.key.hasPrefix("A999,") }.count > 0 && deltas.filter { $0.key.hasPrefix("A999,") }.allSatisfy { $0.value > 0 })
        let control = try JSONSerialization.jsonObject(with: bytes(dir + "/second/control.json")) as? [String: Any]
        #expect(control?["rows"] as? Int == deltas.count)

        let store = try Store.open(db)
        #expect(try store.run(2).summary.adjustsRun == 1)
        #expect(try store.payoutLines(2).allSatisfy { $0.reason == "recalculation" })
        #expect(try store.payoutLines(1).allSatisfy { $0.reason == nil })

        // Approved and exported, the adjustment pays its deltas; the same metrics again then owe nothing more.
        #expect(try run(["payouts", "approve", "2", "--db", db]).status == 0)
        #expect(try run(["payouts", "export", "2", "--out", dir + "/export", "--db", db]).status == 0)
        #expect(try bytes(dir + "/export/payroll-2.csv") == bytes(dir + "/second/payouts.csv"))
        let third = try run(["bonus", Self.plan, changed, "--period", "2026-11", "--out", dir + "/third", "--db", db])
        #expect(third.stdout.contains("adjustment of run 2"), "\(third.stdout)")
        #expect(try amounts(dir + "/third/payouts.csv").isEmpty)
    }
}
