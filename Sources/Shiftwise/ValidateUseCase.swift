public import Core
import RosterValidation
import ScenarioIO

/// `shiftwise validate`: checks a (possibly hand-edited) roster CSV against every hard rule, and
/// its coverage CSV against the coverage the roster gives.
public enum ValidateUseCase {
    /// Which coverage file to compare, if any.
    public enum CoverageChoice: Sendable {
        /// `coverage.csv` beside the roster file, when it exists.
        case besideRoster
        /// This file, which must exist.
        case file(String)
        /// No coverage check.
        case none
    }

    /// What a validation found.
    public struct Outcome: Sendable {
        public let scenarioName: String
        public let rosterFile: String
        /// Rows of the roster file.
        public let shiftCount: Int
        /// Agents of the scenario, every one of whom was checked (hypothetical hires included).
        public let agentCount: Int
        /// Violations (errors) and warnings about the roster file, in file order.
        public let rosterFindings: [Diagnostic]
        /// The coverage file compared, when one was.
        public let coverageFile: String?
        /// Intervals the coverage file was compared on.
        public let coverageIntervals: Int
        /// Mismatches (errors) and warnings about the coverage file, in file order.
        public let coverageFindings: [Diagnostic]
        /// Warnings from loading the scenario.
        public let scenarioWarnings: [Diagnostic]

        /// Whether every hard rule holds.
        public var rosterHolds: Bool { !rosterFindings.contains { $0.severity == .error } }
        /// Whether a coverage file was compared and matches.
        public var coverageMatches: Bool { coverageFile != nil && !coverageFindings.contains { $0.severity == .error } }
        /// Every error found, roster first.
        public var violations: [Diagnostic] { (rosterFindings + coverageFindings).filter { $0.severity == .error } }
    }

    /// Loads the scenario and the roster, checks every hard rule and, when chosen, the coverage file.
    ///
    /// - Throws: `MissingInputError` (a file is missing), `InputError` (the scenario is invalid, or
    ///   a roster or coverage file is not CSV or lacks a required column). Rule violations are not
    ///   thrown: they are the outcome.
    public static func run(scenarioPath: String, rosterPath: String, coverage: CoverageChoice = .besideRoster) throws -> Outcome {
        let loaded = try ScenarioLoader.load(scenarioPath)
        let scenario = loaded.scenario
        let roster = try RosterSheetReader.read(rosterPath)
        let rosterFindings = RosterValidator.inFileOrder(roster.diagnostics + RosterValidator.validate(roster.sheet, scenario: scenario))

        let coveragePath: String?
        switch coverage {
        case .none:
            coveragePath = nil
        case .file(let path):
            coveragePath = path
        case .besideRoster:
            coveragePath = CoverageSheetReader.besideRoster(rosterPath)
        }
        var coverageFindings: [Diagnostic] = []
        var intervals = 0
        if let coveragePath {
            let sheet = try CoverageSheetReader.read(coveragePath)
            coverageFindings = sheet.diagnostics
            let unreadable = roster.sheet.rows.filter { $0.start.value == nil || $0.end.value == nil || $0.breaks.value == nil }.count
            if unreadable > 0 {
                // Coverage recomputed without those rows would only echo the roster's own errors.
                coverageFindings.append(Diagnostic(.warning, at: sheet.sheet.headerLocation,
                                                   Texts.current(unreadable == 1 ? .vaNotComparedRow : .vaNotComparedRows, String(unreadable)),
                                                   fix: Texts.current(.vaNotComparedFix)))
            } else {
                let expected = CoverageRecount.recount(roster.sheet, scenario: scenario)
                coverageFindings += CoverageValidator.validate(sheet.sheet, expected: expected, grid: scenario.grid)
                intervals = expected.count
            }
            coverageFindings = RosterValidator.inFileOrder(coverageFindings)
        }
        return Outcome(
            scenarioName: scenario.name, rosterFile: rosterPath, shiftCount: roster.sheet.rows.count, agentCount: scenario.agents.count,
            rosterFindings: rosterFindings, coverageFile: coveragePath, coverageIntervals: intervals,
            coverageFindings: coverageFindings, scenarioWarnings: loaded.warnings
        )
    }
}
