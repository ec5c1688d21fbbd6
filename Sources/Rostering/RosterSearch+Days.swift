import Core
import LinearModel

/// Days re-rostered on a model of their own: a single day, or two days at once.
extension RosterSearch {
    /// A search of day neighbourhoods' end: its roster, the next neighbourhood's index, and how many were tried.
    typealias DaysSearched = (values: [Double], next: Int, tried: Int)

    /// Each single day, in order.
    static let singleDays: [[Int]] = (0..<TimeGrid.days).map { [$0] }

    /// Each pair of days, in order (Monday and Tuesday, Monday and Wednesday, …, Saturday and Sunday).
    static let pairsOfDays: [[Int]] = (0..<TimeGrid.days).flatMap { d in ((d + 1)..<TimeGrid.days).map { [d, $0] } }

    /// The pairs of days, those that slide a run of `daysOff` days off by one day first (the days `daysOff` apart:
    /// Tuesday–Wednesday off becomes Wednesday–Thursday by freeing Tuesday and Thursday), then by how far apart
    /// their days are, nearest first, and by the first day. Where every agent's week holds a run of two days off,
    /// most weeks have exactly one such run, and moving it is what a single day cannot do: traced over five night weeks,
    /// ten of the sixteen pairs that found a cheaper roster were two days apart, every one that saved more than 30 among them.
    ///
    /// Two paths (two rosters searched beside each other) start half the slides apart, `slides / 2`: each tries
    /// other slides first.
    static func pairsOfDays(slidingRunsOf daysOff: Int) -> (pairs: [[Int]], slides: Int) {
        let pairs = pairsOfDays.enumerated().sorted { x, y in
            let (a, b) = (x.element[1] - x.element[0], y.element[1] - y.element[0])
            if (a == daysOff) != (b == daysOff) { return a == daysOff }
            return a != b ? a < b : x.offset < y.offset
        }.map(\.element)
        return (pairs, pairs.filter { $0[1] - $0[0] == daysOff }.count)
    }

    /// Days re-rostered exactly: every agent's shifts on `days` (one day or two) freed, everything else kept to
    /// `values`, by node-limited branch and bound on the days' own model (``dayModel(_:_:model:heuristic:)``)
    /// started from `values`. Returns the roster found, read back through a roster (break patterns and the
    /// rules' own variables consistent), when it keeps every row of the whole model and costs less than `below`.
    static func rerosterDays(_ days: [Int], _ values: [Double], model built: RosterModel, heuristic: RosterHeuristic, solver: any MIPSolver,
                           seconds: Double, nodes: Int, below cost: Double, ended: StopSignal? = nil) -> [Double]? {
        let reduced = dayModel(days, values, model: built, heuristic: heuristic)
        // No presolve of the root LP: the days' model is already reduced (rules' rows gone, fixed columns dropped), and
        // over the forty-two rule weeks at 20 s the presolver cost more than it saved (442.5 → 420.2 s in all).
        var options = SolveOptions(timeLimitSeconds: seconds, mipGap: 0, presolve: false, initialSolution: reduced.start, nodeLimit: nodes)
        if let ended { options.shouldStop = { ended.given } }
        guard let result = try? solver.solve(reduced.model, options: options),
              let small = result.values else { return nil }
        var found = values
        for (k, v) in reduced.original.enumerated() { found[v.index] = small[k] }
        return readBack(found, model: built, below: cost)
    }

    /// The days' neighbourhood as ``rerosterDays(_:_:model:heuristic:solver:seconds:nodes:below:)`` searches it: the
    /// model, the index in the compact model of each of its variables (the first `original.count`; the
    /// pairs' variables and the surplus variables of the differences follow), and `values` in it.
    struct DayModel {
        let model: LinearModel
        let original: [LinearModel.VariableID]
        let start: [Double]
    }

    /// The model of `days` (one day, or two different days) from the roster `values`.
    ///
    /// With every other day fixed, an agent's hard rules only say which choices on the freed days (a shift or
    /// the day off on each) its week allows, and each such choice is allowed whatever the other agents do. So
    /// the agent's rule rows and variables leave the model and rows over its shifts on the freed days stand
    /// for them, written from the rules' own check of the whole week (the heuristic's, made from the same rules
    /// as the compact model's rows):
    /// - one day: at most one shift, exactly one where the week does not allow the day off (the convex hull of
    ///   the agent's choices, no weaker than the rules' rows); the shifts the week rules out fixed off;
    /// - two days: where every choice on one day goes with every choice on the other, the same row for each day;
    ///   otherwise (two days off together ruled out, starts too far apart, too little rest between them…) a variable
    ///   per pair of choices the week allows, exactly one pair, and each shift's variable the sum of the pairs it is
    ///   in: the convex hull of the agent's choices on the two days (a weaker form, a row per ruled-out pair, left a
    ///   14-agent pair of days unproven after 60 s where the compact model took 0.01 s). Shifts no choice on the
    ///   other day allows are fixed off. Two days let a day off move (a week of five days keeps five), which no
    ///   single day can.
    ///
    /// The coverage rows are then written as differences (``LinearModel/differencing(runs:)``): a shift meets
    /// the rows where it starts and ends instead of one per interval. A day of the benchmark's week-r: 5,000
    /// rows and 55,000 entries in the compact model with the other days fixed → 550 rows and 10,000 entries
    /// (1,050 rows with fairness); a day's search 0.2–1.5 s → 0.03–0.3 s.
    static func dayModel(_ days: [Int], _ values: [Double], model built: RosterModel, heuristic: RosterHeuristic) -> DayModel {
        precondition(days.count == 1 || (days.count == 2 && days[0] != days[1]), "one day or two different days")
        let problem = built.problem
        let agents = problem.scenario.agents.count
        let weeks = heuristic.weeks(of: built.roster(from: values)).map { heuristic.days(of: $0) }
        var fixed: [Int: Double] = [:]
        // Per agent, per day freed: its shifts (shift type, variable in the compact model).
        var options: [[[(type: Int, variable: Int)]]] = Array(repeating: Array(repeating: [], count: days.count), count: agents)
        for (a, type, v) in built.assignments {
            if let k = days.firstIndex(of: problem.shiftTypes[type].day) {
                options[a][k].append((type, v.index))
            } else {
                fixed[v.index] = values[v.index].rounded()
            }
        }
        // The rows standing for each agent's rules, over compact-model variables.
        var agentRows: [(name: String, terms: [(Int, Double)], relation: LinearModel.Relation, rhs: Double)] = []
        // The agents whose choices on two days are coupled: their classes of shifts on each day (each class's variables;
        // class 0 the day off, no variable), the pairs of classes allowed, and the pair in hand.
        var pairAgents: [(agent: Int, first: [[Int]], second: [[Int]], pairs: [(Int, Int)], current: [Int])] = []
        for a in 0..<agents {
            guard built.weekRules[a] != nil else {
                // An agent without rules of the week (the model's own rows hold it): only its shifts in hand stay free.
                for k in days.indices { for o in options[a][k] where values[o.variable] < 0.5 { fixed[o.variable] = 0 } }
                continue
            }
            // `picks[k]`: 0 for the day off on days[k], n for its n-th shift.
            func allows(_ picks: [Int]) -> Bool {
                var week = weeks[a]
                for (k, d) in days.enumerated() {
                    week[d] = picks[k] == 0 ? nil : RosterHeuristic.Choice(type: options[a][k][picks[k] - 1].type, pattern: 0)
                }
                return heuristic.isFeasible(agent: a, days: week)
            }
            // Day k's row: at most one of its `free` shifts (numbers as in `picks`), exactly one where the day off is not allowed.
            func dayRow(_ name: String, _ k: Int, _ free: [Int], offAllowed: Bool) {
                if free.isEmpty || (offAllowed && free.count == 1) { return }
                agentRows.append((name, free.map { (options[a][k][$0 - 1].variable, 1) }, offAllowed ? .lessOrEqual : .equal, 1))
            }
            if days.count == 1 {
                let free = (1..<(options[a][0].count + 1)).filter { allows([$0]) }
                for (n, o) in options[a][0].enumerated() where !free.contains(n + 1) { fixed[o.variable] = 0 }
                dayRow("day_a\(a)", 0, free, offAllowed: allows([0]))
                continue
            }
            let n0 = options[a][0].count, n1 = options[a][1].count
            let allowed = heuristic.allowed(agent: a, week: weeks[a], first: days[0], options[a][0].map(\.type), second: days[1], options[a][1].map(\.type))
            let firstOK = (0...n0).map { allowed[$0].contains(true) }
            let secondOK = (0...n1).map { j in (0...n0).contains { allowed[$0][j] } }
            for i in 1..<(n0 + 1) where !firstOK[i] { fixed[options[a][0][i - 1].variable] = 0 }
            for j in 1..<(n1 + 1) where !secondOK[j] { fixed[options[a][1][j - 1].variable] = 0 }
            let free0 = (1..<(n0 + 1)).filter { firstOK[$0] }, free1 = (1..<(n1 + 1)).filter { secondOK[$0] }
            if (0...n0).allSatisfy({ i in (0...n1).allSatisfy { allowed[i][$0] == (firstOK[i] && secondOK[$0]) } }) {
                // Every choice on one day goes with every choice on the other: a row per day, as for a single day.
                dayRow("day_a\(a)_d\(days[0])", 0, free0, offAllowed: firstOK[0])
                dayRow("day_a\(a)_d\(days[1])", 1, free1, offAllowed: secondOK[0])
                continue
            }
            // Coupled. Shifts whose choices on the other day are the same make one class (one start for the start spread,
            // say, whatever the length); a variable per pair of classes allowed (below). Class 0 is the day off.
            func classes(_ free: [Int], _ key: (Int) -> [Bool]) -> (members: [[Int]], of: [Int: Int]) {
                var members: [[Int]] = [[]], of: [Int: Int] = [0: 0], index: [[Bool]: Int] = [:]
                for n in free {
                    let k = key(n)
                    if let c = index[k] {
                        members[c].append(n)
                    } else {
                        index[k] = members.count
                        members.append([n])
                    }
                    of[n] = index[k]
                }
                return (members, of)
            }
            let first = classes(free0) { allowed[$0] }, second = classes(free1) { j in (0...n0).map { allowed[$0][j] } }
            var pairs: [(Int, Int)] = []
            for c in first.members.indices {
                for d in second.members.indices where allowed[first.members[c].first ?? 0][second.members[d].first ?? 0] { pairs.append((c, d)) }
            }
            var current = [0, 0]
            for (k, of) in [first.of, second.of].enumerated() {
                if let c = weeks[a][days[k]], let n = options[a][k].firstIndex(where: { $0.type == c.type }) { current[k] = of[n + 1] ?? 0 }
            }
            pairAgents.append((a, first.members.map { $0.map { options[a][0][$0 - 1].variable } },
                               second.members.map { $0.map { options[a][1][$0 - 1].variable } }, pairs, current))
        }
        var dropped = Array(repeating: false, count: built.model.constraints.count)
        for a in problem.scenario.agents.indices where built.weekRules[a] != nil {
            for r in built.ruleRows[a] { dropped[r] = true }
            for v in built.ruleVariables[a] { fixed[v] = values[v] }
        }
        let (plain, original, rows) = built.model.fixing(fixed, droppingRows: { dropped[$0] })
        var reduced = plain
        var position = Array(repeating: -1, count: built.model.variables.count)
        for (k, v) in original.enumerated() { position[v.index] = k }
        for row in agentRows {
            reduced.addConstraint(row.name, row.terms.map { (LinearModel.VariableID(position[$0.0]), $0.1) }, row.relation, row.rhs)
        }
        // A coupled agent: a variable per pair of choices allowed, exactly one pair, each shift's variable the sum of its pairs.
        var pairStart: [Double] = []
        for p in pairAgents {
            let ids = p.pairs.map { reduced.addVariable("pair_a\(p.agent)_\($0.0)_\($0.1)", upper: 1) }
            pairStart += p.pairs.map { $0.0 == p.current[0] && $0.1 == p.current[1] ? 1 : 0 }
            reduced.addConstraint("day_a\(p.agent)", ids.map { ($0, 1) }, .equal, 1)
            for (k, members) in [p.first, p.second].enumerated() {
                for c in members.indices.dropFirst() {
                    let mine = p.pairs.indices.filter { (k == 0 ? p.pairs[$0].0 : p.pairs[$0].1) == c }.map { (ids[$0], -1.0) }
                    reduced.addConstraint("day_a\(p.agent)_\(k == 0 ? "s" : "t")\(c)",
                                          members[c].map { (LinearModel.VariableID(position[$0]), 1.0) } + mine, .equal, 0)
                }
            }
        }
        // The coverage rows of consecutive intervals, in runs.
        var rowAt = [Int: Int](minimumCapacity: rows.count)
        for (k, r) in rows.enumerated() { rowAt[r] = k }
        var runs: [[Int]] = []
        var previous: Int?
        for i in problem.required.indices {
            guard let r = built.coverRows[i], let k = rowAt[r] else {
                previous = nil
                continue
            }
            if previous != nil { runs[runs.count - 1].append(k) } else { runs.append([k]) }
            previous = k
        }
        let (model, surplusRows) = reduced.differencing(runs: runs)
        var start = original.map { values[$0.index] } + pairStart
        let kept = start
        for r in surplusRows { start.append(reduced.activity(of: r, kept) - reduced.constraints[r].rhs) }
        return DayModel(model: model, original: original, start: start)
    }

    /// Day neighbourhoods: every agent's shifts on one day (or on two days) are freed, everything else kept to the
    /// roster in hand, and those days are re-rostered exactly on their own model by node-limited branch and bound
    /// started from the roster (shifts, break placements and the coverage they leave, together); an improvement
    /// is kept at once. The `neighbourhoods` (``singleDays`` or ``pairsOfDays(slidingRunsOf:)``) in order from the `first`, until a
    /// pass over all of them finds nothing, the gap closes or the deadline passes.
    ///
    /// The week master's dives settle whole weeks one agent at a time, and the roster they leave differs
    /// from the bound mostly in how the agents of one day fit together (coverage and breaks); a day's
    /// search sees exactly that, two days' also where a day off moves.
    ///
    /// The roster, the next neighbourhood's index, and how many were tried. With `ended`, the search also stops once
    /// another search beside it has closed the gap, and ends it when it closes the gap itself.
    static func searchDays(_ start: [Double], _ neighbourhoods: [[Int]], model built: RosterModel, heuristic: RosterHeuristic, bound: Double,
                           mipGap: Double, solver: any MIPSolver, deadline: ContinuousClock.Instant, first: Int,
                           ended: StopSignal?) -> (values: [Double], next: Int, tried: Int) {
        var values = start
        var cost = built.model.objectiveValue(of: values)
        let count = neighbourhoods.count
        var sinceImprovement = 0, tried = 0, next = first % count
        func gapOpen() -> Bool { cost > 0 && (cost - bound) / cost > mipGap }
        // Single days on one of two paths (every caller that shares a stop signal runs two) end after
        // ``quietSingleDays`` days in a row without a cheaper roster, not a whole week.
        let quiet = ended != nil && neighbourhoods.allSatisfy { $0.count == 1 } ? min(count, quietSingleDays) : count
        while ContinuousClock.now < deadline, gapOpen(), sinceImprovement < quiet, !(ended?.given ?? false) {
            defer { next = (next + 1) % count }
            let left = ContinuousClock.now.duration(to: deadline).inSeconds
            tried += 1
            if left > 0.05, let better = rerosterDays(neighbourhoods[next], values, model: built, heuristic: heuristic, solver: solver,
                                                    seconds: min(left, daySeconds), nodes: dayNodes, below: cost, ended: ended) {
                values = better
                cost = built.model.objectiveValue(of: better)
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
            }
        }
        if !gapOpen() { ended?.give() }
        return (values, next, tried)
    }
}
