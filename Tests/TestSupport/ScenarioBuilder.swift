public import Core

/// Builds small in-memory scenarios for rostering tests: one day pattern of requirements, a few agents.
public struct ScenarioBuilder {
    public var intervalMinutes = 60
    public var lengths = [480]
    public var earliest = 6 * 60
    public var latest = 24 * 60
    public var step = 60
    public var breaks: [BreakRule] = []
    public var contracts = [Contract(name: "c", minMinutes: 0, maxMinutes: 7 * 480, maxDays: 7, lengthsMinutes: [480])]
    public var agents: [Agent] = [Agent(id: "A1", name: "One", contract: "c", hourlyCost: 10)]
    public var rules = WorkRules(minRestMinutes: 11 * 60, maxConsecutiveDays: 7)
    public var under: ExactDecimal = 100
    public var over: ExactDecimal = 0
    public var preferenceWeight: ExactDecimal = 0
    /// Required agents per (day, hour) — hours on the 60-minute grid unless `intervalMinutes` differs.
    public var required: [Int: [Int: Int]] = [:]
    public var fairnessWeight: ExactDecimal = 0
    public var lateAfter = 21 * 60
    public var changeWeight: ExactDecimal = 0
    public var baseline: [PlannedShift]?
    public var pins: [PlannedShift] = []

    public init() {}

    public var weekStart: LocalDate { LocalDate(iso: "2026-11-30") ?? LocalDate(daysSinceEpoch: 20_422) }

    public func scenario() -> Scenario {
        let grid = TimeGrid(weekStart: weekStart, intervalMinutes: intervalMinutes)
        var req = Array(repeating: 0, count: grid.intervalCount)
        for (day, slots) in required {
            for (slot, value) in slots { req[day * grid.intervalsPerDay + slot] = value }
        }
        var scenario = Scenario(
            name: "built", grid: grid, demand: .requirements(req), agents: agents,
            staffing: StaffingPolicy(serviceLevel: 0, answerSeconds: 0, maxOccupancy: 1, shrinkage: 0, minAgentsOpen: 0),
            shifts: ShiftPolicy(lengthsMinutes: lengths, startStepMinutes: step, earliestStart: ClockTime(minutes: earliest),
                                latestEnd: ClockTime(minutes: latest), breaks: breaks),
            contracts: contracts, rules: rules,
            costs: CostPolicy(currency: "CNY", understaffingPerAgentHour: under, overstaffingPerAgentHour: over, preferenceWeight: preferenceWeight,
                              fairnessWeight: fairnessWeight, lateShiftAfterMinutes: lateAfter, changeWeight: changeWeight),
            solver: SolverSettings(timeLimitSeconds: 30, mipGap: 0), adjust: Adjustment(), bonus: nil, sourceFiles: [])
        scenario.baseline = baseline
        scenario.pins = pins
        return scenario
    }
}
