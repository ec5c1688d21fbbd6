import Core
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
    /// The variables the rules added beyond assignments, breaks and coverage, by name.
    public let auxiliary: [String: LinearModel.VariableID]
    /// Each agent's hard rules (nil: unknown contract), as the rows were built from them.
    let weekRules: [AgentRules?]
    /// Per interval, its coverage row (nil: none, no shift covers it or nothing is required and
    /// overstaffing is free).
    let coverRows: [Int?]
    /// Per agent, the rows its hard rules added and the variables they added (a days-off run's starts, a
    /// start window's choices).
    let ruleRows: [Range<Int>]
    let ruleVariables: [Range<Int>]
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
        var model = LinearModel(name: "roster")
        // Each soft rule's own coefficients, so every term of the objective keeps its name.
        let softRules = problem.softRules
        var ruleTerms: [[(variable: LinearModel.VariableID, coefficient: Double)]] = Array(repeating: [], count: softRules.count)
        var ruleConstants = Array(repeating: 0.0, count: softRules.count)

        // Assignment variables.
        var assignments: [(agent: Int, type: Int, variable: LinearModel.VariableID)] = []
        var byAgent: [[(type: Int, variable: LinearModel.VariableID)]] = Array(repeating: [], count: scenario.agents.count)
        var byType: [[LinearModel.VariableID]] = Array(repeating: [], count: problem.shiftTypes.count)
        for a in scenario.agents.indices {
            for t in problem.options[a] {
                let type = problem.shiftTypes[t]
                let v = model.addVariable("x_a\(a)_t\(t)", kind: .binary, upper: 1)
                var objective = 0.0
                for (r, rule) in softRules.enumerated() {
                    let c = rule.shiftCost(agent: a, type: type, problem: problem)
                    if c != 0 {
                        ruleTerms[r].append((v, c))
                        objective += c
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
        // Pinned breaks: at least as many on each pattern as pins fix there.
        let pinnedCounts = problem.pinnedPatternCounts
        for (t, type) in problem.shiftTypes.enumerated() where !byType[t].isEmpty {
            let hasBreaks = type.breakPatterns.contains { !$0.placements.isEmpty }
            guard hasBreaks else { continue }
            var link: [(variable: LinearModel.VariableID, coefficient: Double)] = byType[t].map { ($0, -1) }
            for (p, pattern) in type.breakPatterns.enumerated() {
                let v = model.addVariable("y_t\(t)_p\(p)", kind: .integer, lower: Double(pinnedCounts[TypePattern(type: t, pattern: p)] ?? 0),
                                          upper: Double(byType[t].count))
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
        // Each rule's price of an agent-interval short and over, and the sums the coverage rows use.
        let shortPrices = softRules.map { $0.intervalCost(short: true, problem: problem) }
        let overPrices = softRules.map { $0.intervalCost(short: false, problem: problem) }
        let underCost = shortPrices.reduce(0, +)
        let overCost = overPrices.reduce(0, +)
        var under: [LinearModel.VariableID?] = Array(repeating: nil, count: grid.intervalCount)
        var over: [LinearModel.VariableID?] = Array(repeating: nil, count: grid.intervalCount)
        var uncoverable = 0.0
        var coverRows: [Int?] = Array(repeating: nil, count: grid.intervalCount)
        for i in 0..<grid.intervalCount {
            let req = problem.required[i]
            if onShift[i].isEmpty {
                uncoverable += Double(req) * underCost
                for (r, price) in shortPrices.enumerated() { ruleConstants[r] += Double(req) * price }
                continue
            }
            var terms: [(variable: LinearModel.VariableID, coefficient: Double)] = onShift[i].map { ($0, 1) }
            terms += breaksAt[i].map { ($0, -1) }
            if req > 0 {
                let u = model.addVariable("u_i\(i)", upper: Double(req), objective: underCost)
                under[i] = u
                for (r, price) in shortPrices.enumerated() where price != 0 { ruleTerms[r].append((u, price)) }
                terms.append((u, 1))
            }
            if overCost > 0 {
                let o = model.addVariable("o_i\(i)", objective: overCost)
                over[i] = o
                for (r, price) in overPrices.enumerated() where price != 0 { ruleTerms[r].append((o, price)) }
                terms.append((o, -1))
                coverRows[i] = model.constraints.count
                model.addConstraint("cover_i\(i)", terms, .equal, Double(req))
            } else if req > 0 {
                coverRows[i] = model.constraints.count
                model.addConstraint("cover_i\(i)", terms, .greaterOrEqual, Double(req))
            }
        }
        for (r, rule) in softRules.enumerated() { ruleConstants[r] += rule.constant(problem: problem) }
        model.objectiveConstant = uncoverable + problem.costConstant

        // Hard rules per agent: each rule adds its own rows (and the variables those need).
        let firstAuxiliary = model.variables.count
        let weekRules = scenario.agents.indices.map { problem.weekRules(agent: $0) }
        var ruleRows: [Range<Int>] = [], ruleVariables: [Range<Int>] = []
        for a in scenario.agents.indices {
            let (firstRow, firstVariable) = (model.constraints.count, model.variables.count)
            defer {
                ruleRows.append(firstRow..<model.constraints.count)
                ruleVariables.append(firstVariable..<model.variables.count)
            }
            guard let rules = weekRules[a] else { continue }
            var perDay: [[(type: Int, variable: LinearModel.VariableID)]] = Array(repeating: [], count: TimeGrid.days)
            for entry in byAgent[a] { perDay[problem.shiftTypes[entry.type].day].append(entry) }
            for rule in rules.rules { rule.addRows(agent: a, perDay: perDay, problem: problem, model: &model) }
        }

        // Soft rules that are not per-shift costs add their own rows and variables.
        for (r, rule) in softRules.enumerated() {
            ruleTerms[r] += rule.addRows(byAgent: byAgent, problem: problem, model: &model)
        }
        var auxiliary: [String: LinearModel.VariableID] = [:]
        for i in firstAuxiliary..<model.variables.count { auxiliary[model.variables[i].name] = LinearModel.VariableID(i) }
        let terms = softRules.indices.map { r in
            PenaltyTerm(name: softRules[r].name, coefficients: ruleTerms[r], constant: ruleConstants[r])
        }
        return RosterModel(model: model, problem: problem, assignments: assignments, breakCounts: breakCounts,
                           under: under, over: over, terms: terms, auxiliary: auxiliary, weekRules: weekRules,
                           coverRows: coverRows, ruleRows: ruleRows, ruleVariables: ruleVariables)
    }
}
