import Core
public import LinearModel

/// A search device, not a rule of the scenario: the agent's numbers of late shifts and of weekend
/// days worked lie within the given ranges. The fairness levelling (``RosterSearch``) narrows each
/// contract's ranges one step at a time and lets the search find rosters inside them; the bound and
/// the written roster are judged against the scenario's own rules only.
public struct CountRangeRule: WeekRule {
    public let name = "fairness range"
    public let slots = 1
    /// Per measure (late, weekend): the allowed counts.
    public let ranges: [FairnessRule.Measure: ClosedRange<Int>]
    let problem: RosterProblem

    public init(ranges: [FairnessRule.Measure: ClosedRange<Int>], problem: RosterProblem) {
        self.ranges = ranges
        self.problem = problem
    }

    func range(_ m: FairnessRule.Measure) -> ClosedRange<Int> { ranges[m] ?? 0...7 }

    /// The slot: late shifts × 8 + weekend days so far, each only when its range is given (a count without
    /// one is not remembered: equal futures share one state, and the week graph stays small).
    public func step(_ state: inout RuleState, at base: Int, day: Int, shift: ShiftType?) -> Bool {
        guard let shift else { return true }
        let c = FairnessRule.counts(shift, problem: problem)
        let late = state[base] / 8 + (ranges[.late] == nil ? 0 : c[0]), weekend = state[base] % 8 + (ranges[.weekend] == nil ? 0 : c[1])
        state[base] = late * 8 + weekend
        return late <= range(.late).upperBound && weekend <= range(.weekend).upperBound
    }

    public func accepts(_ state: RuleState, at base: Int) -> Bool {
        state[base] / 8 >= range(.late).lowerBound && state[base] % 8 >= range(.weekend).lowerBound
    }

    public func addRows(agent a: Int, perDay: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem, model: inout LinearModel) {
        for (m, r) in ranges.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let terms = perDay.flatMap { $0 }.filter { FairnessRule.counts(problem.shiftTypes[$0.type], problem: problem)[m.rawValue] == 1 }
                .map { (variable: $0.variable, coefficient: 1.0) }
            model.addConstraint("range_\(m.rawValue)_lo_a\(a)", terms, .greaterOrEqual, Double(r.lowerBound))
            model.addConstraint("range_\(m.rawValue)_hi_a\(a)", terms, .lessOrEqual, Double(r.upperBound))
        }
    }

    public func explain(problem: RosterProblem) -> String {
        Texts.current(.roFairness, String(range(.late).lowerBound), String(range(.late).upperBound), String(range(.weekend).lowerBound),
                      String(range(.weekend).upperBound))
    }
}
