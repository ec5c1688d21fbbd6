import ArgumentParser
import Core
import Shiftwise

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "What has been run: inputs with their hashes, parameters and results.",
        subcommands: [RunsListCommand.self, RunsShowCommand.self],
        defaultSubcommand: RunsListCommand.self
    )
}

struct RunsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the recorded runs, newest first.")

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func run() throws {
        print(try Failure.report(writes: false) { try RunsUseCase.list(database: database.path) }, terminator: "")
    }
}

struct RunsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one run: inputs with hashes, parameters, stored results and status.",
        discussion: "With --result NAME, prints that stored result (e.g. summary.json) as it was written."
    )

    @Argument(help: ArgumentHelp("The run id, as `runs list` shows it.", valueName: "run"))
    var runID: Int

    @Option(name: .long, help: "Print this stored result's text instead of the overview.")
    var result: String?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if runID < 1 { throw ValidationError(Texts.current(.clRunID)) }
    }

    func run() throws {
        print(try Failure.report(writes: false) { try RunsUseCase.show(database: database.path, run: runID, result: result) }, terminator: "")
    }
}
