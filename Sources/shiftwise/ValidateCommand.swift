import ArgumentParser
import Core
import Shiftwise

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a roster CSV, possibly edited by hand, against every hard rule.",
        discussion: """
        Lists every violation as file:line:column with a fix and exits 65 if there is any. \
        Also compares coverage.csv (beside the roster, or --coverage) with the coverage the roster gives.
        """
    )

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "The roster CSV to check (agent_id,name,date,start,end,paid_hours,breaks).")
    var roster: String

    @Option(name: .long, help: "The coverage CSV to compare (default: coverage.csv beside the roster, when it exists).")
    var coverage: String?

    @Flag(name: .customLong("no-coverage"), help: "Do not compare any coverage file.")
    var noCoverage = false

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if noCoverage, coverage != nil { throw ValidationError(Texts.current(.clCoverageBoth)) }
    }

    func run() throws {
        let choice: ValidateUseCase.CoverageChoice = noCoverage ? .none : coverage.map { .file($0) } ?? .besideRoster
        let outcome = try Failure.report(writes: false) {
            try ValidateUseCase.run(scenarioPath: scenario, rosterPath: roster, coverage: choice)
        }
        Failure.printWarnings(outcome.scenarioWarnings)
        for finding in outcome.rosterFindings + outcome.coverageFindings { Failure.printError(finding.description) }
        if outcome.rosterHolds {
            if language.language == .en {
                print("roster OK: \(outcome.shiftCount) shift\(outcome.shiftCount == 1 ? "" : "s"), \(outcome.agentCount) agent\(outcome.agentCount == 1 ? "" : "s"); every hard rule holds")
            } else {
                print(language.texts(.cliValidateRoster, String(outcome.shiftCount), String(outcome.agentCount)))
            }
        }
        if outcome.coverageMatches, outcome.coverageIntervals > 0 {
            print(language.texts(.cliValidateCoverage, String(outcome.coverageIntervals)))
        }
        let rosterErrors = outcome.rosterFindings.filter { $0.severity == .error }.count
        let coverageErrors = outcome.coverageFindings.filter { $0.severity == .error }.count
        if rosterErrors > 0 {
            Failure.printError(language.texts(rosterErrors == 1 ? .rvViolation : .rvViolations, String(rosterErrors), outcome.rosterFile))
        }
        if coverageErrors > 0, let file = outcome.coverageFile {
            Failure.printError(language.texts(coverageErrors == 1 ? .rvMismatch : .rvMismatches, String(coverageErrors), file))
        }
        if rosterErrors + coverageErrors > 0 { throw ExitCode(65) }
    }
}
