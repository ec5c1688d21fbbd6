import ArgumentParser
import Core
import Incentives
import Shiftwise

struct BonusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bonus",
        abstract: "Compute a period's bonuses from a plan and the metrics; explain any agent's payout.",
        discussion: "shiftwise bonus PLAN METRICS --period YYYY-MM   |   shiftwise bonus explain RUN AGENT",
        subcommands: [BonusRunCommand.self, ExplainCommand.self],
        defaultSubcommand: BonusRunCommand.self
    )
}

struct BonusRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Compute a period's bonuses from a plan and the metrics; payroll-ready sheets.",
        discussion: "Writes payouts.csv, payout-detail.csv and control.json, and prints the control totals."
    )

    @Argument(help: "The bonus plan YAML file.")
    var plan: String

    @Argument(help: "The metrics CSV file.")
    var metrics: String

    @Option(name: .long, help: "The pay period, YYYY-MM.")
    var period: String

    @Option(name: .long, help: "An agents CSV: metrics rows for agents not in it are reported as warnings.")
    var agents: String?

    @Option(name: .long, help: "Output folder (default: reports/payouts/<period>/).")
    var out: String?

    @Flag(name: .long, help: "Start the CSV files with a UTF-8 byte-order mark, for spreadsheet users.")
    var bom = false

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        let parts = period.split(separator: "-")
        guard period.count == 7, parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), y > 1900, (1...12).contains(m) else {
            throw ValidationError(Texts.current(.clPeriod))
        }
    }

    func run() throws {
        let outcome = try Failure.report {
            try BonusUseCase.run(planPath: plan, metricsPath: metrics, period: period, agentsPath: agents, outputFolder: out, bom: bom, database: database.path)
        }
        Failure.printWarnings(outcome.warnings)
        let t = language.texts
        print(t(.cliBonusPaid, period, String(Set(outcome.result.lines.map(\.agentID)).count)))
        if let adjusted = outcome.adjustsRun { print(t(.cliBonusAdjustment, String(adjusted), String(outcome.rows))) }
        print(outcome.control)
        print("run \(outcome.run)")
        for file in outcome.files { print(t(.cliWrote, file)) }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one agent's payout in words.",
        discussion: "RUN is a bonus run's id (as `payouts list` shows it) or its output folder (the one holding payout-detail.csv)."
    )

    @Argument(help: ArgumentHelp("The run: a bonus run id in the database, or a bonus output folder.", valueName: "run"))
    var runFolder: String

    @Argument(help: "The agent id.")
    var agent: String

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func run() throws {
        let text = try Failure.report(writes: false) { try ExplainUseCase.run(runFolder: runFolder, agentID: agent, database: database.path, texts: language.texts) }
        print(text)
    }
}
