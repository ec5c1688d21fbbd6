import ArgumentParser
import Core
import Foundation
import Reports
import Shiftwise

struct PayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payouts",
        abstract: "Payout runs: list them, approve or void a draft, export an approved run for payroll.",
        discussion: """
            States: draft → approved → exported, or draft → void. An approved run never changes; running `bonus` again for its \
            period records an adjustment run. A draft that a newer run of its period supersedes is listed `superseded`; neither \
            a superseded nor a void run can be approved.
            """,
        subcommands: [PayoutsListCommand.self, PayoutsApproveCommand.self, PayoutsVoidCommand.self, PayoutsExportCommand.self, PayoutsStatementsCommand.self],
        defaultSubcommand: PayoutsListCommand.self
    )
}

struct PayoutsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the bonus runs, newest first, with status, rows and total.")

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func run() throws {
        print(try Failure.report(writes: false) { try PayoutsUseCase.list(database: database.path) }, terminator: "")
    }
}

struct PayoutsApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a draft payout run; from then on it never changes.",
        discussion: "Approving a run that is already approved or exported is refused (exit 65)."
    )

    @Argument(help: ArgumentHelp("The run id, as `payouts list` shows it.", valueName: "run"))
    var runID: Int

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if runID < 1 { throw ValidationError(Texts.current(.clRunID)) }
    }

    func run() throws {
        print(try Failure.report { try PayoutsUseCase.approve(database: database.path, run: runID) }, terminator: "")
    }
}

struct PayoutsVoidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void",
        abstract: "Retire a draft payout run for good, with a reason.",
        discussion: "The audit records the OS user and the reason. Approved and exported runs never change and cannot be voided (exit 65)."
    )

    @Argument(help: ArgumentHelp("The run id, as `payouts list` shows it.", valueName: "run"))
    var runID: Int

    @Option(name: .long, help: "Why the run is voided (recorded in the audit).")
    var reason: String

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if runID < 1 { throw ValidationError(Texts.current(.clRunID)) }
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError(Texts.current(.clReason)) }
    }

    func run() throws {
        print(try Failure.report { try PayoutsUseCase.void(database: database.path, run: runID, reason: reason) }, terminator: "")
    }
}

struct PayoutsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an approved run's payroll file and control file.",
        discussion: """
            generic writes payroll-<run>.csv; adp PR<co code>EPI.csv (ADP Workforce Now paydata); paychex payroll-<run>-paychex.csv \
            (Paychex Flex SPI); gusto payroll-<run>-gusto.csv (Gusto payroll CSV upload); each with its control file. adp, paychex \
            and gusto need --map. Every line and map value is checked first: an offender is named, exit 65, nothing written. \
            Exporting again gives the same bytes. A draft is refused (exit 65).
            """
    )


    @Argument(help: ArgumentHelp("The run id, as `payouts list` shows it.", valueName: "run"))
    var runID: Int

    @Option(name: .long, help: "Output folder (default: reports/payouts/<period>/).")
    var out: String?

    @Option(name: .long, help: "The payroll format: generic, adp, paychex or gusto.")
    var format: FormatArgument = .generic

    @Option(name: .long, help: ArgumentHelp("Who each agent is in the payroll system and what each earnings code is called there (YAML).", valueName: "file"))
    var map: String?

    @Flag(name: .long, help: "Start the CSV with a UTF-8 byte-order mark, for spreadsheet users.")
    var bom = false

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if runID < 1 { throw ValidationError(Texts.current(.clRunID)) }
        if format != .generic, map == nil { throw ValidationError(Texts.current(.clFormatMap, format.rawValue, format.format.displayName)) }
        if format == .generic, map != nil { throw ValidationError(Texts.current(.clMapGeneric)) }
    }

    func run() throws {
        let outcome = try Failure.report {
            try PayoutsUseCase.export(database: database.path, run: runID, outputFolder: out, bom: bom, format: format.format, mapPath: map)
        }
        print(outcome.control)
        let t = language.texts
        print(outcome.firstExport ? t(.cliExported, String(runID), format.rawValue) : t(.cliExportedAgain, String(runID), format.rawValue))
        for file in outcome.files { print(t(.cliWrote, file)) }
    }
}

struct PayoutsStatementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statements",
        abstract: "Write one printable bonus statement (奖金明细) per agent, with the working of every line.",
        discussion: """
            Writes statement-<agent>.html per agent and index.html into the output folder (default \
            reports/payouts/<period>/statements-<run>/): self-contained pages, printable on A4. A draft, superseded or void run's \
            statements say so on the page. For an adjustment run, only the agents it pays, with what was paid before.
            """
    )

    @Argument(help: ArgumentHelp("The run id, as `payouts list` shows it.", valueName: "run"))
    var runID: Int

    @Option(name: .long, help: "Output folder (default: reports/payouts/<period>/statements-<run>/).")
    var out: String?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if runID < 1 { throw ValidationError(Texts.current(.clRunID)) }
    }

    func run() throws {
        let outcome = try Failure.report { try StatementsUseCase.write(database: database.path, run: runID, outputFolder: out, texts: language.texts) }
        print(language.texts(.cliStatements, String(outcome.agents), String(runID)))
        print(language.texts(.cliStatementsWrote, outcome.folder, String(outcome.agents)))
    }
}

/// `--format` as the command line reads it.
enum FormatArgument: String, ExpressibleByArgument, CaseIterable {
    case generic, adp, paychex, gusto

    var format: PayrollFormat { PayrollFormat(rawValue: rawValue) ?? .generic }
}
