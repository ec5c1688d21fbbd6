import ArgumentParser
import Core
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
        let t = language.texts
        print(t(.cliStaffScenario, outcome.scenarioName, String(outcome.requirements.count), String(outcome.openIntervals)))
        print(t(.cliStaffPeak, String(peak.agents), peak.start.map { t(.cliStaffPeakAt, "\($0)") } ?? "", "\(outcome.agentHours)"))
        print("run \(outcome.run)")
        for file in outcome.files { print(t(.cliWrote, file)) }
    }
}
