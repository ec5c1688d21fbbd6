public import Core
public import Rostering
import Foundation
import LinearModel
import Reports
import RosterValidation
import ScenarioIO
import Staffing
public import Store

/// Editing a recorded roster (SPEC §11): a roster in the roster.csv format is checked by the
/// independent validator against the run's recorded scenario, its objective terms recomputed by the
/// same evaluation the solver reports, and, when every hard rule holds, saved as a new roster run.
public enum RosterEditUseCase {
    /// One finding about an edited roster: the agent (empty for a finding about the whole file), the roster
    /// column it was found in (`start`, `end`, `breaks`, `paid_hours`, `date`, `agent_id`; `file` for the
    /// file's shape, `week` for a finding on no row), the message and the roster line.
    public struct Finding: Sendable, Equatable {
        public let agentID: String
        public let rule: String
        public let message: String
        public let line: Int
    }

    /// What a check found.
    public struct Check: Sendable {
        public let violations: [Finding]
        public let warnings: [Finding]
        /// Each soft rule's value and their sum; nil when some row could not be read as a shift.
        public let terms: [(name: String, value: ExactDecimal)]?
        public let objective: ExactDecimal?
        public let roster: Roster?
        public let evaluation: RosterEvaluation?
        public let shiftCount: Int
    }

    /// A save refused because the roster breaks a hard rule (nothing recorded).
    public struct Refused: CategorizedError, Sendable {
        public let violations: [Finding]
        public var category: FailureCategory { .badInput }
        public var description: String {
            let shown = violations.prefix(3).map(\.message).joined(separator: "; ")
            return violations.count == 1 ? Texts.current(.wbRefusedOne, shown) : Texts.current(.wbRefusedMany, "\(violations.count)", shown)
        }
    }

    /// The roster.csv the run recorded.
    public static func rosterCSV(of recorded: RecordedScenario) throws -> String {
        guard let text = recorded.run.results.first(where: { $0.name == "roster.csv" })?.content else {
            throw RecordedScenario.Unavailable(run: recorded.run.summary.id, reason: Texts.current(.wbNoRosterCSV))
        }
        return text
    }

    /// Checks `text` (a roster in the roster.csv format) against the recorded scenario.
    public static func check(_ text: String, recorded: RecordedScenario) -> Check {
        let scenario = recorded.scenario
        let file = "roster.csv"
        let reading: SheetReading<RosterSheet>
        do {
            reading = try RosterSheetReader.parse(text, file: file)
        } catch {
            let findings = error.diagnostics.filter { $0.severity == .error }.map {
                Finding(agentID: "", rule: "file", message: message($0), line: $0.location.line)
            }
            return Check(violations: findings, warnings: [], terms: nil, objective: nil, roster: nil, evaluation: nil, shiftCount: 0)
        }
        let found = RosterValidator.inFileOrder(reading.diagnostics + RosterValidator.validate(reading.sheet, scenario: scenario))
        let rows = Dictionary(reading.sheet.rows.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        func finding(_ d: Diagnostic) -> Finding {
            guard let row = rows[d.location.line] else { return Finding(agentID: "", rule: "week", message: message(d), line: d.location.line) }
            let cells: [(String, SourceLocation)] = [("agent_id", row.agentID.location), ("name", row.name.location), ("date", row.date.location),
                                                     ("start", row.start.location), ("end", row.end.location), ("paid_hours", row.paidHours.location),
                                                     ("breaks", row.breaks.location)]
            let rule = cells.first { $0.1 == d.location }?.0 ?? "shift"
            return Finding(agentID: row.agentID.text, rule: rule, message: message(d), line: d.location.line)
        }
        let roster = Self.roster(from: reading.sheet, scenario: scenario)
        let evaluation = roster.map { RosterEvaluation(roster: $0, scenario: scenario, requirements: StaffingCalculator.requirements(for: scenario)) }
        return Check(violations: found.filter { $0.severity == .error }.map(finding), warnings: found.filter { $0.severity == .warning }.map(finding),
                     terms: evaluation?.terms, objective: evaluation?.objective, roster: roster, evaluation: evaluation,
                     shiftCount: reading.sheet.rows.count)
    }

    /// Saves `text` as a new roster run made from run `id` (same recorded inputs), when every hard rule holds.
    ///
    /// - Returns: The new run's id.
    /// - Throws: ``Refused`` when the roster breaks a hard rule; store errors.
    public static func save(_ text: String, run id: Int, database: String) throws -> Int {
        let recording = try RunRecording(database: database)
        let recorded = try RecordedScenario.load(run: id, store: recording.store)
        let check = check(text, recorded: recorded)
        guard check.violations.isEmpty, let roster = check.roster, let evaluation = check.evaluation else {
            throw Refused(violations: check.violations.isEmpty
                          ? [Finding(agentID: "", rule: "file", message: Texts.current(.wbRowUnreadable), line: 0)] : check.violations)
        }
        let scenario = recorded.scenario
        // The source run's bound holds for every roster of the same scenario; one scoring below it shows that it
        // did not hold for this roster (say, a shift the model never offers), so none is claimed then.
        let objective = evaluation.objective.doubleValue
        let bound = provenBound(recorded.run, objective: objective)
        return try recording.record(
            kind: .roster, name: scenario.name, parameters: ["edited_from": "\(id)"], stored: recorded.inputs, outcome: "edited", outputs: nil
        ) { newID in
            let csv = RosterSheets.roster(roster, scenario: scenario).text
            var summary = RosterSummary(
                run: newID, scenario: scenario.name, status: "edited", objective: objective, bound: bound,
                gap: bound.map { objective > 0 ? max(0, (objective - $0) / objective) : 0 }, solveSeconds: 0, currency: scenario.costs.currency,
                evaluation: evaluation, grid: scenario.grid, hardRuleViolations: 0, agents: scenario.agents.count, shifts: roster.shifts.count,
                terms: evaluation.terms.map { ($0.name, $0.value.doubleValue) }, model: (0, 0))
            summary.stoppedBy = "edited"
            return [RunResult(name: "roster.csv", content: csv),
                    RunResult(name: "roster-grid.csv", content: RosterSheets.grid(roster, scenario: scenario).text),
                    RunResult(name: "coverage.csv", content: RosterSheets.coverage(evaluation, scenario: scenario).text),
                    RunResult(name: "summary.json", content: summary.json)]
        }
    }

    /// A run's recorded scenario with the edited rows to keep as pins.
    public struct Pinned: Sendable {
        public let run: Int
        public let recorded: RecordedScenario
        public let scenario: Scenario
        /// The run's inputs with the edits added as a `pins` input (its bytes kept), for the new run.
        public let inputs: [RunInput]
    }

    /// Reads the rows of `text` whose `pinned` cell is true (all rows when there is no such column) as pins
    /// on run `id`'s recorded scenario, as `--pin` reads a file (breaks kept when given). Pins the run itself
    /// kept stay, except where an edit pins the same agent and day or the roster no longer holds a shift of that
    /// agent and day (the user deleted it, or moved it to another day); its baseline stays.
    ///
    /// - Throws: `InputError` for pins that cannot be read or name no agent; store errors.
    public static func pins(_ text: String, run id: Int, database: String) throws -> Pinned {
        let recorded = try RecordedScenario.load(run: id, store: Store.open(database))
        let edits = RunInput(role: "pins", path: "edits-of-run-\(id).csv", sha256: SHA256.hex(Array(text.utf8)), content: Array(text.utf8))
        var scenario = recorded.scenario
        try RecordedScenario.applyPlannedShifts([edits], to: &scenario, run: id, file: "edits.csv")
        return Pinned(run: id, recorded: recorded, scenario: scenario, inputs: recorded.inputs + [edits])
    }

    /// "Re-solve around my edits": rosters the pinned scenario again, keeping the pins exactly, and records
    /// the result as a new roster run (parameters `resolved_from`, `pinned`, `time_limit_seconds`).
    ///
    /// - Returns: The new run's id.
    /// - Throws: `RosterFailure.infeasible` when the pins contradict the hard rules (nothing recorded); store and solver errors.
    public static func resolve(_ pinned: Pinned, database: String, timeLimitSeconds: Double?, texts: Texts = .english) throws -> Int {
        let recording = try RunRecording(database: database)
        let scenario = pinned.scenario
        let requirements = StaffingCalculator.requirements(for: scenario)
        let timeLimit = timeLimitSeconds ?? scenario.solver.timeLimitSeconds.doubleValue
        let solution = try RosterSolver.solve(scenario: scenario, requirements: requirements, timeLimitSeconds: timeLimit,
                                              mipGap: scenario.solver.mipGap.doubleValue, texts: texts)
        return try recording.record(
            kind: .roster, name: scenario.name,
            parameters: ["resolved_from": "\(pinned.run)", "pinned": "\(scenario.pins.count)", "time_limit_seconds": "\(timeLimit)"],
            stored: pinned.inputs, outcome: solution.status.rawValue, outputs: nil
        ) { newID in
            try RosterUseCase.checkedSheets(scenario: scenario, solution: solution, file: "roster.csv", run: newID).texts
                .map { RunResult(name: $0.name, content: $0.content) }
        }
    }

    /// The run's proven bound as a bound on a roster of its scenario scoring `objective`; nil when it reports none or
    /// the roster scores below it (then the bound did not hold for this roster, and none is claimed).
    public static func provenBound(_ run: StoredRun, objective: Double) -> Double? {
        storedBound(run).flatMap { $0 <= objective + 0.005 ? $0 : nil }
    }

    /// The proven lower bound the run's `summary.json` reports (still a bound for any roster of the same scenario).
    public static func storedBound(_ run: StoredRun) -> Double? {
        guard let json = run.results.first(where: { $0.name == "summary.json" })?.content,
              let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        return (object["bound"] as? NSNumber)?.doubleValue
    }

    /// The sheet as shifts of the scenario's agents; nil when a row cannot be read as one (the validator says why).
    public static func roster(from sheet: RosterSheet, scenario: Scenario) -> Roster? {
        let index = Dictionary(scenario.agents.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var shifts: [RosteredShift] = []
        for row in sheet.rows {
            guard let a = index[row.agentID.text], let start = row.start.value, let end = row.end.value, let paid = row.paidHours.value,
                  let spans = row.breaks.value else { return nil }
            let day = start.date.daysSinceEpoch - scenario.grid.weekStart.daysSinceEpoch
            let length = end.minutesSinceEpoch - start.minutesSinceEpoch
            guard (0..<TimeGrid.days).contains(day), length > 0 else { return nil }
            let breaks = spans.map { span in
                BreakPattern.Placement(name: "", offsetMinutes: (span.from.minutes - start.minuteOfDay + 1440) % 1440,
                                       minutes: (span.to.minutes - span.from.minutes + 1440) % 1440, paid: false)
            }
            shifts.append(RosteredShift(agentIndex: a, day: day, startMinute: start.minuteOfDay, lengthMinutes: length,
                                        paidMinutes: Int((paid.doubleValue * 60).rounded()), breaks: breaks))
        }
        return Roster(shifts: shifts)
    }

    /// A diagnostic's message with its fix, without the file position (the line is given apart).
    static func message(_ d: Diagnostic) -> String {
        d.fix.isEmpty ? d.message : Texts.current.language == .zhCN ? "\(d.message)（\(d.fix)）" : "\(d.message) (\(d.fix))"
    }
}
