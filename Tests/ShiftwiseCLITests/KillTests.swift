import Testing
import Foundation
import Store
import TestSupport

/// A command killed (SIGKILL) while it works or writes leaves the database consistent, with no partial run.
@Suite struct KillTests {
    @Test func killedRosterLeavesNoPartialRun() throws {
        let fixture = try ScenarioFixture()
        let db = fixture.path("kill.sqlite")
        let first = try CommandRunner.run(["roster", fixture.scenario, "--db", db, "--out", fixture.path("ok")])
        #expect(first.status == 0, "\(first.stderr)")
        let full = try Store.open(db).run(1).results.count
        #expect(full >= 4)
        // Kill at a spread of moments: while solving, while writing files, while committing.
        var killed = 0
        for (k, delay) in stride(from: 0.02, through: 1.6, by: 0.12).enumerated() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
            process.arguments = ["roster", fixture.scenario, "--db", db, "--out", fixture.path("k\(k)")]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            let store = try Store.open(db)
            #expect(try store.integrityCheck() == "ok")
            for run in try store.runs() {
                #expect(try store.run(run.id).results.count == full, "run \(run.id) is complete")
            }
        }
        #expect(killed > 0, "no process was still running when killed")
    }
}
