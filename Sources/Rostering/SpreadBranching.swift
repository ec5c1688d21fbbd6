import Core
public import LinearModel

/// A stronger bound where fairness is priced: branching on the whole values of the spreads.
///
/// In a roster, each contract's largest and smallest count of late shifts (and of weekend days) is a
/// whole number, and every agent's week lies between them. The week master knows only averages: a
/// part-timer on 0.37 of a week with five late shifts and 0.63 of a week with none counts 1.86, so
/// its largest count can sit far below the weeks it mixes, and the fairness it prices far below any
/// roster's. A node of this branching gives each largest and smallest count a range; its weeks keep
/// within them (``CountRangeRule`` in the pricing) and its master prices the spread from the ranges'
/// ends. The ranges of a node's children split the parent's, so every roster lies in exactly one
/// leaf, and the least bound over the leaves is a lower bound of the whole problem.
public struct SpreadBranching: Sendable {
    public typealias Limits = WeekColumnGeneration.SpreadLimits

    public struct Leaf: Sendable {
        public internal(set) var limits: Limits
        public internal(set) var bound: Double
        /// The node's master (nil: no week fits the ranges, or it was not solved).
        var outcome: WeekColumnGeneration.Outcome?
        /// The weeks its master starts from when solved again.
        var columns: [(agent: Int, types: [Int])]
        /// False when column generation stopped at a target (or at the deadline) before its optimum.
        var complete: Bool
    }

    let heuristic: RosterHeuristic
    let solver: any ColumnGenerationSolver
    let groups: [(contract: String, agents: [Int])]
    let groupOf: [Int?]
    public private(set) var leaves: [Leaf]
    /// How many nodes' masters were solved.
    public private(set) var nodes = 0

    /// - Parameter root: the week master of the whole problem (no ranges), fairness priced.
    public init(root: WeekColumnGeneration.Outcome, heuristic: RosterHeuristic, solver: any ColumnGenerationSolver) {
        self.heuristic = heuristic
        self.solver = solver
        groups = FairnessRule.groups(heuristic.problem)
        // Each agent's group, as the search's fairness bookkeeping has it.
        groupOf = heuristic.emptyTally?.group ?? Array(repeating: nil, count: heuristic.problem.scenario.agents.count)
        let whole = groups.map { _ in [(hi: 0...7, lo: 0...7), (hi: 0...7, lo: 0...7)] }
        leaves = [Leaf(limits: whole, bound: root.bound, outcome: root, columns: root.weeks, complete: true)]
    }

    /// The least bound over the leaves: no roster costs less.
    public var bound: Double { leaves.map(\.bound).min() ?? .infinity }

    /// Branches the leaf with the least bound, and the next, until every leaf's bound reaches `target`
    /// (a share below the roster in hand), the least leaf cannot be branched, `nodeLimit` nodes' masters
    /// are solved (a count, so the result does not depend on the machine's speed), or `deadline`.
    ///
    /// - Parameter incumbent: each agent's week in the roster in hand (the nodes' masters start from it
    ///   where it fits their ranges).
    public mutating func improve(target: Double, incumbent: [[Int]], deadline: ContinuousClock.Instant, nodeLimit: Int = .max) throws(SolverError) {
        // No limit (`.max`) stays no limit: the sum would overflow once a node has run.
        let (sum, overflow) = nodes.addingReportingOverflow(max(0, nodeLimit))
        let limit = overflow ? Int.max : sum
        while ContinuousClock.now < deadline, nodes < limit {
            guard let k = leaves.indices.filter({ leaves[$0].bound < target }).min(by: { leaves[$0].bound < leaves[$1].bound }) else { return }
            let leaf = leaves[k]
            if !leaf.complete {
                // Stopped at an earlier target (or at the deadline): its master goes on from its weeks.
                let again = try evaluate(leaf.limits, columns: leaf.columns, fallback: leaf.bound, incumbent: incumbent, target: target, deadline: deadline)
                nodes += 1
                let progressed = again.bound > leaf.bound + 1e-9 || again.complete
                leaves[k] = again
                if !progressed { return }
                continue
            }
            guard let outcome = leaf.outcome, let (g, m, side) = branchingChoice(leaf) else { return }
            let spread = outcome.spreads[g][m]
            let range = side == .hi ? leaf.limits[g][m].hi : leaf.limits[g][m].lo
            var parts: [ClosedRange<Int>] = []
            if side == .hi {
                // Below the master's largest count, each whole value up to the largest week it uses, above.
                let c = max(range.lowerBound, Int((spread.hi - 1e-6).rounded(.up)))
                if c - 1 >= range.lowerBound { parts.append(range.lowerBound...(c - 1)) }
                for v in c...max(c, min(spread.maxUsed, range.upperBound)) { parts.append(v...v) }
                if spread.maxUsed + 1 <= range.upperBound { parts.append((spread.maxUsed + 1)...range.upperBound) }
            } else {
                let f = min(range.upperBound, Int((spread.lo + 1e-6).rounded(.down)))
                if spread.minUsed - 1 >= range.lowerBound { parts.append(range.lowerBound...(spread.minUsed - 1)) }
                for v in min(f, max(spread.minUsed, range.lowerBound))...f { parts.append(v...v) }
                if f + 1 <= range.upperBound { parts.append((f + 1)...range.upperBound) }
            }
            // A child's master starts from the weeks its parent's master uses.
            let used = outcome.usedWeeks
            var children: [Leaf] = []
            for part in parts {
                var limits = leaf.limits
                if side == .hi { limits[g][m].hi = part } else { limits[g][m].lo = part }
                guard ContinuousClock.now < deadline else {
                    // Out of time: the child keeps its parent's bound (its problem is a part of the parent's).
                    children.append(Leaf(limits: limits, bound: leaf.bound, outcome: nil, columns: used, complete: false))
                    continue
                }
                children.append(try evaluate(limits, columns: used, fallback: leaf.bound, incumbent: incumbent, target: target, deadline: deadline))
                nodes += 1
            }
            leaves.replaceSubrange(k...k, with: children)
        }
    }

    enum Side { case hi, lo }

    /// The largest or smallest count whose master value lies furthest from the weeks the master mixes
    /// (a largest count of 1.86 over weeks with up to five late shifts: 3.14), nil when every one agrees.
    func branchingChoice(_ leaf: Leaf) -> (group: Int, measure: Int, side: Side)? {
        guard let outcome = leaf.outcome, outcome.spreads.count == groups.count else { return nil }
        var best: (group: Int, measure: Int, side: Side, by: Double)?
        for g in groups.indices {
            for m in 0..<2 {
                let s = outcome.spreads[g][m]
                let limit = leaf.limits[g][m]
                if limit.hi.count > 1, Double(s.maxUsed) - s.hi > 1e-3, Double(s.maxUsed) - s.hi > best?.by ?? 0 { best = (g, m, .hi, Double(s.maxUsed) - s.hi) }
                if limit.lo.count > 1, s.lo - Double(s.minUsed) > 1e-3, s.lo - Double(s.minUsed) > best?.by ?? 0 { best = (g, m, .lo, s.lo - Double(s.minUsed)) }
            }
        }
        return best.map { ($0.group, $0.measure, $0.side) }
    }

    /// The master of a node: its weeks kept within the ranges, started from the roster in hand where it
    /// fits and from the parent's weeks that fit.
    func evaluate(_ limits: Limits, columns: [(agent: Int, types: [Int])], fallback: Double, incumbent: [[Int]], target: Double,
                  deadline: ContinuousClock.Instant) throws(SolverError) -> Leaf {
        let infeasible = Leaf(limits: limits, bound: .infinity, outcome: nil, columns: [], complete: true)
        var narrowed = heuristic.problem
        var allowed: [[ClosedRange<Int>]] = []
        for (g, group) in groups.enumerated() {
            allowed.append([])
            for m in FairnessRule.Measure.allCases {
                let l = limits[g][m.rawValue]
                guard l.lo.lowerBound <= l.hi.upperBound else { return infeasible }
                let range = l.lo.lowerBound...l.hi.upperBound
                allowed[g].append(range)
                if range != 0...7 { narrowed.searchRanges[group.contract, default: [:]][m] = range }
            }
        }
        let problem = heuristic.problem
        func fits(_ agent: Int, _ types: [Int]) -> Bool {
            guard let g = groupOf[agent] else { return true }
            let counts = heuristic.fairness(ofTypes: types)
            return allowed[g][0].contains(counts[0]) && allowed[g][1].contains(counts[1])
        }
        let node = RosterHeuristic(problem: narrowed, reusing: heuristic)
        let pool = columns.filter { fits($0.agent, $0.types) }
        var firstFitting: [Int: [Int]] = [:]
        for w in pool where firstFitting[w.agent] == nil { firstFitting[w.agent] = w.types }
        var start: [[RosterHeuristic.Choice]] = []
        for a in 0..<problem.scenario.agents.count {
            if fits(a, incumbent[a]) {
                start.append(incumbent[a].map { RosterHeuristic.Choice(type: $0, pattern: 0) })
            } else if let week = firstFitting[a] {
                start.append(week.map { RosterHeuristic.Choice(type: $0, pattern: 0) })
            } else {
                // Any week the agent's rules allow within the ranges; none: no roster lies in this node.
                guard let graph = node.graphs[a],
                      let days = graph.best(values: node.optionsByDay[a].map { Array(repeating: 0.0, count: $0.count) }) else { return infeasible }
                start.append(days.enumerated().compactMap { d, k in k.map { RosterHeuristic.Choice(type: node.optionsByDay[a][d][$0], pattern: 0) } })
            }
        }
        let left = ContinuousClock.now.duration(to: deadline).inSeconds
        guard left > 0, let outcome = try WeekColumnGeneration.run(heuristic: node, start: start, solver: solver, timeLimitSeconds: left, pool: pool,
                                                                   limits: limits, stopAbove: target) else {
            return Leaf(limits: limits, bound: fallback, outcome: nil, columns: columns, complete: false)
        }
        // A child's problem is a part of its parent's: its bound is at least the parent's. Stopped at the
        // target, the master is not at its optimum (nor its values a guide for branching).
        return Leaf(limits: limits, bound: max(fallback, outcome.bound), outcome: outcome, columns: outcome.weeks,
                    complete: outcome.converged || outcome.bound < target)
    }
}
