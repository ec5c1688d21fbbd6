import Core
import Foundation

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
    /// Per agent: each allowed shift type's cost under the soft rules.
    let costTable: [[Int: Double]]
    /// Each agent's hard rules (nil: unknown contract).
    let rules: [AgentRules?]
    /// Each agent's options, by day (shift type indices, in `problem.options` order).
    public let optionsByDay: [[[Int]]]
    /// Each agent's graph of allowed weeks (shared by agents with the same contract and options).
    public let graphs: [WeekGraph?]
    /// The fairness term's bookkeeping with every agent off (nil when fairness is not priced).
    let emptyTally: FairnessTally?
    /// Per shift type: what it adds to the late-shift and weekend-day counts.
    let fairCounts: [[Int]]

    public init(problem: RosterProblem) {
        self.problem = problem
        let rules = problem.scenario.agents.indices.map { problem.weekRules(agent: $0) }
        self.rules = rules
        let byDay = problem.scenario.agents.indices.map { a in
            var days: [[Int]] = Array(repeating: [], count: TimeGrid.days)
            for t in problem.options[a] { days[problem.shiftTypes[t].day].append(t) }
            return days
        }
        optionsByDay = byDay
        graphs = Self.graphs(problem: problem, rules: rules, optionsByDay: byDay) { _ in nil }
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
        underGain = Array(repeating: problem.intervalCost(short: true), count: problem.grid.intervalCount)
        overCost = Array(repeating: problem.intervalCost(short: false), count: problem.grid.intervalCount)
        // What each agent's options cost under the soft rules, looked up often by the passes and exchanges.
        emptyTally = FairnessTally(problem: problem)
        fairCounts = emptyTally == nil ? [] : problem.shiftTypes.map { FairnessRule.counts($0, problem: problem) }
        costTable = problem.options.indices.map { a in
            Dictionary(uniqueKeysWithValues: problem.options[a].map { ($0, problem.shiftCost(agent: a, type: $0)) })
        }
    }

    /// The same search for `problem`, a narrowing of `base`'s (the same scenario and options, other
    /// search-only ranges): the week graphs of contracts whose ranges are unchanged, and everything
    /// that does not depend on the ranges, are `base`'s; an agent's graph `cached` gives (built before for
    /// the same ranges) is not built again.
    init(problem: RosterProblem, reusing base: RosterHeuristic, cached: (Int) -> WeekGraph? = { _ in nil }) {
        self.problem = problem
        let rules = problem.scenario.agents.indices.map { problem.weekRules(agent: $0) }
        self.rules = rules
        graphs = Self.graphs(problem: problem, rules: rules, optionsByDay: base.optionsByDay) { a in
            let contract = problem.scenario.agents[a].contract
            return problem.searchRanges[contract] == base.problem.searchRanges[contract] ? base.graphs[a] : cached(a)
        }
        optionsByDay = base.optionsByDay
        spans = base.spans
        working = base.working
        underGain = base.underGain
        overCost = base.overCost
        emptyTally = base.emptyTally
        fairCounts = base.fairCounts
        costTable = base.costTable
    }

    /// Each agent's week graph: `kept(a)` when it gives one, else built (once per contract and options;
    /// nil for an agent without rules, whose contract is unknown). The graphs to build are built on every
    /// core (a narrowed contract's take a few tenths of a second on one); each is the same whichever builds it.
    static func graphs(problem: RosterProblem, rules: [AgentRules?], optionsByDay: [[[Int]]], kept: (Int) -> WeekGraph?) -> [WeekGraph?] {
        let agents = problem.scenario.agents.indices
        var keptGraphs = [WeekGraph?](repeating: nil, count: agents.count)
        var keyOf = [SharedGraphKey?](repeating: nil, count: agents.count)
        // The first agent of each contract and options builds its graph.
        var builders: [(key: SharedGraphKey, agent: Int, rules: AgentRules)] = []
        var seen = Set<SharedGraphKey>()
        for a in agents {
            guard let agentRules = rules[a] else { continue }
            if let graph = kept(a) {
                keptGraphs[a] = graph
                continue
            }
            let key = SharedGraphKey(contract: problem.scenario.agents[a].contract, options: problem.options[a])
            keyOf[a] = key
            if seen.insert(key).inserted { builders.append((key, a, agentRules)) }
        }
        let threads = max(1, min(ProcessInfo.processInfo.activeProcessorCount, builders.count))
        let toBuild = builders
        let built = inParallel(threads) { c in
            stride(from: c, to: toBuild.count, by: threads).map { k -> WeekGraph in
                let (_, a, agentRules) = toBuild[k]
                return WeekGraph(rules: agentRules, options: optionsByDay[a].map { $0.map { problem.shiftTypes[$0] } })
            }
        }
        var shared: [SharedGraphKey: WeekGraph] = [:]
        for k in builders.indices { shared[builders[k].key] = built[k % threads][k / threads] }
        return agents.map { a in keptGraphs[a] ?? keyOf[a].flatMap { shared[$0] } }
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
    ///   `deadline` ends the passes early: the first pass (or the guided one) always completes, since
    ///   it is what makes every agent's week keep its rules; later passes and exchanges stop at the deadline.
    ///   `onPass` hears the objective of the roster in hand after each pass (for a live progress line).
    public func solve(maxPasses: Int = 50, guide: [[Int: Double]]? = nil, start: Roster? = nil,
                      deadline: ContinuousClock.Instant? = nil, fairPricing: Bool = true, onPass: ((Double) -> Void)? = nil) -> (roster: Roster, weeks: [[Choice]]) {
        let agents = problem.scenario.agents.count
        var weeks: [[Choice]] = start.map(weeks(of:)) ?? Array(repeating: [], count: agents)
        var coverage = Array(repeating: 0, count: problem.grid.intervalCount)
        for week in weeks { apply(week, to: &coverage, sign: 1) }
        var tally = tally(of: weeks)
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
                tally?.set(agent: a, to: fairness(of: weeks[a]))
            }
        }
        func pastDeadline() -> Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }
        for pass in 0..<maxPasses {
            if pass > 0 || guide != nil || start != nil, pastDeadline() { break }
            var changed = false
            for a in order {
                apply(weeks[a], to: &coverage, sign: -1)
                let prices = fairPricing ? tally?.prices(agent: a) ?? [0, 0] : [0, 0]
                let best = bestWeek(agent: a, coverage: coverage, fairPrices: prices) ?? weeks[a]
                if best != weeks[a] {
                    let before = value(of: weeks[a], agent: a, coverage: coverage)
                    // The fairness term is judged exactly: what the new week does to its contract's spreads.
                    let after = value(of: best, agent: a, coverage: coverage) - (tally?.delta(agent: a, to: fairness(of: best)) ?? 0)
                    // A week that breaks the agent's rules (the empty start, below the contract minimum) is always replaced.
                    if after > before + 1e-9 || !isFeasible(agent: a, days: days(of: weeks[a])) {
                        weeks[a] = best
                        tally?.set(agent: a, to: fairness(of: best))
                        changed = true
                    }
                }
                apply(weeks[a], to: &coverage, sign: 1)
            }
            // Exchanges keep coverage as it is and trade shifts between agents for cost and preferences.
            if !pastDeadline(), exchangeShifts(&weeks, deadline: deadline) {
                changed = true
                tally = self.tally(of: weeks)
            }
            if let onPass { onPass(objective(of: weeks, coverage: coverage)) }
            if !changed { break }
        }
        return (roster(from: weeks), weeks)
    }

    /// Improving exchanges between two agents that leave coverage unchanged: the same day's shifts
    /// swapped, or one agent's shift on day d traded for the other's on day e. Returns whether any was made.
    func exchangeShifts(_ weeks: inout [[Choice]], deadline: ContinuousClock.Instant? = nil) -> Bool {
        let agents = problem.scenario.agents.indices
        let allowed = problem.options.map(Set.init)
        var improved = false
        var byDay: [[Choice?]] = weeks.map { week in
            var days: [Choice?] = Array(repeating: nil, count: TimeGrid.days)
            for c in week { days[problem.shiftTypes[c.type].day] = c }
            return days
        }
        func cost(_ c: Choice?, _ a: Int) -> Double { c.map { fixedCost(type: $0.type, agent: a) } ?? 0 }
        var tally = tally(of: weeks)
        func counts(_ days: [Choice?]) -> [Int] { fairness(of: days.compactMap { $0 }) }
        for a in agents {
            if let deadline, ContinuousClock.now >= deadline { break }
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
                        var delta = cost(cb, a) + cost(ca, b) - cost(ca, a) - cost(cb, b)
                        var newA = byDay[a], newB = byDay[b]
                        newA[d] = nil; newB[e] = nil
                        newA[e] = cb; newB[d] = ca
                        // The fairness term judged on the tally itself, changed back when the exchange is not made.
                        var before: (a: [Int], b: [Int])?
                        if tally != nil {
                            let cost = tally!.cost
                            before = (tally!.counts(of: a), tally!.counts(of: b))
                            tally!.set(agent: a, to: counts(newA))
                            tally!.set(agent: b, to: counts(newB))
                            delta += tally!.cost - cost
                        }
                        guard delta < -1e-9, isFeasible(agent: a, days: newA), isFeasible(agent: b, days: newB) else {
                            if let before {
                                tally!.set(agent: b, to: before.b)
                                tally!.set(agent: a, to: before.a)
                            }
                            continue
                        }
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

    /// The fairness counts (late shifts, weekend days) of a week.
    func fairness(of week: [Choice]) -> [Int] {
        fairness(ofTypes: week.map(\.type))
    }

    /// The fairness counts of a week given by its shift types.
    func fairness(ofTypes types: [Int]) -> [Int] {
        guard emptyTally != nil else { return [0, 0] }
        var counts = [0, 0]
        for t in types { counts[0] += fairCounts[t][0]; counts[1] += fairCounts[t][1] }
        return counts
    }

    /// The fairness bookkeeping of the weeks in hand (nil when fairness is not priced).
    func tally(of weeks: [[Choice]]) -> FairnessTally? {
        guard var t = emptyTally else { return nil }
        for (a, week) in weeks.enumerated() where !week.isEmpty { t.set(agent: a, to: fairness(of: week)) }
        return t
    }

    /// The week as one optional shift per day.
    func days(of week: [Choice]) -> [Choice?] {
        var days: [Choice?] = Array(repeating: nil, count: TimeGrid.days)
        for c in week { days[problem.shiftTypes[c.type].day] = c }
        return days
    }

    /// Whether a week (one optional shift per day) keeps the agent's hard rules.
    func isFeasible(agent a: Int, days: [Choice?]) -> Bool {
        rules[a]?.holds(for: days.map { $0.map { problem.shiftTypes[$0.type] } }) ?? false
    }

    /// Which choices on two different days keep agent `a`'s hard rules, its other days as in `week`: `[i][j]` for
    /// the day off (0) or the i-th of `firstTypes` on `first` with the day off or the j-th of `secondTypes` on `second`.
    func allowed(agent a: Int, week: [Choice?], first: Int, _ firstTypes: [Int], second: Int, _ secondTypes: [Int]) -> [[Bool]] {
        let none = Array(repeating: Array(repeating: false, count: secondTypes.count + 1), count: firstTypes.count + 1)
        guard let rules = rules[a] else { return none }
        let shift = { (t: Int) -> ShiftType? in self.problem.shiftTypes[t] }
        return rules.allowed(week.map { $0.map { problem.shiftTypes[$0.type] } }, first: first, [nil] + firstTypes.map(shift),
                             second: second, [nil] + secondTypes.map(shift))
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
    /// The objective of the weeks in hand: their shift costs and the coverage they leave short or over.
    func objective(of weeks: [[Choice]], coverage: [Int]) -> Double {
        var total = problem.costConstant
        for (a, week) in weeks.enumerated() { for c in week { total += fixedCost(type: c.type, agent: a) } }
        total += tally(of: weeks)?.cost ?? 0
        for (i, required) in problem.required.enumerated() {
            total += coverage[i] < required ? Double(required - coverage[i]) * underGain[i] : Double(coverage[i] - required) * overCost[i]
        }
        return total
    }

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

    /// What agent `a` working shift type `t` costs on its own: the soft rules' shift costs (labour, preferences).
    public func fixedCost(type t: Int, agent a: Int) -> Double {
        costTable[a][t] ?? problem.shiftCost(agent: a, type: t)
    }

    /// The agent's best week given the others' coverage; nil when its hard rules admit none.
    ///
    /// The agent's ``WeekGraph`` holds every week its rules allow (``RosterProblem/weekRules(agent:)``),
    /// so the search keeps them exactly; `with` replaces the rules (the diagnosis relaxes one at a time).
    func bestWeek(agent a: Int, coverage: [Int], with custom: AgentRules? = nil, bonus: [Int: Double] = [:], fairPrices: [Double] = [0, 0]) -> [Choice]? {
        let days = optionsByDay[a]
        let graph: WeekGraph
        if let custom {
            graph = WeekGraph(rules: custom, options: days.map { $0.map { problem.shiftTypes[$0] } })
        } else if let shared = graphs[a] {
            graph = shared
        } else {
            return nil
        }
        // Each option's value with its best break pattern.
        var patterns: [[Int]] = []
        var values: [[Double]] = []
        for day in days {
            var dayPatterns: [Int] = []
            var dayValues: [Double] = []
            for t in day {
                var best = (pattern: 0, value: -Double.infinity)
                // A pin that gives its breaks leaves one pattern.
                let allowed = problem.pinnedPatterns[a][t].map { [$0] } ?? Array(problem.shiftTypes[t].breakPatterns.indices)
                for p in allowed {
                    let v = shiftValue(type: t, pattern: p, agent: a, coverage: coverage)
                    if v > best.value + 1e-12 { best = (p, v) }
                }
                dayPatterns.append(best.pattern)
                var fair = 0.0
                if emptyTally != nil { fair = Double(fairCounts[t][0]) * fairPrices[0] + Double(fairCounts[t][1]) * fairPrices[1] }
                dayValues.append(best.value + (bonus[t] ?? 0) - fair)
            }
            patterns.append(dayPatterns)
            values.append(dayValues)
        }
        guard let week = graph.best(values: values) else { return nil }
        return week.enumerated().compactMap { d, o in o.map { Choice(type: days[d][$0], pattern: patterns[d][$0]) } }
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

/// Agents with the same contract and the same options have the same graph of weeks.
struct SharedGraphKey: Hashable {
    let contract: String
    let options: [Int]
}
