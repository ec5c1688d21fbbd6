import Core
import Foundation
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
///
/// Where two contracts' counts are branched, the leaves are the product of their ranges' parts: each part
/// of the second contract's count is solved once below every part of the first. Probes cut that: the
/// first time a leaf below the root is branched on a count that other leaves will be branched on too,
/// the root with each part of that count's range alone is solved, and a leaf within a probe costs at
/// least the probe's bound (its roster is one of the probe's), so the parts that cost too much anyway are
/// dropped in every subtree without their masters.
public struct SpreadBranching: Sendable {
    public typealias Limits = WeekColumnGeneration.SpreadLimits

    public struct Leaf: Sendable {
        /// Which leaf (a child gets a new number; the list of leaves changes as they are branched).
        let id: Int
        public internal(set) var limits: Limits
        public internal(set) var bound: Double
        /// What the node's master makes of each spread (nil: no week fits the ranges, or it was not solved).
        var spreads: [[WeekColumnGeneration.Spread]]?
        /// The weeks its master uses (its children's masters start from those that fit them).
        var columns: [(agent: Int, types: [Int])]
        /// Its master's last row duals (its children's first weeks are priced with them; empty: none).
        var duals: [Double]
        /// False when column generation stopped at a target (or at the deadline) before its optimum.
        var complete: Bool
    }

    let heuristic: RosterHeuristic
    let solver: any ColumnGenerationSolver
    let groups: [(contract: String, agents: [Int])]
    let groupOf: [Int?]
    public private(set) var leaves: [Leaf]
    /// Nodes with the root's ranges but one (a part of one largest or smallest count's range), solved for
    /// their bounds alone (``nextNode(target:incumbent:probe:taken:)``): any leaf within one costs at least its bound.
    var probes: [Leaf] = []
    /// The root's weeks and duals (a probe's master starts from them) and its bound (a probe's starts there).
    let rootColumns: [(agent: Int, types: [Int])]
    let rootDuals: [Double]
    let rootBound: Double
    /// How far the nodes' pricing leans toward the duals of the best bound so far, first the parent's
    /// (``WeekPricer/smoothing``): of 0.3, 0.5 and 0.7, 0.7 took fewest rounds over four week-r searches. 0: none.
    public var smoothing = 0.7
    /// How many nodes' masters were solved.
    public private(set) var nodes = 0
    /// The next leaf's number.
    var nextID = 1
    /// The week graphs built for nodes' ranges, by agent and its contract's ranges: a node whose ranges of a
    /// contract an earlier node had reuses them (a child differs from its parent in one contract's).
    var graphs: [GraphKey: WeekGraph] = [:]

    struct GraphKey: Hashable {
        let agent: Int
        let ranges: [FairnessRule.Measure: ClosedRange<Int>]
    }

    /// - Parameter root: the week master of the whole problem (no ranges), fairness priced.
    public init(root: WeekColumnGeneration.Outcome, heuristic: RosterHeuristic, solver: any ColumnGenerationSolver) {
        self.heuristic = heuristic
        self.solver = solver
        groups = FairnessRule.groups(heuristic.problem)
        // Each agent's group, as the search's fairness bookkeeping has it.
        groupOf = heuristic.emptyTally?.group ?? Array(repeating: nil, count: heuristic.problem.scenario.agents.count)
        let whole = Self.possible(heuristic: heuristic, groups: groups)
        self.whole = whole
        leaves = [Leaf(id: 0, limits: whole, bound: root.bound, spreads: root.spreads.isEmpty ? nil : root.spreads, columns: root.usedWeeks,
                       duals: root.duals, complete: true)]
        rootColumns = root.usedWeeks
        rootDuals = root.duals
        rootBound = root.bound
    }

    /// Per fairness group and measure, the values the largest and the smallest count can take in any
    /// roster (the root's ranges): ``possible(heuristic:groups:)``.
    let whole: Limits

    /// Per fairness group and measure, the ranges of the largest and the smallest count in any roster: the
    /// largest count lies between the most any agent must work (its week of fewest late shifts, say) and the
    /// most any agent can; the smallest between the least any agent can and the least any agent must. The
    /// master alone knows less (its largest count is only above every agent's), so without these a node with
    /// a largest count of 6 when no agent can work 6 late shifts would be solved, and branched, for nothing.
    static func possible(heuristic: RosterHeuristic, groups: [(contract: String, agents: [Int])]) -> Limits {
        groups.map { group in
            (0..<2).map { m in
                // Per agent, its fewest and most counts over the weeks its rules allow (the week graph searched
                // for the week of most counts, and of fewest).
                var least: [Int] = [], most: [Int] = []
                for a in group.agents {
                    guard let graph = heuristic.graphs[a] else { continue }
                    let options = heuristic.optionsByDay[a]
                    let counts = options.map { $0.map { Double(heuristic.fairCounts[$0][m]) } }
                    guard let high = graph.best(values: counts), let low = graph.best(values: counts.map { $0.map { -$0 } }) else { continue }
                    func count(_ week: [Int?]) -> Int {
                        heuristic.fairness(ofTypes: week.enumerated().compactMap { d, k in k.map { options[d][$0] } })[m]
                    }
                    most.append(count(high))
                    least.append(count(low))
                }
                guard let mostMax = most.max(), let mostMin = most.min(), let leastMax = least.max(), let leastMin = least.min() else {
                    return (hi: 0...7, lo: 0...7)
                }
                return (hi: leastMax...max(leastMax, mostMax), lo: leastMin...max(leastMin, mostMin))
            }
        }
    }

    /// A bound of the week without fairness (nil: none): with it, a leaf costs at least that bound plus
    /// the fairness its ranges force (``floor(_:)``), solved or not.
    public var plainBound: Double?

    /// What any roster within `limits` costs at least: the bound without fairness plus, per group and
    /// measure, the weight times the least spread the ranges allow (the largest count's least value less
    /// the smallest count's largest).
    func floor(_ limits: Limits) -> Double {
        guard let plainBound else { return -.infinity }
        let weight = heuristic.problem.scenario.costs.fairnessWeight.doubleValue
        var units = 0
        for pairs in limits { for l in pairs { units += max(0, l.hi.lowerBound - l.lo.upperBound) } }
        return plainBound + weight * Double(units)
    }

    /// The least bound over the leaves: no roster costs less.
    public var bound: Double { leaves.map(\.bound).min() ?? .infinity }

    /// Branches the leaf with the least bound, and the next, until every leaf's bound reaches `target`
    /// (a share below the roster in hand), the least leaf cannot be branched, `nodeLimit` nodes' masters
    /// are solved (a count, so the result does not depend on the machine's speed), or `deadline`.
    ///
    /// `workers` masters are solved at once, each on a thread of its own with its own GLPK problem kept
    /// from node to node: each round takes the `workers × nodesPerWorker` least leaves (the k-th least to
    /// worker k modulo `workers`, each worker's in order) and waits for all of them before the next, so
    /// which nodes are solved, and by which worker from which basis, does not depend on the machine's
    /// speed. Two nodes per worker and round: a round lasts as long as its slowest worker, and one node's
    /// time varies more than two's (ten times between nodes of one branching), so fewer of the workers'
    /// seconds are spent waiting.
    ///
    /// - Parameter incumbent: each agent's week in the roster in hand (the nodes' masters start from it
    ///   where it fits their ranges).
    public mutating func improve(target: Double, incumbent: [[Int]], deadline: ContinuousClock.Instant, nodeLimit: Int = .max,
                                 workers: Int = 2, nodesPerWorker: Int = 2) throws(SolverError) {
        // No limit (`.max`) stays no limit: the sum would overflow once a node has run.
        let (sum, overflow) = nodes.addingReportingOverflow(max(0, nodeLimit))
        let limit = overflow ? Int.max : sum
        // The rows of every node's master (the same whatever the ranges): the first weeks are priced on them.
        let probe = WeekPricer(heuristic: heuristic, master: WeekColumnGeneration.buildMaster(heuristic: heuristic, columns: [], integer: false),
                               weeks: [], fixed: [], closeEnough: 1e-5, stopAbove: target)
        let context = Worker.Context(heuristic: heuristic, solver: solver, target: target, deadline: deadline, smoothing: smoothing)
        let channels = (0..<max(1, workers)).map { _ in Worker.Channel() }
        let back = DispatchSemaphore(value: 0)
        var failure: SolverError?
        while failure == nil, nodes < limit, ContinuousClock.now < deadline {
            var batch: [Node] = []
            // (A node's week graphs can take a tenth of a second to build: none is prepared past the deadline.)
            while batch.count < channels.count * nodesPerWorker, batch.count < limit - nodes, ContinuousClock.now < deadline,
                  let node = nextNode(target: target, incumbent: incumbent, probe: probe, taken: Set(batch.map(\.leaf))) {
                batch.append(node)
            }
            guard !batch.isEmpty else { break }
            // The k-th least leaf to worker k modulo the workers: each worker's nodes in order of their bounds.
            let queues = channels.indices.map { w in stride(from: w, to: batch.count, by: channels.count).map { batch[$0] } }
            let busy = channels.indices.filter { !queues[$0].isEmpty }
            for w in busy { Worker.assign(queues[w], to: channels[w], context: context, back: back) }
            for _ in busy { back.wait() }
            for w in busy {
                for (j, node) in queues[w].enumerated() {
                    let report = j < channels[w].reports.count ? channels[w].reports[j] : .ended(nil)
                    // Out of time (or failed) before the node's master was solved: its leaf or probe stays as it was.
                    if case .ended(let error) = report {
                        channels[w].live = false
                        if let error, failure == nil { failure = error }
                        continue
                    }
                    nodes += 1
                    if let p = probes.firstIndex(where: { $0.id == node.leaf }) {
                        // A probe: its bound alone is kept (its master's weeks and spreads serve no leaf).
                        if case .solved(let solved) = report { probes[p].bound = max(probes[p].bound, solved.bound) } else { probes[p].bound = .infinity }
                        probes[p].complete = true
                        continue
                    }
                    guard let k = leaves.firstIndex(where: { $0.id == node.leaf }) else { continue }
                    let leaf = leaves[k]
                    if case .solved(let solved) = report {
                        let bound = max(leaf.bound, solved.bound, floor(leaf.limits))
                        leaves[k] = Leaf(id: leaf.id, limits: leaf.limits, bound: bound, spreads: solved.spreads, columns: solved.used, duals: solved.duals,
                                         complete: solved.converged || bound < target)
                    } else {
                        leaves[k] = Leaf(id: leaf.id, limits: leaf.limits, bound: .infinity, spreads: nil, columns: [], duals: [], complete: true)
                    }
                }
            }
            // What the probes solved in this round prove of the leaves within them.
            for k in leaves.indices { leaves[k].bound = max(leaves[k].bound, inherited(leaves[k].limits)) }
        }
        // The workers still waiting for nodes are told to stop, and have stopped before this returns.
        for channel in channels where channel.live {
            Worker.assign([], to: channel, context: context, back: back)
            back.wait()
            channel.live = false
        }
        if let failure { throw failure }
    }

    /// A thread solving nodes' masters on one GLPK problem (``ColumnGenerationSolver/explore``): moving
    /// to a node sets its ranges as the bounds of the largest and smallest counts, closes the weeks
    /// outside them (upper bound 0) and opens those within, and adds its first weeks the master lacks.
    enum Worker {
        struct Context: Sendable {
            let heuristic: RosterHeuristic
            let solver: any ColumnGenerationSolver
            let target: Double
            let deadline: ContinuousClock.Instant
            let smoothing: Double
        }

        /// What a node's master gave.
        struct Solved: Sendable {
            let bound: Double
            let converged: Bool
            let spreads: [[WeekColumnGeneration.Spread]]
            let used: [(agent: Int, types: [Int])]
            let duals: [Double]
        }

        enum Report: Sendable {
            case solved(Solved)
            /// The node's master has no feasible solution.
            case infeasible
            /// The worker's search ended (the deadline, or an error) before the node's master was solved.
            case ended(SolverError?)
        }

        /// Between the coordinator and one worker: the coordinator sets `assignments` (the worker's nodes, in
        /// order) and signals `go`; the worker solves them one after another, appends a report for each to
        /// `reports` and signals the coordinator's semaphore once it has solved them all (or its search
        /// ended), once per round. Each side touches the fields only between those signals, which order the accesses.
        final class Channel: @unchecked Sendable {
            let go = DispatchSemaphore(value: 0)
            var assignments: [Node] = []
            var reports: [Report] = []
            /// The worker's thread is waiting for its next nodes (coordinator's bookkeeping).
            var live = false
        }

        /// Gives `nodes` (none: stop) to the worker of `channel`, starting its thread when it has none.
        static func assign(_ nodes: [Node], to channel: Channel, context: Context, back: DispatchSemaphore) {
            channel.assignments = nodes
            channel.reports = []
            if channel.live {
                channel.go.signal()
            } else if !nodes.isEmpty {
                channel.live = true
                let thread = Thread { run(channel: channel, context: context, back: back) }
                // The week graphs' searches and GLPK want more than a secondary thread's default stack.
                thread.stackSize = 64 << 20
                thread.start()
            }
        }

        /// A worker's thread: one master for every node it is given.
        static func run(channel: Channel, context: Context, back: DispatchSemaphore) {
            do {
                let first = channel.assignments.removeFirst()
                try explore(first: first, context: context) { report in
                    channel.reports.append(report)
                    if channel.assignments.isEmpty {
                        back.signal()
                        channel.go.wait()
                    }
                    return channel.assignments.isEmpty ? nil : channel.assignments.removeFirst()
                }
                channel.reports.append(.ended(nil))
            } catch {
                channel.reports.append(.ended(error))
            }
            context.solver.threadEnds()
            back.signal()
        }

        static func explore(first: Node, context: Context, handOff: (Report) -> Node?) throws(SolverError) {
            let heuristic = context.heuristic
            var node = first
            let built = WeekColumnGeneration.buildMaster(heuristic: heuristic, columns: node.start, integer: false, limits: node.limits)
            let pricer = WeekPricer(heuristic: node.heuristic, master: built, weeks: node.start, fixed: [], closeEnough: 1e-5, stopAbove: context.target)
            pricer.center = node.duals.isEmpty ? nil : (node.duals, node.bound)
            pricer.smoothing = context.smoothing
            let firstWeek = built.model.variables.count - node.start.count
            // Per week of the master: its counts, whether it is open (its upper bound not 0) and whether it is still there.
            var counts = node.start.map { heuristic.fairness(ofTypes: $0.types) }
            var open = Array(repeating: true, count: node.start.count)
            var alive = open
            var index: [[Int]: Int] = [:]
            for (k, w) in node.start.enumerated() { index[[w.agent] + w.types.sorted()] = k }
            let left = ContinuousClock.now.duration(to: context.deadline).inSeconds
            guard left > 0 else { return }
            try context.solver.explore(master: built.model, timeLimitSeconds: left, maxRounds: 500, price: pricer.price) { result in
                // The weeks the pricing added in this node.
                while counts.count < pricer.weeks.count {
                    let w = pricer.weeks[counts.count]
                    index[[w.agent] + w.types.sorted()] = counts.count
                    counts.append(heuristic.fairness(ofTypes: w.types))
                    open.append(true)
                    alive.append(true)
                }
                var drop: [Int] = []
                let report: Report
                if let result {
                    let weight = { (k: Int) -> Double in
                        let j = firstWeek + k
                        return alive[k] && open[k] && j < result.values.count ? result.values[j] : 0
                    }
                    let used = pricer.weeks.indices.filter { weight($0) > 1e-9 }.map { pricer.weeks[$0] }
                    report = .solved(Solved(bound: result.bound, converged: result.converged,
                                            spreads: WeekColumnGeneration.spreads(master: built, values: result.values, weeks: pricer.weeks, weight: weight,
                                                                                  heuristic: heuristic, fairCounts: pricer.fairCounts),
                                            used: used, duals: result.duals))
                    // Kept for the next nodes: the weeks this node's master uses (the rest, like the weeks a master
                    // starts from, are dropped: a master of every week generated takes several times longer to solve).
                    for k in pricer.weeks.indices where alive[k] && weight(k) <= 1e-9 {
                        alive[k] = false
                        index[[pricer.weeks[k].agent] + pricer.weeks[k].types.sorted()] = nil
                        drop.append(firstWeek + k)
                    }
                } else {
                    report = .infeasible
                }
                guard let next = handOff(report) else { return nil }
                node = next
                pricer.heuristic = next.heuristic
                // Each node's pricing leans toward its parent's duals at first (its own master's swing far at first).
                pricer.center = next.duals.isEmpty ? nil : (next.duals, next.bound)
                var change = ColumnGeneration.Change(drop: drop)
                // The ranges as the largest and smallest counts' bounds.
                for (g, pairs) in built.fairVariables.enumerated() {
                    for (m, v) in pairs.enumerated() {
                        let l = next.limits[g][m]
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
    }

    /// The next node whose master is to be solved: the leaf with the least bound below `target`, once
    /// branched if its master is solved; nil when every leaf reaches the target or the least cannot be
    /// branched. A leaf where some agent has no week within the ranges gets an infinite bound. Leaves in
    /// `taken` (being solved) are passed over. Probes not yet solved come before any leaf, and a leaf to be
    /// branched where its parts' probes are being solved waits for them.
    mutating func nextNode(target: Double, incumbent: [[Int]], probe: WeekPricer, taken: Set<Int> = []) -> Node? {
        // Leaves whose probes are being solved (they are branched once the probes' bounds are known).
        var waiting = Set<Int>()
        while true {
            // The probes not yet solved come first, least bound first.
            if let p = probes.indices.filter({ !probes[$0].complete && probes[$0].bound < target && !taken.contains(probes[$0].id) })
                .min(by: { probes[$0].bound < probes[$1].bound }) {
                guard let node = start(of: probes[p], incumbent: incumbent, probe: probe) else {
                    probes[p].bound = .infinity
                    probes[p].complete = true
                    continue
                }
                return node
            }
            guard let k = leaves.indices.filter({ leaves[$0].bound < target && !taken.contains(leaves[$0].id) && !waiting.contains(leaves[$0].id) })
                .min(by: { leaves[$0].bound < leaves[$1].bound }) else { return nil }
            let leaf = leaves[k]
            if !leaf.complete || leaf.spreads == nil {
                guard let node = start(of: leaf, incumbent: incumbent, probe: probe) else {
                    leaves[k] = Leaf(id: leaf.id, limits: leaf.limits, bound: .infinity, spreads: nil, columns: [], duals: [], complete: true)
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
            func with(_ part: ClosedRange<Int>, in limits: Limits) -> Limits {
                var limits = limits
                if side == .hi { limits[g][m].hi = part } else { limits[g][m].lo = part }
                return limits
            }
            // The first leaf below the root branched on this count while other leaves will be too (their range of
            // it is still the root's): probes, the root with each part of the range, are solved first. A probe's
            // bound holds for every leaf within it, so a leaf of each subtree whose part costs too much anyway
            // is dropped without its master (two contracts' largest counts: a few probes instead of a product).
            let unprobed = parts.filter { part in !probes.contains { Self.same($0.limits, with(part, in: whole)) } }
            let branchedElsewhere = !Self.same(with(side == .hi ? whole[g][m].hi : whole[g][m].lo, in: leaf.limits), whole)
            let alike = leaves.indices.contains { j in
                j != k && leaves[j].bound < target && (side == .hi ? leaves[j].limits[g][m].hi == whole[g][m].hi : leaves[j].limits[g][m].lo == whole[g][m].lo)
            }
            if !unprobed.isEmpty, branchedElsewhere, alike {
                for part in unprobed {
                    let limits = with(part, in: whole)
                    probes.append(Leaf(id: nextID, limits: limits, bound: max(rootBound, floor(limits), inherited(limits)),
                                       spreads: nil, columns: rootColumns, duals: rootDuals, complete: false))
                    nextID += 1
                }
                continue
            }
            // Probes of this leaf's parts still being solved: the leaf waits for their bounds.
            if parts.contains(where: { part in probes.contains { !$0.complete && $0.bound < target && Self.same($0.limits, with(part, in: whole)) } }) {
                waiting.insert(leaf.id)
                continue
            }
            // A child's problem is a part of its parent's: it starts with its parent's bound (or a probe's it lies
            // within), and its master from the weeks its parent's master uses; it is solved when it is the least leaf.
            var children: [Leaf] = []
            for part in parts {
                let limits = with(part, in: leaf.limits)
                children.append(Leaf(id: nextID, limits: limits, bound: max(leaf.bound, floor(limits), inherited(limits)), spreads: nil, columns: leaf.columns,
                                     duals: leaf.duals, complete: false))
                nextID += 1
            }
            leaves.replaceSubrange(k...k, with: children)
        }
    }

    /// The largest bound of the solved probes that hold `limits` within theirs (−∞: none).
    func inherited(_ limits: Limits) -> Double {
        var bound = -Double.infinity
        for p in probes where p.complete && p.bound > bound {
            let within = zip(p.limits, limits).allSatisfy { outer, inner in
                zip(outer, inner).allSatisfy { o, i in
                    o.hi.lowerBound <= i.hi.lowerBound && i.hi.upperBound <= o.hi.upperBound && o.lo.lowerBound <= i.lo.lowerBound && i.lo.upperBound <= o.lo.upperBound
                }
            }
            if within { bound = p.bound }
        }
        return bound
    }

    static func same(_ a: Limits, _ b: Limits) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in x.count == y.count && zip(x, y).allSatisfy { same($0, $1) } }
    }

    static func same(_ a: (hi: ClosedRange<Int>, lo: ClosedRange<Int>), _ b: (hi: ClosedRange<Int>, lo: ClosedRange<Int>)) -> Bool {
        a.hi == b.hi && a.lo == b.lo
    }

    /// A node to solve: its leaf, the weeks it may use and its master's first weeks.
    struct Node: Sendable {
        /// The leaf's number.
        let leaf: Int
        let limits: Limits
        let heuristic: RosterHeuristic
        /// Per fairness group and measure, the counts a week may have.
        let allowed: [[ClosedRange<Int>]]
        let groupOf: [Int?]
        /// The roster in hand's week where it fits the ranges, the leaf's weeks that fit, and for each agent
        /// with neither, its best week within them at the parent's duals (without those, any week its rules
        /// allow within them); and for each of those weeks outside the ranges, the nearest within them
        /// (``nearest(to:agent:in:)``).
        let start: [(agent: Int, types: [Int])]
        /// The parent's master's last row duals (empty: none) and the leaf's bound: the node's pricing leans
        /// toward those duals until a round's own bound passes that one (``WeekPricer/smoothing``).
        var duals: [Double] = []
        var bound = -Double.infinity

        func fits(_ agent: Int, _ counts: [Int]) -> Bool {
            guard let g = groupOf[agent] else { return true }
            return allowed[g][0].contains(counts[0]) && allowed[g][1].contains(counts[1])
        }
    }

    /// The node of leaf `k`; nil when a range is empty or an agent has no week within the ranges. `probe`
    /// prices on the master's rows.
    mutating func start(of leaf: Leaf, incumbent: [[Int]], probe: WeekPricer) -> Node? {
        let limits = leaf.limits
        var narrowed = heuristic.problem
        var allowed: [[ClosedRange<Int>]] = []
        for (g, group) in groups.enumerated() {
            allowed.append([])
            for m in FairnessRule.Measure.allCases {
                let l = limits[g][m.rawValue]
                guard l.lo.lowerBound <= l.hi.upperBound else { return nil }
                let range = l.lo.lowerBound...l.hi.upperBound
                allowed[g].append(range)
                // Ranges that hold for every week (the root's) leave the weeks as they are.
                let every = whole[g][m.rawValue].lo.lowerBound...whole[g][m.rawValue].hi.upperBound
                if !(range.lowerBound <= every.lowerBound && range.upperBound >= every.upperBound) {
                    narrowed.searchRanges[group.contract, default: [:]][m] = range
                }
            }
        }
        let contractOf = heuristic.problem.scenario.agents.map(\.contract)
        func key(_ a: Int) -> GraphKey { GraphKey(agent: a, ranges: narrowed.searchRanges[contractOf[a]] ?? [:]) }
        let node = RosterHeuristic(problem: narrowed, reusing: heuristic) { graphs[key($0)] }
        for a in node.graphs.indices where narrowed.searchRanges[contractOf[a]] != nil {
            if graphs[key(a)] == nil, let graph = node.graphs[a] { graphs[key(a)] = graph }
        }
        let shape = Node(leaf: leaf.id, limits: limits, heuristic: node, allowed: allowed, groupOf: groupOf, start: [])
        func fits(_ agent: Int, _ types: [Int]) -> Bool { shape.fits(agent, heuristic.fairness(ofTypes: types)) }
        var start: [(agent: Int, types: [Int])] = []
        var covered = Array(repeating: false, count: heuristic.problem.scenario.agents.count)
        for (a, week) in incumbent.enumerated() where fits(a, week) {
            start.append((a, week))
            covered[a] = true
        }
        for w in leaf.columns where fits(w.agent, w.types) {
            start.append(w)
            covered[w.agent] = true
        }
        // Each agent's best week within the ranges at the parent's duals: the weeks the node's column generation
        // would price first, without the detour through a master of arbitrary weeks (whose duals are far off).
        let duals = leaf.duals
        let priced = duals.count == probe.master.model.constraints.count
        probe.heuristic = node
        let gain = priced ? probe.gains(duals) : []
        for a in covered.indices where !covered[a] {
            if priced, let best = probe.best(agent: a, duals: duals, gain: gain) {
                start.append((a, best.types))
                continue
            }
            guard !covered[a] else { continue }
            // Any week the agent's rules allow within the ranges; none: no roster lies in this node.
            guard let graph = node.graphs[a],
                  let days = graph.best(values: node.optionsByDay[a].map { Array(repeating: 0.0, count: $0.count) }) else { return nil }
            start.append((a, days.enumerated().compactMap { d, k in k.map { node.optionsByDay[a][d][$0] } }))
        }
        // Each week the parent's master uses (or the roster in hand has) outside the ranges, brought within them:
        // the agent's week within the ranges nearest to it.
        let outside = incumbent.enumerated().filter { !fits($0.offset, $0.element) }.map { (agent: $0.offset, types: $0.element) }
            + leaf.columns.filter { !fits($0.agent, $0.types) }
        for w in outside {
            if let near = Self.nearest(to: w.types, agent: w.agent, in: node) { start.append((w.agent, near)) }
        }
        // Each week once.
        var seen = Set<[Int]>()
        start = start.filter { seen.insert([$0.agent] + $0.types.sorted()).inserted }
        return Node(leaf: leaf.id, limits: limits, heuristic: node, allowed: allowed, groupOf: groupOf, start: start, duals: priced ? duals : [], bound: leaf.bound)
    }

    /// Agent `a`'s week within `node`'s ranges nearest to `week` (shift types): per day, the minutes its shift
    /// shares with the week's less the minutes it does not (a day off: 0), the total at its highest. A week the
    /// parent's master uses outside a child's ranges, brought within them, covers nearly what it covered: the
    /// child's master starts near its parent's optimum, not from weeks that leave intervals short.
    static func nearest(to week: [Int], agent a: Int, in node: RosterHeuristic) -> [Int]? {
        guard let graph = node.graphs[a] else { return nil }
        let types = node.problem.shiftTypes
        var onDay: [Int: ShiftType] = [:]
        for t in week { onDay[types[t].day] = types[t] }
        let options = node.optionsByDay[a]
        let values = options.indices.map { d in
            options[d].map { t -> Double in
                let type = types[t]
                guard let other = onDay[type.day] else { return -Double(type.lengthMinutes) }
                let shared = max(0, min(type.absoluteEnd, other.absoluteEnd) - max(type.absoluteStart, other.absoluteStart))
                return Double(2 * shared - type.lengthMinutes)
            }
        }
        guard let days = graph.best(values: values) else { return nil }
        return days.enumerated().compactMap { d, k in k.map { options[d][$0] } }
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
