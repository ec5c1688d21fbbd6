import Testing
import Foundation
import GRDB
import Store
import TestSupport

/// What the commands do with database files that are not theirs, missing, or changed behind their back.
@Suite struct DatabaseFileTests {
    /// A SQLite file with tables of its own is refused (65) and left exactly as it was.
    @Test func aForeignSQLiteFileIsLeftAlone() throws {
        let fixture = try ScenarioFixture()
        let path = fixture.path("crm.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ana')") }
        try queue.close()
        for args in [["runs", "list"], ["payouts", "list"], ["staff", fixture.scenario, "--out", fixture.path("out")]] {
            let r = try CommandRunner.run(args + ["--db", path])
            #expect(r.status == 65, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("\(path) is a SQLite database that Shiftwise did not create; it was left as it is"), "\(r.stderr)")
        }
        let tables = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        #expect(tables == ["customers"])
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")))
    }

    /// Commands that only read never create a database.
    @Test func readingCommandsDoNotCreateADatabase() throws {
        let fixture = try ScenarioFixture()
        let path = fixture.path("none.sqlite")
        let runs = try CommandRunner.run(["runs", "list", "--db", path])
        #expect(runs.status == 0 && runs.stdout == "no runs recorded: there is no database at \(path)\n", "\(runs.stdout)\(runs.stderr)")
        let payouts = try CommandRunner.run(["payouts", "list", "--db", path])
        #expect(payouts.status == 0 && payouts.stdout.hasPrefix("no payout runs recorded: there is no database"), "\(payouts.stdout)")
        let show = try CommandRunner.run(["runs", "show", "3", "--db", path])
        #expect(show.status == 65 && show.stderr.contains("there is no database at \(path)"), "\(show.stderr)")
        let explain = try CommandRunner.run(["bonus", "explain", "3", "A1", "--db", path])
        #expect(explain.status == 65, "\(explain.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// After DROP TRIGGER and an UPDATE of an approved line, export refuses (65) and writes nothing.
    @Test func exportRefusesLinesChangedAfterApproval() throws {
        let fixture = try ScenarioFixture()
        try fixture.write("plan.yaml", RoundingScaleTests.plan.replacingOccurrences(of: "scale: 3", with: "scale: 2"))
        try fixture.write("metrics.csv", RoundingScaleTests.metrics)
        let db = fixture.path("p.sqlite")
        #expect(try CommandRunner.run(["bonus", fixture.path("plan.yaml"), fixture.path("metrics.csv"), "--period", "2026-11",
                                       "--out", fixture.path("b"), "--db", db]).status == 0)
        #expect(try CommandRunner.run(["payouts", "approve", "1", "--db", db]).status == 0)
        try Store.open(db).executeRaw("DROP TRIGGER payout_lines_locked_update; UPDATE payout_lines SET amount = '999.00' WHERE run_id = 1 AND position = 0")
        let r = try CommandRunner.run(["payouts", "export", "1", "--out", fixture.path("pay"), "--db", db])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("run 1's stored lines are not the ones approved (approved: 3 lines, total 466.51; now: 3 lines, total 1249.13)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("pay")))
    }
}
