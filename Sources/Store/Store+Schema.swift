import GRDB

extension Store {
    /// The numbered migrations, oldest first. Never edit a released one: add the next.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('staff', 'roster', 'bonus', 'compare')),
                    name TEXT NOT NULL,
                    parameters TEXT NOT NULL DEFAULT '{}',
                    started_at TEXT NOT NULL,
                    finished_at TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    status TEXT CHECK (status IS NULL OR status IN ('draft', 'approved', 'exported')),
                    user TEXT NOT NULL
                );
                CREATE TABLE run_inputs (
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    position INTEGER NOT NULL,
                    role TEXT NOT NULL,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    PRIMARY KEY (run_id, position)
                );
                CREATE TABLE run_results (
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    name TEXT NOT NULL,
                    content TEXT NOT NULL,
                    PRIMARY KEY (run_id, name)
                );
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    who TEXT NOT NULL,
                    what TEXT NOT NULL,
                    run_id INTEGER REFERENCES runs(id)
                );
                CREATE INDEX audit_run ON audit(run_id);
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit table is append-only: rows cannot be changed'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit table is append-only: rows cannot be deleted'); END;
                """)
        }
        // Payout lines, the period and adjustment link of payout runs, and the lock: rows of an
        // approved or exported run cannot change, and a status moves only draft → approved → exported.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                ALTER TABLE runs ADD COLUMN period TEXT;
                ALTER TABLE runs ADD COLUMN adjusts_run INTEGER REFERENCES runs(id);
                UPDATE runs SET period = json_extract(parameters, '$.period') WHERE kind = 'bonus' AND json_valid(parameters);
                CREATE INDEX runs_period ON runs(period);
                CREATE TABLE payout_lines (
                    run_id INTEGER NOT NULL REFERENCES runs(id),
                    position INTEGER NOT NULL,
                    agent_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    period TEXT NOT NULL,
                    earnings_code TEXT NOT NULL,
                    amount TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    reason TEXT,
                    PRIMARY KEY (run_id, position)
                );
                """)
            try createLockTriggers(db, unchanged: v2Columns, locked: ["approved", "exported"])
        }
        // Run ids are never reused (AUTOINCREMENT: the runs table is rebuilt), and an approval
        // records the count, total and digest of the lines it approved, so an export can verify
        // that nothing changed them since.
        migrator.registerMigration("v3") { db in
            try dropLockTriggers(db)
            try db.execute(sql: """
                CREATE TABLE runs_v3 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('staff', 'roster', 'bonus', 'compare')),
                    name TEXT NOT NULL,
                    parameters TEXT NOT NULL DEFAULT '{}',
                    started_at TEXT NOT NULL,
                    finished_at TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    status TEXT CHECK (status IS NULL OR status IN ('draft', 'approved', 'exported')),
                    user TEXT NOT NULL,
                    period TEXT,
                    adjusts_run INTEGER REFERENCES runs(id),
                    approved_rows INTEGER,
                    approved_total TEXT,
                    approved_sha256 TEXT
                );
                INSERT INTO runs_v3 (id, kind, name, parameters, started_at, finished_at, outcome, status, user, period, adjusts_run)
                    SELECT id, kind, name, parameters, started_at, finished_at, outcome, status, user, period, adjusts_run FROM runs;
                DROP TABLE runs;
                ALTER TABLE runs_v3 RENAME TO runs;
                CREATE INDEX runs_period ON runs(period);
                """)
            // Runs approved before this version: their lines as they are now are what the approval covers.
            let approved = try Int.fetchAll(db, sql: "SELECT id FROM runs WHERE status IN ('approved', 'exported')")
            for id in approved {
                let digest = LinesDigest(try Store.lines(run: id, db: db))
                try db.execute(sql: "UPDATE runs SET approved_rows = ?, approved_total = ?, approved_sha256 = ? WHERE id = ?",
                               arguments: [digest.rows, digest.total, digest.sha256, id])
            }
            try createLockTriggers(db, unchanged: v2Columns + ["approved_rows", "approved_total", "approved_sha256"], locked: ["approved", "exported"])
        }
        // A draft can be voided (status `void`, the reason in the audit), and an approval records who
        // approved and when on the run itself (for the payroll control file); the runs table is rebuilt
        // for the new status, and void runs are locked like approved ones.
        migrator.registerMigration("v4") { db in
            try dropLockTriggers(db)
            try db.execute(sql: """
                CREATE TABLE runs_v4 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('staff', 'roster', 'bonus', 'compare')),
                    name TEXT NOT NULL,
                    parameters TEXT NOT NULL DEFAULT '{}',
                    started_at TEXT NOT NULL,
                    finished_at TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    status TEXT CHECK (status IS NULL OR status IN ('draft', 'approved', 'exported', 'void')),
                    user TEXT NOT NULL,
                    period TEXT,
                    adjusts_run INTEGER REFERENCES runs(id),
                    approved_rows INTEGER,
                    approved_total TEXT,
                    approved_sha256 TEXT,
                    approved_by TEXT,
                    approved_at TEXT
                );
                INSERT INTO runs_v4 (id, kind, name, parameters, started_at, finished_at, outcome, status, user, period, adjusts_run,
                                     approved_rows, approved_total, approved_sha256)
                    SELECT id, kind, name, parameters, started_at, finished_at, outcome, status, user, period, adjusts_run,
                           approved_rows, approved_total, approved_sha256 FROM runs;
                DROP TABLE runs;
                ALTER TABLE runs_v4 RENAME TO runs;
                CREATE INDEX runs_period ON runs(period);
                UPDATE runs SET
                    approved_by = (SELECT who FROM audit WHERE audit.run_id = runs.id AND audit.what LIKE 'approved payout run%' ORDER BY audit.id LIMIT 1),
                    approved_at = (SELECT at FROM audit WHERE audit.run_id = runs.id AND audit.what LIKE 'approved payout run%' ORDER BY audit.id LIMIT 1)
                    WHERE status IN ('approved', 'exported');
                """)
            try createLockTriggers(db, unchanged: v2Columns + ["approved_rows", "approved_total", "approved_sha256", "approved_by", "approved_at"],
                                   locked: ["approved", "exported", "void"])
        }
        // A copy of every input file is kept with its run, so the web pages read a run's scenario as it was.
        migrator.registerMigration("v5") { db in
            try db.execute(sql: """
                CREATE TABLE run_input_copies (
                    run_id INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    content BLOB NOT NULL,
                    PRIMARY KEY (run_id, position),
                    FOREIGN KEY (run_id, position) REFERENCES run_inputs(run_id, position)
                );
                CREATE TRIGGER run_input_copies_locked_update BEFORE UPDATE ON run_input_copies
                WHEN (SELECT status FROM runs WHERE id = OLD.run_id) IN ('approved', 'exported', 'void')
                BEGIN SELECT RAISE(ABORT, 'the run is approved, exported or void and never changes: run_input_copies rows cannot be changed'); END;
                CREATE TRIGGER run_input_copies_locked_delete BEFORE DELETE ON run_input_copies
                WHEN (SELECT status FROM runs WHERE id = OLD.run_id) IN ('approved', 'exported', 'void')
                BEGIN SELECT RAISE(ABORT, 'the run is approved, exported or void and never changes: run_input_copies rows cannot be deleted'); END;
                """)
        }
        // The copies of a locked run's inputs can no more be added than changed, and a copy cannot be moved
        // onto a locked run.
        migrator.registerMigration("v6") { db in
            try db.execute(sql: """
                DROP TRIGGER run_input_copies_locked_update;
                CREATE TRIGGER run_input_copies_locked_update BEFORE UPDATE ON run_input_copies
                WHEN (SELECT status FROM runs WHERE id = OLD.run_id) IN ('approved', 'exported', 'void')
                  OR (SELECT status FROM runs WHERE id = NEW.run_id) IN ('approved', 'exported', 'void')
                BEGIN SELECT RAISE(ABORT, 'the run is approved, exported or void and never changes: run_input_copies rows cannot be changed'); END;
                CREATE TRIGGER run_input_copies_locked_insert BEFORE INSERT ON run_input_copies
                WHEN (SELECT status FROM runs WHERE id = NEW.run_id) IN ('approved', 'exported', 'void')
                BEGIN SELECT RAISE(ABORT, 'the run is approved, exported or void and never changes: run_input_copies rows cannot be added'); END;
                """)
        }
        return migrator
    }


    /// The columns of a run that stay as they were when an approved run is exported (schema v2).
    static let v2Columns = ["id", "kind", "name", "parameters", "started_at", "finished_at", "outcome", "user", "period", "adjusts_run"]

    /// The triggers that lock approved and exported (from v4 also void) runs: `unchanged` are the
    /// run's columns that export keeps, `locked` the statuses whose rows never change.
    static func createLockTriggers(_ db: Database, unchanged columns: [String], locked: [String]) throws {
        let states = "(" + locked.map { "'\($0)'" }.joined(separator: ", ") + ")"
        let words = locked.count > 2 ? "approved, exported or void" : "approved or exported"
        for table in ["payout_lines", "run_results", "run_inputs"] {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_locked_insert BEFORE INSERT ON \(table)
                WHEN (SELECT status FROM runs WHERE id = NEW.run_id) IN \(states)
                BEGIN SELECT RAISE(ABORT, 'the run is \(words) and never changes: \(table) rows cannot be added'); END;
                CREATE TRIGGER \(table)_locked_update BEFORE UPDATE ON \(table)
                WHEN (SELECT status FROM runs WHERE id = OLD.run_id) IN \(states)
                  OR (SELECT status FROM runs WHERE id = NEW.run_id) IN \(states)
                BEGIN SELECT RAISE(ABORT, 'the run is \(words) and never changes: \(table) rows cannot be changed'); END;
                CREATE TRIGGER \(table)_locked_delete BEFORE DELETE ON \(table)
                WHEN (SELECT status FROM runs WHERE id = OLD.run_id) IN \(states)
                BEGIN SELECT RAISE(ABORT, 'the run is \(words) and never changes: \(table) rows cannot be deleted'); END;
                """)
        }
        let unchanged = columns
            .map { "NEW.\($0) IS OLD.\($0)" }.joined(separator: " AND ")
        let voidFlow = locked.contains("void") ? "\n              AND NOT (OLD.status = 'draft' AND NEW.status = 'void')" : ""
        let flowWords = locked.contains("void") ? "draft → approved → exported, or draft → void" : "draft → approved → exported"
        try db.execute(sql: """
            CREATE TRIGGER runs_locked_update BEFORE UPDATE ON runs
            WHEN OLD.status IN \(states)
              AND NOT (OLD.status = 'approved' AND NEW.status = 'exported' AND \(unchanged))
            BEGIN SELECT RAISE(ABORT, 'the run is \(words) and never changes: only approved → exported is allowed'); END;
            CREATE TRIGGER runs_locked_delete BEFORE DELETE ON runs
            WHEN OLD.status IN \(states)
            BEGIN SELECT RAISE(ABORT, 'the run is \(words) and never changes: it cannot be deleted'); END;
            CREATE TRIGGER runs_status_flow BEFORE UPDATE ON runs
            WHEN NEW.status IS NOT OLD.status
              AND NOT (OLD.status = 'draft' AND NEW.status = 'approved')
              AND NOT (OLD.status = 'approved' AND NEW.status = 'exported')\(voidFlow)
            BEGIN SELECT RAISE(ABORT, 'a payout run''s status moves only \(flowWords)'); END;
            """)
    }

    /// Drops every lock trigger, so the runs table can be rebuilt.
    static func dropLockTriggers(_ db: Database) throws {
        var names = ["runs_locked_update", "runs_locked_delete", "runs_status_flow"]
        for table in ["payout_lines", "run_results", "run_inputs"] {
            names += ["insert", "update", "delete"].map { "\(table)_locked_\($0)" }
        }
        for name in names { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
    }

    /// The migration identifiers this program knows, oldest first.
    public static var knownMigrations: [String] { migrator.migrations }
}
