public import Core
public import Rostering

/// The numbers `summary.json` reports about a roster run (SPEC §6).
public struct RosterSummary: Sendable {
    public var run: Int?
    public var scenario: String
    public var status: String
    public var objective: Double
    /// The proven lower bound and the gap to it; nil when none is known (a hand-edited roster scoring below the
    /// bound its source run proved, which then did not hold for it).
    public var bound: Double?
    public var gap: Double?
    public var solveSeconds: Double
    public var currency: String
    public var evaluation: RosterEvaluation
    public var grid: TimeGrid
    public var hardRuleViolations: Int
    public var agents: Int
    public var shifts: Int
    public var terms: [(name: String, value: Double)]
    public var model: (variables: Int, constraints: Int)
    /// Why the search ended: `gap`, `time_limit` or `search_limit`.
    public var stoppedBy: String = "gap"

    public init(run: Int?, scenario: String, status: String, objective: Double, bound: Double?, gap: Double?, solveSeconds: Double,
                currency: String, evaluation: RosterEvaluation, grid: TimeGrid, hardRuleViolations: Int, agents: Int, shifts: Int,
                terms: [(name: String, value: Double)], model: (variables: Int, constraints: Int)) {
        self.run = run
        self.scenario = scenario
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.solveSeconds = solveSeconds
        self.currency = currency
        self.evaluation = evaluation
        self.grid = grid
        self.hardRuleViolations = hardRuleViolations
        self.agents = agents
        self.shifts = shifts
        self.terms = terms
        self.model = model
    }

    /// Pretty-printed JSON with a fixed key order; numbers in plain decimal notation.
    public var json: String {
        let e = evaluation
        var byDay: [String] = []
        for d in 0..<TimeGrid.days {
            let value = e.serviceLevelByDay[d].map { Format.fixed($0, places: 4) } ?? "null"
            byDay.append("    \"\(grid.date(ofDay: d))\": \(value)")
        }
        let terms = self.terms.map { "    \(JSONText.string($0.name)): \(Format.fixed($0.value, places: 2))" }
        let lines: [String] = [
            "  \"run\": \(run.map(String.init) ?? "null")",
            "  \"scenario\": \(JSONText.string(scenario))",
            "  \"status\": \(JSONText.string(status))",
            "  \"objective\": \(Format.fixed(objective, places: 2))",
            "  \"bound\": \(bound.map { Format.fixed($0, places: 2) } ?? "null")",
            "  \"gap\": \(gap.map { Format.fixed($0, places: 6) } ?? "null")",
            "  \"solve_seconds\": \(Format.fixed(solveSeconds, places: 3))",
            "  \"currency\": \(JSONText.string(currency))",
            "  \"paid_hours\": \(RosterSheets.hours(e.paidMinutes))",
            "  \"labour_cost\": \(e.labourCost.formatted(places: 2))",
            "  \"understaffed_agent_hours\": \(e.understaffedAgentHours.formatted(places: 2))",
            "  \"overstaffed_agent_hours\": \(e.overstaffedAgentHours.formatted(places: 2))",
            "  \"service_level_week\": \(e.serviceLevelWeek.map { Format.fixed($0, places: 4) } ?? "null")",
            "  \"service_level_by_day\": {\n" + byDay.joined(separator: ",\n") + "\n  }",
            "  \"hard_rule_violations\": \(hardRuleViolations)",
            "  \"stopped_by\": \(JSONText.string(stoppedBy))",
            "  \"agents\": \(agents)",
            "  \"shifts\": \(shifts)",
            "  \"preferred_days_off_worked\": \(e.preferredDaysOffWorked)",
            "  \"preferred_start_drift_hours\": \(e.preferredStartDriftHours.formatted(places: 2))",
            "  \"objective_terms\": {\n" + terms.joined(separator: ",\n") + "\n  }",
            "  \"model\": { \"variables\": \(model.variables), \"constraints\": \(model.constraints) }",
        ]
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }
}

/// Minimal JSON text helpers for hand-ordered output.
public enum JSONText {
    /// A JSON string literal with the required escapes.
    public static func string(_ value: String) -> String {
        // Most strings need no escape: checked on their UTF-8 bytes (every byte to escape is ASCII).
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + value + "\""
        }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
