import Testing
import Foundation
import TestSupport

/// Every command's `--help`, pinned: a change to what users read shows up as a failing test and a
/// reviewed change of the file under Help/.
@Suite struct HelpTextTests {
    static let commands = ["", "forecast", "staff", "roster", "compare", "validate", "bonus", "bonus explain", "runs list", "runs show",
                           "payouts list", "payouts approve", "payouts void", "payouts export", "payouts statements", "qa sample", "qa score", "serve"]

    @Test(arguments: commands)
    func helpIsPinned(command: String) throws {
        let words = command.split(separator: " ").map(String.init)
        let r = try CommandRunner.run(words + ["--help"])
        #expect(r.status == 0)
        let name = (["shiftwise"] + words).joined(separator: "-")
        let pinned = try String(contentsOfFile: Fixtures.packageRoot + "/Tests/ShiftwiseCLITests/Help/\(name).txt", encoding: .utf8)
        #expect(r.stdout == pinned, "`shiftwise \(command) --help` changed; review it and update Help/\(name).txt")
    }

    /// An output folder that cannot serve (a file stands where a folder should) is a usage error before any work.
    @Test func unusableOutputIsAUsageError() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("blocker", "a file, not a folder")
        for out in ["blocker/out", "blocker"] {
            let r = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path(out)])
            #expect(r.status == 64, "\(r.stderr)")
            #expect(r.stderr.contains("\(out): error: cannot write:"), "\(r.stderr)")
        }
        #expect(try String(contentsOfFile: fixture.path("blocker"), encoding: .utf8) == "a file, not a folder")
    }

    /// A write that fails on the way (here GLPK cannot create the LP file in /proc) is exit 70, and nothing is recorded.
    @Test func failedWriteIsExit70() throws {
        let fixture = try ScenarioFixture()
        let db = fixture.path("w.sqlite")
        let r = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out"), "--export-lp", "/proc/model.lp", "--db", db])
        #expect(r.status == 70, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")))
        let runs = try CommandRunner.run(["runs", "list", "--db", db])
        #expect(!runs.stdout.contains("roster"), "\(runs.stdout)")
    }

    /// Without --db and SHIFTWISE_DB the run goes to ./shiftwise.sqlite in the working folder.
    @Test func defaultDatabaseIsInTheWorkingFolder() throws {
        let fixture = try ScenarioFixture()
        let r = try CommandRunner.run(["staff", "tiny.yaml", "--out", "out"], in: fixture.folder, environment: ["SHIFTWISE_DB": ""])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: fixture.path("shiftwise.sqlite")))
        let list = try CommandRunner.run(["runs", "list"], in: fixture.folder, environment: ["SHIFTWISE_DB": ""])
        #expect(list.stdout.contains("staff") && list.stdout.contains("tiny"), "\(list.stdout)")
    }
}
