public import Core

/// Understaffing: `understaffing_per_agent_hour` × agent-hours below the requirement.
public struct UnderstaffingRule: SoftRule {
    public let name = "understaffing"

    public init() {}

    public func intervalCost(short: Bool, problem: RosterProblem) -> Double {
        short ? problem.scenario.costs.understaffingPerAgentHour.doubleValue * Double(problem.grid.intervalMinutes) / 60 : 0
    }

    public func value(_ roster: Roster, coverage: CoverageCount, problem: RosterProblem) -> ExactDecimal {
        ExactDecimal(coverage.short) * problem.grid.intervalHours * problem.scenario.costs.understaffingPerAgentHour
    }
}

/// Overstaffing: `overstaffing_per_agent_hour` × agent-hours above the requirement.
public struct OverstaffingRule: SoftRule {
    public let name = "overstaffing"

    public init() {}

    public func intervalCost(short: Bool, problem: RosterProblem) -> Double {
        short ? 0 : problem.scenario.costs.overstaffingPerAgentHour.doubleValue * Double(problem.grid.intervalMinutes) / 60
    }

    public func value(_ roster: Roster, coverage: CoverageCount, problem: RosterProblem) -> ExactDecimal {
        ExactDecimal(coverage.over) * problem.grid.intervalHours * problem.scenario.costs.overstaffingPerAgentHour
    }
}
