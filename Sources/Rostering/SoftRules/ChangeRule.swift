public import Core

/// `change_weight` per agent-day whose shift (start and end, or off) differs from the `--baseline`
/// roster (SPEC §6, minimal change).
///
/// As shift costs: on a day the baseline has the agent off, any shift costs the weight; on a day
/// it has a shift, that same shift costs −weight and the rule adds the weight as a constant — so an
/// agent-day costs the weight exactly when it differs, whatever is worked.
public struct ChangeRule: SoftRule {
    public let name = "changes from baseline"

    public init() {}

    public func shiftCost(agent a: Int, type: ShiftType, problem: RosterProblem) -> Double {
        guard problem.scenario.baseline != nil else { return 0 }
        let weight = problem.scenario.costs.changeWeight.doubleValue
        guard let before = problem.baselineShifts[a][type.day] else { return weight }
        return before.startMinute == type.startMinute && before.lengthMinutes == type.lengthMinutes ? -weight : 0
    }

    public func constant(problem: RosterProblem) -> Double {
        problem.scenario.costs.changeWeight.doubleValue * Double(problem.baselineShifts.reduce(0) { $0 + $1.count })
    }

    public func value(_ roster: Roster, coverage: CoverageCount, problem: RosterProblem) -> ExactDecimal {
        ExactDecimal(Self.changes(roster, problem: problem).count) * problem.scenario.costs.changeWeight
    }

    /// Every agent-day that differs from the baseline, in agent and day order: (agent, day, before, after).
    public static func changes(_ roster: Roster, problem: RosterProblem) -> [(agent: Int, day: Int, before: PlannedShift?, after: RosteredShift?)] {
        guard problem.scenario.baseline != nil else { return [] }
        var worked: [[Int: RosteredShift]] = Array(repeating: [:], count: problem.scenario.agents.count)
        for s in roster.shifts { worked[s.agentIndex][s.day] = s }
        var result: [(agent: Int, day: Int, before: PlannedShift?, after: RosteredShift?)] = []
        for a in problem.scenario.agents.indices {
            for d in 0..<TimeGrid.days {
                let before = problem.baselineShifts[a][d]
                let after = worked[a][d]
                let same: Bool
                switch (before, after) {
                case (nil, nil): same = true
                case let (b?, s?): same = b.startMinute == s.startMinute && b.lengthMinutes == s.lengthMinutes
                default: same = false
                }
                if !same { result.append((a, d, before, after)) }
            }
        }
        return result
    }
}
