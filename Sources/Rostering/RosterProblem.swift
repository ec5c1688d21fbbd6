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
    /// Per agent, its pinned days: day → the one shift type it must work then (`--pin`).
    public let pinnedTypes: [[Int: Int]]
    /// Per agent, the break pattern its pins fix: shift type → pattern index.
    public let pinnedPatterns: [[Int: Int]]
    /// Per agent, the `--baseline` roster's shift of each day it works (empty without a baseline).
    public let baselineShifts: [[Int: PlannedShift]]
    /// Ranges of late shifts / weekend days per contract that the search imposes on itself while
    /// levelling fairness (``CountRangeRule``); empty for the problem as the scenario states it.
    public var searchRanges: [String: [FairnessRule.Measure: ClosedRange<Int>]] = [:]
    /// Pins that no roster can keep on their own (not an allowed shift, two on one day…), in words.
    public let pinConflicts: [String]

    public var grid: TimeGrid { scenario.grid }

    /// Enumerates shift types and every agent's allowed options.
    ///
    /// - Complexity: O(days × starts × lengths × agents).
    /// - Parameter enumerateShifts: false leaves the shift types and options empty, for callers that
    ///   price a finished roster and need only the scenario and the requirement.
    public init(scenario: Scenario, required: [Int], enumerateShifts: Bool = true) {
        self.scenario = scenario
        self.required = required
        var baseline: [[Int: PlannedShift]] = Array(repeating: [:], count: scenario.agents.count)
        if let planned = scenario.baseline {
            var index: [String: Int] = [:]
            for (a, agent) in scenario.agents.enumerated() where index[agent.id] == nil { index[agent.id] = a }
            for s in planned { if let a = index[s.agentID] { baseline[a][s.day] = s } }
        }
        baselineShifts = baseline
        guard enumerateShifts else {
            shiftTypes = []
            options = Array(repeating: [], count: scenario.agents.count)
            agentsWithoutShifts = []
            pinnedTypes = Array(repeating: [:], count: scenario.agents.count)
            pinnedPatterns = Array(repeating: [:], count: scenario.agents.count)
            pinConflicts = []
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
        let pins = Self.resolvePins(scenario: scenario, types: types, options: options)
        for (a, days) in pins.types.enumerated() where !days.isEmpty {
            // On a pinned day the pinned shift is the agent's only option.
            options[a] = options[a].filter { t in days[types[t].day].map { $0 == t } ?? true }
        }
        self.shiftTypes = types
        self.options = options
        self.agentsWithoutShifts = empty
        self.pinnedTypes = pins.types
        self.pinnedPatterns = pins.patterns
        self.pinConflicts = pins.conflicts
    }

    /// Matches each pin to the agent's allowed shift type (and break pattern, when the pin gives its
    /// breaks); says in words why a pin matches none.
    static func resolvePins(scenario: Scenario, types: [ShiftType], options: [[Int]]) -> (types: [[Int: Int]], patterns: [[Int: Int]], conflicts: [String]) {
        var pinnedTypes: [[Int: Int]] = Array(repeating: [:], count: scenario.agents.count)
        var pinnedPatterns: [[Int: Int]] = Array(repeating: [:], count: scenario.agents.count)
        var conflicts: [String] = []
        guard !scenario.pins.isEmpty else { return (pinnedTypes, pinnedPatterns, conflicts) }
        var index: [String: Int] = [:]
        for (a, agent) in scenario.agents.enumerated() where index[agent.id] == nil { index[agent.id] = a }
        var lineOf: [String: Int] = [:]
        for pin in scenario.pins {
            guard let a = index[pin.agentID] else { continue }
            let agent = scenario.agents[a]
            let date = scenario.grid.date(ofDay: pin.day)
            let what = Texts.current(.roPinnedShift, "\(date)", pin.hoursText, "\(pin.source)")
            let key = "\(a)#\(pin.day)"
            if let first = lineOf[key] {
                conflicts.append(Texts.current(.roSecondPin, agent.id, what, "\(date)", String(first)))
                continue
            }
            lineOf[key] = pin.source.line
            guard let t = options[a].first(where: { types[$0].day == pin.day && types[$0].startMinute == pin.startMinute && types[$0].lengthMinutes == pin.lengthMinutes }) else {
                let contract = scenario.contract(named: agent.contract)
                let reason: String
                if agent.isUnavailable(on: date) {
                    reason = Texts.current(.roPinUnavailable, "\(date)")
                } else if let contract, !contract.lengthsMinutes.contains(pin.lengthMinutes) {
                    reason = Texts.current(.roPinLength, RuleWording.hours(pin.lengthMinutes), contract.name)
                } else {
                    reason = Texts.current(.roPinWindow)
                }
                conflicts.append(Texts.current(.roPinNotAllowed, agent.id, what, reason))
                continue
            }
            pinnedTypes[a][pin.day] = t
            if let breaks = pin.breaks {
                let wanted = breaks.map { [$0.offsetMinutes, $0.minutes] }
                if let p = types[t].breakPatterns.firstIndex(where: { $0.placements.map { [$0.offsetMinutes, $0.minutes] } == wanted }) {
                    pinnedPatterns[a][t] = p
                } else {
                    conflicts.append(Texts.current(.roPinBreaks, agent.id, what))
                }
            }
        }
        return (pinnedTypes, pinnedPatterns, conflicts)
    }

    /// How many pins fix each shift type's break pattern.
    var pinnedPatternCounts: [TypePattern: Int] {
        var counts: [TypePattern: Int] = [:]
        for agent in pinnedPatterns { for (t, p) in agent { counts[TypePattern(type: t, pattern: p), default: 0] += 1 } }
        return counts
    }

    /// The interval indices a shift type is on site for (clipped to the week).
    public func intervals(of type: ShiftType) -> Range<Int> {
        let iv = grid.intervalMinutes
        let first = type.absoluteStart / iv
        let last = min(grid.intervalCount, (type.absoluteEnd + iv - 1) / iv)
        return first..<max(first, last)
    }
}
