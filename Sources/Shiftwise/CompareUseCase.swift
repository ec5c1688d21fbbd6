public import Core
public import Rostering
public import ScenarioIO
public import Staffing
import Reports
import LinearModel
public import Incentives
import Foundation
import Store

/// `shiftwise compare`: several scenarios (or variants of them) rostered side by side (SPEC §8).
public enum CompareUseCase {
    /// `--vary KEY=V1,V2,…`.
    public struct Variation: Sendable {
        public let key: String
        public let overrides: [ScenarioOverride]

        /// Parses `KEY=V1,V2,…`; throws a usage problem for an unknown key or a non-number.
        public init(_ text: String) throws(UsageProblem) {
            guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
                throw UsageProblem(Texts.current(.cmVaryForm, text))
            }
            let key = String(text[..<eq])
            let values = text[text.index(after: eq)...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !values.isEmpty else { throw UsageProblem(Texts.current(.cmVaryValues, key)) }
            var overrides: [ScenarioOverride] = []
            for v in values { overrides.append(try ScenarioOverride(key: key, value: v)) }
            self.key = key
            self.overrides = overrides
        }
    }

    /// One compared scenario.
    public struct Column: Sendable {
        public let name: String
        public let scenario: Scenario
        public let requirements: [IntervalRequirement]
        public let solution: RosterSolver.Solution
        public let measures: ScenarioMeasures
        public let variedValue: String?
    }

    public struct Outcome: Sendable {
        public let columns: [Column]
        public let files: [String]
        public let warnings: [Diagnostic]
        public let wallSeconds: Double
        /// The recorded run's id.
        public let run: Int
    }

    /// Loads every scenario (all input problems are reported together), rosters them in parallel
    /// up to the number of cores, writes each one's reports beside `compare.csv` and `compare.html`.
    /// The comparison is recorded as one run in the database at `database`.
    public static func run(scenarioPaths: [String], variation: Variation?, outputFolder: String?, database: String, texts: Texts = .english,
                           progress: @escaping @Sendable (String) -> Void = { _ in }) throws -> Outcome {
        let started = ContinuousClock.now
        let recording = try RunRecording(database: database)
        // Load first, so a bad file stops the comparison before any solving.
        var loaded: [(name: String, scenario: Scenario, varied: String?, bonus: ExactDecimal?)] = []
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for path in scenarioPaths {
            let variants: [ScenarioOverride?] = variation.map { $0.overrides.map { Optional($0) } } ?? [nil]
            for override in variants {
                do {
                    let result = try ScenarioLoader.load(path, overrides: override.map { [$0] } ?? [])
                    var scenario = result.scenario
                    if let override { scenario.name += "@\(override.key)=\(override.value)" }
                    // A scenario's bonus plan is computed with the inputs, so its problems stop the comparison early too.
                    let bonus = try scenario.bonus.map { try bonusTotal($0, agents: Set(scenario.agents.map(\.id)), projection: nil) }
                    loaded.append((scenario.name, scenario, override?.value, bonus?.total))
                    // Scenarios that share a plan or a file would repeat its warnings: each is said once.
                    warnings += (result.warnings + (bonus?.warnings ?? [])).filter { !warnings.contains($0) }
                } catch let error as InputError {
                    problems += error.diagnostics.filter { !problems.contains($0) }
                }
            }
        }
        if !problems.isEmpty { throw InputError(problems) }
        var seen = Set<String>()
        for l in loaded where !seen.insert(l.name).inserted {
            throw InputError([Diagnostic(at: SourceLocation(file: l.name), Texts.current(.cmSameName, l.name), fix: Texts.current(.cmSameNameFix))])
        }

        let root = outputFolder ?? "reports/compare"
        let folder = try OutputSet(root, owner: "compare")
        let jobs = loaded
        let results = ResultBox(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { k in
            let item = jobs[k]
            let scenario = item.scenario
            progress(texts(.progRostering, item.name, String(scenario.agents.count)))
            do {
                let requirements = StaffingCalculator.requirements(for: scenario)
                let solution = try RosterSolver.solve(scenario: scenario, requirements: requirements,
                                                      timeLimitSeconds: scenario.solver.timeLimitSeconds.doubleValue,
                                                      mipGap: scenario.solver.mipGap.doubleValue, texts: texts)
                // With `project: true` the plan pays metrics projected from this roster, so the bonus moves with the what-if.
                var bonus = item.bonus
                if let reference = scenario.bonus, reference.project {
                    bonus = try bonusTotal(reference, agents: Set(scenario.agents.map(\.id)),
                                           projection: BonusProjection(scenario: scenario, requirements: requirements, roster: solution.roster)).total
                }
                var measures = ScenarioMeasures(requirements: requirements, evaluation: solution.evaluation, grid: scenario.grid, solverGap: solution.gap,
                                                bonusTotal: bonus)
                measures.agents = scenario.agents.count
                measures.solverStatus = solution.status.rawValue
                measures.gapAmount = max(0, solution.objective - solution.bound)
                let status = texts.language == .en ? solution.status.rawValue : solution.status == .optimal ? texts(.statusOptimal) : texts(.statusFeasible)
                progress(texts(.progCompared, item.name, status, solution.evaluation.labourCost.formatted(places: 2),
                               solution.evaluation.serviceLevelWeek.map { texts.language == .en ? String(format: "%.1f %%", $0 * 100) : texts.percent($0) }
                                   ?? texts(.notAvailable),
                               String(format: "%.2f", solution.gap * 100), String(format: "%.1f", solution.solveSeconds)))
                results.set(k, .success(Column(name: item.name, scenario: scenario, requirements: requirements, solution: solution,
                                               measures: measures, variedValue: item.varied)))
            } catch {
                results.set(k, .failure(CompareFailure(scenario: item.name, underlying: error)))
            }
        }
        var columns: [Column] = []
        for r in results.values {
            switch r {
            case .success(let c): columns.append(c)
            case .failure(let e): throw e
            case nil: throw CompareFailure(scenario: "?", underlying: RosterFailure.noRoster(status: .timeLimitWithoutSolution))
            }
        }

        let names = columns.map(\.name)
        let compareCSV = CompareSheet.csv(names: names, measures: columns.map(\.measures)).bytes
        let pageColumns = columns.map {
            ComparePage.Column(name: $0.name, measures: $0.measures, evaluation: $0.solution.evaluation, grid: $0.scenario.grid,
                               variedValue: $0.variedValue.flatMap { ExactDecimal($0)?.doubleValue })
        }
        let page = ComparePage.html(columns: pageColumns, currency: columns.first?.scenario.costs.currency ?? "", variedKey: variation?.key, texts: texts)
        var parameters = ["out": root]
        if let variation { parameters["vary"] = variation.key + "=" + variation.overrides.map(\.value).joined(separator: ",") }
        var seenPaths = Set<String>()
        let inputs = columns.flatMap { RunRecording.scenarioInputs($0.scenario) }.filter { seenPaths.insert($0.path).inserted }
        let outcome = Set(columns.map(\.solution.status.rawValue)).sorted().joined(separator: ",")
        var files: [String] = []
        // The scenarios' own reports are written here, once the run id is known, so each summary.json carries it.
        let run = try recording.record(kind: .compare, name: names.joined(separator: ", "), parameters: parameters, inputs: inputs,
                                       outcome: outcome, outputs: folder) { id in
            var results: [RunResult] = []
            for c in columns {
                let written = try RosterUseCase.writeReports(scenario: c.scenario, solution: c.solution, into: folder, subfolder: c.name, run: id,
                                                             texts: texts)
                results += written.texts.map { RunResult(name: c.name + "/" + $0.name, content: $0.content) }
            }
            files.append(try folder.write("compare.csv", bytes: compareCSV))
            files.append(try folder.write("compare.html", text: page))
            // The page in every language, kept with the run for the web application (the page a person reads of this run).
            let pages = Language.allCases.map { language in
                RunResult(name: "compare.\(language.rawValue).html",
                          content: language == texts.language ? page
                              : ComparePage.html(columns: pageColumns, currency: columns.first?.scenario.costs.currency ?? "", variedKey: variation?.key,
                                                 texts: Texts(language)))
            }
            return results + [RunResult(name: "compare.csv", content: String(decoding: compareCSV, as: UTF8.self))] + pages
        }
        files += columns.map { folder.path + "/" + $0.name + "/" }
        let d = started.duration(to: .now)
        return Outcome(columns: columns, files: files, warnings: warnings,
                       wallSeconds: d.inSeconds, run: run)
    }
}

extension CompareUseCase {
    /// The total a scenario's `bonus:` plan pays for its period.
    static func bonusTotal(_ reference: BonusReference, agents: Set<String>, projection: BonusProjection?) throws -> (total: ExactDecimal, warnings: [Diagnostic]) {
        let plan = try PlanLoader.load(reference.planPath, period: reference.period)
        let metrics = try MetricsReader.read(reference.metricsPath, plan: plan.plan, period: reference.period, knownAgents: agents)
        do {
            let table = projection.map { $0.apply(to: metrics.table) } ?? metrics.table
            // The total is all a comparison shows: the working of the lines is never read, so never computed.
            let result = try PayoutCalculator.calculate(plan: plan.plan, metrics: table)
            return (result.total, plan.warnings + metrics.warnings + result.warnings)
        } catch {
            throw InputError(error.diagnostics)
        }
    }
}

/// A scenario of a comparison that could not be rostered.
public struct CompareFailure: CategorizedError {
    public let scenario: String
    public let underlying: any Error

    /// The wrapped failure's category: a comparison whose scenario is infeasible is infeasible (exit 2).
    public var category: FailureCategory { failureCategory(of: underlying) }

    public var description: String { "scenario \(scenario): \(underlying)" }
}

/// Results written from several threads, each into its own slot.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<CompareUseCase.Column, CompareFailure>?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<CompareUseCase.Column, CompareFailure>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}

/// Metrics projected from a scenario's roster (SPEC §8): per agent, `hours_worked` = rostered paid
/// hours × the weeks in the period (4.35 for a month), `contacts_handled` = the agent's share of the
/// week's forecast contacts in proportion to its hours on the phones (shifts less breaks) × the same
/// factor; every other metric as the metrics file gives it. Agents of the file without shifts work 0.
public struct BonusProjection: Sendable {
    public static let weeksPerMonth = ExactDecimal(mantissa: 435, scale: 2)
    public let hours: [String: ExactDecimal]
    public let contacts: [String: ExactDecimal]

    public init(scenario: Scenario, requirements: [IntervalRequirement], roster: Roster) {
        var paid: [String: Int] = [:]
        var working: [String: Int] = [:]
        for shift in roster.shifts {
            let id = scenario.agents[shift.agentIndex].id
            paid[id, default: 0] += shift.paidMinutes
            working[id, default: 0] += shift.lengthMinutes - shift.breaks.reduce(0) { $0 + $1.minutes }
        }
        let weekContacts = requirements.reduce(ExactDecimal.zero) { $0 + ($1.contacts ?? .zero) }
        let totalWorking = working.values.reduce(0, +)
        var hours: [String: ExactDecimal] = [:]
        var contacts: [String: ExactDecimal] = [:]
        for agent in scenario.agents {
            let minutes = ExactDecimal(paid[agent.id] ?? 0)
            hours[agent.id] = (minutes * Self.weeksPerMonth).divided(by: 60, scale: 6, mode: .halfEven) ?? .zero
            let share = totalWorking > 0 ? weekContacts * ExactDecimal(working[agent.id] ?? 0) * Self.weeksPerMonth : .zero
            contacts[agent.id] = totalWorking > 0 ? share.divided(by: ExactDecimal(totalWorking), scale: 6, mode: .halfEven) ?? .zero : .zero
        }
        self.hours = hours
        self.contacts = contacts
    }

    /// The table with each rostered agent's `hours_worked` and `contacts_handled` replaced by the projection.
    public func apply(to table: MetricsTable) -> MetricsTable {
        var t = table
        for k in t.rows.indices {
            let id = t.rows[k].agentID
            t.rows[k].values["hours_worked"] = hours[id] ?? .zero
            t.rows[k].values["contacts_handled"] = contacts[id] ?? .zero
        }
        return t
    }
}
