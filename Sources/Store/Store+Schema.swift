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
        return migrator
    }

    /// The migration identifiers this program knows, oldest first.
    public static var knownMigrations: [String] { migrator.migrations }
}
