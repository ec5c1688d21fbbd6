import Core

/// Explains, in words, why an agent's own hard rules admit no week at all.
///
/// Coverage is priced, never required, so the roster is infeasible exactly when some agent has no
/// week that keeps its rules. Each agent is checked exactly (the agent's ``WeekGraph``), and the
/// reason is found by relaxing one rule at a time: the rule whose relaxation alone opens a week
/// explains itself (``WeekRule/explain(problem:)``).
public enum RosterDiagnosis {
    public static func reasons(problem: RosterProblem, heuristic given: RosterHeuristic? = nil) -> [String] {
        let heuristic = given ?? RosterHeuristic(problem: problem)
        let scenario = problem.scenario
        let free = Array(repeating: 0, count: problem.grid.intervalCount)
        var reasons: [String] = []
        for (a, agent) in scenario.agents.enumerated() {
            guard heuristic.bestWeek(agent: a, coverage: free) == nil else { continue }
            guard let contract = scenario.contract(named: agent.contract), let rules = problem.weekRules(agent: a) else { continue }
            reasons.append(Texts.current(.roAgent, agent.id, explain(agent: a, contract: contract, rules: rules, problem: problem, heuristic: heuristic)))
        }
        return reasons
    }

    static func explain(agent a: Int, contract: Contract, rules: AgentRules, problem: RosterProblem, heuristic: RosterHeuristic) -> String {
        let agent = problem.scenario.agents[a]
        let types = problem.options[a].map { problem.shiftTypes[$0] }
        let minText = RuleWording.hours(contract.minMinutes)
        // The shift-level rules first: no shift at all, or too few days to reach the minimum.
        if types.isEmpty {
            let available = (0..<TimeGrid.days).filter { !agent.isUnavailable(on: problem.grid.date(ofDay: $0)) }.count
            if available == 0 {
                return Texts.current(.roUnavailableAllWeek, contract.name, minText)
            }
            let window = "\(agent.earliestStart ?? problem.scenario.shifts.earliestStart)–\(agent.latestEnd ?? problem.scenario.shifts.latestEnd)"
            let lengths = contract.lengthsMinutes.map(RuleWording.hours).joined(separator: Texts.current(.listComma))
            return Texts.current(.roNoShiftFits, contract.name, minText, lengths, window)
        }
        let free = Array(repeating: 0, count: problem.grid.intervalCount)
        // Pins first: the rule that relaxed alone lets the pinned shifts be kept is the one they contradict.
        if let pinIndex = rules.rules.firstIndex(where: { $0 is PinRule }) {
            let pins = rules.rules[pinIndex].explain(problem: problem)
            for (k, rule) in rules.rules.enumerated() where k != pinIndex && !(rule is OneShiftPerDayRule) {
                if heuristic.bestWeek(agent: a, coverage: free, with: rules.without(k)) != nil {
                    let other = rule is ContractHoursRule
                        ? Texts.current(.roContractRange, contract.name, RuleWording.hours(contract.minMinutes), RuleWording.hours(contract.maxMinutes))
                        : rule.explain(problem: problem)
                    return Texts.current(.roPinsAgainst, pins, other)
                }
            }
            return Texts.current(.roPinsAgainstAll, pins)
        }
        var bestPerDay: [Int: Int] = [:]
        for t in types { bestPerDay[t.day] = max(bestPerDay[t.day] ?? 0, t.paidMinutes) }
        let days = bestPerDay.count
        if days <= contract.maxDays, bestPerDay.values.reduce(0, +) < contract.minMinutes {
            let most = bestPerDay.values.reduce(0, +)
            return Texts.current(days == 1 ? .roFewDay : .roFewDays, contract.name, minText, String(days), RuleWording.hours(most))
        }
        // Then each week rule on its own (the contract's hours last: relaxing them always opens the empty week).
        for (k, rule) in rules.rules.enumerated() where !(rule is OneShiftPerDayRule) && !(rule is ContractHoursRule) {
            if heuristic.bestWeek(agent: a, coverage: free, with: rules.without(k)) != nil {
                if rule is MaxDaysRule || rule is MinDaysOffInARowRule { return rule.explain(problem: problem) }
                return Texts.current(.roWhileKeeping, contract.name, minText, rule.explain(problem: problem))
            }
        }
        return rules.rules.first { $0 is ContractHoursRule }?.explain(problem: problem) ?? Texts.current(.roNoWeek)
    }
}
