import Core
import Foundation
import GRDB

/// The SQLite database of runs, results and the audit trail (SPEC §9); GRDB stays inside.
///
/// One file in WAL mode, so readers never block the writer; writers from several processes
/// wait for each other up to ``busyTimeout`` instead of failing.
///
///     let store = try Store.open("shiftwise.sqlite")
///     let id = try store.record(run) { id in try writeFiles(run: id) }
public final class Store: Sendable {
    /// How long a writer waits for another process's write transaction before giving up.
    public static let busyTimeout: Double = 10

    /// The database file.
    public let path: String
    let pool: DatabasePool

    private init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Opens (creating when missing) and migrates the database at `path`.
    ///
    /// - Throws: ``StoreError/newerSchema(path:unknown:)`` when the file holds a migration this
    ///   program does not know; other ``StoreError`` cases when it cannot be opened.
    public static func open(_ path: String) throws(StoreError) -> Store {
        try open(path, migratingUpTo: nil)
    }

    /// Opens an existing database for commands that only read: a missing file is not created
    /// (``StoreError/missing(path:)``), and a file the user cannot write (a read-only copy, an
    /// archive) can still be read. A database in an older schema is migrated when it can be written.
    public static func openExisting(_ path: String) throws(StoreError) -> Store {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        try checkLocation(path)
        if FileManager.default.isWritableFile(atPath: path),
           FileManager.default.isWritableFile(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent) {
            return try open(path)
        }
        return try openReadOnly(path)
    }

    /// Opens an existing database read-only, in whatever schema it holds (older ones are not migrated):
    /// the path ``openExisting(_:)`` takes for files the user cannot write.
    static func openReadOnly(_ path: String) throws(StoreError) -> Store {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "shiftwise"
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            let store = Store(path: path, pool: pool)
            let applied: [String] = try pool.read { db in
                guard try db.tableExists("grdb_migrations") else { throw StoreError.foreignDatabase(path: path) }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
            let unknown = applied.filter { !Set(migrator.migrations).contains($0) }
            if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown) }
            return store
        } catch {
            throw translate(error, path: path)
        }
    }

    /// Opens the database at `path` and applies the migrations up to `target` only (all when nil):
    /// for tests that need a file in an older schema.
    public static func open(_ path: String, migratingUpTo target: String?) throws(StoreError) -> Store {
        try checkLocation(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "shiftwise"
        // Switching a fresh file to WAL (`PRAGMA journal_mode = WAL`) reports SQLITE_BUSY at once,
        // without the busy handler, while another process does the same: try again for a while.
        let deadline = Date().addingTimeInterval(busyTimeout)
        var pool: DatabasePool?
        while pool == nil {
            do {
                pool = try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(20_000 + UInt32.random(in: 0..<30_000))
            } catch {
                throw translate(error, path: path)
            }
        }
        guard let pool else { throw StoreError.busy(path: path, seconds: busyTimeout) }
        let store = Store(path: path, pool: pool)
        try store.migrate(upTo: target)
        return store
    }

    /// A database is a regular file (or none yet) in an existing folder: never a device, a folder or a
    /// pipe, beside which SQLite would create its journal files.
    static func checkLocation(_ path: String) throws(StoreError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.notAFile(path: path) }
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw StoreError.noFolder(path: path, folder: folder)
        }
    }

    /// Refuses a newer schema, then applies the migrations this file lacks.
    private func migrate(upTo target: String?) throws(StoreError) {
        let migrator = Self.migrator
        let known = Set(migrator.migrations)
        do {
            let applied: [String] = try pool.read { db in
                guard try db.tableExists("grdb_migrations") else {
                    // A database with tables of its own is someone else's: never add ours to it.
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") ?? 0
                    if tables > 0 { throw StoreError.foreignDatabase(path: path) }
                    return []
                }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            }
            let unknown = applied.filter { !known.contains($0) }
            if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown) }
            // Two processes opening a fresh file can both decide a migration is missing; the
            // loser's migration fails once the winner's commits, and a second look finds it done.
            var attempt = 0
            while true {
                do {
                    if let target { try migrator.migrate(pool, upTo: target) } else { try migrator.migrate(pool) }
                    return
                } catch {
                    attempt += 1
                    if target == nil, try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
                    if attempt >= 3 { throw error }
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Our error for a GRDB or SQLite failure; other errors pass through unchanged.
    static func translate(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else { return .failed(path: path, message: "\(error)") }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path, seconds: busyTimeout)
        default: return .failed(path: path, message: error.message ?? Texts.current(.stSQLiteError))
        }
    }

    /// Runs `body` and rethrows its own errors unchanged, database errors as ``StoreError``.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }
}
