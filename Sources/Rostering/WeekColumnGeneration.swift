import Core
import Foundation
public import LinearModel

/// The LP bound of the whole roster problem by column generation over whole weeks
/// (Dantzig–Wolfe on each agent's rules, as in branch-and-price for nurse rostering).
///
/// The master holds one convexity row per agent (its weeks' weights sum to 1), one row per shift
/// type with breaks linking the agents on it to its break-pattern counts, and one coverage row per
/// interval with priced under- and overstaffing, as the compact model does. A column is one
/// agent's whole week; the pricing step is the agent's ``WeekGraph`` searched with the row duals,
/// so every column keeps every hard rule and the bound convexifies each agent's rules: it is at
/// least the compact model's LP bound, and at most the optimum. After every round
/// `z_master + Σ_agents min(0, best reduced cost)` is a proven lower bound (the convexity rows make
/// each agent's weights sum to one).
public enum WeekColumnGeneration {
    public struct Outcome: Sendable {
        /// A proven lower bound on every roster's objective.
        public let bound: Double
        /// The last master's optimum (equal to `bound` when converged).
        public let masterObjective: Double
        public let converged: Bool
        public let rounds: Int
        public let columns: Int
        /// Per agent, the LP weight of each shift type it works in the master's solution.
        public let weights: [[Int: Double]]
        /// Every week column generated (the start weeks first): agent and shift types.
        public let weeks: [(agent: Int, types: [Int])]
        /// The last master's weight of each of `weeks` (empty when the solver gave no values).
        public let columnWeights: [Double]
        /// The weeks the last master uses, and the last round's priced weeks (which it never saw): where a
        /// master of the same rows starts again (a master of every week generated takes several times
        /// longer to solve, and the pricing brings back what it needs).
        public var usedWeeks: [(agent: Int, types: [Int])] {
            weeks.enumerated().filter { k, _ in k >= columnWeights.count || columnWeights[k] > 1e-9 }.map(\.element)
        }
        /// Per fairness group and measure: the master's largest and smallest count, and the largest and
        /// smallest count of the weeks it uses (empty when fairness is not priced or there were no values).
        public let spreads: [[Spread]]
        /// The last master's row duals (empty when the solver gave none).
        public var duals: [Double] = []
    }

    /// What the master makes of one contract's spread of one measure.
    public struct Spread: Sendable {
        /// The master's largest and smallest count (averages over each agent's weeks).
        public let hi: Double, lo: Double
        /// The largest and the smallest count of any week the master uses.
        public let maxUsed: Int, minUsed: Int
    }

    /// The master problem over a set of week columns: the LP of column generation, or (integer) the
    /// restricted master a roster is chosen from (price-and-branch).
    struct Master {
        var model: LinearModel
        let weekVariables: [LinearModel.VariableID]
        let breakCounts: [(type: Int, pattern: Int, variable: LinearModel.VariableID)]
        let convexity: [Int]
        let link: [Int?]
        let cover: [Int?]
        /// Per row: for a coverage row held as a difference, the next interval's row (its dual less that row's
        /// is the interval's own dual: ``intervalDuals(_:)``); nil otherwise.
        let coverNext: [Int?]
        let fairRows: [[(hi: Int, lo: Int)]]
        /// Per fairness group and measure: the largest and smallest count's variables.
        let fairVariables: [[(hi: LinearModel.VariableID, lo: LinearModel.VariableID)]]
        let fairness: Bool
        let usedTypes: Set<Int>
        let column: (Int, [Int]) -> (cost: Double, entries: [(row: Int, coefficient: Double)])

        /// The rows' duals with each coverage row's its interval's own (the rows held as differences
        /// give the differences of the intervals' duals: the interval's is its row's less the next row's).
        func intervalDuals(_ duals: [Double]) -> [Double] {
            var own = duals
            for (r, n) in coverNext.enumerated() { if let n, r < duals.count, n < duals.count { own[r] = duals[r] - duals[n] } }
            return own
        }
    }

    /// Per fairness group and measure: the ranges the largest (`hi`) and the smallest (`lo`) count may take
    /// (a node of the branching on the spreads); nil: 0…7 each.
    public typealias SpreadLimits = [[(hi: ClosedRange<Int>, lo: ClosedRange<Int>)]]

    /// The master over `columns`. `differences`: the coverage rows held as differences (below); false keeps a row
    /// per interval as it reads (the same LP, the tests' oracle for it).
    static func buildMaster(heuristic: RosterHeuristic, columns: [(agent: Int, types: [Int])], integer: Bool,
                            limits: SpreadLimits? = nil, pricesFairness: Bool = true, differences: Bool = true) -> Master {
        let problem = heuristic.problem
        let scenario = problem.scenario
        let grid = problem.grid
        let agents = scenario.agents.count
        let underCost = problem.intervalCost(short: true)
        let overCost = problem.intervalCost(short: false)

        var master = LinearModel(name: integer ? "weeks-mip" : "weeks")
        // Rows: convexity per agent, a link per shift type with breaks, coverage per interval.
        var rows = 0
        let convexity = (0..<agents).map { _ in defer { rows += 1 }; return rows }
        var usedTypes = Set<Int>()
        for options in problem.options { usedTypes.formUnion(options) }
        var link = [Int?](repeating: nil, count: problem.shiftTypes.count)
        for t in usedTypes.sorted() where problem.shiftTypes[t].breakPatterns.contains(where: { !$0.placements.isEmpty }) {
            link[t] = rows
            rows += 1
        }
        var spanned = Array(repeating: false, count: grid.intervalCount)
        for t in usedTypes { for i in problem.intervals(of: problem.shiftTypes[t]) { spanned[i] = true } }
        var cover = [Int?](repeating: nil, count: grid.intervalCount)
        var uncoverable = 0.0
        for i in 0..<grid.intervalCount {
            let req = problem.required[i]
            if !spanned[i] {
                uncoverable += Double(req) * underCost
            } else if req > 0 || overCost > 0 {
                cover[i] = rows
                rows += 1
            }
        }
        master.objectiveConstant = uncoverable + problem.costConstant
        // Fairness: per contract and measure a largest (hi) and smallest (lo) count, with a row per
        // agent and measure on each side (hi − count ≥ 0, count − lo ≥ 0).
        var fairRows: [[(hi: Int, lo: Int)]] = Array(repeating: [], count: agents)
        var fairRowName: [Int: String] = [:]
        let fairness = pricesFairness && FairnessRule.isActive(problem)
        var fairBounds: [(row: Int, variable: LinearModel.VariableID, coefficient: Double)] = []
        var fairVariables: [[(hi: LinearModel.VariableID, lo: LinearModel.VariableID)]] = []
        if fairness {
            let weight = scenario.costs.fairnessWeight.doubleValue
            for (g, group) in FairnessRule.groups(problem).enumerated() {
                fairVariables.append([])
                for m in FairnessRule.Measure.allCases {
                    let limit = limits?[g][m.rawValue] ?? (hi: 0...7, lo: 0...7)
                    let hi = master.addVariable("fair_\(m.rawValue)_hi_c\(g)", lower: Double(limit.hi.lowerBound), upper: Double(limit.hi.upperBound),
                                                objective: weight)
                    let lo = master.addVariable("fair_\(m.rawValue)_lo_c\(g)", lower: Double(limit.lo.lowerBound), upper: Double(limit.lo.upperBound),
                                                objective: -weight)
                    fairVariables[g].append((hi, lo))
                    for a in group.agents {
                        fairRows[a].append((rows, rows + 1))
                        fairRowName[rows] = "fair_\(m.rawValue)_hi_a\(a)"
                        fairRowName[rows + 1] = "fair_\(m.rawValue)_lo_a\(a)"
                        fairBounds += [(rows, hi, 1), (rows + 1, lo, -1)]
                        rows += 2
                    }
                }
            }
        }

        // Coverage as differences: each interval's row (after the first of a run of consecutive intervals with
        // rows) less the row before it. A shift covers a run of intervals, so its week's column meets two rows per
        // shift (where the shift starts, and the interval after it ends) instead of one per interval it spans —
        // a tenth of the entries, and the simplex's pivots, its factors and its pricing of columns work on those.
        // Subtracting rows from rows leaves the same solutions, the same simplex tableau and the same optimum; the
        // rows' duals are the intervals' as differences too (``intervalDuals(_:)``). A row of such a run is an
        // equation: where overstaffing is free, a surplus column (cost 0) takes up the coverage beyond the need.
        // (Per row, every row counted: the fairness rows, after the coverage rows, are none of them a difference.)
        var coverNext = [Int?](repeating: nil, count: rows)
        var coverPrevious = [Int?](repeating: nil, count: rows)
        if differences {
            for i in 0..<max(0, grid.intervalCount - 1) {
                if let r = cover[i], let n = cover[i + 1] {
                    coverNext[r] = n
                    coverPrevious[n] = r
                }
            }
        }
        let inRun = { (r: Int) in coverNext[r] != nil || coverPrevious[r] != nil }
        // Fixed columns: break-pattern counts, under- and overstaffing.
        var rowTerms: [[(variable: LinearModel.VariableID, coefficient: Double)]] = Array(repeating: [], count: rows)
        for b in fairBounds { rowTerms[b.row].append((b.variable, b.coefficient)) }
        let pinnedCounts = problem.pinnedPatternCounts
        var breakCounts: [(type: Int, pattern: Int, variable: LinearModel.VariableID)] = []
        for t in usedTypes.sorted() {
            guard let linkRow = link[t] else { continue }
            let type = problem.shiftTypes[t]
            for (p, pattern) in type.breakPatterns.enumerated() {
                let y = master.addVariable("y_t\(t)_p\(p)", kind: integer ? .integer : .continuous,
                                           lower: Double(pinnedCounts[TypePattern(type: t, pattern: p)] ?? 0), upper: Double(agents))
                breakCounts.append((t, p, y))
                rowTerms[linkRow].append((y, 1))
                for i in problem.intervals(of: type) where pattern.covers(offset: i * grid.intervalMinutes - type.absoluteStart) {
                    if let r = cover[i] { rowTerms[r].append((y, -1)) }
                }
            }
        }
        for i in 0..<grid.intervalCount {
            guard let r = cover[i] else { continue }
            let req = problem.required[i]
            if req > 0 { rowTerms[r].append((master.addVariable("u_i\(i)", upper: Double(req), objective: underCost), 1)) }
            if overCost > 0 { rowTerms[r].append((master.addVariable("o_i\(i)", objective: overCost), -1)) }
            else if inRun(r) { rowTerms[r].append((master.addVariable("s_i\(i)"), -1)) }
        }

        // A week as a column: its cost and its entries.
        func column(agent a: Int, week: [Int]) -> (cost: Double, entries: [(row: Int, coefficient: Double)]) {
            let raw = intervalColumn(agent: a, week: week)
            // The coverage entries as differences: +1 where a run of covered intervals starts, −1 in the row after it ends.
            var held: [Int: Double] = [:]
            for (r, v) in raw.entries {
                held[r, default: 0] += v
                if let n = coverNext[r] { held[n, default: 0] -= v }
            }
            return (raw.cost, held.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        // A week's column with a coverage entry per interval it spans.
        func intervalColumn(agent a: Int, week: [Int]) -> (cost: Double, entries: [(row: Int, coefficient: Double)]) {
            var cost = 0.0
            var entries: [Int: Double] = [convexity[a]: 1]
            for t in week {
                cost += heuristic.fixedCost(type: t, agent: a)
                if let l = link[t] { entries[l, default: 0] -= 1 }
                for i in problem.intervals(of: problem.shiftTypes[t]) { if let r = cover[i] { entries[r, default: 0] += 1 } }
                if fairness {
                    let counts = FairnessRule.counts(problem.shiftTypes[t], problem: problem)
                    for (m, pair) in fairRows[a].enumerated() where counts[m] > 0 {
                        entries[pair.hi, default: 0] -= 1
                        entries[pair.lo, default: 0] += 1
                    }
                }
            }
            return (cost, entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        var startEntries: [(variable: LinearModel.VariableID, entries: [(row: Int, coefficient: Double)])] = []
        var weekVariables: [LinearModel.VariableID] = []
        for (k, week) in columns.enumerated() {
            let c = intervalColumn(agent: week.agent, week: week.types)
            let v = master.addVariable("w\(k)_a\(week.agent)", kind: integer ? .binary : .continuous, upper: integer ? 1 : nil, objective: c.cost)
            startEntries.append((v, c.entries))
            weekVariables.append(v)
        }
        for (v, entries) in startEntries { for e in entries { rowTerms[e.row].append((v, e.coefficient)) } }
        // Each coverage row of a run after its first, less the row before it (from the rows as they were).
        var required = problem.required.map(Double.init)
        if differences {
            let original = rowTerms
            for r in 0..<rows {
                guard let p = coverPrevious[r] else { continue }
                var terms: [Int: Double] = [:]
                for t in original[r] { terms[t.variable.index, default: 0] += t.coefficient }
                for t in original[p] { terms[t.variable.index, default: 0] -= t.coefficient }
                rowTerms[r] = terms.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { (LinearModel.VariableID($0.key), $0.value) }
            }
            for i in stride(from: grid.intervalCount - 1, to: 0, by: -1) where cover[i] != nil && cover[i - 1] != nil {
                required[i] -= required[i - 1]
            }
        }
        var intervalOfRow = [Int?](repeating: nil, count: rows)
        for (i, r) in cover.enumerated() { if let r { intervalOfRow[r] = i } }
        for r in 0..<rows {
            let isConvexity = r < agents
            let coverInterval = intervalOfRow[r]
            if let name = fairRowName[r] {
                master.addConstraint(name, rowTerms[r], .greaterOrEqual, 0)
            } else if isConvexity {
                master.addConstraint("convex_a\(r)", rowTerms[r], .equal, 1)
            } else if let i = coverInterval {
                master.addConstraint("cover_i\(i)", rowTerms[r], overCost > 0 || inRun(r) ? .equal : .greaterOrEqual, required[i])
            } else {
                master.addConstraint("link_r\(r)", rowTerms[r], .equal, 0)
            }
        }

        return Master(model: master, weekVariables: weekVariables, breakCounts: breakCounts, convexity: convexity, link: link, cover: cover,
                      coverNext: coverNext, fairRows: fairRows, fairVariables: fairVariables, fairness: fairness, usedTypes: usedTypes, column: column)
    }

    /// Runs column generation from the weeks of a first roster (one week per agent, empty allowed).
    ///
    /// - Returns: nil when the solver could not solve the first master in time.
    /// - Parameter closeEnough: stops once the proven bound is within this share of the master's
    ///   optimum (the rounds after that move the bound by less than any gap a roster is judged by).
    /// - Parameters:
    ///   - stopAbove: stops once the proven bound reaches this (a node of the spread branching that
    ///     cannot beat the roster in hand).
    ///   - limits: the ranges of each contract's largest and smallest counts (the heuristic's problem
    ///     must keep every week within them: ``RosterProblem/searchRanges``).
    ///   - pool: more weeks to start from.
    ///   - parallel: each round's agents priced on every core (``WeekPricer/parallel``).
    public static func run(heuristic: RosterHeuristic, start: [[RosterHeuristic.Choice]], solver: any ColumnGenerationSolver,
                           timeLimitSeconds: Double, maxRounds: Int = 500, closeEnough: Double = 1e-5,
                           pool: [(agent: Int, types: [Int])] = [], limits: SpreadLimits? = nil,
                           stopAbove: Double = .infinity, parallel: Bool = false) throws(SolverError) -> Outcome? {
        let problem = heuristic.problem
        let agents = problem.scenario.agents.count
        var weeks = startColumns(agents: agents, start: start, pool: pool, fixed: [:])
        let initialColumns = weeks.count
        let built = buildMaster(heuristic: heuristic, columns: weeks, integer: false, limits: limits)
        let master = built.model
        let pricer = WeekPricer(heuristic: heuristic, master: built, weeks: weeks, fixed: [], closeEnough: closeEnough, stopAbove: stopAbove)
        pricer.parallel = parallel
        let result = try solver.generateColumns(master: master, timeLimitSeconds: timeLimitSeconds, maxRounds: maxRounds, price: pricer.price)
        weeks = pricer.weeks + pricer.unadded
        let fairness = built.fairness
        let fairCounts = pricer.fairCounts
        guard let result else { return nil }
        // The LP weight of each agent's shift types, from its weeks' weights.
        var weights: [[Int: Double]] = Array(repeating: [:], count: agents)
        var columnWeights: [Double] = []
        if !result.values.isEmpty {
            let firstWeek = master.variables.count - initialColumns
            columnWeights = Array(repeating: 0, count: weeks.count)
            for (k, week) in weeks.enumerated() {
                let j = firstWeek + k
                guard j < result.values.count, result.values[j] > 1e-9 else { continue }
                columnWeights[k] = result.values[j]
                for t in week.types { weights[week.agent][t, default: 0] += result.values[j] }
            }
        }
        let spreads = fairness && !columnWeights.isEmpty
            ? Self.spreads(master: built, values: result.values, weeks: weeks, weight: { columnWeights[$0] }, heuristic: heuristic, fairCounts: fairCounts)
            : []
        return Outcome(bound: result.bound, masterObjective: result.objective, converged: result.converged, rounds: result.rounds,
                       columns: weeks.count, weights: weights, weeks: weeks, columnWeights: columnWeights, spreads: spreads, duals: result.duals)
    }

    /// Per fairness group and measure, the master's largest and smallest count (`values`) and the largest
    /// and smallest count of the weeks it uses (`weight` of week k above 1e-6).
    static func spreads(master built: Master, values: [Double], weeks: [(agent: Int, types: [Int])], weight: (Int) -> Double,
                        heuristic: RosterHeuristic, fairCounts: [[Int]]) -> [[Spread]] {
        let groupOf = heuristic.emptyTally?.group ?? Array(repeating: nil, count: heuristic.problem.scenario.agents.count)
        var used: [[(max: Int, min: Int)]] = built.fairVariables.map { _ in [(0, 7), (0, 7)] }
        for (k, week) in weeks.enumerated() where weight(k) > 1e-6 {
            guard let g = groupOf[week.agent] else { continue }
            var counts = [0, 0]
            for t in week.types { for m in 0..<2 { counts[m] += fairCounts[t][m] } }
            for m in 0..<2 { used[g][m] = (max(used[g][m].max, counts[m]), min(used[g][m].min, counts[m])) }
        }
        return built.fairVariables.enumerated().map { g, pairs in
            pairs.enumerated().map { m, v in
                Spread(hi: values[v.hi.index], lo: values[v.lo.index], maxUsed: used[g][m].max, minUsed: used[g][m].min)
            }
        }
    }

    /// A master's first columns: each agent's settled week (`fixed`) or its week in `start`, then the weeks
    /// of `pool` of the agents not settled, each week once.
    static func startColumns(agents: Int, start: [[RosterHeuristic.Choice]], pool: [(agent: Int, types: [Int])],
                             fixed: [Int: [Int]]) -> [(agent: Int, types: [Int])] {
        var weeks: [(agent: Int, types: [Int])] = (0..<agents).map { a in (a, fixed[a] ?? start[a].map(\.type)) }
        var seen = Set(weeks.map { [$0.agent] + $0.types.sorted() })
        for w in pool where fixed[w.agent] == nil && seen.insert([w.agent] + w.types.sorted()).inserted { weeks.append(w) }
        return weeks
    }

    /// Diving: column generation, then the agents whose master solution is (nearly) one week are
    /// fixed to it — at least the one closest to a single week — and column generation goes on for the
    /// rest, until every agent has its week. Each column keeps all of its agent's rules, so the weeks
    /// make a roster that keeps every hard rule; break placements come from the search. One master
    /// serves the whole dive (``ColumnGenerationSolver/dive``): a settled week is fixed at 1, and the
    /// agent's other weeks are dropped.
    ///
    /// - Returns: each agent's week (shift types): where time ran out mid-dive, the agents not yet settled
    ///   take their heaviest week in the last master solved; nil when no master was solved in time.
    /// - Parameters:
    ///   - fixed: agents whose week is settled from the start (a neighbourhood re-dived: only the others
    ///     are free).
    ///   - pricesFairness: false: the master leaves fairness out (a neighbourhood where fairness's share of
    ///     the gap is closed).
    ///   - roundsUnfinished: false: a dive that runs out of time gives nil (a neighbourhood's, whose rounded
    ///     weeks would rarely beat the roster in hand and would only take the search past its time limit).
    public static func dive(heuristic: RosterHeuristic, start: [[RosterHeuristic.Choice]], pool: [(agent: Int, types: [Int])],
                            solver: any ColumnGenerationSolver, deadline: ContinuousClock.Instant,
                            fixed settledBefore: [Int: [Int]] = [:], pricesFairness: Bool = true, roundsUnfinished: Bool = true) throws(SolverError) -> [[Int]]? {
        let agents = heuristic.problem.scenario.agents.count
        var fixed = settledBefore
        guard fixed.count < agents else { return (0..<agents).map { fixed[$0] ?? [] } }
        let weeks = startColumns(agents: agents, start: start, pool: pool, fixed: fixed)
        let built = buildMaster(heuristic: heuristic, columns: weeks, integer: false, pricesFairness: pricesFairness)
        let pricer = WeekPricer(heuristic: heuristic, master: built, weeks: weeks, fixed: Set(fixed.keys), closeEnough: 1e-5, stopAbove: .infinity)
        // The master's number of week k (of `pricer.weeks`, which stays aligned with the columns added).
        let firstWeek = built.model.variables.count - weeks.count
        var done = false
        // Each free agent's heaviest week in `values` (a master's solution).
        func heaviestWeeks(_ values: [Double]) -> [Int: (week: Int, weight: Double)] {
            var heaviest: [Int: (week: Int, weight: Double)] = [:]
            for (k, w) in pricer.weeks.enumerated() where fixed[w.agent] == nil && firstWeek + k < values.count {
                let x = values[firstWeek + k]
                if x > (heaviest[w.agent]?.weight ?? -1) { heaviest[w.agent] = (k, x) }
            }
            return heaviest
        }
        let left = ContinuousClock.now.duration(to: deadline).inSeconds
        guard left > 0 else { return nil }
        let last = try solver.dive(master: built.model, timeLimitSeconds: left, maxRounds: 500, price: pricer.price) { values in
            let heaviest = heaviestWeeks(values)
            var settled = heaviest.filter { $0.value.weight >= 0.99 }.map { ($0.key, $0.value.week) }
            if settled.isEmpty {
                // The heaviest twenty-fifth of the free agents (at least one), ties by agent order.
                let ranked = heaviest.sorted { ($0.value.weight, -$0.key) > ($1.value.weight, -$1.key) }
                settled = ranked.prefix(max(1, heaviest.count / 25)).map { ($0.key, $0.value.week) }
            }
            for (a, k) in settled {
                fixed[a] = pricer.weeks[k].types
                pricer.fixed.insert(a)
            }
            guard !settled.isEmpty, fixed.count < agents else {
                done = true
                return nil
            }
            // Dropped: the other weeks of the agents settled now (the free agents keep every week they had:
            // dives that dropped the unused ones ended dearer on the small weeks, and no faster).
            let chosen = Set(settled.map(\.1))
            let settledNow = Set(settled.map(\.0))
            let drop = pricer.weeks.indices.filter { !chosen.contains($0) && settledNow.contains(pricer.weeks[$0].agent) }
            return ColumnGeneration.Settle(fix: settled.map { (firstWeek + $0.1, 1.0) }, drop: drop.map { firstWeek + $0 })
        }
        if !done {
            // Time ran out mid-dive: the agents not settled yet take their heaviest week in the last master
            // solved (each week keeps its agent's rules, so the weeks still make a roster); none solved: nil.
            guard roundsUnfinished, let last else { return nil }
            let heaviest = heaviestWeeks(last.values)
            guard heaviest.count + fixed.count == agents else { return nil }
            for (a, h) in heaviest { fixed[a] = pricer.weeks[h.week].types }
        }
        return (0..<agents).map { fixed[$0] ?? [] }
    }

    /// Price-and-branch: one of its generated weeks per agent, chosen by the solver's branch and
    /// bound on the integer master (every column already keeps every hard rule of its agent).
    /// `incumbent` (one week per agent) joins the columns and is the search's first solution.
    ///
    /// - Returns: the roster of the best choice found, or nil when the solver found none.
    public static func chooseWeeks(heuristic: RosterHeuristic, weeks generated: [(agent: Int, types: [Int])], incumbent: [[RosterHeuristic.Choice]],
                                   model compact: RosterModel, solver: any MIPSolver, timeLimitSeconds: Double, mipGap: Double,
                                   nodeLimit: Int = 200) throws(SolverError) -> Roster? {
        let problem = heuristic.problem
        let agents = problem.scenario.agents.count
        var seen = Set<[Int]>()
        var columns: [(agent: Int, types: [Int])] = []
        var start: [Int] = []
        for a in 0..<agents {
            let types = incumbent[a].map(\.type).sorted()
            seen.insert([a] + types)
            start.append(columns.count)
            columns.append((a, types))
        }
        for w in generated where seen.insert([w.agent] + w.types.sorted()).inserted { columns.append((w.agent, w.types.sorted())) }
        let master = buildMaster(heuristic: heuristic, columns: columns, integer: true)
        // The incumbent in the master's variables: its weeks, its break-pattern counts, then what the rows imply.
        var values = Array(repeating: 0.0, count: master.model.variables.count)
        for k in start { values[master.weekVariables[k].index] = 1 }
        var patternCount: [TypePattern: Int] = [:]
        for week in incumbent { for c in week { patternCount[TypePattern(type: c.type, pattern: c.pattern), default: 0] += 1 } }
        for (t, p, v) in master.breakCounts { values[v.index] = Double(patternCount[TypePattern(type: t, pattern: p)] ?? 0) }
        complete(&values, master: master.model)
        let result = try solver.solve(master.model, options: SolveOptions(timeLimitSeconds: max(1, timeLimitSeconds), mipGap: mipGap,
                                                                           initialSolution: master.model.isFeasible(values) ? values : nil,
                                                                           nodeLimit: nodeLimit))
        guard let chosen = result.values else { return nil }
        // Back to the compact model: each agent's chosen week, the break patterns as the master counts them.
        var x = Array(repeating: 0.0, count: compact.model.variables.count)
        var variableOf: [AgentType: LinearModel.VariableID] = [:]
        for (a, t, v) in compact.assignments { variableOf[AgentType(agent: a, type: t)] = v }
        for (k, week) in columns.enumerated() where chosen[master.weekVariables[k].index] > 0.5 {
            for t in week.types { if let v = variableOf[AgentType(agent: week.agent, type: t)] { x[v.index] = 1 } }
        }
        var compactPattern: [TypePattern: LinearModel.VariableID] = [:]
        for (t, p, v) in compact.breakCounts { compactPattern[TypePattern(type: t, pattern: p)] = v }
        for (t, p, v) in master.breakCounts {
            if let c = compactPattern[TypePattern(type: t, pattern: p)] { x[c.index] = chosen[v.index].rounded() }
        }
        return compact.roster(from: x)
    }

    /// Fills the continuous variables of the master (understaffing, overstaffing, fairness's largest
    /// and smallest counts) with the values its rows imply, given the weeks and break counts.
    static func complete(_ values: inout [Double], master: LinearModel) {
        let variables = master.variables
        // Variables the objective rewards (a smallest count) start at their upper bound and come down.
        for (k, v) in variables.enumerated() where v.kind == .continuous && v.objective < 0 { values[k] = v.upper ?? 0 }
        for c in master.constraints {
            var fixed = 0.0
            var free: [(index: Int, coefficient: Double)] = []
            for t in c.terms {
                if variables[t.variable.index].kind == .continuous { free.append((t.variable.index, t.coefficient)) } else { fixed += t.coefficient * values[t.variable.index] }
            }
            guard !free.isEmpty else { continue }
            let slack = c.rhs - fixed
            switch c.relation {
            case .equal:
                // A coverage row: under (+1) takes a shortfall, over (−1) a surplus.
                for f in free { values[f.index] = f.coefficient > 0 ? max(0, slack) : max(0, -slack) }
            case .greaterOrEqual:
                guard free.count == 1, let f = free.first else { continue }
                if f.coefficient > 0 {
                    values[f.index] = max(values[f.index], slack / f.coefficient)
                } else {
                    values[f.index] = min(values[f.index], slack / f.coefficient)
                }
            default:
                continue
            }
        }
    }
}

/// The pricing step of the week master: each free agent's best week under the row duals (its
/// ``WeekGraph`` searched exactly), kept as a column when its reduced cost is negative; the sum of
/// those reduced costs makes the round's proven bound. Keeps every week generated, in column order.
final class WeekPricer {
    /// The weeks it searches: a node of the spread branching changes it to its own (its ranges kept).
    var heuristic: RosterHeuristic
    let master: WeekColumnGeneration.Master
    /// Every week column, the master's first, then each one priced in, in order.
    var weeks: [(agent: Int, types: [Int])]
    /// Weeks priced in the last round but not added (the round that tailed off).
    var unadded: [(agent: Int, types: [Int])] = []
    /// Agents whose week is settled: not priced.
    var fixed: Set<Int>
    let closeEnough: Double
    let stopAbove: Double
    let typeCoverRows: [[Int]]
    let fairCounts: [[Int]]
    let costs: [[[Double]]]

    init(heuristic: RosterHeuristic, master: WeekColumnGeneration.Master, weeks: [(agent: Int, types: [Int])], fixed: Set<Int>,
         closeEnough: Double, stopAbove: Double) {
        self.heuristic = heuristic
        self.master = master
        self.weeks = weeks
        self.fixed = fixed
        self.closeEnough = closeEnough
        self.stopAbove = stopAbove
        let problem = heuristic.problem
        // Per shift type, the intervals whose coverage rows it meets (for the pricing's dual sums).
        typeCoverRows = problem.shiftTypes.indices.map { t in
            master.usedTypes.contains(t) ? problem.intervals(of: problem.shiftTypes[t]).compactMap { master.cover[$0] } : []
        }
        fairCounts = master.fairness ? problem.shiftTypes.map { FairnessRule.counts($0, problem: problem) } : []
        costs = (0..<problem.scenario.agents.count).map { a in heuristic.optionsByDay[a].map { $0.map { heuristic.fixedCost(type: $0, agent: a) } } }
    }

    /// Per shift type, what its coverage rows pay less what its link row charges, under `duals`.
    func gains(_ duals: [Double]) -> [Double] {
        var gain = Array(repeating: 0.0, count: heuristic.problem.shiftTypes.count)
        let own = master.intervalDuals(duals)
        for t in master.usedTypes {
            var g = 0.0
            for r in typeCoverRows[t] { g += own[r] }
            if let l = master.link[t] { g -= duals[l] }
            gain[t] = g
        }
        return gain
    }

    /// Whether a round's agents are searched on every core: in the master's own column generation, where
    /// the other core is otherwise idle (the dives and the spreads' nodes run two at a time already). The
    /// columns, and their order, are the same either way.
    var parallel = false

    /// What an agent's search reads besides the duals, shared by the threads of a round.
    struct Search: Sendable {
        let heuristic: RosterHeuristic
        let fairRows: [[(hi: Int, lo: Int)]]
        let fairness: Bool
        let convexity: [Int]
        let costs: [[[Double]]]
        let fairCounts: [[Int]]

        /// The week of least reduced cost of agent `a` under `duals` (its ``WeekGraph`` searched exactly; `gain`
        /// from ``WeekPricer/gains(_:)``) and that reduced cost; nil when the agent has no graph or no week keeps its rules.
        func best(agent a: Int, duals: [Double], gain: [Double]) -> (reduced: Double, types: [Int])? {
            guard let graph = heuristic.graphs[a] else { return nil }
            let days = heuristic.optionsByDay[a]
            // Fairness rows price each late shift and weekend day of this agent: π(lo) − π(hi) per unit.
            var fairGain = [0.0, 0.0]
            for (m, pair) in fairRows[a].enumerated() { fairGain[m] = duals[pair.lo] - duals[pair.hi] }
            let priced = fairness && !fairRows[a].isEmpty
            let values = days.indices.map { d in days[d].indices.map { k -> Double in
                var v = gain[days[d][k]] - costs[a][d][k]
                if priced {
                    let counts = fairCounts[days[d][k]]
                    v += Double(counts[0]) * fairGain[0] + Double(counts[1]) * fairGain[1]
                }
                return v
            } }
            guard let best = graph.best(values: values) else { return nil }
            var total = 0.0
            var types: [Int] = []
            for (d, k) in best.enumerated() { if let k { total += values[d][k]; types.append(days[d][k]) } }
            return (-total - duals[convexity[a]], types)
        }
    }

    var search: Search {
        Search(heuristic: heuristic, fairRows: master.fairRows, fairness: master.fairness, convexity: master.convexity, costs: costs, fairCounts: fairCounts)
    }

    /// ``Search/best(agent:duals:gain:)`` with the weeks this pricer searches.
    func best(agent a: Int, duals: [Double], gain: [Double]) -> (reduced: Double, types: [Int])? {
        search.best(agent: a, duals: duals, gain: gain)
    }

    /// Every agent's best week (nil: settled, or none), in agent order; with `parallel`, the agents split
    /// over the cores in strides (their searches differ in size, so neighbours go to different threads).
    func bestWeeks(duals: [Double], gain: [Double]) -> [(reduced: Double, types: [Int])?] {
        let agents = heuristic.problem.scenario.agents.count
        let search = search, fixed = fixed
        let threads = parallel ? min(ProcessInfo.processInfo.activeProcessorCount, agents / Self.agentsPerThread) : 1
        guard threads > 1 else { return (0..<agents).map { fixed.contains($0) ? nil : search.best(agent: $0, duals: duals, gain: gain) } }
        let parts = inParallel(threads) { c in
            stride(from: c, to: agents, by: threads).map { fixed.contains($0) ? nil : search.best(agent: $0, duals: duals, gain: gain) }
        }
        return (0..<agents).map { parts[$0 % threads][$0 / threads] }
    }

    /// Fewer agents than this per thread are searched on one.
    static let agentsPerThread = 16

    /// Where the pricing also searches between the master's duals and these (the duals of the best bound so far,
    /// or a node's parent's last duals and its bound): ``smoothing``.
    var center: (duals: [Double], bound: Double)?
    /// Dual smoothing (Wentges): besides each agent's best week at the master's duals, its best week at this share
    /// of the way to ``center``'s duals is added too (where it prices out at the master's). A master whose duals
    /// swing from round to round (a spreads' node starting from weeks that leave intervals short) reaches its
    /// optimum in fewer rounds: traced over four week-r nodes' searches, 118–142 rounds became 75–93. The bound
    /// is the master's duals' alone, as without it. 0: none.
    var smoothing = 0.0

    func price(_ duals: [Double], _ z: Double) -> ColumnGeneration.Round {
        let agents = heuristic.problem.scenario.agents.count
        let gain = gains(duals)
        var columns: [ColumnGeneration.Column] = []
        var bound = z
        let before = weeks.count
        unadded = []
        let found = bestWeeks(duals: duals, gain: gain)
        // A week whose reduced cost is below this prices out.
        let threshold = -1e-6 * max(1, abs(z) / Double(max(1, agents)))
        for a in 0..<agents where !fixed.contains(a) {
            guard let (reduced, types) = found[a] else { continue }
            guard reduced < threshold else { continue }
            bound += reduced
            let c = master.column(a, types)
            columns.append(ColumnGeneration.Column(name: "w\(weeks.count)_a\(a)", objective: c.cost, entries: c.entries))
            weeks.append((a, types))
        }
        let tailing = !columns.isEmpty && (bound >= z - closeEnough * max(1, abs(z)) || bound >= stopAbove)
        if smoothing > 0, !columns.isEmpty, !tailing {
            if let center, center.duals.count == duals.count, center.bound > bound {
                let share = smoothing
                let between = zip(center.duals, duals).map { share * $0 + (1 - share) * $1 }
                let more = bestWeeks(duals: between, gain: gains(between))
                for a in 0..<agents where !fixed.contains(a) {
                    guard let (_, types) = more[a], types != found[a]?.types else { continue }
                    let c = master.column(a, types)
                    // Its reduced cost at the master's duals.
                    var reduced = c.cost
                    for e in c.entries { reduced -= e.coefficient * duals[e.row] }
                    guard reduced < threshold else { continue }
                    columns.append(ColumnGeneration.Column(name: "w\(weeks.count)_a\(a)", objective: c.cost, entries: c.entries))
                    weeks.append((a, types))
                }
            } else {
                center = (duals, bound)
            }
        }
        // Tailing off: once the bound is this close to the master's optimum, more rounds are not worth their time.
        if tailing {
            // The weeks stay aligned with the master's columns.
            unadded = Array(weeks[before...])
            weeks.removeLast(weeks.count - before)
            return ColumnGeneration.Round(columns: [], bound: bound, exhausted: false)
        }
        return ColumnGeneration.Round(columns: columns, bound: bound)
    }
}

