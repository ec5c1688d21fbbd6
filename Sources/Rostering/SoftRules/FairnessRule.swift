public import Core
public import LinearModel

/// `fairness_weight` × (for each contract, the largest minus the smallest number of late shifts
/// among its agents, plus the same for weekend days worked) (SPEC §6).
///
/// A late shift ends after `late_shift_after` (time of day) or past midnight; a weekend day is a
/// Saturday or Sunday worked (the day a shift starts). Not a per-shift cost: the model and the
/// week master hold a largest and a smallest count per contract and measure, bounded by every
/// agent's count; the search prices it exactly (``FairnessTally``).
public struct FairnessRule: SoftRule {
    public let name = "fairness"

    public init() {}

    /// The two measures: late shifts and weekend days worked.
    public enum Measure: Int, CaseIterable, Sendable {
        case late, weekend

        var tag: String { self == .late ? "late" : "wkd" }
    }

    public static func isActive(_ problem: RosterProblem) -> Bool { problem.scenario.costs.fairnessWeight.isPositive }

    /// Whether a shift starting `startMinute` after its day's midnight and lasting `lengthMinutes`
    /// is late: it ends after `costs.late_shift_after` (a time of day) or past midnight.
    public static func isLate(startMinute: Int, lengthMinutes: Int, costs: CostPolicy) -> Bool {
        let end = startMinute + lengthMinutes
        return end > 1440 || end > costs.lateShiftAfterMinutes
    }

    /// Whether day `day` of the week is a Saturday or a Sunday.
    public static func isWeekend(day: Int, grid: TimeGrid) -> Bool {
        let weekday = grid.date(ofDay: day).weekday
        return weekday == .sat || weekday == .sun
    }

    /// What one shift adds to each measure (0 or 1).
    public static func counts(_ type: ShiftType, problem: RosterProblem) -> [Int] {
        [isLate(startMinute: type.startMinute, lengthMinutes: type.lengthMinutes, costs: problem.scenario.costs) ? 1 : 0,
         isWeekend(day: type.day, grid: problem.grid) ? 1 : 0]
    }

    /// The agents of each contract that has at least two (a spread needs two).
    public static func groups(_ problem: RosterProblem) -> [(contract: String, agents: [Int])] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (a, agent) in problem.scenario.agents.enumerated() {
            if members[agent.contract] == nil { order.append(agent.contract) }
            members[agent.contract, default: []].append(a)
        }
        return order.compactMap { c in members[c]!.count >= 2 ? (c, members[c]!) : nil }
    }

    /// Per agent, its count of each measure in `roster`.
    public static func tally(_ roster: Roster, problem: RosterProblem) -> [[Int]] {
        var counts = Array(repeating: [0, 0], count: problem.scenario.agents.count)
        for s in roster.shifts {
            if isLate(startMinute: s.startMinute, lengthMinutes: s.lengthMinutes, costs: problem.scenario.costs) { counts[s.agentIndex][0] += 1 }
            if isWeekend(day: s.day, grid: problem.grid) { counts[s.agentIndex][1] += 1 }
        }
        return counts
    }

    /// Σ over contracts and measures of (largest − smallest count).
    public static func spread(_ counts: [[Int]], problem: RosterProblem) -> Int {
        var total = 0
        for group in groups(problem) {
            for m in Measure.allCases {
                let values = group.agents.map { counts[$0][m.rawValue] }
                total += (values.max() ?? 0) - (values.min() ?? 0)
            }
        }
        return total
    }

    public func value(_ roster: Roster, coverage: CoverageCount, problem: RosterProblem) -> ExactDecimal {
        guard Self.isActive(problem) else { return .zero }
        return ExactDecimal(Self.spread(Self.tally(roster, problem: problem), problem: problem)) * problem.scenario.costs.fairnessWeight
    }

    /// Per contract and measure: `hi` ≥ every agent's count ≥ `lo`, priced weight × (hi − lo).
    public func addRows(byAgent: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem,
                        model: inout LinearModel) -> [(variable: LinearModel.VariableID, coefficient: Double)] {
        guard Self.isActive(problem) else { return [] }
        let weight = problem.scenario.costs.fairnessWeight.doubleValue
        var objective: [(variable: LinearModel.VariableID, coefficient: Double)] = []
        for (g, group) in Self.groups(problem).enumerated() {
            for m in Measure.allCases {
                let hi = model.addVariable("fair_\(m.tag)_hi_c\(g)", upper: 7, objective: weight)
                let lo = model.addVariable("fair_\(m.tag)_lo_c\(g)", upper: 7, objective: -weight)
                objective += [(hi, weight), (lo, -weight)]
                for a in group.agents {
                    let terms = byAgent[a].filter { Self.counts(problem.shiftTypes[$0.type], problem: problem)[m.rawValue] == 1 }
                        .map { (variable: $0.variable, coefficient: 1.0) }
                    model.addConstraint("fair_\(m.tag)_hi_a\(a)", [(hi, 1)] + terms.map { ($0.variable, -1.0) }, .greaterOrEqual, 0)
                    model.addConstraint("fair_\(m.tag)_lo_a\(a)", terms + [(lo, -1)], .greaterOrEqual, 0)
                }
            }
        }
        return objective
    }

    /// The largest and smallest counts of each contract in `roster`, by variable name.
    public func auxiliaryValues(_ roster: Roster, problem: RosterProblem) -> [(name: String, value: Double)] {
        guard Self.isActive(problem) else { return [] }
        let counts = Self.tally(roster, problem: problem)
        var values: [(name: String, value: Double)] = []
        for (g, group) in Self.groups(problem).enumerated() {
            for m in Measure.allCases {
                let c = group.agents.map { counts[$0][m.rawValue] }
                values.append(("fair_\(m.tag)_hi_c\(g)", Double(c.max() ?? 0)))
                values.append(("fair_\(m.tag)_lo_c\(g)", Double(c.min() ?? 0)))
            }
        }
        return values
    }
}

/// The fairness term kept up to date while the search changes one agent's week at a time: each
/// contract's histogram of counts per measure, so the spread after a change costs O(8).
struct FairnessTally: Sendable {
    let weight: Double
    /// Per agent: its group index (nil: alone in its contract).
    let group: [Int?]
    /// Agent a's count of measure m at 2a + m.
    private var counts: [Int]
    /// How many agents of group g have count v of measure m, at (2g + m) × 8 + v (v = 0…7).
    private var histogram: [Int]

    init?(problem: RosterProblem) {
        guard FairnessRule.isActive(problem) else { return nil }
        weight = problem.scenario.costs.fairnessWeight.doubleValue
        let agents = problem.scenario.agents.count
        var group: [Int?] = Array(repeating: nil, count: agents)
        counts = Array(repeating: 0, count: 2 * agents)
        let groups = FairnessRule.groups(problem)
        histogram = Array(repeating: 0, count: groups.count * 16)
        for (g, entry) in groups.enumerated() {
            for a in entry.agents { group[a] = g }
            histogram[g * 16] = entry.agents.count
            histogram[g * 16 + 8] = entry.agents.count
        }
        self.group = group
    }

    /// Agent `a`'s counts (late shifts, weekend days).
    func counts(of a: Int) -> [Int] { [counts[2 * a], counts[2 * a + 1]] }

    /// The spread of one group and measure; with `moving`, as if one agent's count moved from `from` to `to`.
    func spread(_ g: Int, _ m: Int, moving: (from: Int, to: Int)? = nil) -> Int {
        let base = (2 * g + m) * 8
        var lo = -1, hi = -1
        for v in 0..<8 {
            var n = histogram[base + v]
            if let moving { n += (v == moving.to ? 1 : 0) - (v == moving.from ? 1 : 0) }
            guard n > 0 else { continue }
            if lo < 0 { lo = v }
            hi = v
        }
        return lo < 0 ? 0 : hi - lo
    }

    /// The whole term.
    var cost: Double {
        var total = 0
        for g in 0..<(histogram.count / 16) { total += spread(g, 0) + spread(g, 1) }
        return weight * Double(total)
    }

    mutating func set(agent a: Int, to new: [Int]) {
        guard let g = group[a] else { return }
        for m in 0..<2 {
            let base = (2 * g + m) * 8
            histogram[base + counts[2 * a + m]] -= 1
            let v = min(7, new[m])
            histogram[base + v] += 1
            counts[2 * a + m] = v
        }
    }

    /// How the term changes if agent `a`'s counts become `new`.
    func delta(agent a: Int, to new: [Int]) -> Double {
        guard let g = group[a] else { return 0 }
        var total = 0
        for m in 0..<2 { total += spread(g, m, moving: (counts[2 * a + m], min(7, new[m]))) - spread(g, m) }
        return weight * Double(total)
    }

    /// A price per late shift and per weekend day for agent `a`'s best response: half the exact
    /// change of the term from one more, plus half from one fewer (the slope around its count) —
    /// +weight for the only agent at the top, 0 in the middle of the range.
    func prices(agent a: Int) -> [Double] {
        guard group[a] != nil else { return [0, 0] }
        return (0..<2).map { m in
            var up = counts(of: a), down = counts(of: a)
            up[m] += 1
            down[m] -= 1
            let more = up[m] <= 7 ? delta(agent: a, to: up) : weight
            let fewer = down[m] >= 0 ? delta(agent: a, to: down) : -weight
            return (more - fewer) / 2
        }
    }
}
