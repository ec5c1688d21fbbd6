public import Core
public import LinearModel

/// At most the contract's `max_days` working days in the week.
public struct MaxDaysRule: WeekRule {
    public let name = "max_days"
    public let slots = 1
    public let contract: Contract
    let agentIndex: Int

    public init(contract: Contract, agent: Int) {
        self.contract = contract
        self.agentIndex = agent
    }

    public func step(_ state: inout RuleState, at base: Int, day: Int, shift: ShiftType?) -> Bool {
        guard shift != nil else { return true }
        state[base] += 1
        return state[base] <= contract.maxDays
    }

    public func addRows(agent a: Int, perDay: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem, model: inout LinearModel) {
        guard contract.maxDays < TimeGrid.days else { return }
        model.addConstraint("days_a\(a)", perDay.flatMap { $0 }.map { ($0.variable, 1) }, .lessOrEqual, Double(contract.maxDays))
    }

    public func explain(problem: RosterProblem) -> String {
        let types = problem.options[agentIndex].map { problem.shiftTypes[$0] }
        var bestPerDay: [Int: Int] = [:]
        for t in types { bestPerDay[t.day] = max(bestPerDay[t.day] ?? 0, t.paidMinutes) }
        let most = bestPerDay.values.sorted(by: >).prefix(contract.maxDays).reduce(0, +)
        return Texts.current(.roMaxDays, contract.name, RuleWording.hours(contract.minMinutes), String(contract.maxDays), RuleWording.hours(most))
    }
}
