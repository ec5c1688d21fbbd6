public import Core

/// Splits a team pool among a team's eligible members so that it is paid exactly (SPEC §4.5).
public enum TeamPoolSplitter {
    /// One member's share (kept small: a pool of 100,000 agents keeps one each).
    public struct Share: Sendable, Hashable {
        /// The member's index in the `members` given to ``split(pool:members:scores:scale:)``.
        public let member: Int
        /// The exact share before rounding.
        public let exact: ExactDecimal
        /// Rounded down to the scale, plus any leftover cents it received.
        public let amount: ExactDecimal
        /// The member's weight (1 each when the team's weights added up to nothing).
        public let weight: ExactDecimal
        /// The member's team, an index into ``Split/teams``.
        public let team: Int32
    }

    /// A team of the split: its name, score, total weight, and whether it fell back to equal shares or was below
    /// the pool's minimum score (then nobody in it is paid).
    public struct Team: Sendable, Hashable {
        public let name: String
        public let score: ExactDecimal
        public let total: ExactDecimal
        public let fellBack: Bool
        public let below: Bool
    }

    /// Every share, and the teams they belong to.
    public struct Split: Sendable {
        public var shares: [Share] = []
        public var teams: [Team] = []

        /// The working of share `n` (SPEC §4.5), built when it is read.
        public func steps(_ n: Int, pool: TeamPool, scale: Int) -> [WorkingStep] {
            let share = shares[n], team = teams[Int(share.team)]
            if team.below {
                return [WorkingStep(.poolBelow, .text(team.name), .text(team.score.formatted(places: 2)), .text(pool.minTeamScore?.description ?? ""))]
            }
            let basis = switch pool.split {
            case .byScore: WorkingStep(.splitScore)
            case .byHours: WorkingStep(.splitHours)
            case .equally: WorkingStep(.splitEqual)
            }
            let down = share.exact.rounded(scale: scale, mode: .down)
            let extra = share.amount - down
            let leftOver: WorkingStep.Value = extra.isPositive
                ? .step(WorkingStep(.poolLeftOver, .text(extra.formatted(places: scale)), .text(share.amount.formatted(places: scale)))) : .none
            return [WorkingStep(.poolShare, .text(team.name), .text(team.score.formatted(places: 2)), .text(pool.amountPerTeam.formatted(places: scale)),
                                .step(basis), team.fellBack ? .step(WorkingStep(.poolEqualFallback)) : .none, .text("\(share.weight)"),
                                .text("\(team.total)"), .text(share.exact.formatted(places: 6)), .text(down.formatted(places: scale)), leftOver)]
        }
    }

    /// Every eligible member's share, teams in code-point order, members by agent id.
    ///
    /// Each exact share is rounded down to the scale; the cents left over go one at a time to the
    /// members whose shares lost the most in rounding (ties: the larger share, then the agent id
    /// first in code-point order). A team below `min_team_score`, or without a score, gets nothing.
    /// `scores` gives a member's score by its index in `members`.
    public static func split(pool: TeamPool, members: [MetricsTable.Row], scores: (Int) -> ExactDecimal?, scale: Int) -> Split {
        var teams: [String: [Int]] = [:]
        for (i, m) in members.enumerated() where !m.team.isEmpty { teams[m.team, default: []].append(i) }
        var result = Split()
        let cent = ExactDecimal(mantissa: 1, scale: scale)
        for team in teams.keys.sorted(by: codePointOrder) {
            let people = (teams[team] ?? []).map { (index: $0, row: members[$0]) }.sorted { codePointOrder($0.row.agentID, $1.row.agentID) }
            let scored = people.compactMap { p in scores(p.index).map { (p, $0) } }
            guard !scored.isEmpty else { continue }
            let sum = scored.reduce(ExactDecimal.zero) { $0 + $1.1 }
            let teamScore = sum.divided(by: ExactDecimal(scored.count), scale: 6, mode: .halfEven) ?? .zero
            let t = Int32(result.teams.count)
            if let minimum = pool.minTeamScore, teamScore < minimum {
                result.teams.append(Team(name: team, score: teamScore, total: .zero, fellBack: false, below: true))
                for p in people { result.shares.append(Share(member: p.index, exact: .zero, amount: .zero, weight: .zero, team: t)) }
                continue
            }
            // Weights per member.
            let weighted: [((index: Int, row: MetricsTable.Row), ExactDecimal)] = switch pool.split {
            case .byScore: scored
            case .byHours: people.map { ($0, $0.row.values["hours_worked"] ?? .zero) }
            case .equally: people.map { ($0, .one) }
            }
            var total = weighted.reduce(ExactDecimal.zero) { $0 + $1.1 }
            var weights = weighted
            var fellBack = false
            if !total.isPositive {
                weights = people.map { ($0, .one) }
                total = ExactDecimal(people.count)
                fellBack = true
            }
            // amount × weight fits Int128 for every value the loaders accept; the long division cannot overflow.
            let exact = weights.map { w in
                (w.0, w.1, ExpressionArithmetic.quotient(pool.amountPerTeam * w.1, total)?.value?.rounded(scale: 12, mode: .halfEven) ?? .zero)
            }
            var amounts = exact.map { $0.2.rounded(scale: scale, mode: .down) }
            let paid = amounts.reduce(ExactDecimal.zero, +)
            var leftover = (pool.amountPerTeam.rounded(scale: scale, mode: .down) - paid)
            // Largest rounding loss first; ties: larger share, then agent id.
            let order = exact.indices.sorted { i, j in
                let li = exact[i].2 - amounts[i], lj = exact[j].2 - amounts[j]
                if li != lj { return li > lj }
                if exact[i].2 != exact[j].2 { return exact[i].2 > exact[j].2 }
                return codePointOrder(exact[i].0.row.agentID, exact[j].0.row.agentID)
            }
            var k = 0
            while leftover.isPositive && !order.isEmpty {
                amounts[order[k % order.count]] += cent
                leftover -= cent
                k += 1
            }
            result.teams.append(Team(name: team, score: teamScore, total: total, fellBack: fellBack, below: false))
            for (i, e) in exact.enumerated() { result.shares.append(Share(member: e.0.index, exact: e.2, amount: amounts[i], weight: e.1, team: t)) }
        }
        return result
    }

    /// Code-point order: UTF-8's bytes sort in the order of the code points they encode, and compare faster.
    static func codePointOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
