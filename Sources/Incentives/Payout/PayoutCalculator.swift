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
        /// What pays it, an index into ``Parts``.
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
    struct Parts: Sendable {
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

    /// The lines, totals, honours and warnings. The working of each line (``PayoutResult/details``) is not kept:
    /// ``PayoutWorking`` computes it again, the same way, chunk by chunk as a sheet is written, from what the whole
    /// population decided here (pool shares, honours).
    /// - Throws: `PayoutError` listing every undefined value whose rule is `error`.
    public static func calculate(plan: BonusPlan, metrics: MetricsTable) throws(PayoutError) -> PayoutResult {
        try calculate(plan: plan, metrics: metrics, chunks: nil)
    }

    /// What the calculation of every agent shares: the plan, the agents in code-point order of their ids (the
    /// table's rows and that order, not a sorted copy, as the working keeps them), the names the plan reads, the
    /// parts, and which components' scores pools and honours rank by.
    struct Setting: Sendable {
        let plan: BonusPlan
        let table: [MetricsTable.Row]
        let order: [Int32]
        let names: [String]
        let parts: Parts
        let keepsScores: [Bool]

        /// The agent at index `i` in agent-id order.
        func row(_ i: Int) -> MetricsTable.Row { table[Int(order[i])] }
        var count: Int { order.count }
    }

    /// What the population decided, once every agent's own lines are known: per pool, each agent's share (an index
    /// into `shares[p]`, −1 for none), and each agent's honours (indices into `awards`).
    struct Settled: Sendable {
        let shares: [TeamPoolSplitter.Split]
        let shareOf: [[Int32]]
        let awards: [HonourAward]
        let awardsOf: [Int32: [Int]]
    }

    /// `chunks`: how many chunks of agents to work on at once (nil: one per core for 20,000 agents or more, else one).
    static func calculate(plan: BonusPlan, metrics: MetricsTable, chunks: Int?) throws(PayoutError) -> PayoutResult {
        // Agents in code-point order of their ids, so results do not depend on the file's row order.
        let table = metrics.rows
        var keyed = table.enumerated().map { (index: $0.offset, id: $0.element.agentID) }
        keyed.sort { TeamPoolSplitter.codePointOrder($0.id, $1.id) }
        let order = keyed.map(\.index)
        keyed = []
        let rows = order.map { table[$0] }
        // The scores a pool or honour ranks by: per such component, each agent's score (by agent index).
        let ranked = Set(plan.teamPools.map(\.scoreComponent)).union(plan.honours.map(\.rankBy))
        let setting = Setting(plan: plan, table: table, order: order.map { Int32($0) }, names: plan.namesRead, parts: Parts(plan),
                              keepsScores: plan.components.map { ranked.contains($0.name) })
        // The agents' own lines, in chunks of consecutive agents (on several cores when there are many); the chunks
        // are joined in agent order, so the result is the same on any number of cores.
        let chunkCount = max(1, min(chunks ?? (rows.count >= 20_000 ? min(ProcessInfo.processInfo.activeProcessorCount, 8) : 1), max(rows.count, 1)))
        let chunkSize = (rows.count + chunkCount - 1) / max(chunkCount, 1)
        let ranges = (0..<chunkCount).map { c in min(c * chunkSize, rows.count)..<min((c + 1) * chunkSize, rows.count) }
        // The caller's language for the messages made on the other threads too.
        let texts = Texts.current
        var done = inParallel(ranges.count) { c in Texts.with(texts) { agents(ranges[c], setting, working: false) } }
        var problems: [Diagnostic] = []
        var eligible: [Int] = []
        var reached: [Set<Int>] = Array(repeating: [], count: plan.components.count)
        var scores: [String: [ExactDecimal?]] = [:]
        for component in plan.components where ranked.contains(component.name) { scores[component.name] = Array(repeating: nil, count: rows.count) }
        for chunk in done {
            eligible += chunk.eligible
            problems += chunk.problems
            for k in reached.indices { reached[k].formUnion(chunk.reached[k]) }
            for (k, list) in chunk.scores.enumerated() where setting.keepsScores[k] {
                let name = plan.components[k].name
                for (i, score) in list { scores[name]?[i] = score }
            }
        }
        if !problems.isEmpty { throw PayoutError(diagnostics: problems) }

        // Team pools, after the individual lines (neither prorated nor capped), and honours.
        let eligibleRows = eligible.map { rows[$0] }
        var shares: [TeamPoolSplitter.Split] = []
        var shareOf: [[Int32]] = []
        for pool in plan.teamPools {
            let poolScores = scores[pool.scoreComponent] ?? []
            let split = TeamPoolSplitter.split(pool: pool, members: eligibleRows, scores: { poolScores.isEmpty ? nil : poolScores[eligible[$0]] },
                                               scale: plan.rounding.scale)
            var of = [Int32](repeating: -1, count: rows.count)
            for (n, share) in split.shares.enumerated() { of[eligible[share.member]] = Int32(n) }
            shares.append(split)
            shareOf.append(of)
        }
        let awards = honours(plan: plan, rows: rows, eligible: eligible, scores: scores)
        var awardsOf: [Int32: [Int]] = [:]
        if !awards.isEmpty {
            let index = Dictionary(eligible.map { (rows[$0].agentID, $0) }, uniquingKeysWith: { first, _ in first })
            for (n, a) in awards.enumerated() {
                if let i = index[a.agentID] { awardsOf[Int32(i), default: []].append(n) }
            }
        }
        let settled = Settled(shares: shares, shareOf: shareOf, awards: awards, awardsOf: awardsOf)

        // Each chunk's agents settled: pool shares, honours, then deductions (to the floor), on every core again.
        // Each chunk is taken out of `pending` (not copied), so it is freed as soon as it is settled.
        let pending = Mutex(done)
        done = []
        let finished = inParallel(ranges.count) { c in
            let chunk = pending.withLock { all in
                var taken = Chunk(scores: [], reached: [])
                swap(&taken, &all[c])
                return taken
            }
            return Texts.with(texts) { settle(chunk, ranges[c], setting, settled, working: false) }
        }
        problems = finished.flatMap(\.problems)
        if !problems.isEmpty { throw PayoutError(diagnostics: problems) }

        var lines: [PayoutLine] = []
        var totals: [String: ExactDecimal] = [:]
        lines.reserveCapacity(finished.reduce(0) { $0 + $1.entries.count })
        for chunk in finished {
            // Each agent's entries are together: its total is added up, then stored once.
            let entries = chunk.entries
            var k = 0
            while k < entries.count {
                let a = entries[k].agent
                let row = rows[Int(a)]
                var total = ExactDecimal.zero
                var paid = false
                while k < entries.count, entries[k].agent == a {
                    let e = entries[k]
                    if !e.amount.isZero {
                        let part = setting.parts.names[Int(e.part)]
                        lines.append(PayoutLine(agentID: row.agentID, name: row.name, component: part.component, earningsCode: part.earningsCode,
                                                amount: e.amount))
                        total += e.amount
                        paid = true
                    }
                    k += 1
                }
                if paid { totals[row.agentID, default: .zero] += total }
            }
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
        return PayoutResult(period: metrics.period, currency: plan.currency, lines: lines, totals: totals, warnings: warnings, honours: awards,
                            working: PayoutWorking(setting: setting, settled: settled, texts: texts))
    }

    /// A chunk's agents with their pool shares filled in (slots without a share left out), then per eligible
    /// agent its honours and its deductions, which see the agent's total so far (SPEC §4.5 order). With
    /// `working`, `details` follows `entries` one for one.
    static func settle(_ chunk: consuming Chunk, _ range: Range<Int>, _ setting: Setting, _ settled: Settled, working: Bool)
        -> (entries: [Entry], details: [PayoutDetail], problems: [Diagnostic]) {
        let plan = setting.plan, parts = setting.parts
        var entries: [Entry] = []
        var details: [PayoutDetail] = []
        var problems: [Diagnostic] = []
        entries.reserveCapacity(chunk.entries.count + (plan.deductions.isEmpty ? 0 : chunk.eligible.count * plan.deductions.count))
        if working { details.reserveCapacity(entries.capacity) }
        var k = 0, e = 0
        for i in range {
            var total = ExactDecimal.zero
            while k < chunk.entries.count, chunk.entries[k].agent == i {
                var entry = chunk.entries[k]
                var detail = PayoutDetail.none
                if working { swap(&detail, &chunk.details[k]) }
                k += 1
                if entry.part >= parts.pools && entry.part < parts.eligibility {
                    let p = Int(entry.part) - parts.pools
                    let n = Int(settled.shareOf[p][i])
                    guard n >= 0 else { continue }
                    let split = settled.shares[p]
                    entry.amount = split.shares[n].amount
                    if working { detail = poolDetail(split, n, plan.teamPools[p], row: setting.row(i), scale: plan.rounding.scale) }
                }
                total += entry.amount
                entries.append(entry)
                if working { details.append(detail) }
            }
            guard e < chunk.eligible.count, chunk.eligible[e] == i else { continue }
            e += 1
            for n in settled.awardsOf[Int32(i)] ?? [] {
                let a = settled.awards[n]
                let h = plan.honours.firstIndex { $0.name == a.honour } ?? 0
                let amount = a.amount ?? .zero
                entries.append(Entry(agent: i, part: parts.honours + h, amount: amount))
                if working { details.append(honourDetail(a, plan: plan)) }
                total += amount
            }
            guard !plan.deductions.isEmpty else { continue }
            let agent = AgentWork(plan: plan, row: setting.row(i), working: working, names: setting.names)
            agent.deriveMetrics()
            do {
                for (n, d) in try agent.deduct(total: total).enumerated() {
                    entries.append(Entry(agent: i, part: parts.deductions + n, amount: d.finalAmount))
                    if working { details.append(d) }
                }
            } catch {
                problems.append(error.diagnostic)
            }
        }
        return (entries, details, problems)
    }

    /// A pool share's line (share `n` of `split`) with its working.
    static func poolDetail(_ split: TeamPoolSplitter.Split, _ n: Int, _ pool: TeamPool, row: MetricsTable.Row, scale: Int) -> PayoutDetail {
        let share = split.shares[n]
        let team = split.teams[Int(share.team)]
        var d = PayoutDetail(agentID: row.agentID, name: row.name, component: pool.name, earningsCode: pool.earningsCode)
        d.metric = "team \(team.name)"
        d.metricValue = "team score \(team.score.formatted(places: 2))"
        d.rawAmount = share.exact.rounded(scale: 6, mode: .halfEven)
        d.afterCap = d.rawAmount
        d.rounded = share.amount
        d.finalAmount = share.amount
        d.steps = split.steps(n, pool: pool, scale: scale)
        return d
    }

    /// The agents of one chunk: their entries (and details, with the working), who is eligible, the problems, the
    /// scores kept for pools and honours (per component: agent index and score), and the bands reached.
    struct Chunk: Sendable {
        var entries: [Entry] = []
        var details: [PayoutDetail] = []
        var eligible: [Int] = []
        var problems: [Diagnostic] = []
        var scores: [[(Int, ExactDecimal)]]
        var reached: [Set<Int>]
    }

    /// Eligibility, gates, every component, the per-agent cap and the pool slots of the agents in `range` (indices
    /// into `rows`), in order.
    static func agents(_ range: Range<Int>, _ setting: Setting, working: Bool) -> Chunk {
        let plan = setting.plan, names = setting.names, parts = setting.parts, keepsScores = setting.keepsScores
        var chunk = Chunk(scores: Array(repeating: [], count: plan.components.count), reached: Array(repeating: [], count: plan.components.count))
        chunk.entries.reserveCapacity(range.count * (plan.components.count + plan.teamPools.count))
        if working { chunk.details.reserveCapacity(chunk.entries.capacity) }
        for i in range {
            let row = setting.row(i)
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
            // A slot per pool, filled (or left out) by `settle` once the pools are split.
            for p in plan.teamPools.indices {
                chunk.entries.append(Entry(agent: i, part: parts.pools + p, amount: .zero))
                if working { chunk.details.append(.none) }
            }
        }
        return chunk
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
