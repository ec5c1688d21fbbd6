import Foundation
import Store
import Testing

@Suite struct StoreTests {
    static func temporaryPath() -> String {
        let dir = NSTemporaryDirectory() + "shiftwise-store-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/test.sqlite"
    }

    static func newRun(_ kind: RunKind = .roster) -> NewRun {
        NewRun(kind: kind, name: "w49", parameters: #"{"mip_gap":"0.01"}"#, startedAt: Date(timeIntervalSince1970: 1_800_000_000),
               finishedAt: Date(timeIntervalSince1970: 1_800_000_004.5), outcome: "optimal", status: nil, user: "tester",
               inputs: [RunInput(role: "scenario", path: "w49.yaml", sha256: String(repeating: "a", count: 64))])
    }

    @Test func migratesAnEmptyFileToTheKnownSchema() throws {
        let path = Self.temporaryPath()
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try Store.open(path)
        #expect(try store.runs().isEmpty)
        #expect(Store.knownMigrations == ["v1"])
        // Opening again is a no-op.
        _ = try Store.open(path)
    }

    @Test func refusesADatabaseWithAnUnknownNewerMigration() throws {
        let path = Self.temporaryPath()
        try Store.open(path).executeRaw("INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        #expect {
            _ = try Store.open(path)
        } throws: { error in
            guard let error = error as? StoreError, case .newerSchema(_, let unknown) = error else { return false }
            return unknown == ["v99"] && error.isBadInput
                && error.description == "the database \(path) was written by a newer Shiftwise (schema v99); use a newer shiftwise or another --db"
        }
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let path = Self.temporaryPath()
        try Data(String(repeating: "not sqlite at all ", count: 20).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { _ = try Store.open(path) }
    }

    @Test func recordsARunWithInputsResultsAndAnAuditEntry() throws {
        let store = try Store.open(Self.temporaryPath())
        let id = try store.record(Self.newRun()) { id in [RunResult(name: "summary.json", content: "{\"run\": \(id)}\n")] }
        #expect(id == 1)
        let run = try store.run(id)
        #expect(run.summary.kind == .roster && run.summary.name == "w49" && run.summary.outcome == "optimal" && run.summary.user == "tester")
        #expect(run.summary.durationSeconds == 4.5)
        #expect(run.inputs == Self.newRun().inputs)
        #expect(run.results == [RunResult(name: "summary.json", content: "{\"run\": 1}\n")])
        #expect(run.parameters == #"{"mip_gap":"0.01"}"#)
        let audit = try store.audit()
        #expect(audit.count == 1 && audit[0].runID == 1 && audit[0].who == "tester")
        #expect(try store.runs().map(\.id) == [1])
    }

    @Test func aFailureWhileProducingLeavesNoRun() throws {
        struct Boom: Error {}
        let store = try Store.open(Self.temporaryPath())
        #expect(throws: Boom.self) { _ = try store.record(Self.newRun()) { _ in throw Boom() } }
        #expect(try store.runs().isEmpty)
        #expect(try store.audit().isEmpty)
    }

    @Test func unknownRunIsABadInputError() throws {
        let store = try Store.open(Self.temporaryPath())
        #expect {
            _ = try store.run(7)
        } throws: { error in
            guard let error = error as? StoreError, case .unknownRun(_, 7) = error else { return false }
            return error.isBadInput
        }
    }

    @Test func theDatabaseRefusesUpdateAndDeleteOnAudit() throws {
        let store = try Store.open(Self.temporaryPath())
        _ = try store.record(Self.newRun()) { _ in [] }
        for sql in ["UPDATE audit SET who = 'mallory'", "DELETE FROM audit"] {
            #expect {
                try store.executeRaw(sql)
            } throws: { error in
                "\(error)".contains("append-only")
            }
        }
        #expect(try store.audit().map(\.who) == ["tester"])
    }
}
