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
///
/// The nodes' masters are one LP (``ColumnGenerationSolver/explore``): moving to a node sets the
/// ranges as bounds of the largest and smallest counts, closes the weeks outside them (upper bound 0)
/// and opens those within, so each node starts from the last node's basis and from every week
/// generated for the nodes before it that it may use.
public struct SpreadBranching: Sendable {
    public typealias Limits = WeekColumnGeneration.SpreadLimits

    public struct Leaf: Sendable {
        public internal(set) var limits: Limits
        public internal(set) var bound: Double
        /// What the node's master makes of each spread (nil: no week fits the ranges, or it was not solved).
        var spreads: [[WeekColumnGeneration.Spread]]?
        /// The weeks its master uses (its children's masters start from those that fit them).
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
        leaves = [Leaf(limits: whole, bound: root.bound, spreads: root.spreads.isEmpty ? nil : root.spreads, columns: root.usedWeeks, complete: true)]
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
        guard nodes < limit, ContinuousClock.now < deadline, var node = nextNode(target: target, incumbent: incumbent) else { return }
        // One master for every node: built for the first, changed for each next.
        let problem = heuristic.problem
        let built = WeekColumnGeneration.buildMaster(heuristic: heuristic, columns: node.start, integer: false, limits: leaves[node.leaf].limits)
        let pricer = WeekPricer(heuristic: node.heuristic, master: built, weeks: node.start, fixed: [], closeEnough: 1e-5, stopAbove: target)
        let firstWeek = built.model.variables.count - node.start.count
        // Per week of the master: its counts, whether it is open (its upper bound not 0) and whether it is still there.
        var counts = node.start.map { heuristic.fairness(ofTypes: $0.types) }
        var open = Array(repeating: true, count: node.start.count)
        var alive = open
        var index: [[Int]: Int] = [:]
        for (k, w) in node.start.enumerated() { index[[w.agent] + w.types.sorted()] = k }
        let fairCounts = problem.shiftTypes.map { FairnessRule.counts($0, problem: problem) }
        let left = ContinuousClock.now.duration(to: deadline).inSeconds
        guard left > 0 else { return }
        try solver.explore(master: built.model, timeLimitSeconds: left, maxRounds: 500, price: pricer.price) { result in
            // The weeks the pricing added in this node.
            while counts.count < pricer.weeks.count {
                let w = pricer.weeks[counts.count]
                index[[w.agent] + w.types.sorted()] = counts.count
                counts.append(heuristic.fairness(ofTypes: w.types))
                open.append(true)
                alive.append(true)
            }
            nodes += 1
            let leaf = leaves[node.leaf]
            var drop: [Int] = []
            if let result {
                let weight = { (k: Int) -> Double in
                    let j = firstWeek + k
                    return alive[k] && open[k] && j < result.values.count ? result.values[j] : 0
                }
                let bound = max(leaf.bound, result.bound)
                let used = pricer.weeks.indices.filter { weight($0) > 1e-9 }.map { pricer.weeks[$0] }
                leaves[node.leaf] = Leaf(limits: leaf.limits, bound: bound,
                                         spreads: WeekColumnGeneration.spreads(master: built, values: result.values, weeks: pricer.weeks, weight: weight,
                                                                               heuristic: heuristic, fairCounts: fairCounts),
                                         columns: used, complete: result.converged || bound < target)
                // Kept for the next nodes: the weeks this node's master uses (the rest, like the weeks a master
                // starts from, are dropped: a master of every week generated takes several times longer to solve).
                for k in pricer.weeks.indices where alive[k] && weight(k) <= 1e-9 {
                    alive[k] = false
                    index[[pricer.weeks[k].agent] + pricer.weeks[k].types.sorted()] = nil
                    drop.append(firstWeek + k)
                }
            } else {
                leaves[node.leaf] = Leaf(limits: leaf.limits, bound: .infinity, spreads: nil, columns: [], complete: true)
            }
            guard nodes < limit, ContinuousClock.now < deadline, let next = nextNode(target: target, incumbent: incumbent) else { return nil }
            node = next
            pricer.heuristic = next.heuristic
            var change = ColumnGeneration.Change(drop: drop)
            // The ranges as the largest and smallest counts' bounds.
            for (g, pairs) in built.fairVariables.enumerated() {
                for (m, v) in pairs.enumerated() {
                    let l = leaves[next.leaf].limits[g][m]
                    change.bounds.append((v.hi.index, Double(l.hi.lowerBound), Double(l.hi.upperBound)))
                    change.bounds.append((v.lo.index, Double(l.lo.lowerBound), Double(l.lo.upperBound)))
                }
            }
            // Weeks outside the node's ranges closed, those within opened.
            for k in pricer.weeks.indices where alive[k] {
                let fits = next.fits(pricer.weeks[k].agent, counts[k])
                if fits != open[k] {
                    open[k] = fits
                    change.bounds.append((firstWeek + k, 0, fits ? nil : 0))
                }
            }
            // Its first weeks the master does not hold.
            for w in next.start where index[[w.agent] + w.types.sorted()] == nil {
                let c = built.column(w.agent, w.types)
                change.add.append(ColumnGeneration.Column(name: "w\(pricer.weeks.count)_a\(w.agent)", objective: c.cost, entries: c.entries))
                index[[w.agent] + w.types.sorted()] = pricer.weeks.count
                pricer.weeks.append(w)
                counts.append(heuristic.fairness(ofTypes: w.types))
                open.append(true)
                alive.append(true)
            }
            return change
        }
    }

    /// The next node whose master is to be solved: the leaf with the least bound below `target`, once
    /// branched if its master is solved; nil when every leaf reaches the target or the least cannot be
    /// branched. A leaf where some agent has no week within the ranges gets an infinite bound.
    mutating func nextNode(target: Double, incumbent: [[Int]]) -> Node? {
        while let k = leaves.indices.filter({ leaves[$0].bound < target }).min(by: { leaves[$0].bound < leaves[$1].bound }) {
            let leaf = leaves[k]
            if !leaf.complete || leaf.spreads == nil {
                guard let node = start(of: k, incumbent: incumbent) else {
                    leaves[k] = Leaf(limits: leaf.limits, bound: .infinity, spreads: nil, columns: [], complete: true)
                    continue
                }
                return node
            }
            guard let spreads = leaf.spreads, let (g, m, side) = branchingChoice(leaf) else { return nil }
            let spread = spreads[g][m]
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
            // A child's problem is a part of its parent's: it starts with its parent's bound, and its master
            // from the weeks its parent's master uses; it is solved when it is the least leaf.
            let children = parts.map { part in
                var limits = leaf.limits
                if side == .hi { limits[g][m].hi = part } else { limits[g][m].lo = part }
                return Leaf(limits: limits, bound: leaf.bound, spreads: nil, columns: leaf.columns, complete: false)
            }
            leaves.replaceSubrange(k...k, with: children)
        }
        return nil
    }

    /// A node to solve: its leaf, the weeks it may use and its master's first weeks.
    struct Node {
        let leaf: Int
        let heuristic: RosterHeuristic
        /// Per fairness group and measure, the counts a week may have.
        let allowed: [[ClosedRange<Int>]]
        let groupOf: [Int?]
        /// The roster in hand's week where it fits the ranges, the leaf's weeks that fit, and for each agent
        /// with neither, a week its rules allow within them.
        let start: [(agent: Int, types: [Int])]

        func fits(_ agent: Int, _ counts: [Int]) -> Bool {
            guard let g = groupOf[agent] else { return true }
            return allowed[g][0].contains(counts[0]) && allowed[g][1].contains(counts[1])
        }
    }

    /// The node of leaf `k`; nil when a range is empty or an agent has no week within the ranges.
    func start(of k: Int, incumbent: [[Int]]) -> Node? {
        let limits = leaves[k].limits
        var narrowed = heuristic.problem
        var allowed: [[ClosedRange<Int>]] = []
        for (g, group) in groups.enumerated() {
            allowed.append([])
            for m in FairnessRule.Measure.allCases {
                let l = limits[g][m.rawValue]
                guard l.lo.lowerBound <= l.hi.upperBound else { return nil }
                let range = l.lo.lowerBound...l.hi.upperBound
                allowed[g].append(range)
                if range != 0...7 { narrowed.searchRanges[group.contract, default: [:]][m] = range }
            }
        }
        let node = RosterHeuristic(problem: narrowed, reusing: heuristic)
        let probe = Node(leaf: k, heuristic: node, allowed: allowed, groupOf: groupOf, start: [])
        func fits(_ agent: Int, _ types: [Int]) -> Bool { probe.fits(agent, heuristic.fairness(ofTypes: types)) }
        var start: [(agent: Int, types: [Int])] = []
        var covered = Array(repeating: false, count: heuristic.problem.scenario.agents.count)
        for (a, week) in incumbent.enumerated() where fits(a, week) {
            start.append((a, week))
            covered[a] = true
        }
        for w in leaves[k].columns where fits(w.agent, w.types) {
            start.append(w)
            covered[w.agent] = true
        }
        for a in covered.indices where !covered[a] {
            // Any week the agent's rules allow within the ranges; none: no roster lies in this node.
            guard let graph = node.graphs[a],
                  let days = graph.best(values: node.optionsByDay[a].map { Array(repeating: 0.0, count: $0.count) }) else { return nil }
            start.append((a, days.enumerated().compactMap { d, k in k.map { node.optionsByDay[a][d][$0] } }))
        }
        // Each week once.
        var seen = Set<[Int]>()
        start = start.filter { seen.insert([$0.agent] + $0.types.sorted()).inserted }
        return Node(leaf: k, heuristic: node, allowed: allowed, groupOf: groupOf, start: start)
    }

    enum Side { case hi, lo }

    /// The largest or smallest count whose master value lies furthest from the weeks the master mixes
    /// (a largest count of 1.86 over weeks with up to five late shifts: 3.14), nil when every one agrees.
    func branchingChoice(_ leaf: Leaf) -> (group: Int, measure: Int, side: Side)? {
        guard let spreads = leaf.spreads, spreads.count == groups.count else { return nil }
        var best: (group: Int, measure: Int, side: Side, by: Double)?
        for g in groups.indices {
            for m in 0..<2 {
                let s = spreads[g][m]
                let limit = leaf.limits[g][m]
                if limit.hi.count > 1, Double(s.maxUsed) - s.hi > 1e-3, Double(s.maxUsed) - s.hi > best?.by ?? 0 { best = (g, m, .hi, Double(s.maxUsed) - s.hi) }
                if limit.lo.count > 1, s.lo - Double(s.minUsed) > 1e-3, s.lo - Double(s.minUsed) > best?.by ?? 0 { best = (g, m, .lo, s.lo - Double(s.minUsed)) }
            }
        }
        return best.map { ($0.group, $0.measure, $0.side) }
    }
}
