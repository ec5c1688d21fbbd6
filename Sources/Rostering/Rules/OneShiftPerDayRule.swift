import Core
public import LinearModel

/// At most one shift per agent per day. The search picks one option per day by construction; the
/// model needs a row for it.
public struct OneShiftPerDayRule: WeekRule {
    public let name = "one shift per day"
    public let slots = 0

    public init() {}

    public func step(_ state: inout RuleState, at base: Int, day: Int, shift: ShiftType?) -> Bool { true }

    public func addRows(agent a: Int, perDay: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem, model: inout LinearModel) {
        for d in perDay.indices where perDay[d].count > 1 {
            model.addConstraint("one_a\(a)_d\(d)", perDay[d].map { ($0.variable, 1) }, .lessOrEqual, 1)
        }
    }

    public func explain(problem: RosterProblem) -> String { Texts.current(.roOneShift) }
}
