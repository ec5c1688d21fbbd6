public import Core

/// Splits a team pool among a team's eligible members so that it is paid exactly (SPEC §4.5).
public enum TeamPoolSplitter {
    public struct Share: Sendable, Hashable {
        /// The member's index in the `members` given to ``split(pool:members:scores:scale:working:)``.
        public let member: Int
        public let agentID: String
        public let name: String
        public let team: String
        public let teamScore: ExactDecimal?
        /// The exact share before rounding.
        public let exact: ExactDecimal
        /// Rounded down to the scale, plus any leftover cents it received.
        public let amount: ExactDecimal
        public let steps: [WorkingStep]
    }

    /// Every eligible member's share, teams in code-point order, members by agent id.
    ///
    /// Each exact share is rounded down to the scale; the cents left over go one at a time to the
    /// members whose shares lost the most in rounding (ties: the larger share, then the agent id
    /// first in code-point order). A team below `min_team_score`, or without a score, gets nothing.
    /// Without `working` the shares carry no steps (the amounts are the same).
    /// `scores` gives a member's score by its index in `members`.
    public static func split(pool: TeamPool, members: [MetricsTable.Row], scores: (Int) -> ExactDecimal?, scale: Int,
                             working: Bool = true) -> [Share] {
        var teams: [String: [Int]] = [:]
        for (i, m) in members.enumerated() where !m.team.isEmpty { teams[m.team, default: []].append(i) }
        var result: [Share] = []
        let cent = ExactDecimal(mantissa: 1, scale: scale)
        for team in teams.keys.sorted(by: codePointOrder) {
            let people = (teams[team] ?? []).map { (index: $0, row: members[$0]) }.sorted { codePointOrder($0.row.agentID, $1.row.agentID) }
            let scored = people.compactMap { p in scores(p.index).map { (p, $0) } }
            guard !scored.isEmpty else { continue }
            let sum = scored.reduce(ExactDecimal.zero) { $0 + $1.1 }
            let teamScore = sum.divided(by: ExactDecimal(scored.count), scale: 6, mode: .halfEven) ?? .zero
            if let minimum = pool.minTeamScore, teamScore < minimum {
                for p in people {
                    result.append(Share(member: p.index, agentID: p.row.agentID, name: p.row.name, team: team, teamScore: teamScore, exact: .zero, amount: .zero,
                                        steps: working ? [WorkingStep(.poolBelow, .text(team), .text(teamScore.formatted(places: 2)), .text(minimum.description))] : []))
                }
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
            var fallback: WorkingStep.Value = .none
            if !total.isPositive {
                weights = people.map { ($0, .one) }
                total = ExactDecimal(people.count)
                fallback = .step(WorkingStep(.poolEqualFallback))
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
            let basis = switch pool.split {
            case .byScore: WorkingStep(.splitScore)
            case .byHours: WorkingStep(.splitHours)
            case .equally: WorkingStep(.splitEqual)
            }
            for (i, e) in exact.enumerated() where !working {
                result.append(Share(member: e.0.index, agentID: e.0.row.agentID, name: e.0.row.name, team: team, teamScore: teamScore, exact: e.2,
                                    amount: amounts[i], steps: []))
            }
            for (i, e) in exact.enumerated() where working {
                let extra = amounts[i] - e.2.rounded(scale: scale, mode: .down)
                let leftOver: WorkingStep.Value = extra.isPositive
                    ? .step(WorkingStep(.poolLeftOver, .text(extra.formatted(places: scale)), .text(amounts[i].formatted(places: scale)))) : .none
                let step = WorkingStep(.poolShare, .text(team), .text(teamScore.formatted(places: 2)), .text(pool.amountPerTeam.formatted(places: scale)),
                                       .step(basis), fallback, .text("\(e.1)"), .text("\(total)"), .text(e.2.formatted(places: 6)),
                                       .text(e.2.rounded(scale: scale, mode: .down).formatted(places: scale)), leftOver)
                result.append(Share(member: e.0.index, agentID: e.0.row.agentID, name: e.0.row.name, team: team, teamScore: teamScore, exact: e.2,
                                    amount: amounts[i], steps: [step]))
            }
        }
        return result
    }

    static func codePointOrder(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
