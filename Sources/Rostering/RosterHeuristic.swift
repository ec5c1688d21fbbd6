public import Core

/// Builds a roster by best responses: each agent in turn takes the week of shifts (and break
/// placements) that lowers the objective most, given everyone else's shifts, until a full pass
/// changes nothing.
///
/// Each agent's best week is found exactly by dynamic programming over the days (state: days
/// worked, paid minutes, end of the last shift while it still limits the rest, consecutive days),
/// so every roster it returns keeps every hard rule. Deterministic: fixed agent order, no clock.
public struct RosterHeuristic: Sendable {
    public let problem: RosterProblem
    /// Per shift type: the intervals it spans, and per break pattern which of them are worked.
    let spans: [Range<Int>]
    let working: [[[Bool]]]
    let underGain: [Double]
    let overCost: [Double]

    public init(problem: RosterProblem) {
        self.problem = problem
        let iv = problem.grid.intervalMinutes
        var spans: [Range<Int>] = []
        var working: [[[Bool]]] = []
        for type in problem.shiftTypes {
            let span = problem.intervals(of: type)
            spans.append(span)
            working.append(type.breakPatterns.map { pattern in
                span.map { i in !pattern.covers(offset: i * iv - type.absoluteStart) }
            })
        }
        self.spans = spans
        self.working = working
        let hours = Double(iv) / 60
        let costs = problem.scenario.costs
        underGain = Array(repeating: costs.understaffingPerAgentHour.doubleValue * hours, count: problem.grid.intervalCount)
        overCost = Array(repeating: costs.overstaffingPerAgentHour.doubleValue * hours, count: problem.grid.intervalCount)
    }

    /// One chosen shift: its type and break pattern.
    public struct Choice: Sendable, Hashable {
        public let type: Int
        public let pattern: Int
    }

    /// Agents whose own hard rules admit no week at all.
    public func agentsWithoutAWeek() -> [Int] {
        let coverage = Array(repeating: Int.max / 4, count: problem.grid.intervalCount)
        return problem.scenario.agents.indices.filter { bestWeek(agent: $0, coverage: coverage) == nil }
    }

    /// Runs best-response passes until none improves (at most `maxPasses`).
    ///
    /// - Parameter guide: optional weights per agent and shift type (e.g. an LP relaxation's values);
    ///   the first pass then gives each agent the week closest to its guide before best responses take over.
    public func solve(maxPasses: Int = 50, guide: [[Int: Double]]? = nil, start: Roster? = nil) -> (roster: Roster, weeks: [[Choice]]) {
        let agents = problem.scenario.agents.count
        var weeks: [[Choice]] = start.map(weeks(of:)) ?? Array(repeating: [], count: agents)
        var coverage = Array(repeating: 0, count: problem.grid.intervalCount)
        for week in weeks { apply(week, to: &coverage, sign: 1) }
        // Cheapest agents first, so the first pass already leans on them.
        let order = problem.scenario.agents.indices.sorted {
            (problem.scenario.agents[$0].hourlyCost, $0) < (problem.scenario.agents[$1].hourlyCost, $1)
        }
        if let guide {
            // Weight agreement with the guide far above any single interval's worth.
            let weight = 10 * (underGain.max() ?? 1) * Double(problem.grid.intervalsPerDay)
            for a in order {
                let bonus = guide[a].mapValues { $0 * weight }
                weeks[a] = bestWeek(agent: a, coverage: coverage, bonus: bonus) ?? []
                apply(weeks[a], to: &coverage, sign: 1)
            }
        }
        for _ in 0..<maxPasses {
            var changed = false
            for a in order {
                apply(weeks[a], to: &coverage, sign: -1)
                let best = bestWeek(agent: a, coverage: coverage) ?? weeks[a]
                if best != weeks[a] {
                    let before = value(of: weeks[a], agent: a, coverage: coverage)
                    let after = value(of: best, agent: a, coverage: coverage)
                    // A week that breaks the agent's rules (the empty start, below the contract minimum) is always replaced.
                    if after > before + 1e-9 || !isFeasible(agent: a, days: days(of: weeks[a])) {
                        weeks[a] = best
                        changed = true
                    }
                }
                apply(weeks[a], to: &coverage, sign: 1)
            }
            // Exchanges keep coverage as it is and trade shifts between agents for cost and preferences.
            if exchangeShifts(&weeks) { changed = true }
            if !changed { break }
        }
        return (roster(from: weeks), weeks)
    }

    /// Improving exchanges between two agents that leave coverage unchanged: the same day's shifts
    /// swapped, or one agent's shift on day d traded for the other's on day e. Returns whether any was made.
    func exchangeShifts(_ weeks: inout [[Choice]]) -> Bool {
        let agents = problem.scenario.agents.indices
        let allowed = problem.options.map(Set.init)
        var improved = false
        var byDay: [[Choice?]] = weeks.map { week in
            var days: [Choice?] = Array(repeating: nil, count: TimeGrid.days)
            for c in week { days[problem.shiftTypes[c.type].day] = c }
            return days
        }
        func cost(_ c: Choice?, _ a: Int) -> Double { c.map { fixedCost(type: $0.type, agent: a) } ?? 0 }
        for a in agents {
            for b in agents where b > a {
                for d in 0..<TimeGrid.days {
                    for e in 0..<TimeGrid.days {
                        let ca = byDay[a][d], cb = byDay[b][e]
                        // Same day: swap the two shifts. Two days: a gives up d for b's e, b takes a's d.
                        if d == e {
                            guard let x = ca, let y = cb, x.type != y.type else { continue }
                            guard allowed[a].contains(y.type), allowed[b].contains(x.type) else { continue }
                        } else {
                            guard let x = ca, let y = cb, byDay[a][e] == nil, byDay[b][d] == nil else { continue }
                            guard allowed[a].contains(y.type), allowed[b].contains(x.type) else { continue }
                        }
                        let delta = cost(cb, a) + cost(ca, b) - cost(ca, a) - cost(cb, b)
                        guard delta < -1e-9 else { continue }
                        var newA = byDay[a], newB = byDay[b]
                        newA[d] = nil; newB[e] = nil
                        newA[e] = cb; newB[d] = ca
                        guard isFeasible(agent: a, days: newA), isFeasible(agent: b, days: newB) else { continue }
                        byDay[a] = newA
                        byDay[b] = newB
                        improved = true
                    }
                }
            }
        }
        if improved { weeks = byDay.map { $0.compactMap { $0 } } }
        return improved
    }

    /// The week as one optional shift per day.
    func days(of week: [Choice]) -> [Choice?] {
        var days: [Choice?] = Array(repeating: nil, count: TimeGrid.days)
        for c in week { days[problem.shiftTypes[c.type].day] = c }
        return days
    }

    /// Whether a week (one optional shift per day) keeps the agent's hard rules.
    func isFeasible(agent a: Int, days: [Choice?]) -> Bool {
        let scenario = problem.scenario
        guard let contract = scenario.contract(named: scenario.agents[a].contract) else { return false }
        var paid = 0, worked = 0, run = 0
        var lastEnd: Int?
        for d in 0..<TimeGrid.days {
            guard let c = days[d] else { run = 0; continue }
            let type = problem.shiftTypes[c.type]
            paid += type.paidMinutes
            worked += 1
            run += 1
            if run > scenario.rules.maxConsecutiveDays { return false }
            if let lastEnd, type.absoluteStart - lastEnd < scenario.rules.minRestMinutes { return false }
            lastEnd = type.absoluteEnd
        }
        return worked <= contract.maxDays && paid >= contract.minMinutes && paid <= contract.maxMinutes
    }

    /// A roster's shifts as choices of shift type and break pattern, per agent.
    func weeks(of roster: Roster) -> [[Choice]] {
        var index: [ShiftKey: Int] = [:]
        for (t, type) in problem.shiftTypes.enumerated() { index[ShiftKey(day: type.day, start: type.startMinute, length: type.lengthMinutes)] = t }
        var weeks: [[Choice]] = Array(repeating: [], count: problem.scenario.agents.count)
        for shift in roster.shifts {
            guard let t = index[ShiftKey(day: shift.day, start: shift.startMinute, length: shift.lengthMinutes)] else { continue }
            let p = problem.shiftTypes[t].breakPatterns.firstIndex { $0.placements == shift.breaks } ?? 0
            weeks[shift.agentIndex].append(Choice(type: t, pattern: p))
        }
        return weeks
    }

    func apply(_ week: [Choice], to coverage: inout [Int], sign: Int) {
        for c in week {
            let mask = working[c.type][c.pattern]
            for (k, i) in spans[c.type].enumerated() where mask[k] { coverage[i] += sign }
        }
    }

    /// The objective saved by agent `a` working `week`, given everyone else's coverage.
    func value(of week: [Choice], agent a: Int, coverage: [Int]) -> Double {
        week.reduce(0) { $0 + shiftValue(type: $1.type, pattern: $1.pattern, agent: a, coverage: coverage) }
    }

    func shiftValue(type t: Int, pattern p: Int, agent a: Int, coverage: [Int]) -> Double {
        var gain = 0.0
        let mask = working[t][p]
        for (k, i) in spans[t].enumerated() where mask[k] {
            gain += coverage[i] < problem.required[i] ? underGain[i] : -overCost[i]
        }
        return gain - fixedCost(type: t, agent: a)
    }

    func fixedCost(type t: Int, agent a: Int) -> Double {
        let agent = problem.scenario.agents[a]
        let type = problem.shiftTypes[t]
        var cost = Double(type.paidMinutes) / 60 * agent.hourlyCost.doubleValue
        let weight = problem.scenario.costs.preferenceWeight.doubleValue
        if weight > 0 {
            if agent.preferredDaysOff.contains(problem.grid.date(ofDay: type.day).weekday) { cost += weight }
            if let preferred = agent.preferredStart { cost += Double(abs(type.startMinute - preferred.minutes)) / 60 * weight }
        }
        return cost
    }

    /// The agent's best week given the others' coverage; nil when its hard rules admit none.
    func bestWeek(agent a: Int, coverage: [Int], restMinutes: Int? = nil, maxConsecutiveDays: Int? = nil, bonus: [Int: Double] = [:]) -> [Choice]? {
        let scenario = problem.scenario
        guard let contract = scenario.contract(named: scenario.agents[a].contract) else { return nil }
        let rest = restMinutes ?? scenario.rules.minRestMinutes
        let maxRun = maxConsecutiveDays ?? scenario.rules.maxConsecutiveDays
        let trackRun = maxRun < min(TimeGrid.days, contract.maxDays)
        // Options per day, each with its best break pattern.
        var perDay: [[(choice: Choice, value: Double, paid: Int, start: Int, end: Int)]] = Array(repeating: [], count: TimeGrid.days)
        for t in problem.options[a] {
            let type = problem.shiftTypes[t]
            var best = (pattern: 0, value: -Double.infinity)
            for p in type.breakPatterns.indices {
                let v = shiftValue(type: t, pattern: p, agent: a, coverage: coverage)
                if v > best.value + 1e-12 { best = (p, v) }
            }
            perDay[type.day].append((Choice(type: t, pattern: best.pattern), best.value + (bonus[t] ?? 0), type.paidMinutes, type.absoluteStart, type.absoluteEnd))
        }
        // Earliest start on each later day, to forget a last end that can no longer limit anything.
        var earliestFrom = Array(repeating: Int.max, count: TimeGrid.days + 1)
        for d in stride(from: TimeGrid.days - 1, through: 0, by: -1) {
            earliestFrom[d] = min(earliestFrom[d + 1], perDay[d].map(\.start).min() ?? Int.max)
        }

        struct State: Hashable {
            var days: Int
            var paid: Int
            var lastEnd: Int   // Int.min when it no longer matters
            var run: Int
        }
        struct Entry {
            var value: Double
            var parent: Int    // index into the previous layer, -1 at the start
            var choice: Choice?
        }
        var layers: [[State]] = []
        var entries: [[Entry]] = []
        var current: [State] = [State(days: 0, paid: 0, lastEnd: Int.min, run: 0)]
        var currentEntries: [Entry] = [Entry(value: 0, parent: -1, choice: nil)]
        for d in 0..<TimeGrid.days {
            var index: [State: Int] = [:]
            var next: [State] = []
            var nextEntries: [Entry] = []
            func offer(_ s: State, _ e: Entry) {
                var s = s
                if s.lastEnd != Int.min, earliestFrom[d + 1] == Int.max || earliestFrom[d + 1] - s.lastEnd >= rest { s.lastEnd = Int.min }
                if !trackRun { s.run = 0 }
                if let k = index[s] {
                    if e.value > nextEntries[k].value + 1e-9 { nextEntries[k] = e }
                } else {
                    index[s] = next.count
                    next.append(s)
                    nextEntries.append(e)
                }
            }
            for (k, s) in current.enumerated() {
                let base = currentEntries[k].value
                // Day off.
                offer(State(days: s.days, paid: s.paid, lastEnd: s.lastEnd, run: 0), Entry(value: base, parent: k, choice: nil))
                guard s.days < contract.maxDays, !trackRun || s.run < maxRun else { continue }
                for o in perDay[d] {
                    guard s.paid + o.paid <= contract.maxMinutes else { continue }
                    if s.lastEnd != Int.min, o.start - s.lastEnd < rest { continue }
                    offer(State(days: s.days + 1, paid: s.paid + o.paid, lastEnd: o.end, run: s.run + 1),
                          Entry(value: base + o.value, parent: k, choice: o.choice))
                }
            }
            layers.append(current)
            entries.append(currentEntries)
            current = next
            currentEntries = nextEntries
        }
        var bestFinal: Int?
        for (k, s) in current.enumerated() where s.paid >= contract.minMinutes {
            if bestFinal.map({ currentEntries[k].value > currentEntries[$0].value + 1e-9 }) ?? true { bestFinal = k }
        }
        guard var k = bestFinal else { return nil }
        var week: [Choice] = []
        var entry = currentEntries[k]
        for d in stride(from: TimeGrid.days - 1, through: 0, by: -1) {
            if let c = entry.choice { week.append(c) }
            k = entry.parent
            entry = entries[d][k]
        }
        return week.reversed()
    }

    func roster(from weeks: [[Choice]]) -> Roster {
        var shifts: [RosteredShift] = []
        for (a, week) in weeks.enumerated() {
            for c in week {
                let type = problem.shiftTypes[c.type]
                shifts.append(RosteredShift(agentIndex: a, day: type.day, startMinute: type.startMinute, lengthMinutes: type.lengthMinutes,
                                            paidMinutes: type.paidMinutes, breaks: type.breakPatterns[c.pattern].placements))
            }
        }
        return Roster(shifts: shifts)
    }
}
