import Core
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
        #expect(first.stdout.contains("run 1 exported as generic\n"), "\(first.stdout)")
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
        func withoutApproval(_ text: String) -> [Substring] { text.split(separator: "\n").filter { !$0.contains("approved_") && !$0.contains("\"file\"") } }
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

    /// Every profile from the example map: exit 0, CRLF, the same total as the run, its own control file.
    @Test func everyProfileAddsUpToTheRunsTotal() throws {
        let dir = temp()
        let db = dir + "/payouts.sqlite"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(try run(["bonus", Self.plan, Self.metrics, "--period", "2026-11", "--out", dir + "/bonus", "--db", db]).status == 0)
        #expect(try run(["payouts", "approve", "1", "--db", db]).status == 0)
        let generic = try JSONSerialization.jsonObject(with: bytes(dir + "/bonus/control.json")) as? [String: Any]
        let files = ["adp": "adp-1/PR3ABEPI.csv", "paychex": "payroll-1-paychex.csv", "gusto": "payroll-1-gusto.csv"]
        for (format, name) in files.sorted(by: { $0.key < $1.key }) {
            let r = try run(["payouts", "export", "1", "--format", format, "--map", "scenarios/payroll-map.yaml", "--out", dir + "/pay", "--db", db])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            let data = try bytes(dir + "/pay/" + name)
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(format) ends every line in CRLF")
            let control = try JSONSerialization.jsonObject(with: bytes(dir + "/pay/payroll-1-\(format).control.json")) as? [String: Any]
            #expect(control?["total"] as? String == generic?["total"] as? String, "\(format)")
            #expect(control?["format"] as? String == format)
            #expect(control?["file"] as? String == name)
            #expect(control?["sha256"] as? String == SHA256.hex([UInt8](data)))
            // The total read back from the file itself, in cents.
            var cents = 0
            let lines = text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let header = lines[0]
            for cells in lines.dropFirst() {
                for (k, column) in header.enumerated() where ["Earnings 3 Amount", "Amount", "bonus", "commission"].contains(column) && !cells[k].isEmpty {
                    let parts = cells[k].replacingOccurrences(of: "-", with: "").split(separator: ".")
                    cents += (cells[k].hasPrefix("-") ? -1 : 1) * (Int(parts[0])! * 100 + Int(parts[1])!)
                }
            }
            let total = (generic?["total"] as? String ?? "").split(separator: ".")
            #expect(cents == Int(total[0])! * 100 + Int(total[1])!, "\(format)")
        }
        // The exports of one run sit side by side in one folder (ADP's file in a folder of the run, so runs never collide).
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir + "/pay")).isSuperset(of: ["adp-1", "payroll-1-paychex.csv", "payroll-1-gusto.csv"]))
    }

    /// A map the target cannot take: every offender named, exit 65, nothing written, the run still approved.
    @Test func preflightWritesNothing() throws {
        let dir = temp()
        let db = dir + "/payouts.sqlite"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(try run(["bonus", Self.plan, Self.metrics, "--period", "2026-11", "--out", dir + "/bonus", "--db", db]).status == 0)
        #expect(try run(["payouts", "approve", "1", "--db", db]).status == 0)
        let map = try String(contentsOfFile: Fixtures.packageRoot + "/scenarios/payroll-map.yaml", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  A003:") && !$0.hasPrefix("  A004:") }
            .joined(separator: "\n").replacingOccurrences(of: "adp: \"RV\"", with: "adp: \"REV\"")
        try map.write(toFile: dir + "/map.yaml", atomically: true, encoding: .utf8)
        let r = try run(["payouts", "export", "1", "--format", "adp", "--map", dir + "/map.yaml", "--out", dir + "/pay", "--db", db])
        #expect(r.status == 65)
        #expect(r.stderr.contains("agent A003 (Xin García) is paid in run 1 but is not under `employees`"), "\(r.stderr)")
        #expect(r.stderr.contains("agent A004"), "\(r.stderr)")
        #expect(r.stderr.contains("the ADP earnings code `REV` is not one ADP takes"), "\(r.stderr)")
        #expect(r.stderr.contains("3 problems found; nothing was written"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/pay"))
        #expect(try Store.open(db).run(1).summary.status == "approved")
        // Usage: a profile without a map, a map for the generic CSV; a map that is not there.
        #expect(try run(["payouts", "export", "1", "--format", "gusto", "--db", db]).status == 64)
        #expect(try run(["payouts", "export", "1", "--map", dir + "/map.yaml", "--db", db]).status == 64)
        #expect(try run(["payouts", "export", "1", "--format", "gusto", "--map", dir + "/none.yaml", "--db", db]).status == 66)
    }

    /// A second run of a period supersedes the first draft; void retires a draft; neither can be approved.
    @Test func supersededAndVoidDraftsFromTheCommandLine() throws {
        let dir = temp()
        let db = dir + "/payouts.sqlite"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for k in 1...2 {
            #expect(try run(["bonus", Self.plan, Self.metrics, "--period", "2026-11", "--out", dir + "/b\(k)", "--db", db]).status == 0)
        }
        let list = try run(["payouts", "list", "--db", db]).stdout
        #expect(list.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("1 ") && $0.contains("superseded") && $0.contains("by run 2") }, "\(list)")
        let refused = try run(["payouts", "approve", "1", "--db", db])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("run 1 is superseded by run 2 of 2026-11 and can never be approved"), "\(refused.stderr)")
        #expect(try run(["payouts", "void", "2", "--db", db]).status == 64, "a reason is required")
        // The audit takes the reason as one line of plain text, at most 500 characters (the web's rule too).
        for bad in ["two\nlines", "tab\there", "\u{202E}reversed", String(repeating: "x", count: 501)] {
            let refused = try run(["payouts", "void", "2", "--reason", bad, "--db", db])
            #expect(refused.status == 64 && refused.stderr.contains("reason"), "\(bad.debugDescription): \(refused.stderr)")
        }
        let void = try run(["payouts", "void", "2", "--reason", "metrics of the wrong month", "--db", db])
        #expect(void.status == 0, "\(void.stderr)")
        #expect(void.stdout == "run 2 voided by payroll-clerk: metrics of the wrong month\n")
        #expect(try run(["payouts", "approve", "2", "--db", db]).stderr.contains("run 2 is void and can never be approved"))
        #expect(try run(["payouts", "approve", "1", "--db", db]).status == 0)
        let after = try run(["payouts", "list", "--db", db]).stdout.split(separator: "\n")
        #expect(after.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("2 ") && $0.contains("void") }
                && after.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("1 ") && $0.contains("approved") }, "\(after)")
        #expect(try Store.open(db).audit().contains { $0.what == "voided payout run 2 (Service Excellence, 2026-11): metrics of the wrong month" && $0.who == "payroll-clerk" })
    }
}
