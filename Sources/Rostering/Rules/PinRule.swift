public import Core
public import LinearModel

/// `--pin`: the agent works its pinned shift on each pinned day. The problem already leaves the
/// pinned shift as the day's only option (``RosterProblem/pinnedTypes``); this rule makes the day
/// a working one.
public struct PinRule: WeekRule {
    public let name = "pinned shifts"
    public let slots = 0
    /// Per day: whether it is pinned.
    let pinned: [Bool]
    /// Where the pins were read from, for the explanation.
    let sources: [SourceLocation]

    public init(pinnedDays: Set<Int>, sources: [SourceLocation]) {
        pinned = (0..<TimeGrid.days).map { pinnedDays.contains($0) }
        self.sources = sources
    }

    public func step(_ state: inout RuleState, at base: Int, day: Int, shift: ShiftType?) -> Bool {
        shift != nil || !pinned[day]
    }

    public func addRows(agent a: Int, perDay: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem, model: inout LinearModel) {
        for d in 0..<TimeGrid.days where pinned[d] {
            model.addConstraint("pin_a\(a)_d\(d)", perDay[d].map { ($0.variable, 1) }, .equal, 1)
        }
    }

    public func explain(problem: RosterProblem) -> String {
        Texts.current(.roPinned, sources.map(\.description).joined(separator: ", "))
    }
}
