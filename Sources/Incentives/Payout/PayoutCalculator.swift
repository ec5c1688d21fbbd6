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
        let poolComponents = Set(plan.teamPools.map(\.scoreComponent)).union(plan.honours.map(\.rankBy))
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
                d.steps = [WorkingStep(.notEligible, .step(failed))]
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
                        details[j].steps.append(WorkingStep(.agentCap, .text(money(cap, plan)), .text(money(cut, plan)), .text(money(details[j].finalAmount, plan))))
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
                d.steps = share.steps
                if let slot = poolSlot[share.agentID] { details[slot + p] = d }
            }
        }
        details.removeAll { $0.component.isEmpty }    // pool slots of agents in no team

        // Honours, then deductions: details that follow each agent's others.
        var extra: [String: [PayoutDetail]] = [:]
        let awards = honours(plan: plan, eligible: eligibleAgents, scores: scores)
        for a in awards {
            var d = PayoutDetail(agentID: a.agentID, name: a.name, component: a.honour, earningsCode: a.earningsCode ?? "")
            d.metric = "honour"
            d.metricValue = a.score.formatted(places: 2)
            d.bandReached = "rank \(a.rank)"
            let honour = plan.honours.first { $0.name == a.honour }
            let group = honour?.within == .all ? WorkingStep(.groupAll) : WorkingStep(.groupTeam, .text(a.group))
            var pays: WorkingStep.Value = .none
            if let amount = a.amount {
                d.rawAmount = amount
                d.afterCap = amount
                d.rounded = amount
                d.finalAmount = amount
                pays = .step(WorkingStep(.honourPays, .text(money(amount, plan))))
            }
            d.steps = [WorkingStep(.honour, .text(a.honour), .text(String(a.rank)), .step(group), .text(honour?.rankBy ?? ""), .text(a.score.formatted(places: 2)),
                                   .text(String(honour?.top ?? 0)), honour?.minScore.map { .step(WorkingStep(.honourMinScore, .text($0.description))) } ?? .none, pays)]
            extra[a.agentID, default: []].append(d)
        }
        if !plan.deductions.isEmpty {
            var totalsSoFar: [String: ExactDecimal] = [:]
            for d in details { totalsSoFar[d.agentID, default: .zero] += d.finalAmount }
            for (id, ds) in extra { for d in ds { totalsSoFar[id, default: .zero] += d.finalAmount } }
            for row in eligibleAgents {
                let agent = AgentWork(plan: plan, row: row)
                agent.deriveMetrics()
                do {
                    let ds = try agent.deduct(total: totalsSoFar[row.agentID] ?? .zero)
                    extra[row.agentID, default: []].append(contentsOf: ds)
                } catch {
                    problems.append(error.diagnostic)
                }
            }
            if !problems.isEmpty { throw PayoutError(diagnostics: problems) }
        }
        if !extra.isEmpty {
            var merged: [PayoutDetail] = []
            merged.reserveCapacity(details.count + extra.values.reduce(0) { $0 + $1.count })
            var k = 0
            while k < details.count {
                let id = details[k].agentID
                while k < details.count, details[k].agentID == id {
                    merged.append(details[k])
                    k += 1
                }
                if let ds = extra.removeValue(forKey: id) { merged.append(contentsOf: ds) }
            }
            details = merged
        }

        var lines: [PayoutLine] = []
        var totals: [String: ExactDecimal] = [:]
        for d in details where !d.finalAmount.isZero {
            lines.append(PayoutLine(agentID: d.agentID, name: d.name, component: d.component, earningsCode: d.earningsCode, amount: d.finalAmount))
            totals[d.agentID, default: .zero] += d.finalAmount
        }
        var warnings: [Diagnostic] = []
        if !eligibleAgents.isEmpty {
            for (k, component) in plan.components.enumerated() {
                guard case .tiers(let metric, let tiers) = component.kind else { continue }
                for (b, band) in tiers.bands.enumerated() where !reached[k].contains(b) {
                    let t = Texts.current
                    let message = t(tiers.better == .higher ? .warnBandFrom : .warnBandTo, component.name, band.threshold.description)
                    warnings.append(Diagnostic(.warning, at: component.location, message, fix: t(.warnBandFix, metric)))
                }
            }
        }
        return PayoutResult(period: metrics.period, currency: plan.currency, lines: lines, details: details, totals: totals,
                            warnings: warnings, honours: awards)
    }

    /// Every honour's awards: per group (team, or all), the eligible agents with a score of at least
    /// `min_score`, ranked by score (competition ranking: ties share a rank); those ranked within
    /// `top` get it — everyone tied with the last place included. Independent of row order.
    static func honours(plan: BonusPlan, eligible: [MetricsTable.Row], scores: [String: [String: ExactDecimal]]) -> [HonourAward] {
        var out: [HonourAward] = []
        for honour in plan.honours {
            let byAgent = scores[honour.rankBy] ?? [:]
            var groups: [String: [(row: MetricsTable.Row, score: ExactDecimal)]] = [:]
            for row in eligible {
                guard let score = byAgent[row.agentID] else { continue }
                if let min = honour.minScore, score < min { continue }
                let group = honour.within == .all ? "all" : row.team
                if group.isEmpty { continue }   // an agent in no team has no team to be ranked in
                groups[group, default: []].append((row, score))
            }
            for group in groups.keys.sorted(by: TeamPoolSplitter.codePointOrder) {
                let ranked = groups[group]!.sorted { $0.score != $1.score ? $0.score > $1.score : TeamPoolSplitter.codePointOrder($0.row.agentID, $1.row.agentID) }
                var rank = 0
                for (i, entry) in ranked.enumerated() {
                    // Competition rank: 1 + how many scored strictly higher (ties share the rank).
                    if i > 0, entry.score != ranked[i - 1].score { rank = i }
                    guard rank < honour.top else { break }
                    out.append(HonourAward(honour: honour.name, group: group, rank: rank + 1, agentID: entry.row.agentID, name: entry.row.name,
                                           score: entry.score, amount: honour.amount, earningsCode: honour.earningsCode))
                }
            }
        }
        return out
    }

    static func money(_ value: ExactDecimal, _ plan: BonusPlan) -> String {
        value.formatted(places: plan.rounding.scale)
    }
}
