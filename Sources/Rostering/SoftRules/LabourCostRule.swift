public import Core

/// Labour: paid hours × the agent's hourly cost.
public struct LabourCostRule: SoftRule {
    public let name = "labour cost"

    public init() {}

    public func shiftCost(agent a: Int, type: ShiftType, problem: RosterProblem) -> Double {
        Double(type.paidMinutes) / 60 * problem.scenario.agents[a].hourlyCost.doubleValue
    }

    public func value(_ roster: Roster, coverage: CoverageCount, problem: RosterProblem) -> ExactDecimal {
        let perMinute = roster.shifts.reduce(ExactDecimal.zero) { $0 + problem.scenario.agents[$1.agentIndex].hourlyCost * ExactDecimal($1.paidMinutes) }
        return perMinute.divided(by: 60, scale: 6, mode: .halfEven) ?? .zero
    }
}
