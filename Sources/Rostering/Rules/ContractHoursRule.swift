public import Core
public import LinearModel

/// The contract's weekly paid hours lie within min_hours…max_hours.
public struct ContractHoursRule: WeekRule {
    public let name = "contract hours"
    public let slots = 1
    public let contract: Contract
    /// The agent's allowed shift types, for the explanation.
    let agentIndex: Int

    public init(contract: Contract, agent: Int) {
        self.contract = contract
        self.agentIndex = agent
    }

    public func step(_ state: inout RuleState, at base: Int, day: Int, shift: ShiftType?) -> Bool {
        guard let shift else { return true }
        state[base] += shift.paidMinutes
        return state[base] <= contract.maxMinutes
    }

    public func accepts(_ state: RuleState, at base: Int) -> Bool {
        state[base] >= contract.minMinutes
    }

    public func addRows(agent a: Int, perDay: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem, model: inout LinearModel) {
        let hours = perDay.flatMap { $0 }.map { (variable: $0.variable, coefficient: Double(problem.shiftTypes[$0.type].paidMinutes) / 60) }
        let minHours = Double(contract.minMinutes) / 60
        let maxHours = Double(contract.maxMinutes) / 60
        if minHours == maxHours {
            model.addConstraint("hours_a\(a)", hours, .equal, minHours)
        } else {
            if minHours > 0 { model.addConstraint("minhours_a\(a)", hours, .greaterOrEqual, minHours) }
            model.addConstraint("maxhours_a\(a)", hours, .lessOrEqual, maxHours)
        }
    }

    public func explain(problem: RosterProblem) -> String {
        let types = problem.options[agentIndex].map { problem.shiftTypes[$0] }
        let paid = Set(types.map(\.paidMinutes)).sorted().map(RuleWording.hours).joined(separator: Texts.current(.listComma))
        let usable = min(Set(types.map(\.day)).count, contract.maxDays)
        return Texts.current(.roContractHours, contract.name, RuleWording.hours(contract.minMinutes), RuleWording.hours(contract.maxMinutes), paid, String(usable))
    }
}

/// Words shared by the rules' explanations.
enum RuleWording {
    static func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? Texts.current(.unitHours, String(minutes / 60)) : Texts.current(.unitHoursMinutes, String(minutes / 60), String(minutes % 60))
    }
}
