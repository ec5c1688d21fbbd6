import Testing
import Core
@testable import Incentives

/// Properties of the payout calculation over seeded random agents.
@Suite struct PayoutPropertyTests {
    /// The SPEC §4.5 example plan (without derived metrics, which the generator fills directly).
    static var examplePlan: BonusPlan {
        let reviews = component("good_reviews", "BONREV", metric: "good_reviews", .graduated, [("0", "5"), ("20", "8"), ("50", "10")], cap: "800")
        let csat = component("satisfaction", "BONCSAT", metric: "csat_rate", .step, [("0.90", "200"), ("0.95", "500")], requiresMin: [("csat_responses", "30")])
        let sales = component("sales", "BONSALES", metric: "sales_amount", .retroactive, [("0", "0.01"), ("10000", "0.015")])
        let prod = component("productivity", "BONPROD", metric: "contacts_per_hour", .step, [("8", "300"), ("10", "600"), ("12", "1000")], requires: ["quality"])
        let pool = TeamPool(name: "team-bonus", earningsCode: "BONTEAM", amountPerTeam: 5000, split: .byScore, minTeamScore: 40, scoreComponent: "scorecard")
        return plan([prod, reviews, csat, sales, PayoutCalculatorTests.scorecard], eligibility: ["hours_worked >= 40"], gates: [("quality", "qa_score >= 80")],
                    proration: Proration(metric: "hours_worked", fullAt: 160), cap: "3000", pools: [pool])
    }

    static func agents(_ count: Int, seed: UInt64) -> [MetricsTable.Row] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { i in
            func d(_ lo: Int, _ hi: Int, scale: Int) -> String { ExactDecimal(mantissa: Int128(rng.int(in: lo...hi)), scale: scale).description }
            return row("A\(1000 + i)", team: ["red", "blue", "green", ""][rng.int(in: 0...3)], [
                "hours_worked": d(3000, 18000, scale: 2), "contacts_per_hour": d(500, 1500, scale: 2), "qa_score": d(600, 1000, scale: 1),
                "good_reviews": String(rng.int(in: 0...90)), "csat_rate": d(800, 1000, scale: 3), "csat_responses": String(rng.int(in: 0...80)),
                "sales_amount": d(0, 2_000_000, scale: 2), "csat": d(800, 1000, scale: 3), "aht_seconds": String(rng.int(in: 250...480)),
            ])
        }
    }

    @Test func linesAddUpAndPoolsPayExactly() throws {
        let result = try pay(Self.examplePlan, Self.agents(300, seed: 1))
        var sums: [String: ExactDecimal] = [:]
        for l in result.lines { sums[l.agentID, default: .zero] += l.amount }
        #expect(sums == result.totals)
        #expect(result.totals.values.allSatisfy { $0 <= 3000 })
        // Each team that is paid gets exactly its pool.
        var byTeam: [String: ExactDecimal] = [:]
        let teams = Dictionary(uniqueKeysWithValues: Self.agents(300, seed: 1).map { ($0.agentID, $0.team) })
        for l in result.lines where l.earningsCode == "BONTEAM" { byTeam[teams[l.agentID] ?? "", default: .zero] += l.amount }
        #expect(!byTeam.isEmpty)
        #expect(byTeam.values.allSatisfy { $0 == 5000 })
        #expect(result.lines.allSatisfy { $0.amount.scale == 2 && $0.amount.isPositive })
    }

    /// Improving any one metric never lowers an agent's individual pay under a monotone plan.
    @Test func monotonePlanNeverPaysLessForABetterMetric() throws {
        let plan = Self.examplePlan
        var individual = plan
        individual.teamPools = []
        var rng = SplitMix64(seed: 9)
        let better: [(String, Bool)] = [("hours_worked", true), ("contacts_per_hour", true), ("qa_score", true), ("good_reviews", true),
                                        ("csat_rate", true), ("csat_responses", true), ("sales_amount", true), ("csat", true), ("aht_seconds", false)]
        for agent in Self.agents(200, seed: 5) {
            let base = try pay(individual, [agent]).total
            let (metric, up) = better[rng.int(in: 0...(better.count - 1))]
            var improved = agent
            let step = ExactDecimal(mantissa: Int128(rng.int(in: 1...5000)), scale: 2)
            improved.values[metric] = (agent.values[metric] ?? .zero) + (up ? step : -step)
            #expect(try pay(individual, [improved]).total >= base, "\(agent.agentID) \(metric)")
        }
    }

    /// The working, computed again when it is read, says the same money as the lines computed without it, on the
    /// example plan, an honours plan, a deductions plan and a plan with gaps; in chunks of any size, and agent by agent.
    @Test func theWorkingSaysTheSameMoneyAsTheLines() throws {
        var honoured = Self.examplePlan
        honoured.honours = [Honour(name: "服务之星", rankBy: "scorecard", top: 2, within: .team, minScore: nil, amount: dec("200"), earningsCode: "BONSTAR",
                                   location: SourceLocation(file: "plan.yaml"))]
        var deducting = Self.examplePlan
        deducting.deductions = [Deduction(name: "late", earningsCode: "DEDLATE", metric: "good_reviews", perUnit: dec("7.5"), cap: dec("400"),
                                          location: SourceLocation(file: "plan.yaml"))]
        deducting.floorPerAgent = dec("150")
        // Empty cells, derived metrics (one over a column's name), a previous period's growth, the `zero` and `skip` rules,
        // and a pool's minimum team score that some teams miss.
        var gaps = Self.examplePlan
        gaps.metrics = [DerivedMetric(name: "csat_rate", expression: try Expression(parsing: "csat / 1"), location: SourceLocation(file: "plan.yaml")),
                        DerivedMetric(name: "growth", expression: try Expression(parsing: "sales_amount - prev(sales_amount)"),
                                      location: SourceLocation(file: "plan.yaml"))]
        gaps.components.append(component("growth", "BONGROW", metric: "growth", .step, [("0", "50"), ("100000", "150")], missing: .zero))
        gaps.components[1].missing = .skip
        gaps.missing = .zero
        gaps.teamPools[0].minTeamScore = dec("62")
        for (plan, seed) in [(Self.examplePlan, UInt64(11)), (honoured, 12), (deducting, 13), (gaps, 14)] {
            var rows = Self.agents(400, seed: seed)
            if seed == 14 {
                var rng = SplitMix64(seed: 99)
                for i in rows.indices {
                    for key in rows[i].values.keys.sorted() where rng.int(in: 0...9) == 0 { rows[i].values[key] = nil }
                    if rng.int(in: 0...3) > 0 { rows[i].values["prev(sales_amount)"] = ExactDecimal(mantissa: Int128(rng.int(in: 0...2_000_000)), scale: 2) }
                }
            }
            let full = try PayoutCalculator.calculate(plan: plan, metrics: MetricsTable(period: "2026-11", rows: rows, file: "m.csv"))
            #expect(!full.lines.isEmpty)
            #expect(plan.honours.isEmpty || !full.honours.isEmpty, "some honour is awarded")
            #expect(plan.deductions.isEmpty || full.lines.contains { $0.earningsCode == "DEDLATE" }, "some deduction is made")
            #expect(seed != 14 || full.lines.contains { $0.earningsCode == "BONGROW" }, "some growth is paid")
            // Every non-zero detail is a line: the same agent, component and amount, in the same order.
            let details = full.details
            let paid = details.filter { !$0.finalAmount.isZero }
            #expect(paid.map(\.finalAmount) == full.lines.map(\.amount))
            #expect(paid.map { "\($0.agentID)/\($0.component)" } == full.lines.map { "\($0.agentID)/\($0.component)" })
            // Chunks of any size, and one agent at a time, give the same details.
            guard let working = full.working else {
                Issue.record("no working")
                continue
            }
            for size in [1, 7, 1000] {
                var chunked: [PayoutDetail] = []
                working.forEachChunk(agentsPerChunk: size) { chunked += $0 }
                #expect(chunked == details, "\(size) agents per chunk")
            }
            #expect((0..<working.agentCount).flatMap { working.details(agents: $0..<($0 + 1)) } == details)
        }
    }

    /// Agents worked on in chunks (on several cores) give the same result, byte for byte, as one chunk: lines, details,
    /// totals, honours and warnings, with pools, honours and deductions on, for chunk counts that split teams.
    @Test func chunksGiveTheSameResult() throws {
        var plan = Self.examplePlan
        plan.honours = [Honour(name: "服务之星", rankBy: "scorecard", top: 2, within: .team, minScore: nil, amount: dec("200"), earningsCode: "BONSTAR",
                               location: SourceLocation(file: "plan.yaml"))]
        plan.deductions = [Deduction(name: "late", earningsCode: "DEDLATE", metric: "good_reviews", perUnit: dec("7.5"), cap: dec("400"),
                                     location: SourceLocation(file: "plan.yaml"))]
        let table = MetricsTable(period: "2026-11", rows: Self.agents(301, seed: 21), file: "m.csv")
        let one = try PayoutCalculator.calculate(plan: plan, metrics: table, chunks: 1)
        let oneDetails = one.details
        for chunks in [2, 3, 7, 400] {
            let many = try PayoutCalculator.calculate(plan: plan, metrics: table, chunks: chunks)
            #expect(many.lines == one.lines && many.totals == one.totals && many.honours == one.honours, "\(chunks) chunks")
            #expect(many.details == oneDetails, "\(chunks) chunks")
            #expect(many.warnings.map(\.message) == one.warnings.map(\.message))
        }
        // Undefined values under the `error` rule: every problem, in agent order, whatever the chunks.
        var strict = plan
        strict.missing = .error
        var rows = Self.agents(120, seed: 22)
        for i in stride(from: 0, to: rows.count, by: 9) { rows[i].values["good_reviews"] = nil }
        func problems(_ chunks: Int) -> [String] {
            do {
                _ = try PayoutCalculator.calculate(plan: strict, metrics: MetricsTable(period: "2026-11", rows: rows, file: "m.csv"), chunks: chunks)
                return []
            } catch {
                return error.diagnostics.map(\.description)
            }
        }
        #expect(problems(1).count >= 10)
        #expect(problems(7) == problems(1))
    }

    @Test func rowOrderDoesNotMatter() throws {
        let rows = Self.agents(120, seed: 3)
        var rng = SplitMix64(seed: 4)
        var shuffled = rows
        for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, rng.int(in: 0...i)) }
        let a = try pay(Self.examplePlan, rows)
        let b = try pay(Self.examplePlan, shuffled)
        #expect(a.lines == b.lines)
        #expect(a.details == b.details)
    }
}
