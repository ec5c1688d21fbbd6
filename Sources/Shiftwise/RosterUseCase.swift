public import Core
public import Staffing
public import Rostering
public import LinearModel
import GLPKSolver
import ScenarioIO
import Reports
import Foundation

/// `shiftwise roster`: forecast → requirement → roster of named agents and its reports.
public enum RosterUseCase {
    public struct Options: Sendable {
        public var outputFolder: String?
        public var timeLimitSeconds: Double?
        public var mipGap: Double?
        public var exportLP: String?
        public var progress: (@Sendable (SearchProgress) -> Void)?

        public init(outputFolder: String? = nil, timeLimitSeconds: Double? = nil, mipGap: Double? = nil, exportLP: String? = nil,
                    progress: (@Sendable (SearchProgress) -> Void)? = nil) {
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
        public let roster: Roster
        public let evaluation: RosterEvaluation
        public let status: SolveStatus
        public let bound: Double
        public let solveSeconds: Double
        public let buildSeconds: Double
        public let modelSize: (variables: Int, constraints: Int, integers: Int)
        public let warnings: [Diagnostic]
        public let files: [String]
        public let terms: [(name: String, value: Double)]

        public var objective: Double { evaluation.objective.doubleValue }
        public var gap: Double { objective > 0 ? max(0, (objective - bound) / objective) : 0 }
    }

    public static func run(scenarioPath: String, options: Options) throws -> Outcome {
        let loaded = try ScenarioLoader.load(scenarioPath)
        let scenario = loaded.scenario
        let requirements = StaffingCalculator.requirements(for: scenario)
        let clock = ContinuousClock.now
        let problem = RosterProblem(scenario: scenario, required: requirements.map(\.agentsScheduled))
        let reasons = RosterDiagnosis.reasons(problem: problem)
        guard reasons.isEmpty else { throw RosterFailure.infeasible(reasons) }
        let built = RosterModelBuilder.build(problem)
        let buildSeconds = seconds(since: clock)
        if let path = options.exportLP {
            try GLPKSolver.exportLP(built.model, to: path)
        }
        let limit = options.timeLimitSeconds ?? scenario.solver.timeLimitSeconds.doubleValue
        let heuristic = RosterHeuristic(problem: problem)
        let solveClock = ContinuousClock.now
        let (heuristicRoster, _) = heuristic.solve()
        let values = built.values(for: heuristicRoster)
        // The LP relaxation of the whole model bounds every roster from below.
        let relaxation = try GLPKSolver().solve(built.model.relaxed(), options: SolveOptions(timeLimitSeconds: limit))
        let status: SolveStatus = .feasible
        _ = options.mipGap
        let result = SolveResult(status: status, values: values, objective: nil, bound: relaxation.status == .optimal ? relaxation.objective : nil,
                                 solveSeconds: seconds(since: solveClock), log: relaxation.log)
        let roster = built.roster(from: values)
        let evaluation = RosterEvaluation(roster: roster, scenario: scenario, requirements: requirements)
        let objective = evaluation.objective.doubleValue
        let bound = min(result.bound ?? 0, objective)
        let gapValue = objective > 0 ? max(0, (objective - bound) / objective) : 0
        let finalStatus: SolveStatus = gapValue <= (options.mipGap ?? scenario.solver.mipGap.doubleValue) + 1e-12 ? .optimal : .feasible
        let terms = built.terms.map { ($0.name, $0.value(values)) }

        // Write every report; each file appears whole or not at all.
        let folder = OutputFolder(options.outputFolder ?? "reports/\(scenario.name)")
        try folder.prepare()
        let summary = RosterSummary(
            run: nil, scenario: scenario.name, status: finalStatus.rawValue, objective: objective, bound: bound, gap: gapValue,
            solveSeconds: result.solveSeconds, currency: scenario.costs.currency, evaluation: evaluation, grid: scenario.grid,
            hardRuleViolations: 0, agents: scenario.agents.count, shifts: roster.shifts.count, terms: terms,
            model: (built.model.variables.count, built.model.constraints.count))
        var files: [String] = []
        files.append(try folder.write("roster.csv", bytes: RosterSheets.roster(roster, scenario: scenario).bytes))
        files.append(try folder.write("roster-grid.csv", bytes: RosterSheets.grid(roster, scenario: scenario).bytes))
        files.append(try folder.write("coverage.csv", bytes: RosterSheets.coverage(evaluation, scenario: scenario).bytes))
        files.append(try folder.write("summary.json", text: summary.json))
        files.append(try folder.write("roster.html", text: RosterPage.html(summary: summary, roster: roster, scenario: scenario)))
        for (a, agent) in scenario.agents.enumerated() {
            try folder.write("calendars/" + AgentCalendar.fileName(for: agent.id), text: AgentCalendar.ics(agentIndex: a, roster: roster, scenario: scenario))
        }
        files.append(folder.path + "/calendars/")
        return Outcome(scenario: scenario, requirements: requirements, roster: roster, evaluation: evaluation, status: finalStatus,
                       bound: bound, solveSeconds: result.solveSeconds, buildSeconds: buildSeconds,
                       modelSize: (built.model.variables.count, built.model.constraints.count, built.model.integerCount),
                       warnings: loaded.warnings, files: files, terms: terms)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = start.duration(to: .now)
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
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
