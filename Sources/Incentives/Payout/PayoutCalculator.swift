import Core

/// Computes a period's payouts from a plan and the metrics, exactly, in the order SPEC §4.5 gives:
/// eligibility → gates → per component: requires / requires_min → metric → raw amount →
/// component cap → proration → rounding → per-agent cap → team pools.
public enum PayoutCalculator {
    /// - Throws: `PayoutError` listing every undefined value whose rule is `error`.
    public static func calculate(plan: BonusPlan, metrics: MetricsTable) throws(PayoutError) -> PayoutResult {
        var problems: [Diagnostic] = []
        var scores: [String: [String: ExactDecimal]] = [:]   // score component → agent → score
        var eligibleAgents: [MetricsTable.Row] = []
        // Agents in code-point order of their ids, so results do not depend on the file's row order.
        let rows = metrics.rows.sorted { TeamPoolSplitter.codePointOrder($0.agentID, $1.agentID) }
        let poolComponents = Set(plan.teamPools.map(\.scoreComponent))
        // Each agent's details, components in plan order, then a slot per pool for its share.
        var details: [PayoutDetail] = []
        details.reserveCapacity(rows.count * (plan.components.count + plan.teamPools.count))
        var poolSlot: [String: Int] = [:]     // agent id → index of its first pool slot
        var reached: [Set<Int>] = Array(repeating: [], count: plan.components.count)

        for row in rows {
            let agent = AgentWork(plan: plan, row: row)
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
            // The agent's details go straight into the result; the agent cap works on that slice.
            let first = details.count
            for (k, component) in plan.components.enumerated() {
                if case .tiers(let metric, let tiers) = component.kind, let v = agent.lookup(metric), let band = TierTable.bandReached(v, tiers: tiers) {
                    reached[k].insert(band)
                }
                do {
                    let (detail, score) = try agent.pay(component, gates: gates)
                    details.append(detail)
                    if poolComponents.contains(component.name), let score { scores[component.name, default: [:]][row.agentID] = score }
                } catch {
                    problems.append(error.diagnostic)
                }
            }
            // Per-agent cap on the rounded lines, the excess removed from the last components first.
            if let cap = plan.capPerAgent {
                var excess = details[first...].reduce(ExactDecimal.zero) { $0 + $1.rounded } - cap
                for j in (first..<details.count).reversed() where excess.isPositive {
                    let cut = min(excess, details[j].finalAmount)
                    if cut.isPositive {
                        details[j].agentCapRemoved = cut
                        details[j].finalAmount -= cut
                        details[j].working.append("agent cap \(money(cap, plan)) reached: \(money(cut, plan)) removed, \(money(details[j].finalAmount, plan)) paid")
                        excess -= cut
                    }
                }
            }
            if !plan.teamPools.isEmpty {
                poolSlot[row.agentID] = details.count
                for _ in plan.teamPools { details.append(PayoutDetail(agentID: row.agentID, name: row.name, component: "", earningsCode: "")) }
            }
        }
        if !problems.isEmpty { throw PayoutError(diagnostics: problems) }

        // Team pools, after the individual lines; neither prorated nor capped.
        for (p, pool) in plan.teamPools.enumerated() {
            let poolScores = scores[pool.scoreComponent] ?? [:]
            let shares = TeamPoolSplitter.split(pool: pool, members: eligibleAgents, scores: { poolScores[$0] }, scale: plan.rounding.scale)
            for share in shares {
                var d = PayoutDetail(agentID: share.agentID, name: share.name, component: pool.name, earningsCode: pool.earningsCode)
                d.metric = "team \(share.team)"
                d.metricValue = share.teamScore.map { "team score \($0.formatted(places: 2))" } ?? ""
                d.rawAmount = share.exact.rounded(scale: 6, mode: .halfEven)
                d.afterCap = d.rawAmount
                d.rounded = share.amount
                d.finalAmount = share.amount
                d.working = share.working
                if let slot = poolSlot[share.agentID] { details[slot + p] = d }
            }
        }
        var lines: [PayoutLine] = []
        var totals: [String: ExactDecimal] = [:]
        details.removeAll { $0.component.isEmpty }    // pool slots of agents in no team
        for d in details where !d.finalAmount.isZero {
            lines.append(PayoutLine(agentID: d.agentID, name: d.name, component: d.component, earningsCode: d.earningsCode, amount: d.finalAmount))
            totals[d.agentID, default: .zero] += d.finalAmount
        }
        var warnings: [Diagnostic] = []
        if !eligibleAgents.isEmpty {
            for (k, component) in plan.components.enumerated() {
                guard case .tiers(let metric, let tiers) = component.kind else { continue }
                for (b, band) in tiers.bands.enumerated() where !reached[k].contains(b) {
                    let edge = tiers.better == .higher ? "from \(band.threshold)" : "to \(band.threshold)"
                    warnings.append(Diagnostic(.warning, at: component.location, "component \(component.name): no agent reached the band \(edge) this period",
                                               fix: "check the band against the metric's range (\(metric))"))
                }
            }
        }
        return PayoutResult(period: metrics.period, currency: plan.currency, lines: lines, details: details, totals: totals,
                            warnings: warnings)
    }

    static func money(_ value: ExactDecimal, _ plan: BonusPlan) -> String {
        value.formatted(places: plan.rounding.scale)
    }
}
