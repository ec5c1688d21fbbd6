public import Core

/// Computes a period's payouts from a plan and the metrics, exactly, in the order SPEC §4.5 gives:
/// eligibility → gates → per component: requires / requires_min → metric → raw amount →
/// component cap → proration → rounding → per-agent cap → team pools.
public enum PayoutCalculator {
    /// - Throws: `PayoutError` listing every undefined value whose rule is `error`.
    public static func calculate(plan: BonusPlan, metrics: MetricsTable) throws(PayoutError) -> PayoutResult {
        var lines: [PayoutLine] = []
        var details: [PayoutDetail] = []
        var totals: [String: ExactDecimal] = [:]
        var problems: [Diagnostic] = []
        var scores: [String: ExactDecimal] = [:]      // agent → score of each pool's score component
        var eligibleAgents: [MetricsTable.Row] = []
        let rows = metrics.rows.sorted { $0.agentID.unicodeScalars.lexicographicallyPrecedes($1.agentID.unicodeScalars) }
        let poolComponents = Set(plan.teamPools.map(\.scoreComponent))

        for row in rows {
            var agent = AgentWork(plan: plan, row: row)
            agent.deriveMetrics()
            // Eligibility: all must hold.
            if let failed = agent.failedEligibility() {
                var d = PayoutDetail(agentID: row.agentID, name: row.name, component: "(eligibility)", earningsCode: "")
                d.working = ["not eligible: \(failed); no bonus this period"]
                details.append(d)
                continue
            }
            eligibleAgents.append(row)
            let gates = agent.evaluateGates()
            var agentDetails: [PayoutDetail] = []
            for component in plan.components {
                do {
                    let (detail, score) = try agent.pay(component, gates: gates)
                    agentDetails.append(detail)
                    if poolComponents.contains(component.name), let score { scores[row.agentID + "\u{0}" + component.name] = score }
                } catch {
                    problems.append(error.diagnostic)
                }
            }
            // Per-agent cap on the rounded lines, the excess removed from the last components first.
            if let cap = plan.capPerAgent {
                var excess = agentDetails.reduce(ExactDecimal.zero) { $0 + $1.rounded } - cap
                for i in agentDetails.indices.reversed() where excess.isPositive {
                    let cut = min(excess, agentDetails[i].finalAmount)
                    if cut.isPositive {
                        agentDetails[i].agentCapRemoved = cut
                        agentDetails[i].finalAmount -= cut
                        agentDetails[i].working.append("agent cap \(money(cap, plan)) reached: \(money(cut, plan)) removed, \(money(agentDetails[i].finalAmount, plan)) paid")
                        excess -= cut
                    }
                }
            }
            for d in agentDetails {
                details.append(d)
                if !d.finalAmount.isZero {
                    lines.append(PayoutLine(agentID: d.agentID, name: d.name, component: d.component, earningsCode: d.earningsCode, amount: d.finalAmount))
                    totals[d.agentID, default: .zero] += d.finalAmount
                }
            }
        }
        if !problems.isEmpty { throw PayoutError(diagnostics: problems) }

        // Team pools, after the individual lines; neither prorated nor capped.
        for pool in plan.teamPools {
            let shares = TeamPoolSplitter.split(pool: pool, members: eligibleAgents, scores: { scores[$0 + "\u{0}" + pool.scoreComponent] },
                                                scale: plan.rounding.scale)
            for share in shares {
                var d = PayoutDetail(agentID: share.agentID, name: share.name, component: pool.name, earningsCode: pool.earningsCode)
                d.metric = "team \(share.team)"
                d.metricValue = share.teamScore.map { "team score \($0.formatted(places: 2))" } ?? ""
                d.rawAmount = share.exact.rounded(scale: 6, mode: .halfEven)
                d.afterCap = d.rawAmount
                d.rounded = share.amount
                d.finalAmount = share.amount
                d.working = share.working
                details.append(d)
                if !share.amount.isZero {
                    lines.append(PayoutLine(agentID: share.agentID, name: share.name, component: pool.name, earningsCode: pool.earningsCode, amount: share.amount))
                    totals[share.agentID, default: .zero] += share.amount
                }
            }
        }
        let order = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.agentID, $0) })
        let componentOrder = Dictionary(uniqueKeysWithValues: (plan.components.map(\.name) + plan.teamPools.map(\.name)).enumerated().map { ($1, $0) })
        func key(_ agent: String, _ component: String) -> (Int, Int) { (order[agent] ?? Int.max, componentOrder[component] ?? Int.max) }
        lines.sort { key($0.agentID, $0.component) < key($1.agentID, $1.component) }
        details.sort { key($0.agentID, $0.component) < key($1.agentID, $1.component) }
        return PayoutResult(period: metrics.period, currency: plan.currency, lines: lines, details: details, totals: totals,
                            warnings: unreachedBands(plan: plan, eligible: eligibleAgents))
    }

    /// Bands (and grades) that no eligible agent reached this period.
    static func unreachedBands(plan: BonusPlan, eligible: [MetricsTable.Row]) -> [Diagnostic] {
        guard !eligible.isEmpty else { return [] }
        var warnings: [Diagnostic] = []
        let agents = eligible.map { row -> AgentWork in
            var a = AgentWork(plan: plan, row: row)
            a.deriveMetrics()
            return a
        }
        for component in plan.components {
            guard case .tiers(let metric, let tiers) = component.kind else { continue }
            var reached = Set<Int>()
            for a in agents {
                if let v = a.lookup(metric), let band = TierTable.bandReached(v, tiers: tiers) { reached.insert(band) }
            }
            for (i, band) in tiers.bands.enumerated() where !reached.contains(i) {
                let edge = tiers.better == .higher ? "from \(band.threshold)" : "to \(band.threshold)"
                warnings.append(Diagnostic(.warning, at: component.location,
                                           "component \(component.name): no agent reached the band \(edge) this period",
                                           fix: "check the band against the metric's range (\(metric))"))
            }
        }
        return warnings
    }

    static func money(_ value: ExactDecimal, _ plan: BonusPlan) -> String {
        value.formatted(places: plan.rounding.scale)
    }
}
