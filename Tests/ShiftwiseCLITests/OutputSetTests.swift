import Testing
import Foundation
import Core
import Store
import TestSupport

/// A command's files appear together or not at all, run ids are never reused, and what else the
/// output folder holds is kept.
@Suite struct OutputSetTests {
    /// Starts `arguments` paused at `point`; returns the process and the folder its markers go to.
    func paused(_ arguments: [String], at point: String, db: String) throws -> (Process, String) {
        let markers = NSTemporaryDirectory() + "shiftwise-pause-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: markers, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        process.arguments = arguments + ["--db", db]
        process.environment = ProcessInfo.processInfo.environment.merging(["SHIFTWISE_TEST_PAUSE": point, "SHIFTWISE_TEST_PAUSE_DIR": markers]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, markers)
    }

    /// Waits until `count` processes reached their pause (at most 60 s).
    func waitForMarkers(_ folder: String, count: Int = 1) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let reached = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.filter { $0.hasSuffix(".reached") }.count ?? 0
            if reached >= count { return true }
            usleep(20_000)
        }
        return false
    }

    func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// Killed inside the transaction with every file staged: no file reaches the folder, no run is
    /// recorded, and the next run leaves no staging folder behind.
    @Test func killInsideTheTransactionLeavesNothing() throws {
        let fixture = try ScenarioFixture()
        let db = fixture.path("k.sqlite")
        let out = fixture.path("out")
        let (process, markers) = try paused(["roster", fixture.scenario, "--out", out], at: "in-transaction", db: db)
        #expect(waitForMarkers(markers))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: out), "\(entries(out))")
        #expect(try Store.open(db).runs().isEmpty)
        #expect(entries(fixture.folder).contains { $0.contains(".staging-") }, "the killed command's staging folder is still there")
        let again = try CommandRunner.run(["roster", fixture.scenario, "--out", out, "--db", db])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(!entries(fixture.folder).contains { $0.contains(".staging-") }, "\(entries(fixture.folder))")
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(summary.contains("\"run\": 1,"), "\(summary)")
    }

    /// Killed after the run is committed but before its files are in place: the run stands, the
    /// folder keeps its previous set whole, and the next run gets a new id that its summary names.
    @Test func killAfterCommitNeverReusesTheId() throws {
        let fixture = try ScenarioFixture()
        let db = fixture.path("k.sqlite")
        let out = fixture.path("out")
        let first = try CommandRunner.run(["roster", fixture.scenario, "--out", out, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))
        let (process, markers) = try paused(["roster", fixture.scenario, "--out", out], at: "before-place", db: db)
        #expect(waitForMarkers(markers))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")) == before, "the previous set is untouched")
        #expect(try Store.open(db).runs().map(\.id).sorted() == [1, 2])
        let third = try CommandRunner.run(["roster", fixture.scenario, "--out", out, "--db", db])
        #expect(third.stdout.contains("run 3\n"), "\(third.stdout)")
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(summary.contains("\"run\": 3,"), "\(summary)")
    }

    /// A bonus rerun killed while its files are staged leaves the previous payouts.csv and control.json together.
    @Test func killedBonusRerunKeepsThePreviousSheetsTogether() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("plan.yaml", RoundingScaleTests.plan.replacingOccurrences(of: "scale: 3", with: "scale: 2"))
        try fixture.write("metrics.csv", RoundingScaleTests.metrics)
        let db = fixture.path("b.sqlite")
        let out = fixture.path("pay")
        let args = ["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11", "--out", out]
        #expect(try CommandRunner.run(args + ["--db", db]).status == 0)
        let csv = try Data(contentsOf: URL(fileURLWithPath: out + "/payouts.csv"))
        let control = try Data(contentsOf: URL(fileURLWithPath: out + "/control.json"))
        try fixture.write("metrics.csv", RoundingScaleTests.metrics.replacingOccurrences(of: "115.4", with: "160"))
        let (process, markers) = try paused(args, at: "in-transaction", db: db)
        #expect(waitForMarkers(markers))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/payouts.csv")) == csv)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/control.json")) == control)
        #expect(entries(out) == [".shiftwise-outputs", "control.json", "payout-detail.csv", "payouts.csv"], "no .partial files: \(entries(out))")
    }

    /// A rerun with fewer agents drops the calendars of those who left; other commands' files and the
    /// user's own stay; a comparison of other scenarios drops the subfolders of the old ones.
    @Test func rerunsReplaceTheirOwnFilesAndKeepOthers() throws {
        let fixture = try ScenarioFixture()
        let out = fixture.path("out")
        #expect(try CommandRunner.run(["staff", fixture.scenario, "--out", out]).status == 0)
        #expect(try CommandRunner.run(["roster", fixture.scenario, "--out", out]).status == 0)
        #expect(entries(out + "/calendars") == ["A1.ics", "A2.ics", "A3.ics"])
        try fixture.write("out/notes.txt", "mine")
        let fewer = ScenarioFixture.agents.components(separatedBy: "\n").filter { !$0.hasPrefix("A3,") }.joined(separator: "\n")
        try fixture.write("agents.csv", fewer)
        #expect(try CommandRunner.run(["roster", fixture.scenario, "--out", out]).status == 0)
        #expect(entries(out + "/calendars") == ["A1.ics", "A2.ics"])
        #expect(entries(out).contains("requirements.csv") && entries(out).contains("notes.txt"), "\(entries(out))")
        #expect(try String(contentsOfFile: out + "/notes.txt", encoding: .utf8) == "mine")

        try fixture.write("busier.yaml", CompareCommandTests.busier)
        try fixture.write("other.yaml", "extends: tiny.yaml\nname: other\n")
        let cmp = fixture.path("cmp")
        #expect(try CommandRunner.run(["compare", fixture.scenario, fixture.path("busier.yaml"), "--out", cmp]).status == 0)
        #expect(entries(cmp) == [".shiftwise-outputs", "busier", "compare.csv", "compare.html", "tiny"])
        #expect(try CommandRunner.run(["compare", fixture.scenario, fixture.path("other.yaml"), "--out", cmp]).status == 0)
        #expect(entries(cmp) == [".shiftwise-outputs", "compare.csv", "compare.html", "other", "tiny"])
    }

    /// A folder full of unrelated things (e.g. `--out .` in a project) is refused, not swapped.
    @Test func aCrowdedFolderIsRefused() throws {
        let fixture = try ScenarioFixture()
        let out = fixture.path("busy")
        try FileManager.default.createDirectory(atPath: out + "/many", withIntermediateDirectories: true)
        for k in 0...OutputSet_carryLimit { FileManager.default.createFile(atPath: out + "/many/f\(k)", contents: nil) }
        let r = try CommandRunner.run(["staff", fixture.scenario, "--out", out])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("the folder holds more than 10000 other files and folders; choose a folder of its own with --out"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out + "/requirements.csv"))
        #expect(entries(out + "/many").count == OutputSet_carryLimit + 1)
    }

    /// Four writers released together by a barrier all succeed, with ids 1 to 4.
    @Test func fourWritersReleasedTogetherAllSucceed() throws {
        let fixture = try ScenarioFixture()
        let db = fixture.path("shared.sqlite")
        let markers = NSTemporaryDirectory() + "shiftwise-barrier-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: markers, withIntermediateDirectories: true)
        var processes: [Process] = []
        for k in 0..<4 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
            process.arguments = ["staff", fixture.scenario, "--out", fixture.path("out\(k)"), "--db", db]
            process.environment = ProcessInfo.processInfo.environment.merging(["SHIFTWISE_TEST_PAUSE": "before-record", "SHIFTWISE_TEST_PAUSE_DIR": markers]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            processes.append(process)
        }
        #expect(waitForMarkers(markers, count: 4), "all four are in flight at once")
        FileManager.default.createFile(atPath: markers + "/release", contents: nil)
        for p in processes { p.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        #expect(try Store.open(db).runs().map(\.id).sorted() == [1, 2, 3, 4])
        for k in 0..<4 { #expect(FileManager.default.fileExists(atPath: fixture.path("out\(k)/requirements.csv"))) }
    }

    /// The recorded digest is that of the bytes parsed, not of the file as it is when the run is recorded.
    @Test func inputDigestIsOfTheBytesParsed() throws {
        let fixture = try ScenarioFixture()
        let db = fixture.path("h.sqlite")
        let original = Array(ScenarioFixture.forecast.utf8)
        let (process, markers) = try paused(["staff", fixture.scenario, "--out", fixture.path("out")], at: "before-record", db: db)
        #expect(waitForMarkers(markers))
        try fixture.write("forecast.csv", ScenarioFixture.forecast + "2026-12-02T09:00,5,300\n")
        FileManager.default.createFile(atPath: markers + "/release", contents: nil)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let inputs = try Store.open(db).run(1).inputs
        let forecast = try #require(inputs.first { $0.path.hasSuffix("forecast.csv") })
        #expect(forecast.sha256 == SHA256.hex(original))
    }
}

/// `OutputSet.carryLimit`, written out: the tests do not import Reports.
let OutputSet_carryLimit = 10_000
