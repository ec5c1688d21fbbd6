public import Core
public import LinearModel

/// A search device, not a rule of the scenario: the agent's number of late shifts (or weekend days
/// worked) lies within `range`. The fairness levelling (``RosterSearch``) narrows each contract's
/// range one step at a time and lets the search find rosters inside it; the bound and the written
/// roster are judged against the scenario's own rules only.
public struct CountRangeRule: WeekRule {
    public let name = "fairness range"
    public let slots = 1
    public let measure: FairnessRule.Measure
    public let range: ClosedRange<Int>
    let problem: RosterProblem

    public init(measure: FairnessRule.Measure, range: ClosedRange<Int>, problem: RosterProblem) {
        self.measure = measure
        self.range = range
        self.problem = problem
    }

    public func step(_ state: inout RuleState, at base: Int, day: Int, shift: ShiftType?) -> Bool {
        guard let shift else { return true }
        state[base] += FairnessRule.counts(shift, problem: problem)[measure.rawValue]
        return state[base] <= range.upperBound
    }

    public func accepts(_ state: RuleState, at base: Int) -> Bool { state[base] >= range.lowerBound }

    public func addRows(agent a: Int, perDay: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem, model: inout LinearModel) {
        let terms = perDay.flatMap { $0 }.filter { FairnessRule.counts(problem.shiftTypes[$0.type], problem: problem)[measure.rawValue] == 1 }
            .map { (variable: $0.variable, coefficient: 1.0) }
        model.addConstraint("range_\(measure.rawValue)_lo_a\(a)", terms, .greaterOrEqual, Double(range.lowerBound))
        model.addConstraint("range_\(measure.rawValue)_hi_a\(a)", terms, .lessOrEqual, Double(range.upperBound))
    }

    public func explain(problem: RosterProblem) -> String {
        "\(measure == .late ? "late shifts" : "weekend days") within \(range.lowerBound)–\(range.upperBound)"
    }
}
