public import Core
public import LinearModel

/// `min_days_off_in_a_row`: the agent's week holds a run of at least `days` days off (an
/// unavailable day is a day off).
public struct MinDaysOffInARowRule: WeekRule {
    public let name = "min_days_off_in_a_row"
    public let slots = 1
    public let days: Int
    let contract: Contract
    let agentIndex: Int

    public init(days: Int, contract: Contract, agent: Int) {
        self.days = days
        self.contract = contract
        self.agentIndex = agent
    }

    /// The slot: the days off in a row so far, or -1 once a long enough run was seen.
    public func step(_ state: inout RuleState, at base: Int, day: Int, shift: ShiftType?) -> Bool {
        guard state[base] >= 0 else { return true }
        if shift != nil {
            state[base] = 0
        } else {
            state[base] += 1
            if state[base] >= days { state[base] = -1 }
        }
        return true
    }

    public func accepts(_ state: RuleState, at base: Int) -> Bool { state[base] == -1 }

    /// One binary per possible run (`off_a_s`: days s…s+days−1 off), at least one of them chosen,
    /// and no shift on a day of a chosen run.
    public func addRows(agent a: Int, perDay: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem, model: inout LinearModel) {
        guard days <= TimeGrid.days else { return }
        var choices: [(variable: LinearModel.VariableID, coefficient: Double)] = []
        for first in 0...(TimeGrid.days - days) {
            let z = model.addVariable("off_a\(a)_s\(first)", kind: .binary, upper: 1)
            choices.append((z, 1))
            for d in first..<(first + days) where !perDay[d].isEmpty {
                model.addConstraint("off_a\(a)_s\(first)_d\(d)", perDay[d].map { ($0.variable, 1) } + [(z, 1)], .lessOrEqual, 1)
            }
        }
        model.addConstraint("offrun_a\(a)", choices, .greaterOrEqual, 1)
    }

    /// The first run of enough days off is the chosen one.
    public func auxiliaryValues(agent a: Int, week: [ShiftType?], problem: RosterProblem) -> [(name: String, value: Double)] {
        guard days <= TimeGrid.days else { return [] }
        let first = (0...(TimeGrid.days - days)).first { s in (s..<(s + days)).allSatisfy { week[$0] == nil } }
        return first.map { [("off_a\(a)_s\($0)", 1)] } ?? []
    }

    public func explain(problem: RosterProblem) -> String {
        let types = problem.options[agentIndex].map { problem.shiftTypes[$0] }
        let available = Set(types.map(\.day)).count
        let unavailable = (0..<TimeGrid.days).filter { d in !types.contains { $0.day == d } }
            .map { Texts.current.weekday(problem.grid.date(ofDay: $0).weekday) }
        let longest = types.map(\.paidMinutes).max() ?? 0
        let needed = longest > 0 ? (contract.minMinutes + longest - 1) / longest : 0
        let t = Texts.current
        var text = t(.roDaysOff, String(days), contract.name, RuleWording.hours(contract.minMinutes))
        if needed > 0 { text += t(needed == 1 ? .roNeededDay : .roNeededDays, String(needed)) }
        text += t(available == 1 ? .roCanWorkDay : .roCanWorkDays, String(available))
        if !unavailable.isEmpty { text += t(.roNoShiftOn, unavailable.joined(separator: t(.listComma))) }
        return text + t(.roDaysOffRule, String(days))
    }
}
