public import Core
import Staffing

/// What the roster gives one interval, recomputed from the roster rows alone (SPEC §6, `coverage.csv`).
public struct IntervalCoverage: Sendable, Hashable {
    public let start: LocalDateTime
    /// The scheduled requirement (Erlang C grossed up for shrinkage, or given directly).
    public let required: Int
    /// Agents on shift in the interval, on break or not.
    public let scheduled: Int
    /// Agents on shift and on break in the interval.
    public let onBreak: Int
    /// (scheduled − on_break) × (1 − shrinkage), exactly.
    public let effective: ExactDecimal
    /// max(0, required − (scheduled − on_break)).
    public let shortfall: Int
    /// Erlang C at `effective` agents; nil when the interval has no contacts or the scenario gives requirements.
    public let projectedServiceLevel: Double?

    public init(start: LocalDateTime, required: Int, scheduled: Int, onBreak: Int, effective: ExactDecimal, shortfall: Int,
                projectedServiceLevel: Double?) {
        self.start = start
        self.required = required
        self.scheduled = scheduled
        self.onBreak = onBreak
        self.effective = effective
        self.shortfall = shortfall
        self.projectedServiceLevel = projectedServiceLevel
    }
}

/// Recomputes a roster's coverage of every interval of the week from its rows.
public enum CoverageRecount {
    /// One entry per interval of the scenario's week.
    ///
    /// An agent counts in an interval when one of their shifts overlaps it, and as on break when
    /// one of those shifts has a break overlapping it (on a valid roster both are whole
    /// intervals). Rows without a readable start and end count nowhere; shifts reaching past the
    /// week count only inside it. Rule violations do not matter here: the coverage of a roster is
    /// what its rows say, valid or not.
    ///
    /// - Parameters:
    ///   - roster: The roster rows.
    ///   - scenario: The week, the demand and the shrinkage.
    /// - Complexity: O(shifts × intervals per shift + Σ agents needed) — the requirement walks Erlang B once per interval.
    public static func recount(_ roster: RosterSheet, scenario: Scenario) -> [IntervalCoverage] {
        let grid = scenario.grid
        let interval = grid.intervalMinutes
        let weekMidnight = grid.weekStart.daysSinceEpoch * 1440
        let count = grid.intervalCount
        var onShift = Array(repeating: Set<String>(), count: count)
        var onBreak = Array(repeating: Set<String>(), count: count)

        /// The intervals that [start, end) overlaps.
        func indices(_ start: Int, _ end: Int) -> Range<Int> {
            let first = max(0, floorDivide(start - weekMidnight, interval))
            let last = min(count, ceilDivide(end - weekMidnight, interval))
            return first < last ? first..<last : 0..<0
        }

        for (n, row) in roster.rows.enumerated() {
            guard let shift = ResolvedShift(row: row, agent: nil), shift.endMinute > shift.startMinute else { continue }
            // An unnamed row is nobody else: count it on its own.
            let who = row.agentID.value ?? "#row\(n)"
            for i in indices(shift.startMinute, shift.endMinute) { onShift[i].insert(who) }
            for b in shift.breaks ?? [] where b.end > b.start {
                for i in indices(max(b.start, shift.startMinute), min(b.end, shift.endMinute)) { onBreak[i].insert(who) }
            }
        }

        let requirements = StaffingCalculator.requirements(for: scenario)
        let available = ExactDecimal.one - scenario.staffing.shrinkage
        let calculator = StaffingCalculator(policy: scenario.staffing, intervalMinutes: grid.intervalMinutes)
        return (0..<count).map { i in
            let requirement = i < requirements.count ? requirements[i] : nil
            let required = requirement?.agentsScheduled ?? 0
            let scheduled = onShift[i].count
            let breaking = onBreak[i].intersection(onShift[i]).count
            let working = scheduled - breaking
            let effective = ExactDecimal(working) * available
            var level: Double?
            if let requirement, let contacts = requirement.contacts, contacts.isPositive,
               let aht = requirement.ahtSeconds, aht.isPositive {
                level = calculator.projected(effectiveAgents: effective.doubleValue, contacts: contacts, ahtSeconds: aht).serviceLevel
            }
            return IntervalCoverage(start: grid.start(of: i), required: required, scheduled: scheduled, onBreak: breaking,
                                    effective: effective, shortfall: max(0, required - working), projectedServiceLevel: level)
        }
    }

    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    static func ceilDivide(_ a: Int, _ b: Int) -> Int {
        -floorDivide(-a, b)
    }
}
