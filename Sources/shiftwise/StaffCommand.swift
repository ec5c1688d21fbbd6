import ArgumentParser
import Shiftwise

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Turn a scenario's forecast into agents needed per interval (Erlang C or Erlang A).",
        discussion: "Writes requirements.csv into the output folder and prints a short summary."
    )

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Output folder (default: reports/<scenario name>/).")
    var out: String?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func run() throws {
        let outcome = try Failure.report {
            try StaffUseCase.run(scenarioPath: scenario, outputFolder: out, database: database.path)
        }
        Failure.printWarnings(outcome.warnings)
        let peak = outcome.peak
        print("scenario \(outcome.scenarioName): \(outcome.requirements.count) intervals, \(outcome.openIntervals) open")
        print("peak \(peak.agents) agents scheduled\(peak.start.map { " at \($0)" } ?? ""); \(outcome.agentHours) agent-hours required")
        print("run \(outcome.run)")
        for file in outcome.files { print("wrote \(file)") }
    }
}
