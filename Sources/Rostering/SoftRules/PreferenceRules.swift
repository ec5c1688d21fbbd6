public import Core

/// `preference_weight` per preferred day off worked.
public struct PreferredDaysOffRule: SoftRule {
    public let name = "preferred days off worked"

    public init() {}

    func breaks(agent a: Int, day: Int, problem: RosterProblem) -> Bool {
        problem.scenario.agents[a].preferredDaysOff.contains(problem.grid.date(ofDay: day).weekday)
    }

    public func shiftCost(agent a: Int, type: ShiftType, problem: RosterProblem) -> Double {
        breaks(agent: a, day: type.day, problem: problem) ? problem.scenario.costs.preferenceWeight.doubleValue : 0
    }

    public func value(_ roster: Roster, coverage: CoverageCount, problem: RosterProblem) -> ExactDecimal {
        let count = roster.shifts.filter { breaks(agent: $0.agentIndex, day: $0.day, problem: problem) }.count
        return ExactDecimal(count) * problem.scenario.costs.preferenceWeight
    }
}

/// `preference_weight` per hour between a shift's start and the agent's `preferred_start`.
public struct PreferredStartRule: SoftRule {
    public let name = "preferred start"

    public init() {}

    func driftMinutes(agent a: Int, start: Int, problem: RosterProblem) -> Int {
        problem.scenario.agents[a].preferredStart.map { abs(start - $0.minutes) } ?? 0
    }

    public func shiftCost(agent a: Int, type: ShiftType, problem: RosterProblem) -> Double {
        Double(driftMinutes(agent: a, start: type.startMinute, problem: problem)) / 60 * problem.scenario.costs.preferenceWeight.doubleValue
    }

    public func value(_ roster: Roster, coverage: CoverageCount, problem: RosterProblem) -> ExactDecimal {
        let minutes = roster.shifts.reduce(0) { $0 + driftMinutes(agent: $1.agentIndex, start: $1.startMinute, problem: problem) }
        return (ExactDecimal(minutes).divided(by: 60, scale: 6, mode: .halfEven) ?? .zero) * problem.scenario.costs.preferenceWeight
    }
}
