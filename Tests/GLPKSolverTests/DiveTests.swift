import Testing
import Core
import LinearModel
import TestSupport
@testable import GLPKSolver

/// The dive over one master (GLPK keeps its basis, fixes columns by their bounds and deletes dropped
/// ones) against a second solver: after every step, the master's optimum must be the optimum of the
/// whole column universe under the fixes so far, solved afresh by the reference simplex.
@Suite struct DiveTests {
    /// Agents with a handful of candidate columns each (random rows covered, random costs), a
    /// convexity row per agent and coverage rows with a priced shortfall: the week master in miniature.
    struct Instance {
        let agents: Int
        let rows: Int
        let demand: [Double]
        let shortfallCost: Double
        /// Per agent, its candidate columns: cost and the coverage rows it meets.
        let universe: [[(cost: Double, covers: [Int])]]

        init(seed: UInt64) {
            var rng = SplitMix64(seed: seed)
            agents = 3 + Int(rng.next() % 3)
            rows = 4 + Int(rng.next() % 3)
            let agents = agents, rows = rows
            demand = (0..<rows).map { _ in Double(1 + rng.next() % UInt64(agents)) }
            shortfallCost = 40
            universe = (0..<agents).map { _ in
                (0..<(4 + Int(rng.next() % 4))).map { _ in
                    let covers = (0..<rows).filter { _ in rng.next() % 2 == 0 }
                    return (Double(5 + rng.next() % 20) + Double(covers.count) * 3, covers)
                }
            }
        }

        /// Convexity rows 0..<agents, then the coverage rows; the shortfall variables first, then `columns`.
        func master(columns: [(agent: Int, k: Int)]) -> LinearModel {
            var m = LinearModel(name: "mini-master")
            let short = (0..<rows).map { m.addVariable("u\($0)", objective: shortfallCost) }
            var terms: [[(variable: LinearModel.VariableID, coefficient: Double)]] = Array(repeating: [], count: agents + rows)
            for r in 0..<rows { terms[agents + r].append((short[r], 1)) }
            for (n, c) in columns.enumerated() {
                let v = m.addVariable("w\(n)", objective: universe[c.agent][c.k].cost)
                terms[c.agent].append((v, 1))
                for r in universe[c.agent][c.k].covers { terms[agents + r].append((v, 1)) }
            }
            for a in 0..<agents { m.addConstraint("convex\(a)", terms[a], .equal, 1) }
            for r in 0..<rows { m.addConstraint("cover\(r)", terms[agents + r], .greaterOrEqual, demand[r]) }
            return m
        }

        func entries(agent: Int, k: Int) -> [(row: Int, coefficient: Double)] {
            [(agent, 1)] + universe[agent][k].covers.map { (agents + $0, 1) }
        }
    }

    @Test(arguments: [GLPKSolver() as any ColumnGenerationSolver, ReferenceLP() as any ColumnGenerationSolver])
    func everyStepEndsAtTheOptimumUnderItsFixes(solver: any ColumnGenerationSolver) throws {
        for seed in UInt64(1)...12 {
            let instance = Instance(seed: seed)
            // Every agent starts from its first column; the master's columns in their numbering.
            var numbered = (0..<instance.agents).map { (agent: $0, k: 0) }
            let firstColumn = instance.rows
            var fixed: [Int: Int] = [:]
            var lastObjective = Double.nan
            var steps = 0
            let price: ([Double], Double) -> ColumnGeneration.Round = { duals, z in
                lastObjective = z
                // Exact pricing over each free agent's candidates: its most negative reduced cost.
                var columns: [ColumnGeneration.Column] = []
                for a in 0..<instance.agents where fixed[a] == nil {
                    var best: (k: Int, reduced: Double)?
                    for (k, c) in instance.universe[a].enumerated() {
                        let reduced = c.cost - duals[a] - c.covers.reduce(0) { $0 + duals[instance.agents + $1] }
                        if reduced < -1e-7, reduced < (best?.reduced ?? 0) { best = (k, reduced) }
                    }
                    guard let best else { continue }
                    columns.append(ColumnGeneration.Column(name: "a\(a)k\(best.k)", objective: instance.universe[a][best.k].cost,
                                                           entries: instance.entries(agent: a, k: best.k)))
                    numbered.append((a, best.k))
                }
                return ColumnGeneration.Round(columns: columns, bound: nil)
            }
            let result = try solver.dive(master: instance.master(columns: numbered), timeLimitSeconds: 30, maxRounds: 100, price: price) { values in
                steps += 1
                // The oracle: every candidate of the free agents, the fixed agents' chosen one alone.
                let universe = (0..<instance.agents).flatMap { a in
                    fixed[a].map { [(agent: a, k: $0)] } ?? instance.universe[a].indices.map { (agent: a, k: $0) }
                }
                let reference = ReferenceLP().solveLP(instance.master(columns: universe))
                #expect(reference != nil)
                #expect(abs((reference?.objective ?? .nan) - lastObjective) < 1e-6, "seed \(seed), step \(steps)")
                // Settle the free agent whose heaviest column weighs most; drop the unused columns of the free.
                var heaviest: (agent: Int, number: Int, weight: Double)?
                for (n, c) in numbered.enumerated() where fixed[c.agent] == nil && values[firstColumn + n] > (heaviest?.weight ?? -1) {
                    heaviest = (c.agent, n, values[firstColumn + n])
                }
                guard let heaviest else { return nil }
                fixed[heaviest.agent] = numbered[heaviest.number].k
                let drop = numbered.indices.filter { n in
                    n != heaviest.number && (numbered[n].agent == heaviest.agent || (fixed[numbered[n].agent] == nil && values[firstColumn + n] <= 1e-9))
                }
                return ColumnGeneration.Settle(fix: [(firstColumn + heaviest.number, 1)], drop: drop.map { firstColumn + $0 })
            }
            #expect(result != nil)
            #expect(steps == instance.agents + 1, "seed \(seed): a step per agent settled, and the last")
        }
    }

    /// A dive whose time runs out after its first step (the settling takes past the limit) keeps the last
    /// master solved: its values as the settling saw them, its objective the optimum of every candidate
    /// (the second solver's), not converged, and a bound of −∞ (it bounds nothing).
    @Test(arguments: [GLPKSolver() as any ColumnGenerationSolver, ReferenceLP() as any ColumnGenerationSolver])
    func anUnfinishedDiveKeepsTheLastMasterSolved(solver: any ColumnGenerationSolver) throws {
        for seed in UInt64(1)...6 {
            let instance = Instance(seed: seed)
            let all = (0..<instance.agents).flatMap { a in instance.universe[a].indices.map { (agent: a, k: $0) } }
            let limit = 0.5
            let started = ContinuousClock.now
            var seen: [Double]?
            let result = try solver.dive(master: instance.master(columns: all), timeLimitSeconds: limit, maxRounds: 100,
                                         price: { _, _ in ColumnGeneration.Round(columns: [], bound: nil) }) { values in
                seen = values
                // Past the time limit before the next step: the dive cannot go on.
                while started.duration(to: .now) < .milliseconds(Int64(limit * 1000) + 50) {}
                return ColumnGeneration.Settle(fix: [(instance.rows, 1)], drop: [])
            }
            let reference = try #require(ReferenceLP().solveLP(instance.master(columns: all)))
            let unfinished = try #require(result, "seed \(seed)")
            #expect(!unfinished.converged)
            #expect(unfinished.bound == -.infinity)
            #expect(abs(unfinished.objective - reference.objective) < 1e-6, "seed \(seed)")
            let values = try #require(seen)
            #expect(unfinished.values.count == values.count)
            #expect(zip(unfinished.values, values).allSatisfy { abs($0 - $1) < 1e-9 }, "seed \(seed)")
        }
    }
}
