public import Core
public import LinearModel

/// The roster as a mixed-integer model, with the maps needed to read a solution back.
///
/// Variables: `x[a,t]` (agent a works shift type t), `y[t,p]` (how many on shift type t take
/// break pattern p), `u[i]`/`o[i]` (agents below/above the requirement in interval i).
public struct RosterModel: Sendable {
    public var model: LinearModel
    public let problem: RosterProblem
    /// (agent, shift type, variable) for every assignment variable.
    public let assignments: [(agent: Int, type: Int, variable: LinearModel.VariableID)]
    /// (shift type, pattern index, variable) for every break-pattern count.
    public let breakCounts: [(type: Int, pattern: Int, variable: LinearModel.VariableID)]
    public let under: [LinearModel.VariableID?]
    public let over: [LinearModel.VariableID?]
    /// The soft rules that make up the objective, by name.
    public let terms: [PenaltyTerm]
}

/// A named part of the objective (STYLE: every soft rule has a readable label).
public struct PenaltyTerm: Sendable {
    public let name: String
    public let coefficients: [(variable: LinearModel.VariableID, coefficient: Double)]
    public let constant: Double

    /// The term's value under a solution.
    public func value(_ values: [Double]) -> Double {
        coefficients.reduce(constant) { $0 + $1.coefficient * values[$1.variable.index] }
    }
}

/// Builds the roster model from a problem (SPEC §6).
public enum RosterModelBuilder {
    public static func build(_ problem: RosterProblem) -> RosterModel {
        let scenario = problem.scenario
        let grid = problem.grid
        let hoursPerInterval = Double(grid.intervalMinutes) / 60
        var model = LinearModel(name: "roster")
        var labour: [(LinearModel.VariableID, Double)] = []
        var daysOff: [(LinearModel.VariableID, Double)] = []
        var startDrift: [(LinearModel.VariableID, Double)] = []
        let weight = scenario.costs.preferenceWeight.doubleValue

        // Assignment variables.
        var assignments: [(agent: Int, type: Int, variable: LinearModel.VariableID)] = []
        var byAgent: [[(type: Int, variable: LinearModel.VariableID)]] = Array(repeating: [], count: scenario.agents.count)
        var byType: [[LinearModel.VariableID]] = Array(repeating: [], count: problem.shiftTypes.count)
        for (a, agent) in scenario.agents.enumerated() {
            let cost = agent.hourlyCost.doubleValue
            for t in problem.options[a] {
                let type = problem.shiftTypes[t]
                let paidHours = Double(type.paidMinutes) / 60
                var objective = paidHours * cost
                let v = model.addVariable("x_a\(a)_t\(t)", kind: .binary, upper: 1)
                labour.append((v, paidHours * cost))
                if weight > 0 {
                    if agent.preferredDaysOff.contains(grid.date(ofDay: type.day).weekday) {
                        daysOff.append((v, weight))
                        objective += weight
                    }
                    if let preferred = agent.preferredStart {
                        let drift = Double(abs(type.startMinute - preferred.minutes)) / 60 * weight
                        if drift > 0 {
                            startDrift.append((v, drift))
                            objective += drift
                        }
                    }
                }
                model.setObjective(v, objective)
                assignments.append((a, t, v))
                byAgent[a].append((t, v))
                byType[t].append(v)
            }
        }

        // Break patterns: counts per shift type, linked to the agents on it.
        var breakCounts: [(type: Int, pattern: Int, variable: LinearModel.VariableID)] = []
        var breaksAt: [[LinearModel.VariableID]] = Array(repeating: [], count: grid.intervalCount)
        for (t, type) in problem.shiftTypes.enumerated() where !byType[t].isEmpty {
            let hasBreaks = type.breakPatterns.contains { !$0.placements.isEmpty }
            guard hasBreaks else { continue }
            var link: [(variable: LinearModel.VariableID, coefficient: Double)] = byType[t].map { ($0, -1) }
            for (p, pattern) in type.breakPatterns.enumerated() {
                let v = model.addVariable("y_t\(t)_p\(p)", kind: .integer, upper: Double(byType[t].count))
                breakCounts.append((t, p, v))
                link.append((v, 1))
                for i in problem.intervals(of: type) {
                    let offset = i * grid.intervalMinutes - type.absoluteStart
                    if pattern.covers(offset: offset) { breaksAt[i].append(v) }
                }
            }
            model.addConstraint("breaks_t\(t)", link, .equal, 0)
        }

        // Coverage per interval: on shift − on break + under − over = required.
        var onShift: [[LinearModel.VariableID]] = Array(repeating: [], count: grid.intervalCount)
        for (_, t, v) in assignments {
            for i in problem.intervals(of: problem.shiftTypes[t]) { onShift[i].append(v) }
        }
        let underCost = scenario.costs.understaffingPerAgentHour.doubleValue * hoursPerInterval
        let overCost = scenario.costs.overstaffingPerAgentHour.doubleValue * hoursPerInterval
        var under: [LinearModel.VariableID?] = Array(repeating: nil, count: grid.intervalCount)
        var over: [LinearModel.VariableID?] = Array(repeating: nil, count: grid.intervalCount)
        var underTerm: [(LinearModel.VariableID, Double)] = []
        var overTerm: [(LinearModel.VariableID, Double)] = []
        var uncoverable = 0.0
        for i in 0..<grid.intervalCount {
            let req = problem.required[i]
            if onShift[i].isEmpty {
                uncoverable += Double(req) * underCost
                continue
            }
            var terms: [(variable: LinearModel.VariableID, coefficient: Double)] = onShift[i].map { ($0, 1) }
            terms += breaksAt[i].map { ($0, -1) }
            if req > 0 {
                let u = model.addVariable("u_i\(i)", upper: Double(req), objective: underCost)
                under[i] = u
                underTerm.append((u, underCost))
                terms.append((u, 1))
            }
            if overCost > 0 {
                let o = model.addVariable("o_i\(i)", objective: overCost)
                over[i] = o
                overTerm.append((o, overCost))
                terms.append((o, -1))
                model.addConstraint("cover_i\(i)", terms, .equal, Double(req))
            } else if req > 0 {
                model.addConstraint("cover_i\(i)", terms, .greaterOrEqual, Double(req))
            }
        }
        model.objectiveConstant = uncoverable

        // Hard rules per agent.
        for (a, agent) in scenario.agents.enumerated() {
            guard let contract = scenario.contract(named: agent.contract) else { continue }
            let mine = byAgent[a]
            var perDay: [[(type: Int, variable: LinearModel.VariableID)]] = Array(repeating: [], count: TimeGrid.days)
            for entry in mine { perDay[problem.shiftTypes[entry.type].day].append(entry) }
            for d in 0..<TimeGrid.days where perDay[d].count > 1 {
                model.addConstraint("one_a\(a)_d\(d)", perDay[d].map { ($0.variable, 1) }, .lessOrEqual, 1)
            }
            let hours = mine.map { (variable: $0.variable, coefficient: Double(problem.shiftTypes[$0.type].paidMinutes) / 60) }
            let minHours = Double(contract.minMinutes) / 60
            let maxHours = Double(contract.maxMinutes) / 60
            if minHours == maxHours {
                model.addConstraint("hours_a\(a)", hours, .equal, minHours)
            } else {
                if minHours > 0 { model.addConstraint("minhours_a\(a)", hours, .greaterOrEqual, minHours) }
                model.addConstraint("maxhours_a\(a)", hours, .lessOrEqual, maxHours)
            }
            if contract.maxDays < TimeGrid.days {
                model.addConstraint("days_a\(a)", mine.map { ($0.variable, 1) }, .lessOrEqual, Double(contract.maxDays))
            }
            let window = scenario.rules.maxConsecutiveDays
            if window < min(TimeGrid.days, contract.maxDays) {
                for first in 0...(TimeGrid.days - window - 1) {
                    let terms = (first...(first + window)).flatMap { perDay[$0] }.map { (variable: $0.variable, coefficient: 1.0) }
                    model.addConstraint("consec_a\(a)_d\(first)", terms, .lessOrEqual, Double(window))
                }
            }
            addRestCliques(agent: a, perDay: perDay, problem: problem, model: &model)
        }

        let terms = [
            PenaltyTerm(name: "labour cost", coefficients: labour.map { ($0.0, $0.1) }, constant: 0),
            PenaltyTerm(name: "understaffing", coefficients: underTerm.map { ($0.0, $0.1) }, constant: uncoverable),
            PenaltyTerm(name: "overstaffing", coefficients: overTerm.map { ($0.0, $0.1) }, constant: 0),
            PenaltyTerm(name: "preferred days off worked", coefficients: daysOff.map { ($0.0, $0.1) }, constant: 0),
            PenaltyTerm(name: "preferred start", coefficients: startDrift.map { ($0.0, $0.1) }, constant: 0),
        ]
        return RosterModel(model: model, problem: problem, assignments: assignments, breakCounts: breakCounts,
                           under: under, over: over, terms: terms)
    }

    /// Minimum rest as clique rows: for each end time e on day d, the shifts of d ending at or after e
    /// and the later shifts starting less than `min_rest` after e cannot both be worked.
    static func addRestCliques(agent a: Int, perDay: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem, model: inout LinearModel) {
        let rest = problem.scenario.rules.minRestMinutes
        let types = problem.shiftTypes
        for d in 0..<TimeGrid.days where !perDay[d].isEmpty {
            // Each later day on its own: shifts on two later days may well be worked together.
            for d2 in (d + 1)..<min(TimeGrid.days, d + 3) where !perDay[d2].isEmpty {
                let ends = Set(perDay[d].map { types[$0.type].absoluteEnd }).sorted(by: >)
                var rows: [(end: Int, members: [LinearModel.VariableID], key: Set<Int>)] = []
                for e in ends {
                    let second = perDay[d2].filter { types[$0.type].absoluteStart - e < rest }
                    guard !second.isEmpty else { continue }
                    let first = perDay[d].filter { types[$0.type].absoluteEnd >= e }.map(\.variable)
                    let key = Set(second.map(\.type))
                    // A row whose conflict set equals the next (smaller) threshold's is dominated by it.
                    if let last = rows.last, last.key == key { rows.removeLast() }
                    rows.append((e, first + second.map(\.variable), key))
                }
                for row in rows {
                    model.addConstraint("rest_a\(a)_d\(d)_d\(d2)_e\(row.end)", row.members.map { ($0, 1) }, .lessOrEqual, 1)
                }
            }
        }
    }
}
