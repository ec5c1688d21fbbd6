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
        #expect(try bytes(dir + "/e1/payroll-1.control.json") == bytes(dir + "/bonus/control.json"))

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
}
