import Core
import Dispatch
import Foundation
import Synchronization

/// Computes a period's payouts from a plan and the metrics, exactly, in the order SPEC §4.5 gives:
/// eligibility → gates → per component: requires / requires_min → metric → raw amount →
/// component cap → proration → rounding → per-agent cap → team pools.
public enum PayoutCalculator {
    /// An amount of one agent (by index into the sorted rows) under a component, pool, honour or deduction: the
    /// money of the calculation, kept apart from the working so that the lines can be computed without it.
    struct Entry {
        let agent: Int32
        /// What pays it, an index into ``Parts`` (−1: a pool slot not filled).
        var part: Int32
        var amount: ExactDecimal

        init(agent: Int, part: Int, amount: ExactDecimal) {
            self.agent = Int32(truncatingIfNeeded: agent)
            self.part = Int32(truncatingIfNeeded: part)
            self.amount = amount
        }
    }

    /// The component, pool, honour or deduction of each entry, with its earnings code: the plan's components,
    /// then its pools, eligibility, its honours and its deductions, in plan order.
    struct Parts {
        let names: [(component: String, earningsCode: String)]
        let pools: Int, eligibility: Int, honours: Int, deductions: Int

        init(_ plan: BonusPlan) {
            var names = plan.components.map { ($0.name, $0.earningsCode) }
            pools = names.count
            names += plan.teamPools.map { ($0.name, $0.earningsCode) }
            eligibility = names.count
            names.append(("(eligibility)", ""))
            honours = names.count
            names += plan.honours.map { ($0.name, $0.earningsCode ?? "") }
            deductions = names.count
            names += plan.deductions.map { ($0.name, $0.earningsCode) }
            self.names = names
        }
    }

    /// - Parameter working: With `false` only the lines, totals, honours and warnings are computed (same rules,
    ///   same exact amounts) and `details` is empty: for callers that need the money only (compare's bonus totals).
    /// - Throws: `PayoutError` listing every undefined value whose rule is `error`.
    public static func calculate(plan: BonusPlan, metrics: MetricsTable, working: Bool = true) throws(PayoutError) -> PayoutResult {
        try calculate(plan: plan, metrics: metrics, working: working, chunks: nil)
    }

    /// `chunks`: how many chunks of agents to work on at once (nil: one per core for 20,000 agents or more, else one).
    static func calculate(plan: BonusPlan, metrics: MetricsTable, working: Bool, chunks: Int?) throws(PayoutError) -> PayoutResult {
        var problems: [Diagnostic] = []
        var eligible: [Int] = []
        // Agents in code-point order of their ids, so results do not depend on the file's row order.
        let rows = metrics.rows.sorted { TeamPoolSplitter.codePointOrder($0.agentID, $1.agentID) }
        let names = plan.namesRead
        // The scores a pool or honour ranks by: per such component, each agent's score (by agent index).
        let ranked = Set(plan.teamPools.map(\.scoreComponent)).union(plan.honours.map(\.rankBy))
        let keepsScores = plan.components.map { ranked.contains($0.name) }
        let parts = Parts(plan)
        // The agents' own lines, in chunks of consecutive agents (on several cores when there are many); the chunks
        // are joined in agent order, so the result is the same on any number of cores.
        let chunkCount = max(1, min(chunks ?? (rows.count >= 20_000 ? min(ProcessInfo.processInfo.activeProcessorCount, 8) : 1), max(rows.count, 1)))
        let chunkSize = (rows.count + chunkCount - 1) / max(chunkCount, 1)
        let results = Mutex([Chunk?](repeating: nil, count: chunkCount))
        // The caller's language for the messages made on the other threads too.
        let texts = Texts.current
        DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
            let range = min(c * chunkSize, rows.count)..<min((c + 1) * chunkSize, rows.count)
            let chunk = Texts.with(texts) {
                agents(range, rows: rows, plan: plan, names: names, parts: parts, keepsScores: keepsScores, working: working)
            }
            results.withLock { $0[c] = chunk }
        }
        // Each agent's amounts, components in plan order, then a slot per pool for its share; with the working,
        // `details` holds the same entries' working at the same indices.
        var entries: [Entry] = []
        var details: [PayoutDetail] = []
        var poolSlot = [Int](repeating: -1, count: rows.count)     // agent → index of its first pool slot
        var reached: [Set<Int>] = Array(repeating: [], count: plan.components.count)
        var scores: [String: [ExactDecimal?]] = [:]
        for component in plan.components where ranked.contains(component.name) { scores[component.name] = Array(repeating: nil, count: rows.count) }
        // Taken out of the lock (not copied), so each chunk's arrays have one owner.
        var done = results.withLock { chunks in
            defer { chunks = [] }
            return chunks.compactMap { $0 }
        }
        // The chunks' details are moved into one array, not copied (a copy of ~500,000 details and the frees of the
        // originals cost more than the rest of the join).
        var pieces = done.indices.map { c in
            defer { done[c].details = [] }
            return done[c].details
        }
        details = Self.joined(&pieces)
        for chunk in done {
            for (agent, slot) in chunk.poolSlots { poolSlot[agent] = entries.count + slot }
            entries += chunk.entries
            eligible += chunk.eligible
            problems += chunk.problems
            for k in reached.indices { reached[k].formUnion(chunk.reached[k]) }
            for (k, list) in chunk.scores.enumerated() where keepsScores[k] {
                let name = plan.components[k].name
                for (i, score) in list { scores[name]?[i] = score }
            }
        }
        if !problems.isEmpty { throw PayoutError(diagnostics: problems) }
        let eligibleRows = eligible.map { rows[$0] }

        // Team pools, after the individual lines; neither prorated nor capped.
        for (p, pool) in plan.teamPools.enumerated() {
            let poolScores = scores[pool.scoreComponent] ?? []
            let shares = TeamPoolSplitter.split(pool: pool, members: eligibleRows, scores: { poolScores.isEmpty ? nil : poolScores[eligible[$0]] },
                                                scale: plan.rounding.scale, working: working)
            for share in shares {
                let a = eligible[share.member]
                guard poolSlot[a] >= 0 else { continue }
                let slot = poolSlot[a] + p
                entries[slot] = Entry(agent: a, part: parts.pools + p, amount: share.amount)
                guard working else { continue }
                var d = PayoutDetail(agentID: share.agentID, name: share.name, component: pool.name, earningsCode: pool.earningsCode)
                d.metric = "team \(share.team)"
                d.metricValue = share.teamScore.map { "team score \($0.formatted(places: 2))" } ?? ""
                d.rawAmount = share.exact.rounded(scale: 6, mode: .halfEven)
                d.afterCap = d.rawAmount
                d.rounded = share.amount
                d.finalAmount = share.amount
                d.steps = share.steps
                details[slot] = d
            }
        }
        // Pool slots of agents in no team.
        // Pool slots left empty (agents in no team) go, from the entries and the details alike (moved, not copied).
        var kept = 0
        for r in entries.indices where entries[r].part >= 0 {
            if kept != r {
                entries.swapAt(kept, r)
                if working { details.swapAt(kept, r) }
            }
            kept += 1
        }
        entries.removeLast(entries.count - kept)
        if working { details.removeLast(details.count - kept) }

        // Honours, then deductions: entries that follow each agent's others.
        var extra: [Int32: [(entry: Entry, detail: PayoutDetail?)]] = [:]
        let awards = honours(plan: plan, rows: rows, eligible: eligible, scores: scores)
        if !awards.isEmpty || !plan.deductions.isEmpty {
            let index = Dictionary(eligible.map { (rows[$0].agentID, $0) }, uniquingKeysWith: { first, _ in first })
            for a in awards {
                guard let i = index[a.agentID] else { continue }
                let h = plan.honours.firstIndex { $0.name == a.honour } ?? 0
                let entry = Entry(agent: i, part: parts.honours + h, amount: a.amount ?? .zero)
                extra[entry.agent, default: []].append((entry, working ? honourDetail(a, plan: plan) : nil))
            }
            if !plan.deductions.isEmpty {
                var totalsSoFar = [ExactDecimal](repeating: .zero, count: rows.count)
                for e in entries { totalsSoFar[Int(e.agent)] += e.amount }
                for (i, xs) in extra { for x in xs { totalsSoFar[Int(i)] += x.entry.amount } }
                for i in eligible {
                    let agent = AgentWork(plan: plan, row: rows[i], working: working, names: names)
                    agent.deriveMetrics()
                    do {
                        for (n, d) in try agent.deduct(total: totalsSoFar[i]).enumerated() {
                            let entry = Entry(agent: i, part: parts.deductions + n, amount: d.finalAmount)
                            extra[entry.agent, default: []].append((entry, working ? d : nil))
                        }
                    } catch {
                        problems.append(error.diagnostic)
                    }
                }
                if !problems.isEmpty { throw PayoutError(diagnostics: problems) }
            }
        }
        if !extra.isEmpty {
            // Built from the end, moving each detail out of the old array (no copies), then turned around.
            var mergedEntries: [Entry] = []
            var mergedDetails: [PayoutDetail] = []
            let added = extra.values.reduce(0) { $0 + $1.count }
            mergedEntries.reserveCapacity(entries.count + added)
            if working { mergedDetails.reserveCapacity(details.count + added) }
            var k = entries.count
            while k > 0 {
                let a = entries[k - 1].agent
                if let xs = extra.removeValue(forKey: a) {
                    for x in xs.reversed() {
                        mergedEntries.append(x.entry)
                        if let d = x.detail { mergedDetails.append(d) }
                    }
                }
                while k > 0, entries[k - 1].agent == a {
                    mergedEntries.append(entries[k - 1])
                    if working, let d = details.popLast() { mergedDetails.append(d) }
                    k -= 1
                }
            }
            mergedEntries.reverse()
            mergedDetails.reverse()
            entries = mergedEntries
            details = mergedDetails
        }

        var lines: [PayoutLine] = []
        var totals: [String: ExactDecimal] = [:]
        lines.reserveCapacity(entries.count)
        // Each agent's entries are together: its total is added up, then stored once.
        var k = 0
        while k < entries.count {
            let a = entries[k].agent
            let row = rows[Int(a)]
            var total = ExactDecimal.zero
            var paid = false
            while k < entries.count, entries[k].agent == a {
                let e = entries[k]
                if !e.amount.isZero {
                    let part = parts.names[Int(e.part)]
                    lines.append(PayoutLine(agentID: row.agentID, name: row.name, component: part.component, earningsCode: part.earningsCode, amount: e.amount))
                    total += e.amount
                    paid = true
                }
                k += 1
            }
            if paid { totals[row.agentID, default: .zero] += total }
        }
        var warnings: [Diagnostic] = []
        if !eligible.isEmpty {
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

    /// The agents of one chunk: their entries (and details, with the working), who is eligible, the problems, the
    /// scores kept for pools and honours (per component: agent index and score), the bands reached, and where each
    /// agent's pool slots start within the chunk's entries.
    struct Chunk: Sendable {
        var entries: [Entry] = []
        var details: [PayoutDetail] = []
        var eligible: [Int] = []
        var problems: [Diagnostic] = []
        var scores: [[(Int, ExactDecimal)]]
        var reached: [Set<Int>]
        var poolSlots: [(agent: Int, slot: Int)] = []
    }

    /// Eligibility, gates, every component, the per-agent cap and the pool slots of the agents in `range` (indices
    /// into `rows`), in order.
    static func agents(_ range: Range<Int>, rows: [MetricsTable.Row], plan: BonusPlan, names: [String], parts: Parts, keepsScores: [Bool],
                       working: Bool) -> Chunk {
        var chunk = Chunk(scores: Array(repeating: [], count: plan.components.count), reached: Array(repeating: [], count: plan.components.count))
        chunk.entries.reserveCapacity(range.count * (plan.components.count + plan.teamPools.count))
        if working { chunk.details.reserveCapacity(chunk.entries.capacity) }
        for i in range {
            let row = rows[i]
            let agent = AgentWork(plan: plan, row: row, working: working, names: names)
            agent.deriveMetrics()
            // Eligibility: all must hold.
            if let failed = agent.failedEligibility() {
                if working {
                    var d = PayoutDetail(agentID: row.agentID, name: row.name, component: "(eligibility)", earningsCode: "")
                    d.steps = [WorkingStep(.notEligible, .step(agent.describe(failed)))]
                    chunk.details.append(d)
                    chunk.entries.append(Entry(agent: i, part: parts.eligibility, amount: .zero))
                }
                continue
            }
            chunk.eligible.append(i)
            let gates = agent.evaluateGates()
            // The agent's entries go straight into the chunk; the agent cap works on that slice.
            let first = chunk.entries.count
            var roundedSum = ExactDecimal.zero
            for (k, component) in plan.components.enumerated() {
                if case .tiers(let metric, let tiers) = component.kind, let v = agent.lookup(metric), let band = TierTable.bandReached(v, tiers: tiers) {
                    chunk.reached[k].insert(band)
                }
                do {
                    let (detail, score) = try agent.pay(component, gates: gates)
                    chunk.entries.append(Entry(agent: i, part: k, amount: detail.finalAmount))
                    roundedSum += detail.rounded
                    if working { chunk.details.append(detail) }
                    if keepsScores[k], let score { chunk.scores[k].append((i, score)) }
                } catch {
                    chunk.problems.append(error.diagnostic)
                }
            }
            // Per-agent cap on the rounded lines, the excess removed from the last components first.
            if let cap = plan.capPerAgent {
                var excess = roundedSum - cap
                for j in (first..<chunk.entries.count).reversed() where excess.isPositive {
                    let cut = min(excess, chunk.entries[j].amount)
                    if cut.isPositive {
                        chunk.entries[j].amount -= cut
                        if working {
                            chunk.details[j].agentCapRemoved = cut
                            chunk.details[j].finalAmount -= cut
                            chunk.details[j].steps.append(WorkingStep(.agentCap, .text(money(cap, plan)), .text(money(cut, plan)),
                                                                      .text(money(chunk.details[j].finalAmount, plan))))
                        }
                        excess -= cut
                    }
                }
            }
            if !plan.teamPools.isEmpty {
                chunk.poolSlots.append((i, chunk.entries.count))
                for _ in plan.teamPools {
                    chunk.entries.append(Entry(agent: i, part: -1, amount: .zero))
                    if working { chunk.details.append(PayoutDetail(agentID: row.agentID, name: row.name, component: "", earningsCode: "")) }
                }
            }
        }
        return chunk
    }

    /// The arrays one after another, each element moved (taken from the end of its array), never copied; `parts` is
    /// left empty.
    static func joined<T>(_ parts: inout [[T]]) -> [T] {
        var out: [T] = []
        out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for c in parts.indices.reversed() {
            while let element = parts[c].popLast() { out.append(element) }
            parts[c] = []
        }
        out.reverse()
        return out
    }

    /// An honour's line with its working.
    static func honourDetail(_ a: HonourAward, plan: BonusPlan) -> PayoutDetail {
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
        return d
    }

    /// Every honour's awards: per group (team, or all), the eligible agents with a score of at least
    /// `min_score`, ranked by score (competition ranking: ties share a rank); those ranked within
    /// `top` get it — everyone tied with the last place included. Independent of row order.
    static func honours(plan: BonusPlan, rows: [MetricsTable.Row], eligible: [Int], scores: [String: [ExactDecimal?]]) -> [HonourAward] {
        var out: [HonourAward] = []
        for honour in plan.honours {
            guard let byAgent = scores[honour.rankBy] else { continue }
            var groups: [String: [(row: MetricsTable.Row, score: ExactDecimal)]] = [:]
            for i in eligible {
                let row = rows[i]
                guard let score = byAgent[i] else { continue }
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
