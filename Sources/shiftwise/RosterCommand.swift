import ArgumentParser
import Foundation
import LinearModel
import Shiftwise
import Rostering
import Core

struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "Build next week's roster for every named agent.",
        discussion: "Writes roster.csv, roster-grid.csv, coverage.csv, summary.json, roster.html, calendars/ (and changes.csv with --baseline) into the output folder, all at once when the run is recorded; files of other commands there are kept."
    )

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Output folder (default: reports/<scenario name>/).")
    var out: String?

    @Option(name: .long, help: "Solver time limit in seconds (default: the scenario's solver.time_limit_seconds).")
    var timeLimit: Double?

    @Option(name: .long, help: "Relative MIP gap at which to stop (default: the scenario's solver.mip_gap).")
    var mipGap: Double?

    @Option(name: .customLong("export-lp"), help: "Also write the model in CPLEX LP format to this file.")
    var exportLP: String?

    @Option(name: .long, help: "A roster.csv to stay close to: each agent-day that differs costs costs.change_weight; writes changes.csv.")
    var baseline: String?

    @Option(name: .long, help: "Shifts to keep exactly (roster.csv rows; with a `pinned` column only the rows marked yes); breaks too when given.")
    var pin: String?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit <= 604_800) {
            throw ValidationError(Texts.current(.clTimeLimit, "\(timeLimit)"))
        }
        if let mipGap, !(mipGap >= 0 && mipGap < 1) { throw ValidationError(Texts.current(.clMipGap)) }
    }

    func run() throws {
        let outcome = try Failure.report {
            var options = RosterUseCase.Options(
                outputFolder: out, timeLimitSeconds: timeLimit, mipGap: mipGap, exportLP: exportLP, baseline: baseline, pins: pin, database: database.path,
                progress: { Progress.line($0) },
                searchProgress: { [texts = language.texts] p in
                    let incumbent = p.incumbent.map { String(format: "%.2f", $0) } ?? texts(.progNoneYet)
                    let bound = p.bound.map { String(format: "%.2f", $0) } ?? "–"
                    Progress.live(texts(.progSearching, incumbent, bound, String(format: "%.1f", p.elapsedSeconds)))
                })
            options.texts = language.texts
            return try RosterUseCase.run(scenarioPath: scenario, options: options)

        }
        Progress.finish()
        Failure.printWarnings(outcome.warnings)
        let solution = outcome.solution
        let e = solution.evaluation
        let currency = outcome.scenario.costs.currency
        let t = language.texts
        let status = t.language == .en ? solution.status.rawValue : solution.status == .optimal ? t(.statusOptimal) : t(.statusFeasible)
        print(t(.cliRosterScenario, outcome.scenario.name, String(outcome.scenario.agents.count), String(solution.roster.shifts.count)))
        print(t(.cliRosterStatus, status, String(format: "%.2f", solution.objective), currency, String(format: "%.2f", solution.bound),
                String(format: "%.2f", solution.gap * 100), String(format: "%.1f", solution.solveSeconds)))
        print(t(.cliRosterHours, String(e.paidMinutes / 60), e.labourCost.formatted(places: 2), currency, e.understaffedAgentHours.formatted(places: 1),
                e.serviceLevelWeek.map { t.language == .en ? String(format: "%.1f %%", $0 * 100) : t.percent($0) } ?? t(.notAvailable)))
        print(t(.cliRosterViolations, String(outcome.violations.count)))
        for v in outcome.violations { Failure.printError(v.description) }
        print("run \(outcome.run)")
        for file in outcome.files { print(t(.cliWrote, file)) }
    }
}
