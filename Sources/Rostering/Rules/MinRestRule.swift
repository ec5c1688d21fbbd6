import Core
public import LinearModel

/// At least `min_rest_hours` between the end of one shift and the start of the next, counted in
/// real time across midnight.
public struct MinRestRule: WeekRule {
    public let name = "min_rest_hours"
    public let slots = 1
    public let restMinutes: Int
    /// The earliest start of the agent's options from each day on (Int.max when none), to forget
    /// a last end that can no longer limit anything.
    let earliestFrom: [Int]

    /// Marks "no shift yet, or none that still matters".
    static let none = Int(Int32.min)

    public init(restMinutes: Int, agentOptions: [ShiftType]) {
        self.restMinutes = restMinutes
        var earliest = Array(repeating: Int.max, count: TimeGrid.days + 1)
        for t in agentOptions { earliest[t.day] = min(earliest[t.day], t.absoluteStart) }
        for d in stride(from: TimeGrid.days - 1, through: 0, by: -1) { earliest[d] = min(earliest[d], earliest[d + 1]) }
        earliestFrom = earliest
    }

    public func start(_ state: inout RuleState, at base: Int) { state[base] = Self.none }

    public func step(_ state: inout RuleState, at base: Int, day: Int, shift: ShiftType?) -> Bool {
        guard let shift else { return true }
        if state[base] != Self.none, shift.absoluteStart - state[base] < restMinutes { return false }
        state[base] = shift.absoluteEnd
        return true
    }

    public func simplify(_ state: inout RuleState, at base: Int, after day: Int) {
        guard state[base] != Self.none else { return }
        let next = earliestFrom[day + 1]
        if next == Int.max || next - state[base] >= restMinutes { state[base] = Self.none }
    }

    /// Clique rows: for each end time e on day d, the shifts of d ending at or after e and the later
    /// shifts starting less than `min_rest` after e cannot both be worked.
    public func addRows(agent a: Int, perDay: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem, model: inout LinearModel) {
        let types = problem.shiftTypes
        for d in 0..<TimeGrid.days where !perDay[d].isEmpty {
            // Each later day on its own: shifts on two later days may well be worked together.
            for d2 in (d + 1)..<min(TimeGrid.days, d + 3) where !perDay[d2].isEmpty {
                let ends = Set(perDay[d].map { types[$0.type].absoluteEnd }).sorted(by: >)
                var rows: [(end: Int, members: [LinearModel.VariableID], key: Set<Int>)] = []
                for e in ends {
                    let second = perDay[d2].filter { types[$0.type].absoluteStart - e < restMinutes }
                    guard !second.isEmpty else { continue }
                    let first = perDay[d].filter { types[$0.type].absoluteEnd >= e }.map(\.variable)
                    let key = Set(second.map(\.type))
                    // A row whose conflict set equals the next (smaller) threshold's is dominated by it.
                    if let last = rows.last, last.key == key { rows.removeLast() }
                    rows.append((e, first + second.map(\.variable), key))
                }
                for row in rows {
                    model.addConstraint("rest_a\(a)_d\(d)_d\(d2)_e\(row.end)", row.members.map { ($0, 1) }, .lessOrEqual, 1)
                }
            }
        }
    }

    public func explain(problem: RosterProblem) -> String {
        Texts.current(.roMinRest, RuleWording.hours(restMinutes))
    }
}
