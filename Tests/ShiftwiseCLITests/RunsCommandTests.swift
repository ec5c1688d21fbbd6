import Core
import Foundation
import Store
import Testing
import TestSupport

/// Runs recorded in the database end to end: `run N` on stdout, `runs list` and `runs show`.
@Suite struct RunsCommandTests {
    @Test func aRosterRunIsRecordedAndReadBack() throws {
        let fixture = try ScenarioFixture()
        let db = fixture.path("runs.sqlite")
        let roster = try CommandRunner.run(["roster", fixture.scenario, "--out", fixture.path("out"), "--time-limit", "20", "--db", db])
        #expect(roster.status == 0, "\(roster.stderr)")
        #expect(roster.stdout.split(separator: "\n").contains("run 1"))
        let summary = try String(contentsOfFile: fixture.path("out/summary.json"), encoding: .utf8)
        #expect(summary.contains("\n  \"run\": 1,\n"))

        let list = try CommandRunner.run(["runs", "list", "--db", db])
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id  kind    name  started") == true, "\(list.stdout)")
        #expect(lines.count == 2 && lines[1].hasPrefix(" 1  roster  tiny  "), "\(list.stdout)")

        let show = try CommandRunner.run(["runs", "show", "1", "--db", db])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("run 1: roster tiny\n"))
        let scenarioHash = SHA256.hex(Array(try Data(contentsOf: URL(fileURLWithPath: fixture.scenario))))
        #expect(show.stdout.contains(scenarioHash), "\(show.stdout)")
        for text in ["time_limit_seconds  20.0", "roster.csv", "coverage.csv", "summary.json", "status    -"] {
            #expect(show.stdout.contains(text), "missing \(text) in \(show.stdout)")
        }
        let stored = try CommandRunner.run(["runs", "show", "1", "--result", "summary.json", "--db", db])
        #expect(stored.stdout == summary)
    }

    @Test func staffRunsAreNumberedNewestFirstAndSHIFTWISE_DBSelectsTheFile() throws {
        let fixture = try ScenarioFixture()
        let db = fixture.path("runs.sqlite")
        let staff = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("s"), "--db", db])
        #expect(staff.status == 0 && staff.stdout.split(separator: "\n").contains("run 1"), "\(staff.stderr)")
        // SHIFTWISE_DB selects the database when --db is absent.
        let again = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("s")], environment: ["SHIFTWISE_DB": db])
        #expect(again.stdout.split(separator: "\n").contains("run 2"), "\(again.stderr)")
        let list = try CommandRunner.run(["runs", "--db", db])
        #expect(list.stdout.split(separator: "\n").dropFirst().map { $0.prefix(2) } == [" 2", " 1"], "\(list.stdout)")
    }

    @Test func aFailedCommandLeavesNoRun() throws {
        let fixture = try ScenarioFixture(overrides: ["forecast.csv": "start,contacts,aht_seconds\n2026-11-30T09:00,lots,300\n"])
        let db = fixture.path("runs.sqlite")
        let staff = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("out"), "--db", db])
        #expect(staff.status == 65, "\(staff.stderr)")
        #expect(!staff.stdout.contains("run "))
        let store = try Store.open(db)
        #expect(try store.runs().isEmpty)
        #expect(try store.audit().isEmpty)
        let list = try CommandRunner.run(["runs", "list", "--db", db])
        #expect(list.stdout == "no runs recorded in \(db)\n")
    }

    @Test func anUnknownRunExits65() throws {
        let fixture = try ScenarioFixture()
        let db = fixture.path("runs.sqlite")
        #expect(try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("out"), "--db", db]).status == 0)
        let show = try CommandRunner.run(["runs", "show", "9", "--db", db])
        #expect(show.status == 65)
        #expect(show.stderr.contains("the database \(db) has no run 9"), "\(show.stderr)")
    }

    @Test func aDatabaseFromANewerShiftwiseIsRefusedBeforeAnyWork() throws {
        let fixture = try ScenarioFixture()
        let db = fixture.path("newer.sqlite")
        try Store.open(db).executeRaw("INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        let staff = try CommandRunner.run(["staff", fixture.scenario, "--out", fixture.path("out"), "--db", db])
        #expect(staff.status == 65)
        #expect(staff.stderr.contains("the database \(db) was written by a newer Shiftwise (schema v99); use a newer shiftwise or another --db"),
                "\(staff.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out/requirements.csv")))
    }

    @Test func twoWritersAtOnceOnOneFileBothSucceed() throws {
        let fixture = try ScenarioFixture()
        let db = fixture.path("shared.sqlite")
        let results = ResultSlots()
        let scenario = fixture.scenario
        let folder = fixture.folder
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            let r = try? CommandRunner.run(["staff", scenario, "--out", folder + "/out\(k)", "--db", db])
            results.set(k, r)
        }
        for r in results.values {
            #expect(r?.status == 0, "\(r?.stderr ?? "did not run")")
            #expect(r?.stderr.contains("SQLite") == false)
        }
        #expect(try Store.open(db).runs().map(\.id).sorted() == [1, 2, 3, 4])
    }
}

/// Results from concurrent runs, each in its own slot.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [CommandResult?] = Array(repeating: nil, count: 4)

    func set(_ k: Int, _ value: CommandResult?) {
        lock.lock()
        values[k] = value
        lock.unlock()
    }
}
