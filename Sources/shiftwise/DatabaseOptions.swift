import ArgumentParser
import Foundation

/// `--db PATH`, shared by every subcommand: `--db`, else `SHIFTWISE_DB`, else `./shiftwise.sqlite`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database runs are recorded in (default: $SHIFTWISE_DB, else ./shiftwise.sqlite).",
                                            valueName: "path"))
    var db: String?

    func validate() throws {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--db needs a file name, e.g. --db runs.sqlite") }
    }

    /// The database file to use.
    var path: String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["SHIFTWISE_DB"], !env.isEmpty { return env }
        return "./shiftwise.sqlite"
    }
}
