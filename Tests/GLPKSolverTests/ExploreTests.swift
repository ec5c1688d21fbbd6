import Testing
import Core
import LinearModel
import TestSupport
@testable import GLPKSolver

/// A search over related masters on one LP (GLPK keeps its basis across the changes: bounds that
/// close and open columns, columns added and dropped) against a second solver: every master's optimum
/// must be the optimum of the whole column universe open at that step, solved afresh by the reference
/// simplex, and a master reported infeasible must be one where some agent has no open column at all.
@Suite struct ExploreTests {
    @Test(arguments: [GLPKSolver() as any ColumnGenerationSolver, ReferenceLP() as any ColumnGenerationSolver])
    func everyMasterEndsAtTheOptimumOfWhatIsOpen(solver: any ColumnGenerationSolver) throws {
        for seed in UInt64(1)...12 {
            let instance = DiveTests.Instance(seed: seed)
            var rng = SplitMix64(seed: 1_000 + seed)
            // The master's columns in their numbering (shortfall variables first), and the candidates closed now.
            var numbered = (0..<instance.agents).map { (agent: $0, k: 0) }
            let firstColumn = instance.rows
            var closed = Set<[Int]>()
            var lastObjective = Double.nan
            var masters = 0, infeasible = 0
            // The numbers of the columns still in the master (dropped ones leave it).
            var present = Set(numbered.indices)
            let price: ([Double], Double) -> ColumnGeneration.Round = { duals, z in
                lastObjective = z
                // Exact pricing over each agent's open candidates: its most negative reduced cost.
                var columns: [ColumnGeneration.Column] = []
                for a in 0..<instance.agents {
                    var best: (k: Int, reduced: Double)?
                    for (k, c) in instance.universe[a].enumerated() where !closed.contains([a, k]) {
                        let reduced = c.cost - duals[a] - c.covers.reduce(0) { $0 + duals[instance.agents + $1] }
                        if reduced < -1e-7, reduced < (best?.reduced ?? 0) { best = (k, reduced) }
                    }
                    guard let best else { continue }
                    columns.append(ColumnGeneration.Column(name: "a\(a)k\(best.k)", objective: instance.universe[a][best.k].cost,
                                                           entries: instance.entries(agent: a, k: best.k)))
                    present.insert(numbered.count)
                    numbered.append((a, best.k))
                }
                return ColumnGeneration.Round(columns: columns, bound: nil)
            }
            try solver.explore(master: instance.master(columns: numbered), timeLimitSeconds: 30, maxRounds: 100, price: price) { result in
                // The oracle: every open candidate of every agent.
                let universe = (0..<instance.agents).flatMap { a in
                    instance.universe[a].indices.filter { !closed.contains([a, $0]) }.map { (agent: a, k: $0) }
                }
                let reference = ReferenceLP().solveLP(instance.master(columns: universe))
                if let result {
                    masters += 1
                    #expect(reference != nil, "seed \(seed): a master solved where no roster fits")
                    #expect(abs((reference?.objective ?? .nan) - lastObjective) < 1e-6, "seed \(seed), master \(masters)")
                    #expect(abs(result.objective - lastObjective) < 1e-6)
                    // Closed columns carry nothing.
                    for n in present where closed.contains([numbered[n].agent, numbered[n].k]) {
                        #expect(abs(result.values[firstColumn + n]) < 1e-9, "seed \(seed): a closed column used")
                    }
                } else {
                    infeasible += 1
                    #expect(reference == nil, "seed \(seed): a master reported infeasible where a roster fits")
                }
                guard masters + infeasible < 10 else { return nil }
                // The next master: a few candidates closed at random (every one of the first agent's, now and
                // then: that master has no feasible solution), the rest open.
                closed = []
                let emptied = rng.next() % 4 == 0
                for a in 0..<instance.agents {
                    for k in instance.universe[a].indices where (emptied && a == 0) || rng.next() % 3 == 0 { closed.insert([a, k]) }
                }
                var change = ColumnGeneration.Change()
                for n in present.sorted() {
                    let isClosed = closed.contains([numbered[n].agent, numbered[n].k])
                    change.bounds.append((firstColumn + n, 0, isClosed ? 0 : nil))
                }
                // Some unused open columns dropped (the pricing brings back what is needed).
                if let values = result?.values {
                    for n in present.sorted() where values[firstColumn + n] <= 1e-9 && rng.next() % 2 == 0 {
                        change.drop.append(firstColumn + n)
                        present.remove(n)
                    }
                }
                // Each agent gets an open column (the master is feasible whenever a roster fits).
                for a in 0..<instance.agents {
                    guard !present.contains(where: { numbered[$0].agent == a && !closed.contains([a, numbered[$0].k]) }),
                          let k = instance.universe[a].indices.first(where: { !closed.contains([a, $0]) }) else { continue }
                    change.add.append(ColumnGeneration.Column(name: "a\(a)k\(k)+", objective: instance.universe[a][k].cost,
                                                              entries: instance.entries(agent: a, k: k)))
                    present.insert(numbered.count)
                    numbered.append((a, k))
                }
                return change
            }
            #expect(masters + infeasible == 10, "seed \(seed): the search went through every master")
            #expect(masters >= 5, "seed \(seed)")
        }
    }
}
