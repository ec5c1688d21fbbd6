import Core
public import LinearModel

/// At most `max_consecutive_days` working days in a row.
public struct MaxConsecutiveDaysRule: WeekRule {
    public let name = "max_consecutive_days"
    public let slots = 1
    public let maxDays: Int

    public init(maxDays: Int) {
        self.maxDays = maxDays
    }

    public func step(_ state: inout RuleState, at base: Int, day: Int, shift: ShiftType?) -> Bool {
        guard shift != nil else {
            state[base] = 0
            return true
        }
        state[base] += 1
        return state[base] <= maxDays
    }

    public func addRows(agent a: Int, perDay: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem, model: inout LinearModel) {
        guard maxDays < TimeGrid.days else { return }
        for first in 0...(TimeGrid.days - maxDays - 1) {
            let terms = (first...(first + maxDays)).flatMap { perDay[$0] }.map { (variable: $0.variable, coefficient: 1.0) }
            model.addConstraint("consec_a\(a)_d\(first)", terms, .lessOrEqual, Double(maxDays))
        }
    }

    public func explain(problem: RosterProblem) -> String {
        Texts.current(.roMaxConsecutive, String(maxDays))
    }
}
