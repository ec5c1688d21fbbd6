import Core

extension RosterProblem {
    /// Every hard rule on agent `a`'s week (SPEC §6), each one type that the model, the search and
    /// the diagnosis consult; nil when the agent's contract is unknown. The shift-level rules
    /// (start grid, windows, lengths, availability) decide `options` instead.
    ///
    /// Adding a rule: a type conforming to ``WeekRule`` in this folder, one line here, its key in
    /// the scenario loader, and its check in the independent validator.
    public func weekRules(agent a: Int) -> AgentRules? {
        let agent = scenario.agents[a]
        guard let contract = scenario.contract(named: agent.contract) else { return nil }
        let rules = scenario.rules
        var list: [any WeekRule] = [OneShiftPerDayRule()]
        if !pinnedTypes[a].isEmpty {
            let sources = scenario.pins.filter { $0.agentID == agent.id }.map(\.source)
            list.append(PinRule(pinnedDays: Set(pinnedTypes[a].keys), sources: sources))
        }
        // The order is the diagnosis's: the most specific rule is named first.
        list.append(MinRestRule(restMinutes: rules.minRestMinutes, agentOptions: options[a].map { shiftTypes[$0] }))
        if rules.maxConsecutiveDays < min(TimeGrid.days, contract.maxDays) {
            list.append(MaxConsecutiveDaysRule(maxDays: rules.maxConsecutiveDays))
        }
        if let spread = rules.maxStartVariationMinutes {
            let rule = MaxStartVariationRule(spread: spread)
            if rule.binds(on: options[a].map { shiftTypes[$0] }) { list.append(rule) }
        }
        if let days = rules.minDaysOffInARow { list.append(MinDaysOffInARowRule(days: days, contract: contract, agent: a)) }
        if contract.maxDays < TimeGrid.days { list.append(MaxDaysRule(contract: contract, agent: a)) }
        list.append(ContractHoursRule(contract: contract, agent: a))
        if let ranges = searchRanges[agent.contract], !ranges.isEmpty { list.append(CountRangeRule(ranges: ranges, problem: self)) }
        return AgentRules(list)
    }

    /// Whether a rule adds variables of its own to the compact model (a days-off run, a start
    /// spread, fairness's largest and smallest counts): the solve strategy orders its steps by it.
    public var hasWeekRowRules: Bool {
        scenario.rules.minDaysOffInARow != nil || scenario.rules.maxStartVariationMinutes != nil || FairnessRule.isActive(self)
    }
}
