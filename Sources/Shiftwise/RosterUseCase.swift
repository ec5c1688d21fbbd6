public import Core
public import Staffing
public import Rostering
public import LinearModel
import GLPKSolver
import ScenarioIO
import Reports
import RosterValidation
import Foundation

/// `shiftwise roster`: forecast → requirement → roster of named agents and its reports.
public enum RosterUseCase {
    public struct Options: Sendable {
        public var outputFolder: String?
        public var timeLimitSeconds: Double?
        public var mipGap: Double?
        public var exportLP: String?
        public var progress: (@Sendable (String) -> Void)?
        /// Incumbent and bound as GLPK's branch-and-bound goes.
        public var searchProgress: (@Sendable (SearchProgress) -> Void)?

        public init(outputFolder: String? = nil, timeLimitSeconds: Double? = nil, mipGap: Double? = nil, exportLP: String? = nil,
                    progress: (@Sendable (String) -> Void)? = nil, searchProgress: (@Sendable (SearchProgress) -> Void)? = nil) {
            self.searchProgress = searchProgress
            self.outputFolder = outputFolder
            self.timeLimitSeconds = timeLimitSeconds
            self.mipGap = mipGap
            self.exportLP = exportLP
            self.progress = progress
        }
    }

    public struct Outcome: Sendable {
        public let scenario: Scenario
        public let requirements: [IntervalRequirement]
        public let solution: RosterSolver.Solution
        public let warnings: [Diagnostic]
        public let files: [String]
        /// Hard-rule violations the independent checker found in the written roster (none expected).
        public let violations: [Diagnostic]
    }

    public static func run(scenarioPath: String, options: Options) throws -> Outcome {
        let loaded = try ScenarioLoader.load(scenarioPath)
        let scenario = loaded.scenario
        let requirements = StaffingCalculator.requirements(for: scenario)
        let solution = try RosterSolver.solve(
            scenario: scenario, requirements: requirements,
            timeLimitSeconds: options.timeLimitSeconds ?? scenario.solver.timeLimitSeconds.doubleValue,
            mipGap: options.mipGap ?? scenario.solver.mipGap.doubleValue, exportLP: options.exportLP,
            progress: { options.progress?($0) }, searchProgress: options.searchProgress)
        let written = try writeReports(scenario: scenario, solution: solution, folder: options.outputFolder ?? "reports/\(scenario.name)")
        return Outcome(scenario: scenario, requirements: requirements, solution: solution, warnings: loaded.warnings, files: written.files,
                       violations: written.violations)
    }

    /// Writes every roster output into `folder` after the independent checker has counted the
    /// hard-rule violations of the roster as written; each file appears whole or not at all.
    public static func writeReports(scenario: Scenario, solution: RosterSolver.Solution, folder path: String) throws
        -> (files: [String], violations: [Diagnostic]) {
        let roster = solution.roster
        let rosterCSV = RosterSheets.roster(roster, scenario: scenario)
        let folder = OutputFolder(path)
        let sheet = try RosterSheetReader.parse(rosterCSV.text, file: folder.path + "/roster.csv")
        let violations = (sheet.diagnostics + RosterValidator.validate(sheet.sheet, scenario: scenario)).filter { $0.severity == .error }

        try folder.prepare()
        let summary = RosterSummary(
            run: nil, scenario: scenario.name, status: solution.status.rawValue, objective: solution.objective, bound: solution.bound,
            gap: solution.gap, solveSeconds: solution.solveSeconds, currency: scenario.costs.currency, evaluation: solution.evaluation,
            grid: scenario.grid, hardRuleViolations: violations.count, agents: scenario.agents.count, shifts: roster.shifts.count, terms: solution.terms,
            model: (solution.modelSize.variables, solution.modelSize.constraints))
        var files: [String] = []
        files.append(try folder.write("roster.csv", bytes: rosterCSV.bytes))
        files.append(try folder.write("roster-grid.csv", bytes: RosterSheets.grid(roster, scenario: scenario).bytes))
        files.append(try folder.write("coverage.csv", bytes: RosterSheets.coverage(solution.evaluation, scenario: scenario).bytes))
        files.append(try folder.write("summary.json", text: summary.json))
        files.append(try folder.write("roster.html", text: RosterPage.html(summary: summary, roster: roster, scenario: scenario)))
        for (a, agent) in scenario.agents.enumerated() {
            try folder.write("calendars/" + AgentCalendar.fileName(for: agent.id), text: AgentCalendar.ics(agentIndex: a, roster: roster, scenario: scenario))
        }
        files.append(folder.path + "/calendars/")
        return (files, violations)
    }
}

/// Why no roster came out.
public enum RosterFailure: Error, CustomStringConvertible {
    case noRoster(status: SolveStatus)
    case infeasible([String])

    public var description: String {
        switch self {
        case .noRoster(let status): "the solver found no roster (\(status.rawValue)); raise --time-limit"
        case .infeasible(let reasons): "the hard rules contradict each other:\n" + reasons.map { "  " + $0 }.joined(separator: "\n")
        }
    }
}
