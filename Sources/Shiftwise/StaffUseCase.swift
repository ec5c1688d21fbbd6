public import Core
public import Staffing
import ScenarioIO
import Reports
import Store

/// `shiftwise staff`: forecast → agents needed per interval → `requirements.csv`.
public enum StaffUseCase {
    /// What a staffing run produced.
    public struct Outcome: Sendable {
        public let scenarioName: String
        public let requirements: [IntervalRequirement]
        public let warnings: [Diagnostic]
        public let files: [String]
        /// The recorded run's id.
        public let run: Int

        /// Intervals with contacts (or a requirement).
        public var openIntervals: Int { requirements.filter(\.isOpen).count }
        /// The largest scheduled requirement and when it occurs (first such interval).
        public var peak: (agents: Int, start: LocalDateTime?) {
            let best = requirements.max { $0.agentsScheduled < $1.agentsScheduled || ($0.agentsScheduled == $1.agentsScheduled && $0.start > $1.start) }
            return (best?.agentsScheduled ?? 0, best?.start)
        }
        /// Σ agents_scheduled × interval hours.
        public let agentHours: ExactDecimal
    }

    /// Loads the scenario, computes the requirement and writes `requirements.csv` into `outputFolder`
    /// (default `reports/<scenario name>/`), recording the run in the database at `database`.
    public static func run(scenarioPath: String, outputFolder: String?, database: String) throws -> Outcome {
        let recording = try RunRecording(database: database)
        let loaded = try ScenarioLoader.load(scenarioPath)
        let scenario = loaded.scenario
        let rows = StaffingCalculator.requirements(for: scenario)
        let folder = try OutputSet(outputFolder ?? "reports/\(scenario.name)", owner: "staff")
        let csv = RequirementsReport.csv(rows)
        var file = ""
        let run = try recording.record(kind: .staff, name: scenario.name, parameters: ["out": folder.path],
                                       inputs: RunRecording.scenarioInputs(scenario), outcome: "ok", outputs: folder) { _ in
            file = try folder.write("requirements.csv", bytes: csv.bytes)
            return [RunResult(name: "requirements.csv", content: String(decoding: csv.bytes, as: UTF8.self))]
        }
        let total = rows.reduce(0) { $0 + $1.agentsScheduled }
        let hours = ExactDecimal(total * scenario.grid.intervalMinutes).divided(by: 60, scale: 2, mode: .halfEven) ?? .zero
        return Outcome(scenarioName: scenario.name, requirements: rows, warnings: loaded.warnings, files: [file], run: run, agentHours: hours)
    }
}
