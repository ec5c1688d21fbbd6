import Foundation
import GRDB

extension Store {
    /// Records `run` in one write transaction: the run row gets its id, `produce` runs with that id
    /// (it writes the output files and returns their texts), then inputs, results and an audit
    /// entry are inserted and the transaction commits.
    ///
    /// If `produce` throws, nothing is recorded and its error is rethrown unchanged. While
    /// `produce` runs, other writers wait (up to ``busyTimeout``), so keep it to writing files.
    ///
    /// - Returns: The new run's id.
    /// - Throws: `produce`'s error, or a ``StoreError``.
    public func record(_ run: NewRun, produce: (Int) throws -> [RunResult]) throws -> Int {
        try guarded {
            try pool.write { db in try Self.insert(run, db: db, produce: produce) }
        }
    }

    /// Records a payout run for `run.period` in one IMMEDIATE write transaction, settled against what is already locked:
    /// `lines` gets every approved or exported bonus run of the same plan (`run.name`) and period (oldest first, with
    /// their lines: two plans paying one period are settled apart) and returns the
    /// lines to store; when any exist the new run is an adjustment run whose `adjustsRun` is the newest of them.
    /// `produce` then gets the new id, the stored lines and the adjusted run, and writes the files.
    ///
    /// If `lines` or `produce` throws, nothing is recorded and the error is rethrown unchanged.
    public func recordPayout(_ run: NewRun, lines: ([PayoutRun]) throws -> [PayoutLineRecord],
                             produce: (_ id: Int, _ lines: [PayoutLineRecord], _ adjustsRun: Int?) throws -> [RunResult]) throws -> Int {
        try guarded {
            var id = 0
            try immediate { db in
                let locked = try Row.fetchAll(db, sql: """
                    SELECT * FROM runs WHERE kind = 'bonus' AND period IS ? AND name IS ? AND status IN ('approved', 'exported') ORDER BY id
                    """, arguments: [run.period, run.name]).map { row in
                    let summary = Self.summary(row)
                    return PayoutRun(summary: summary, lines: try Self.lines(run: summary.id, db: db))
                }
                var settled = run
                settled.payoutLines = try lines(locked)
                settled.adjustsRun = locked.last?.summary.id
                id = try Self.insert(settled, db: db) { id in try produce(id, settled.payoutLines, settled.adjustsRun) }
            }
            return id
        }
    }

    /// Inserts the run, its inputs and lines, `produce`'s results and an audit entry; returns the id.
    static func insert(_ run: NewRun, db: Database, produce: (Int) throws -> [RunResult]) throws -> Int {
        try db.execute(
            sql: """
            INSERT INTO runs (kind, name, parameters, started_at, finished_at, outcome, status, user, period, adjusts_run)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            arguments: [run.kind.rawValue, run.name, run.parameters, StoreClock.text(run.startedAt), StoreClock.text(run.finishedAt),
                        run.outcome, run.status, run.user, run.period, run.adjustsRun])
        let id = Int(db.lastInsertedRowID)
        for (position, input) in run.inputs.enumerated() {
            try db.execute(sql: "INSERT INTO run_inputs (run_id, position, role, path, sha256) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, position, input.role, input.path, input.sha256])
            if let content = input.content {
                try db.execute(sql: "INSERT INTO run_input_copies (run_id, position, content) VALUES (?, ?, ?)",
                               arguments: [id, position, Data(content)])
            }
        }
        try insertLines(run.payoutLines, run: id, db: db)
        let results = try produce(id)
        for result in results {
            try db.execute(sql: "INSERT INTO run_results (run_id, name, content) VALUES (?, ?, ?)",
                           arguments: [id, result.name, result.content])
        }
        let adjusting = run.adjustsRun.map { ", adjusting run \($0)" } ?? ""
        try db.execute(sql: "INSERT INTO audit (at, who, what, run_id) VALUES (?, ?, ?, ?)",
                       arguments: [StoreClock.text(Date()), run.user, "recorded \(run.kind.rawValue) run \(id) (\(run.name))\(adjusting)", id])
        return id
    }

    /// Every run, newest first.
    public func runs() throws(StoreError) -> [RunSummary] {
        do {
            return try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY id DESC").map(Self.summary)
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// One run with its inputs and results.
    ///
    /// - Throws: ``StoreError/unknownRun(path:id:)`` when there is no such run.
    public func run(_ id: Int) throws(StoreError) -> StoredRun {
        let found: StoredRun?
        do {
            found = try pool.read { db -> StoredRun? in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE id = ?", arguments: [id]) else { return nil }
                // A read-only database in a schema before v5 has no copies (it cannot be migrated).
                let copies = try db.tableExists("run_input_copies")
                let inputs = try Row.fetchAll(db, sql: copies ? """
                    SELECT role, path, sha256, content FROM run_inputs LEFT JOIN run_input_copies USING (run_id, position)
                    WHERE run_id = ? ORDER BY position
                    """ : "SELECT role, path, sha256, NULL AS content FROM run_inputs WHERE run_id = ? ORDER BY position", arguments: [id])
                    .map { row in
                        RunInput(role: row["role"], path: row["path"], sha256: row["sha256"], content: (row["content"] as Data?).map { [UInt8]($0) })
                    }
                let results = try Row.fetchAll(db, sql: "SELECT name, content FROM run_results WHERE run_id = ? ORDER BY name", arguments: [id])
                    .map { RunResult(name: $0["name"], content: $0["content"]) }
                return StoredRun(summary: Self.summary(row), parameters: row["parameters"], inputs: inputs, results: results)
            }
        } catch {
            throw Self.translate(error, path: path)
        }
        guard let found else { throw StoreError.unknownRun(path: path, id: id) }
        return found
    }

    /// The parameters (JSON) of the newest run of `kind` that stored a result `name` with exactly
    /// `content` (e.g. the roster run that wrote a `--baseline` roster); nil when none did.
    public func parametersOfNewestRun(kind: RunKind, result name: String, content: String) throws(StoreError) -> String? {
        do {
            return try pool.read { db -> String? in
                try String.fetchOne(db, sql: """
                    SELECT runs.parameters FROM run_results JOIN runs ON runs.id = run_results.run_id
                    WHERE runs.kind = ? AND run_results.name = ? AND run_results.content = ? ORDER BY runs.id DESC LIMIT 1
                    """, arguments: [kind.rawValue, name, content])
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// The audit trail, oldest first.
    public func audit() throws(StoreError) -> [AuditEntry] {
        do {
            return try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id").map {
                    AuditEntry(id: $0["id"], at: $0["at"], who: $0["who"], what: $0["what"], runID: $0["run_id"])
                }
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Runs raw SQL outside any of the store's rules, for tests of what the database itself refuses.
    ///
    /// - Throws: ``StoreError/failed(path:message:)`` with SQLite's message when it refuses.
    public func executeRaw(_ sql: String) throws(StoreError) {
        do {
            try pool.write { try $0.execute(sql: sql) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// SQLite's own consistency check: `ok`, or what it found.
    public func integrityCheck() throws(StoreError) -> String {
        do {
            let rows = try pool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
            return rows.joined(separator: "; ")
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// A payout run's stored lines, in their order.
    ///
    /// - Throws: ``StoreError/unknownRun(path:id:)`` when there is no such run.
    public func payoutLines(_ id: Int) throws(StoreError) -> [PayoutLineRecord] {
        _ = try run(id)
        do {
            return try pool.read { db in try Self.lines(run: id, db: db) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    static func insertLines(_ lines: [PayoutLineRecord], run id: Int, db: Database) throws {
        // One statement, compiled once, for every line (a run of 100,000 agents has some 300,000).
        let insert = try db.makeStatement(sql: """
            INSERT INTO payout_lines (run_id, position, agent_id, name, period, earnings_code, amount, currency, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, l) in lines.enumerated() {
            try insert.execute(arguments: [id, position, l.agentID, l.name, l.period, l.earningsCode, l.amount, l.currency, l.reason])
        }
    }

    static func lines(run id: Int, db: Database) throws -> [PayoutLineRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM payout_lines WHERE run_id = ? ORDER BY position", arguments: [id]).map {
            PayoutLineRecord(agentID: $0["agent_id"], name: $0["name"], period: $0["period"], earningsCode: $0["earnings_code"], amount: $0["amount"],
                             currency: $0["currency"], reason: $0["reason"])
        }
    }

    static func summary(_ row: Row) -> RunSummary {
        RunSummary(id: row["id"], kind: RunKind(rawValue: row["kind"]) ?? .staff, name: row["name"], startedAt: row["started_at"],
                   finishedAt: row["finished_at"], outcome: row["outcome"], status: row["status"], user: row["user"], period: row["period"],
                   adjustsRun: row["adjusts_run"], approvedBy: row["approved_by"], approvedAt: row["approved_at"])
    }
}
