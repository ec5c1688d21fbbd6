import Foundation
@testable import Store
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
        #expect(Store.knownMigrations == ["v1", "v2", "v3", "v4", "v5", "v6"])
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

    static func bonusRun(period: String = "2026-11") -> NewRun {
        NewRun(kind: .bonus, name: "plan", parameters: #"{"period":"2026-11"}"#, startedAt: Date(), finishedAt: Date(), outcome: "ok",
               status: "draft", user: "tester", inputs: [], period: period,
               payoutLines: [PayoutLineRecord(agentID: "A001", name: "Sofia", period: period, earningsCode: "BONREV", amount: "600.00", currency: "EUR"),
                             PayoutLineRecord(agentID: "A002", name: "Liam", period: period, earningsCode: "BONQA", amount: "80.50", currency: "EUR")])
    }

    @Test func aBonusRunStoresItsPayoutLines() throws {
        let store = try Store.open(Self.temporaryPath())
        let id = try store.record(Self.bonusRun()) { _ in [] }
        #expect(try store.payoutLines(id) == Self.bonusRun().payoutLines)
        #expect(try store.run(id).summary.period == "2026-11")
    }

    @Test func theDatabaseRefusesChangesToAnApprovedRun() throws {
        let store = try Store.open(Self.temporaryPath())
        let id = try store.record(Self.bonusRun()) { _ in [RunResult(name: "payouts.csv", content: "x")] }
        // A draft can still change (it is not yet money).
        try store.executeRaw("UPDATE payout_lines SET amount = '601.00' WHERE run_id = \(id) AND position = 0")
        try store.executeRaw("UPDATE runs SET status = 'approved' WHERE id = \(id)")
        for sql in ["UPDATE payout_lines SET amount = '9999.00' WHERE run_id = \(id)", "DELETE FROM payout_lines WHERE run_id = \(id)",
                    "INSERT INTO payout_lines VALUES (\(id), 9, 'A009', 'Eve', '2026-11', 'BONREV', '1.00', 'EUR', NULL)",
                    "UPDATE run_results SET content = 'y' WHERE run_id = \(id)", "DELETE FROM run_results WHERE run_id = \(id)",
                    "UPDATE runs SET name = 'other' WHERE id = \(id)", "UPDATE runs SET status = 'draft' WHERE id = \(id)",
                    "UPDATE runs SET status = 'exported', outcome = 'x' WHERE id = \(id)", "DELETE FROM runs WHERE id = \(id)"] {
            #expect(throws: StoreError.self, "\(sql)") { try store.executeRaw(sql) }
        }
        #expect(try store.payoutLines(id).map(\.amount) == ["601.00", "80.50"])
        // The one change allowed: approved → exported; after that nothing moves.
        try store.executeRaw("UPDATE runs SET status = 'exported' WHERE id = \(id)")
        for sql in ["UPDATE runs SET status = 'approved' WHERE id = \(id)", "UPDATE payout_lines SET amount = '0' WHERE run_id = \(id)",
                    "DELETE FROM payout_lines WHERE run_id = \(id)"] {
            #expect(throws: StoreError.self, "\(sql)") { try store.executeRaw(sql) }
        }
        #expect(try store.run(id).summary.status == "exported")
        // Skipping approval is refused too.
        let other = try store.record(Self.bonusRun()) { _ in [] }
        #expect(throws: StoreError.self) { try store.executeRaw("UPDATE runs SET status = 'exported' WHERE id = \(other)") }
    }

    @Test func migratesAVersion1FileToVersion2() throws {
        let path = Self.temporaryPath()
        let old = try Store.open(path, migratingUpTo: "v1")
        try old.executeRaw("""
            INSERT INTO runs (kind, name, parameters, started_at, finished_at, outcome, status, user)
            VALUES ('bonus', 'plan', '{"bom":"false","period":"2026-10"}', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:01.000Z', 'ok', 'draft', 'tester');
            INSERT INTO run_results (run_id, name, content) VALUES (1, 'payouts.csv', 'old');
            """)
        #expect(throws: StoreError.self) { try old.executeRaw("SELECT * FROM payout_lines") }
        let store = try Store.open(path)
        let run = try store.run(1)
        #expect(run.summary.period == "2026-10" && run.summary.status == "draft" && run.results.map(\.content) == ["old"])
        #expect(try store.payoutLines(1).isEmpty)
        let id = try store.record(Self.bonusRun()) { _ in [] }
        let count = try store.payoutLines(id).count
        #expect(id == 2 && count == 2)
    }

    @Test func aDraftComputedBeforeAnotherApprovalCannotBeApproved() throws {
        let store = try Store.open(Self.temporaryPath())
        let first = try store.record(Self.bonusRun()) { _ in [] }
        let second = try store.record(Self.bonusRun()) { _ in [] }
        try store.approve(second, user: "clerk")
        #expect {
            try store.approve(first, user: "clerk")
        } throws: { error in
            "\(error)".contains("run \(first) was computed before run \(second) of 2026-11 was approved")
        }
        #expect(throws: StoreError.self) { try store.approve(second, user: "clerk") }
        // An adjustment settled against the newest approved run can be approved.
        var adjustment = Self.bonusRun()
        adjustment.adjustsRun = second
        let third = try store.record(adjustment) { _ in [] }
        try store.approve(third, user: "clerk")
        #expect(try store.run(third).summary.status == "approved" && store.run(first).summary.status == "draft")
        #expect(try store.audit().filter { $0.what.hasPrefix("approved") }.map(\.runID) == [second, third])
    }

    /// An id is never handed out twice: after the newest run is removed by hand, the next run does
    /// not get its id (without AUTOINCREMENT SQLite would reuse max(id) + 1).
    @Test func runIdsAreNeverReused() throws {
        let store = try Store.open(Self.temporaryPath())
        for _ in 0..<3 { _ = try store.record(Self.newRun()) { _ in [] } }
        try store.executeRaw("""
            DROP TRIGGER audit_no_delete;
            DELETE FROM audit WHERE run_id = 3; DELETE FROM run_inputs WHERE run_id = 3; DELETE FROM run_results WHERE run_id = 3;
            DELETE FROM runs WHERE id = 3;
            """)
        #expect(try store.runs().map(\.id) == [2, 1])
        let next = try store.record(Self.newRun()) { _ in [] }
        #expect(next == 4)
    }

    /// A version 2 file keeps its runs and ids; its approved runs get their approval digest, and the next id continues.
    @Test func migratesAVersion2FileToVersion3() throws {
        let path = Self.temporaryPath()
        let old = try Store.open(path, migratingUpTo: "v2")
        let first = try old.record(Self.bonusRun()) { _ in [] }
        let second = try old.record(Self.bonusRun()) { _ in [] }
        try old.executeRaw("UPDATE runs SET status = 'approved' WHERE id = \(second)")
        let store = try Store.open(path)
        #expect(try store.runs().map(\.id).sorted() == [first, second])
        // The approval covers the lines as they were: export verifies and goes ahead.
        _ = try store.export(second, user: "clerk") { _, lines in "exported \(lines.count)" }
        #expect(try store.run(second).summary.status == "exported")
        // The locks hold after the rebuild.
        #expect(throws: StoreError.self) { try store.executeRaw("UPDATE payout_lines SET amount = '0' WHERE run_id = \(second)") }
        #expect(throws: StoreError.self) { try store.executeRaw("DELETE FROM runs WHERE id = \(second)") }
        let next = try store.record(Self.bonusRun()) { _ in [] }
        #expect(next == 3)
    }

    /// Lines changed behind the locks' back (triggers dropped by hand) are refused at export.
    @Test func exportRefusesLinesChangedSinceApproval() throws {
        let store = try Store.open(Self.temporaryPath())
        let id = try store.record(Self.bonusRun()) { _ in [] }
        try store.approve(id, user: "clerk")
        try store.executeRaw("DROP TRIGGER payout_lines_locked_update; UPDATE payout_lines SET amount = '999.00' WHERE run_id = \(id) AND position = 0")
        var wrote = false
        #expect {
            _ = try store.export(id, user: "clerk") { _, _ in wrote = true; return "x" }
        } throws: { error in
            "\(error)".contains("run \(id)'s stored lines are not the ones approved") && (error as? StoreError)?.isBadInput == true
        }
        #expect(!wrote)
        #expect(try store.run(id).summary.status == "approved")
    }

    /// A version 3 file keeps its runs; an approval made then gets its approver and time from the audit.
    @Test func migratesAVersion3FileToVersion4() throws {
        let path = Self.temporaryPath()
        let old = try Store.open(path, migratingUpTo: "v3")
        let first = try old.record(Self.bonusRun()) { _ in [] }
        // An approval as version 3 made it: the status and the audit entry.
        try old.executeRaw("""
            UPDATE runs SET status = 'approved' WHERE id = \(first);
            INSERT INTO audit (at, who, what, run_id) VALUES ('2026-11-02T09:00:00Z', 'clerk-v3', 'approved payout run \(first) (plan, 2026-11)', \(first))
            """)
        let draft = try old.record(Self.bonusRun()) { _ in [] }
        let store = try Store.open(path)
        let approved = try store.run(first).summary
        #expect(approved.approvedBy == "clerk-v3")
        #expect(approved.approvedAt == "2026-11-02T09:00:00Z")
        #expect(try store.run(draft).summary.approvedBy == nil)
        // The new status is allowed, and the locks hold after the rebuild.
        try store.void(draft, user: "clerk", reason: "wrong metrics file")
        #expect(try store.run(draft).summary.status == "void")
        #expect(throws: StoreError.self) { try store.executeRaw("UPDATE payout_lines SET amount = '0' WHERE run_id = \(first)") }
        #expect(throws: StoreError.self) { try store.executeRaw("UPDATE payout_lines SET amount = '0' WHERE run_id = \(draft)") }
        #expect(try store.record(Self.bonusRun()) { _ in [] } == draft + 1)
    }

    /// The copies of an approved run's inputs are locked like its inputs: none added, changed, deleted or moved onto it.
    @Test func theCopiesOfALockedRunNeverChange() throws {
        let store = try Store.open(Self.temporaryPath())
        var run = Self.bonusRun()
        run.inputs = [RunInput(role: "plan", path: "plan.yaml", sha256: String(repeating: "a", count: 64), content: Array("a: 1\n".utf8)),
                      RunInput(role: "metrics", path: "m.csv", sha256: String(repeating: "b", count: 64), content: nil)]
        let id = try store.record(run) { _ in [] }
        var other = Self.bonusRun(period: "2026-10")
        other.inputs = run.inputs
        let draft = try store.record(other) { _ in [] }
        try store.approve(id, user: "clerk")
        for sql in ["INSERT INTO run_input_copies VALUES (\(id), 1, x'00')", "UPDATE run_input_copies SET content = x'00' WHERE run_id = \(id)",
                    "DELETE FROM run_input_copies WHERE run_id = \(id)",
                    "UPDATE run_input_copies SET run_id = \(id), position = 1 WHERE run_id = \(draft) AND position = 0"] {
            #expect(throws: StoreError.self, "\(sql)") { try store.executeRaw(sql) }
        }
        #expect(try store.run(id).inputs.first?.content == Array("a: 1\n".utf8))
        // A draft's copies can still change (it is not yet money).
        try store.executeRaw("UPDATE run_input_copies SET content = x'00' WHERE run_id = \(draft)")
    }

    /// A version 4 file that cannot be written (an archive) is read as it is: its runs and their inputs show,
    /// without the input copies a version 5 file keeps.
    @Test func readsAVersion4FileReadOnly() throws {
        let path = Self.temporaryPath()
        var run = Self.bonusRun()
        run.inputs = [RunInput(role: "plan", path: "plan.yaml", sha256: String(repeating: "a", count: 64), content: nil)]
        let id = try Store.open(path, migratingUpTo: "v4").record(run) { _ in [RunResult(name: "payouts.csv", content: "x")] }
        let archived = try Store.openReadOnly(path)
        let stored = try archived.run(id)
        #expect(stored.inputs.map(\.role) == ["plan"])
        #expect(stored.inputs.first?.content == nil)
        #expect(stored.results.map(\.name) == ["payouts.csv"])
        #expect(try archived.runs().map(\.id) == [id])
    }

    /// Two plans paying the same period are settled apart: a run of the second plan neither adjusts nor supersedes
    /// the first plan's runs (else it would claw back money the first plan rightly paid).
    @Test func twoPlansOfOnePeriodAreSettledApart() throws {
        let store = try Store.open(Self.temporaryPath())
        var first = Self.bonusRun()
        first.name = "Service Excellence"
        let approved = try store.record(first) { _ in [] }
        try store.approve(approved, user: "clerk")
        var second = Self.bonusRun()
        second.name = "金牌客服"
        second.payoutLines = second.payoutLines.map {
            PayoutLineRecord(agentID: $0.agentID, name: $0.name, period: $0.period, earningsCode: "GOLD" + $0.earningsCode, amount: $0.amount, currency: $0.currency)
        }
        var seen: [Int] = []
        var adjusted: Int? = -1
        let other = try store.recordPayout(second, lines: { locked in
            seen = locked.map(\.summary.id)
            return second.payoutLines
        }, produce: { _, _, adjusts in
            adjusted = adjusts
            return []
        })
        #expect(seen.isEmpty && adjusted == nil, "the other plan's approved run is not this plan's to settle")
        // The same plan again is settled against its approved run.
        let again = try store.recordPayout(first, lines: { locked in
            seen = locked.map(\.summary.id)
            return []
        }, produce: { _, _, adjusts in
            adjusted = adjusts
            return []
        })
        #expect(seen == [approved] && adjusted == approved)
        let listed = Dictionary(uniqueKeysWithValues: try store.payoutRuns().map { ($0.summary.id, $0.listedStatus) })
        #expect(listed[other] == "draft", "a later run of another plan supersedes nothing: \(listed)")
        #expect(listed[again] == "draft")
        try store.approve(other, user: "clerk")
    }

    /// A renamed plan is not a way to pay a month twice: a run of another plan name paying an agent under an earnings code
    /// an approved run of the period already pays is refused at approval, naming both runs; so is a draft that adjusts a run
    /// of another plan (settled before runs were settled per plan).
    @Test func anotherPlanPayingTheSameLinesIsRefused() throws {
        let store = try Store.open(Self.temporaryPath())
        var first = Self.bonusRun()
        first.name = "Service Excellence"
        let approved = try store.record(first) { _ in [] }
        try store.approve(approved, user: "clerk")
        var renamed = first
        renamed.name = "Service Excellence 2026"
        let draft = try store.recordPayout(renamed, lines: { _ in renamed.payoutLines }, produce: { _, _, _ in [] })
        #expect {
            try store.approve(draft, user: "clerk")
        } throws: { error in
            "\(error)".contains("run \(draft) pays BONREV to agent A001, which run \(approved) of plan “Service Excellence” already pays")
        }
        #expect(try store.run(draft).summary.status == "draft")
        var legacy = Self.bonusRun()
        legacy.name = "Another plan"
        legacy.adjustsRun = approved
        legacy.payoutLines = []
        let stale = try store.record(legacy) { _ in [] }
        #expect {
            try store.approve(stale, user: "clerk")
        } throws: { error in
            "\(error)".contains("run \(stale) adjusts run \(approved), which is not an approved run of its plan")
        }
    }

    /// A newer run of a period supersedes its drafts; a void run supersedes nothing; neither can be approved.
    @Test func voidAndSupersededDraftsAreNeverApproved() throws {
        let store = try Store.open(Self.temporaryPath())
        let older = try store.record(Self.bonusRun()) { _ in [] }
        let newer = try store.record(Self.bonusRun()) { _ in [] }
        let otherPeriod = try store.record(Self.bonusRun(period: "2026-10")) { _ in [] }
        func listed() throws -> [Int: String] {
            Dictionary(uniqueKeysWithValues: try store.payoutRuns().map { ($0.summary.id, $0.listedStatus) })
        }
        #expect(try listed() == [older: "superseded", newer: "draft", otherPeriod: "draft"])
        #expect {
            try store.approve(older, user: "clerk")
        } throws: { "\($0)".contains("run \(older) is superseded by run \(newer) of 2026-11 and can never be approved") }

        try store.void(newer, user: "clerk", reason: "metrics file of the wrong team")
        #expect(try listed() == [older: "draft", newer: "void", otherPeriod: "draft"])
        #expect {
            try store.approve(newer, user: "clerk")
        } throws: { "\($0)".contains("run \(newer) is void and can never be approved") }
        #expect { try store.void(newer, user: "clerk", reason: "again") } throws: { "\($0)".contains("already void") }
        // Nothing brings a void run back, not even SQL.
        #expect(throws: StoreError.self) { try store.executeRaw("UPDATE runs SET status = 'draft' WHERE id = \(newer)") }
        #expect(throws: StoreError.self) { try store.executeRaw("DELETE FROM payout_lines WHERE run_id = \(newer)") }

        try store.approve(older, user: "clerk")
        #expect(try store.run(older).summary.approvedBy == "clerk")
        #expect {
            try store.void(older, user: "clerk", reason: "late")
        } throws: { "\($0)".contains("run \(older) is approved and never changes; only a draft can be voided") }
        let voided = try store.audit().filter { $0.what.hasPrefix("voided") }
        #expect(voided.map(\.what) == ["voided payout run \(newer) (plan, 2026-11): metrics file of the wrong team"])
        #expect(voided.map(\.who) == ["clerk"])
    }
}
