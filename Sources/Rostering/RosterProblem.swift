public import Core

/// The rostering problem in indexable form: shift types per day, which of them each agent may
/// work, and the requirement per interval.
public struct RosterProblem: Sendable {
    public let scenario: Scenario
    /// Agents to have on shift and off break, per interval of the week.
    public let required: [Int]
    public let shiftTypes: [ShiftType]
    /// For each agent (in scenario order), the indices of the shift types it may work.
    public let options: [[Int]]
    /// Agents whose own rules leave no shift at all on any day, with the reason.
    public let agentsWithoutShifts: [(agent: Int, reason: String)]

    public var grid: TimeGrid { scenario.grid }

    /// Enumerates shift types and every agent's allowed options.
    ///
    /// - Complexity: O(days × starts × lengths × agents).
    /// - Parameter enumerateShifts: false leaves the shift types and options empty, for callers that
    ///   price a finished roster and need only the scenario and the requirement.
    public init(scenario: Scenario, required: [Int], enumerateShifts: Bool = true) {
        self.scenario = scenario
        self.required = required
        guard enumerateShifts else {
            shiftTypes = []
            options = Array(repeating: [], count: scenario.agents.count)
            agentsWithoutShifts = []
            return
        }
        let interval = scenario.grid.intervalMinutes
        var types: [ShiftType] = []
        var typeIndex: [ShiftOption: Int] = [:]
        var patternCache: [Int: [BreakPattern]] = [:]
        for day in 0..<TimeGrid.days {
            for option in ShiftCatalog.options(day: day, policy: scenario.shifts) {
                let patterns = patternCache[option.lengthMinutes] ?? ShiftType.breakPatterns(
                    length: option.lengthMinutes, rules: scenario.shifts.breaks, intervalMinutes: interval)
                patternCache[option.lengthMinutes] = patterns
                guard !patterns.isEmpty else { continue }
                typeIndex[option] = types.count
                types.append(ShiftType(day: day, startMinute: option.startMinute, lengthMinutes: option.lengthMinutes,
                                       paidMinutes: scenario.shifts.paidMinutes(shiftMinutes: option.lengthMinutes), breakPatterns: patterns))
            }
        }
        var options: [[Int]] = []
        var empty: [(Int, String)] = []
        for (a, agent) in scenario.agents.enumerated() {
            let lengths = scenario.contract(named: agent.contract)?.lengthsMinutes ?? []
            var mine: [Int] = []
            for day in 0..<TimeGrid.days where !agent.isUnavailable(on: scenario.grid.date(ofDay: day)) {
                for option in ShiftCatalog.options(day: day, policy: scenario.shifts, lengths: lengths,
                                                   earliest: agent.earliestStart, latest: agent.latestEnd) {
                    if let t = typeIndex[option] { mine.append(t) }
                }
            }
            if mine.isEmpty {
                empty.append((a, "no allowed shift fits the agent's window, contract lengths and available days"))
            }
            options.append(mine)
        }
        self.shiftTypes = types
        self.options = options
        self.agentsWithoutShifts = empty
    }

    /// The interval indices a shift type is on site for (clipped to the week).
    public func intervals(of type: ShiftType) -> Range<Int> {
        let iv = grid.intervalMinutes
        let first = type.absoluteStart / iv
        let last = min(grid.intervalCount, (type.absoluteEnd + iv - 1) / iv)
        return first..<max(first, last)
    }
}
