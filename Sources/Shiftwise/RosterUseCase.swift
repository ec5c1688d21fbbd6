public import Core
public import Staffing
public import Rostering
public import LinearModel
import GLPKSolver
import ScenarioIO
import Reports
import RosterValidation
import Foundation
import Store

/// `shiftwise roster`: forecast → requirement → roster of named agents and its reports.
public enum RosterUseCase {
    public struct Options: Sendable {
        public var outputFolder: String?
        public var timeLimitSeconds: Double?
        public var mipGap: Double?
        public var exportLP: String?
        /// A roster every change is priced against (`--baseline`).
        public var baseline: String?
        /// Shifts to keep exactly (`--pin`).
        public var pins: String?
        /// The SQLite database the run is recorded in.
        public var database: String = "shiftwise.sqlite"
        /// The language of the pages a person reads (roster.html).
        public var texts: Texts = .english
        public var progress: (@Sendable (String) -> Void)?
        /// Incumbent and bound as GLPK's branch-and-bound goes.
        public var searchProgress: (@Sendable (SearchProgress) -> Void)?

        public init(outputFolder: String? = nil, timeLimitSeconds: Double? = nil, mipGap: Double? = nil, exportLP: String? = nil,
                    baseline: String? = nil, pins: String? = nil,
                    database: String = "shiftwise.sqlite", progress: (@Sendable (String) -> Void)? = nil, searchProgress: (@Sendable (SearchProgress) -> Void)? = nil) {
            self.baseline = baseline
            self.pins = pins
            self.searchProgress = searchProgress
            self.outputFolder = outputFolder
            self.timeLimitSeconds = timeLimitSeconds
            self.mipGap = mipGap
            self.exportLP = exportLP
            self.database = database
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
        /// The recorded run's id.
        public let run: Int
    }

    /// What `writeReports` wrote: the paths, the checker's findings and the texts the store keeps.
    public struct Written: Sendable {
        public let files: [String]
        public let violations: [Diagnostic]
        /// `roster.csv`, `roster-grid.csv`, `coverage.csv` and `summary.json`, by name.
        public let texts: [(name: String, content: String)]
    }

    public static func run(scenarioPath: String, options: Options) throws -> Outcome {
        let recording = try RunRecording(database: options.database)
        let loaded = try ScenarioLoader.load(scenarioPath)
        var scenario = loaded.scenario
        var warnings = loaded.warnings
        try addPlannedShifts(to: &scenario, baseline: options.baseline, pins: options.pins, warnings: &warnings)
        let requirements = StaffingCalculator.requirements(for: scenario)
        let timeLimit = options.timeLimitSeconds ?? scenario.solver.timeLimitSeconds.doubleValue
        let mipGap = options.mipGap ?? scenario.solver.mipGap.doubleValue
        // The output folder is checked before the solve, so a wrong --out costs no solving and records no run.
        let folder = try OutputSet(options.outputFolder ?? "reports/\(scenario.name)", owner: "roster")
        // The LP file is written beside its target and moved into place only when the run succeeds.
        let lpStaging = try options.exportLP.map { try stagingPath(forLP: $0, inputs: scenario.sourceFiles) }
        defer { if let lpStaging { unlink(lpStaging) } }
        let solution = try RosterSolver.solve(
            scenario: scenario, requirements: requirements, timeLimitSeconds: timeLimit, mipGap: mipGap, exportLP: lpStaging,
            progress: { options.progress?($0) }, searchProgress: options.searchProgress, texts: options.texts)
        // Calendars of a re-roster update the baseline's: one generation (SEQUENCE) above the run that wrote it.
        let sequence = try options.baseline.map { try calendarSequence(after: $0, store: recording.store) } ?? 0
        var written: Written?
        let run = try recording.record(
            kind: .roster, name: scenario.name,
            parameters: ["time_limit_seconds": "\(timeLimit)", "mip_gap": "\(mipGap)", "out": folder.path, "calendar_sequence": "\(sequence)"],
            inputs: RunRecording.scenarioInputs(scenario), outcome: solution.status.rawValue, outputs: folder
        ) { id in
            let w = try writeReports(scenario: scenario, solution: solution, into: folder, subfolder: nil, run: id, calendarSequence: sequence,
                                     texts: options.texts)
            written = w
            return w.texts.map { RunResult(name: $0.name, content: $0.content) }
        }
        var files = written?.files ?? []
        if let lpStaging, let target = options.exportLP {
            guard rename(lpStaging, target) == 0 else {
                throw OutputError(path: target, reason: Texts.current(.rnLPPlace, String(run), String(cString: strerror(errno))))
            }
            files.append(target)
        }
        return Outcome(scenario: scenario, requirements: requirements, solution: solution, warnings: warnings, files: files,
                       violations: written?.violations ?? [], run: run)
    }

    /// Reads `--baseline` and `--pin` into the scenario (their files become inputs of the run).
    /// Every problem of both files is reported before failing.
    static func addPlannedShifts(to scenario: inout Scenario, baseline: String?, pins: String?, warnings: inout [Diagnostic]) throws {
        var problems: [Diagnostic] = []
        var missing: MissingInputError?
        func read(_ path: String, _ purpose: PlannedShiftReader.Purpose) -> [PlannedShift]? {
            do {
                let reading = try PlannedShiftReader.read(path, scenario: scenario, purpose: purpose)
                warnings += reading.warnings
                return reading.shifts
            } catch let error as InputError {
                problems += error.diagnostics
            } catch let error as MissingInputError {
                missing = missing ?? error
            } catch {
                problems.append(Diagnostic(.error, at: SourceLocation(file: path, line: 0), "\(error)"))
            }
            return nil
        }
        let baselineShifts = baseline.flatMap { read($0, .baseline) }
        let pinned = pins.flatMap { read($0, .pins) }
        if let missing { throw missing }
        if !problems.isEmpty { throw InputError(problems) }
        if let baseline, let baselineShifts {
            scenario.baseline = baselineShifts
            scenario.baselineFile = baseline
            scenario.sourceFiles.append(baseline)
            if scenario.costs.changeWeight.isZero {
                warnings.append(Diagnostic(.warning, at: SourceLocation(file: baseline, line: 1),
                                           Texts.current(.rnChangeWeight), fix: Texts.current(.rnChangeWeightFix)))
            }
        }
        if let pins, let pinned {
            scenario.pins = pinned
            scenario.pinFiles = [pins]
            scenario.sourceFiles.append(pins)
        }
    }

    /// The calendar generation of a roster run with `--baseline`: one above the recorded roster run
    /// whose `roster.csv` is exactly the baseline's bytes, else 1 (a hand-made baseline).
    static func calendarSequence(after baseline: String, store: Store) throws -> Int {
        guard let data = FileManager.default.contents(atPath: baseline),
              let parameters = try store.parametersOfNewestRun(kind: .roster, result: "roster.csv", content: String(decoding: data, as: UTF8.self)),
              let object = try? JSONSerialization.jsonObject(with: Data(parameters.utf8)) as? [String: Any],
              let previous = (object["calendar_sequence"] as? String).flatMap({ Int($0) }) else { return 1 }
        return previous + 1
    }

    /// Where `--export-lp FILE` is written until the run succeeds; refuses (exit 64) a path that is a
    /// folder, lies in no existing folder, or names one of the scenario's own input files.
    static func stagingPath(forLP path: String, inputs: [String]) throws -> String {
        let absolute = { (p: String) in (URL(fileURLWithPath: p).standardizedFileURL.path as NSString).resolvingSymlinksInPath }
        var isDirectory: ObjCBool = false
        if path.isEmpty || path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw UsageProblem(Texts.current(.rnExportName, path))
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw UsageProblem(Texts.current(.rnExportFolder, path, folder))
        }
        if inputs.map(absolute).contains(absolute(path)) {
            throw UsageProblem(Texts.current(.rnExportInput, path))
        }
        let name = (path as NSString).lastPathComponent
        return (folder.isEmpty ? "" : folder + "/") + ".\(name).partial-\(getpid())"
    }

    /// Writes every roster output into the set `outputs` (inside `subfolder` when given) after the
    /// independent checker has counted the hard-rule violations of the roster as written.
    /// `run` is the recorded run's id that `summary.json` carries.
    static func writeReports(scenario: Scenario, solution: RosterSolver.Solution, into outputs: OutputSet, subfolder: String?, run: Int?,
                             calendarSequence: Int = 0, texts: Texts = .english) throws -> Written {
        let roster = solution.roster
        let prefix = subfolder.map { $0 + "/" } ?? ""
        let folder = PrefixedSet(set: outputs, prefix: prefix)
        let sheets = try checkedSheets(scenario: scenario, solution: solution, file: outputs.path + "/" + prefix + "roster.csv", run: run)
        let (rosterCSV, grid, coverage, summary, violations) = (sheets.roster, sheets.grid, sheets.coverage, sheets.summary, sheets.violations)
        let summaryJSON = summary.json
        var files: [String] = []
        files.append(try folder.write("roster.csv", bytes: rosterCSV.bytes))
        files.append(try folder.write("roster-grid.csv", bytes: grid))
        files.append(try folder.write("coverage.csv", bytes: coverage))
        files.append(try folder.write("summary.json", text: summaryJSON))
        if scenario.baseline != nil {
            files.append(try folder.write("changes.csv", bytes: RosterSheets.changes(roster, scenario: scenario).bytes))
        }
        files.append(try folder.write("roster.html", text: RosterPage.html(summary: summary, roster: roster, scenario: scenario, texts: texts)))
        let calendarNames = AgentCalendar.fileNames(for: scenario.agents.map(\.id))
        for (a, agent) in scenario.agents.enumerated() {
            try folder.write("calendars/" + (calendarNames[agent.id] ?? ""), text: AgentCalendar.ics(agentIndex: a, roster: roster, scenario: scenario, sequence: calendarSequence))
        }
        files.append(outputs.path + "/" + prefix + "calendars/")
        return Written(files: files, violations: violations, texts: sheets.texts)
    }
}

extension RosterUseCase {
    /// The sheets of a solved roster and its summary, after the independent checker has counted the
    /// hard-rule violations of the roster as it would be written.
    struct Sheets {
        let roster: CSVWriter
        let grid: [UInt8]
        let coverage: [UInt8]
        let summary: RosterSummary
        let violations: [Diagnostic]

        /// `roster.csv`, `roster-grid.csv`, `coverage.csv` and `summary.json`, by name, as the store keeps them.
        var texts: [(name: String, content: String)] {
            [("roster.csv", String(decoding: roster.bytes, as: UTF8.self)), ("roster-grid.csv", String(decoding: grid, as: UTF8.self)),
             ("coverage.csv", String(decoding: coverage, as: UTF8.self)), ("summary.json", summary.json)]
        }
    }

    /// - Throws: `RosterFailure.breaksHardRules` when the checker finds a violation: such a roster is never written (SPEC §6).
    static func checkedSheets(scenario: Scenario, solution: RosterSolver.Solution, file: String, run: Int?) throws -> Sheets {
        let roster = solution.roster
        let rosterCSV = RosterSheets.roster(roster, scenario: scenario)
        let sheet = try RosterSheetReader.parse(rosterCSV.text, file: file)
        let violations = (sheet.diagnostics + RosterValidator.validate(sheet.sheet, scenario: scenario)).filter { $0.severity == .error }
        if !violations.isEmpty { throw RosterFailure.breaksHardRules(violations.map(\.description)) }
        var summary = RosterSummary(
            run: run, scenario: scenario.name, status: solution.status.rawValue, objective: solution.objective, bound: solution.bound,
            gap: solution.gap, solveSeconds: solution.solveSeconds, currency: scenario.costs.currency, evaluation: solution.evaluation,
            grid: scenario.grid, hardRuleViolations: violations.count, agents: scenario.agents.count, shifts: roster.shifts.count, terms: solution.terms,
            model: (solution.modelSize.variables, solution.modelSize.constraints))
        summary.stoppedBy = solution.stoppedBy.rawValue
        return Sheets(roster: rosterCSV, grid: RosterSheets.grid(roster, scenario: scenario).bytes,
                      coverage: RosterSheets.coverage(solution.evaluation, scenario: scenario).bytes, summary: summary, violations: violations)
    }
}

/// Writes into an output set under a common prefix (a compared scenario's subfolder).
struct PrefixedSet {
    let set: OutputSet
    let prefix: String

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws(OutputError) -> String { try set.write(prefix + name, bytes: bytes) }

    @discardableResult
    func write(_ name: String, text: String) throws(OutputError) -> String { try set.write(prefix + name, text: text) }
}

