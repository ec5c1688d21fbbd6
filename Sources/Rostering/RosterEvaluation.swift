public import Core
public import Staffing

/// What a roster achieves, interval by interval and in total (SPEC §6 outputs).
public struct RosterEvaluation: Sendable {
    public struct Interval: Sendable {
        public let required: Int
        public let scheduled: Int
        public let onBreak: Int
        /// (scheduled − on break) × (1 − shrinkage).
        public let effective: Double
        public let shortfall: Int
        public let surplus: Int
        /// Projected service level; nil when the interval has no contacts (or no forecast).
        public let serviceLevel: Double?
        /// Projected share of contacts that abandon (Erlang A only).
        public var abandonRate: Double? = nil
    }

    public let intervals: [Interval]
    public let paidMinutes: Int
    public let labourCost: ExactDecimal
    public let understaffedAgentHours: ExactDecimal
    public let overstaffedAgentHours: ExactDecimal
    public let preferredDaysOffWorked: Int
    /// Σ hours between each shift's start and its agent's preferred start.
    public let preferredStartDriftHours: ExactDecimal
    /// The objective of SPEC §6, exactly: the sum of `terms`.
    public let objective: ExactDecimal
    /// Each soft rule's exact share of the objective, by name (`objective_terms`).
    public let terms: [(name: String, value: ExactDecimal)]
    /// Contact-weighted mean projected service level per day (nil for a day without contacts) and for the week.
    public let serviceLevelByDay: [Double?]
    public let serviceLevelWeek: Double?

    /// Evaluates `roster` against the scenario's requirement.
    ///
    /// - Complexity: O(shifts × intervals per shift + intervals × agents on the phones).
    public init(roster: Roster, scenario: Scenario, requirements: [IntervalRequirement]) {
        let grid = scenario.grid
        let iv = grid.intervalMinutes
        var scheduled = Array(repeating: 0, count: grid.intervalCount)
        var onBreak = Array(repeating: 0, count: grid.intervalCount)
        var paid = 0
        var labour = ExactDecimal.zero
        var daysOff = 0
        var driftMinutes = 0
        for shift in roster.shifts {
            let agent = scenario.agents[shift.agentIndex]
            paid += shift.paidMinutes
            labour += agent.hourlyCost * ExactDecimal(shift.paidMinutes)
            if agent.preferredDaysOff.contains(grid.date(ofDay: shift.day).weekday) { daysOff += 1 }
            if let preferred = agent.preferredStart { driftMinutes += abs(shift.startMinute - preferred.minutes) }
            let first = shift.absoluteStart / iv
            let last = min(grid.intervalCount, (shift.absoluteEnd + iv - 1) / iv)
            guard first < last else { continue }
            for i in first..<last {
                scheduled[i] += 1
                let offset = i * iv - shift.absoluteStart
                if shift.breaks.contains(where: { offset >= $0.offsetMinutes && offset < $0.offsetMinutes + $0.minutes }) { onBreak[i] += 1 }
            }
        }
        let keep = 1 - scenario.staffing.shrinkage.doubleValue
        let calculator = StaffingCalculator(policy: scenario.staffing, intervalMinutes: grid.intervalMinutes)
        var rows: [Interval] = []
        var underIntervals = 0
        var overIntervals = 0
        var slSum = Array(repeating: 0.0, count: TimeGrid.days)
        var slWeight = Array(repeating: 0.0, count: TimeGrid.days)
        for i in 0..<grid.intervalCount {
            let required = requirements.indices.contains(i) ? requirements[i].agentsScheduled : 0
            let working = scheduled[i] - onBreak[i]
            let effective = Double(working) * keep
            var sl: Double?
            var abandon: Double?
            if let r = requirements.indices.contains(i) ? requirements[i] : nil, let contacts = r.contacts, contacts.isPositive,
               let aht = r.ahtSeconds {
                let projected = calculator.projected(effectiveAgents: effective, contacts: contacts, ahtSeconds: aht)
                let value = projected.serviceLevel
                abandon = projected.abandonRate
                sl = value
                slSum[i / grid.intervalsPerDay] += value * contacts.doubleValue
                slWeight[i / grid.intervalsPerDay] += contacts.doubleValue
            }
            let shortfall = max(0, required - working)
            let surplus = max(0, working - required)
            underIntervals += shortfall
            overIntervals += surplus
            rows.append(Interval(required: required, scheduled: scheduled[i], onBreak: onBreak[i], effective: effective,
                                 shortfall: shortfall, surplus: surplus, serviceLevel: sl, abandonRate: abandon))
        }
        intervals = rows
        paidMinutes = paid
        labourCost = (labour.divided(by: 60, scale: 6, mode: .halfEven) ?? .zero)
        let intervalHours = grid.intervalHours
        understaffedAgentHours = ExactDecimal(underIntervals) * intervalHours
        overstaffedAgentHours = ExactDecimal(overIntervals) * intervalHours
        preferredDaysOffWorked = daysOff
        preferredStartDriftHours = ExactDecimal(driftMinutes).divided(by: 60, scale: 6, mode: .halfEven) ?? .zero
        // The objective, once: the sum of every soft rule's exact value, each kept by name.
        let problem = RosterProblem(scenario: scenario, required: requirements.map(\.agentsScheduled), enumerateShifts: false)
        let coverage = CoverageCount(short: underIntervals, over: overIntervals)
        terms = problem.softRules.map { ($0.name, $0.value(roster, coverage: coverage, problem: problem)) }
        objective = terms.reduce(ExactDecimal.zero) { $0 + $1.value }
        serviceLevelByDay = (0..<TimeGrid.days).map { slWeight[$0] > 0 ? slSum[$0] / slWeight[$0] : nil }
        let total = slWeight.reduce(0, +)
        serviceLevelWeek = total > 0 ? slSum.reduce(0, +) / total : nil
    }
}
