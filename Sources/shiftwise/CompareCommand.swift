import ArgumentParser
import Core
import Foundation
import Rostering
import ScenarioIO
import Shiftwise

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Roster several scenarios side by side: cost, service level, hours.",
        discussion: """
        Writes compare.csv and compare.html into the output folder, and each scenario's own roster reports \
        in a folder named after it beside them. Scenarios are solved in parallel, up to the number of cores.
        """
    )

    @Argument(help: "Scenario YAML files.")
    var scenarios: [String]

    @Option(name: .long, help: "One variant per value of a numeric key, e.g. staffing.service_level=0.7,0.8,0.9.")
    var vary: String?

    @Option(name: .long, help: "Output folder (default: reports/compare/).")
    var out: String?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError(Texts.current(.clNameScenario)) }
        if scenarios.count == 1 && vary == nil { throw ValidationError(Texts.current(.clCompareTwo)) }
        if let vary {
            do { _ = try CompareUseCase.Variation(vary) } catch { throw ValidationError(error.description) }
        }
    }

    func run() throws {
        let variation = try vary.map { text -> CompareUseCase.Variation in
            do { return try CompareUseCase.Variation(text) } catch { throw ValidationError("\(error)") }
        }
        let outcome = try Failure.report {
            try CompareUseCase.run(scenarioPaths: scenarios, variation: variation, outputFolder: out, database: database.path, texts: language.texts,
                                   progress: { Progress.line($0) })
        }
        Failure.printWarnings(outcome.warnings)
        let width = max(24, outcome.columns.map { $0.name.count }.max() ?? 0)
        let t = language.texts
        print(Self.row(t(.cliCompareHeader).split(separator: "|").map(String.init), nameWidth: width))
        for c in outcome.columns {
            let m = c.measures
            print(Self.row([c.name, m.labourCost.formatted(places: 2), m.paidHours.formatted(places: 1), m.understaffedAgentHours.formatted(places: 1),
                            m.serviceLevelWeek.map { t.language == .en ? String(format: "%.1f %%", $0 * 100) : t.percent($0) } ?? t(.notAvailable),
                            t.language == .en ? String(format: "%.2f %%", m.solverGap * 100) : t.percent(m.solverGap, places: 2)],
                           nameWidth: width))
        }
        print(t(.cliCompareDone, String(outcome.columns.count), String(format: "%.1f", outcome.wallSeconds)))
        print("run \(outcome.run)")
        for file in outcome.files { print(t(.cliWrote, file)) }
    }

    /// One line of the terminal table: the name left-aligned, the numbers right-aligned in fixed widths.
    static func row(_ cells: [String], nameWidth: Int) -> String {
        let widths = [13, 8, 8, 8, 9]
        var line = cells[0] + String(repeating: " ", count: max(0, nameWidth - cells[0].count))
        for (cell, width) in zip(cells.dropFirst(), widths) {
            line += " " + String(repeating: " ", count: max(0, width - cell.count)) + cell
        }
        return line
    }
}
