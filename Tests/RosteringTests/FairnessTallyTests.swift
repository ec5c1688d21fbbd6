import Testing
import Core
import TestSupport
@testable import Rostering

/// The fairness bookkeeping the heuristic keeps while it changes one agent's week at a time,
/// against the term written out again here: per contract of two or more agents and per measure,
/// the largest count less the smallest, times the weight.
@Suite struct FairnessTallyTests {
    static func term(_ counts: [[Int]], groups: [[Int]], weight: Double) -> Double {
        var total = 0
        for members in groups {
            for m in 0..<2 {
                let values = members.map { counts[$0][m] }
                total += (values.max() ?? 0) - (values.min() ?? 0)
            }
        }
        return weight * Double(total)
    }

    @Test(arguments: 0..<8)
    func tallyFollowsEveryChange(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 131 &+ 7)
        var b = ScenarioBuilder()
        b.fairnessWeight = 50
        b.contracts = [Contract(name: "c", minMinutes: 0, maxMinutes: 7 * 480, maxDays: 7, lengthsMinutes: [480]),
                       Contract(name: "d", minMinutes: 0, maxMinutes: 7 * 480, maxDays: 7, lengthsMinutes: [480]),
                       Contract(name: "e", minMinutes: 0, maxMinutes: 7 * 480, maxDays: 7, lengthsMinutes: [480])]
        // Five agents on c, three on d, one alone on e (no spread of its own).
        let contracts = ["c", "d", "c", "e", "c", "d", "c", "d", "c"]
        b.agents = contracts.enumerated().map { Agent(id: "A\($0.offset)", name: "Agent \($0.offset)", contract: $0.element, hourlyCost: 10) }
        let scenario = b.scenario()
        let problem = RosterProblem(scenario: scenario, required: Array(repeating: 0, count: scenario.grid.intervalCount))
        var tally = try #require(FairnessTally(problem: problem))
        let groups = [[0, 2, 4, 6, 8], [1, 5, 7]]
        var counts = Array(repeating: [0, 0], count: contracts.count)
        #expect(tally.cost == 0)
        for step in 0..<200 {
            let a = Int(rng.next() % UInt64(contracts.count))
            let new = [Int(rng.next() % 8), Int(rng.next() % 3)]
            var after = counts
            after[a] = new
            let expected = Self.term(after, groups: groups, weight: 50) - Self.term(counts, groups: groups, weight: 50)
            #expect(abs(tally.delta(agent: a, to: new) - expected) < 1e-9, "seed \(seed) step \(step)")
            tally.set(agent: a, to: new)
            counts = after
            #expect(abs(tally.cost - Self.term(counts, groups: groups, weight: 50)) < 1e-9, "seed \(seed) step \(step)")
            #expect(tally.counts(of: a) == (contracts[a] == "e" ? [0, 0] : new))
        }
    }
}
