import ArgumentParser
import Core
import Foundation

/// `--db PATH`, shared by every subcommand: `--db`, else `SHIFTWISE_DB`, else `./shiftwise.sqlite`.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database runs are recorded in (default: $SHIFTWISE_DB, else ./shiftwise.sqlite).",
                                            valueName: "path"))
    var db: String?

    func validate() throws {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(Texts.current(.clDatabase)) }
    }

    /// The database file to use.
    var path: String {
        if let db, !db.isEmpty { return db }
        if let env = ProcessInfo.processInfo.environment["SHIFTWISE_DB"], !env.isEmpty { return env }
        return "./shiftwise.sqlite"
    }
}

/// `--lang en|zh-CN`, shared by every subcommand: `--lang`, else `SHIFTWISE_LANG`, else the `LANG`
/// locale, else English (SPEC §12). An unknown language is a usage error (exit 64).
struct LanguageOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The language of messages and pages: en or zh-CN (default: $SHIFTWISE_LANG, else the LANG locale, else en).",
                                            valueName: "lang"))
    var lang: String?

    func validate() throws {
        do {
            let texts = Texts(try Language.resolve(option: lang, environment: ProcessInfo.processInfo.environment))
            Failure.texts = texts
            Texts.current = texts
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The language to speak (valid once `validate()` passed).
    var language: Language { (try? Language.resolve(option: lang, environment: ProcessInfo.processInfo.environment)) ?? .en }

    var texts: Texts { Texts(language) }
}
