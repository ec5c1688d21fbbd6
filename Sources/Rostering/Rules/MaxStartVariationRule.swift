import Core
public import LinearModel

/// `max_start_variation_minutes`: the agent's shift starts, as times of day, lie within `spread`
/// minutes of each other (starts lie before 24:00 of their day, so times of day do not wrap).
public struct MaxStartVariationRule: WeekRule {
    public let name = "max_start_variation_minutes"
    public let slots = 1
    public let spread: Int

    public init(spread: Int) {
        self.spread = spread
    }

    static let none = -1

    /// The slot: the earliest and the latest start so far, packed as earliest × 2048 + latest
    /// (-1 before the first shift; starts are minutes of the day, below 2048).
    public func start(_ state: inout RuleState, at base: Int) {
        state[base] = Self.none
    }

    public func step(_ state: inout RuleState, at base: Int, day: Int, shift: ShiftType?) -> Bool {
        guard let shift else { return true }
        let s = shift.startMinute
        let (low, high) = state[base] == Self.none ? (s, s) : (min(state[base] / 2048, s), max(state[base] % 2048, s))
        state[base] = low * 2048 + high
        return high - low <= spread
    }

    /// After the last day only the verdict matters.
    public func simplify(_ state: inout RuleState, at base: Int, after day: Int) {
        if day == TimeGrid.days - 1 { state[base] = Self.none }
    }

    /// The weeks that keep the rule are those whose starts all lie in one window [τ, τ + spread]: a
    /// week's earliest start anchors one. Windows anchored past the latest start less the spread hold
    /// no start the one anchored there lacks, so the windows are those anchored at each start up to
    /// that point and the one ending at the latest start (one set of every option when the starts
    /// never spread that far).
    public func optionSets(_ options: [[ShiftType]]) -> [[[Int]]]? {
        let starts = Set(options.flatMap { $0.map(\.startMinute) }).sorted()
        guard let low = starts.first, let high = starts.last, high - low > spread else { return [options.map { Array($0.indices) }] }
        let anchors = starts.filter { $0 < high - spread } + [high - spread]
        return anchors.map { tau in
            options.map { day in day.indices.filter { day[$0].startMinute >= tau && day[$0].startMinute <= tau + spread } }
        }
    }

    /// Whether the rule can bind at all for these options (their starts span more than the spread).
    public func binds(on options: [ShiftType]) -> Bool {
        guard let low = options.map(\.startMinute).min(), let high = options.map(\.startMinute).max() else { return false }
        return high - low > spread
    }

    /// One binary per window [τ, τ + spread] anchored at each of the agent's start times, at most
    /// one window chosen, and every shift's start inside the chosen window.
    public func addRows(agent a: Int, perDay: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem, model: inout LinearModel) {
        let starts = Set(perDay.flatMap { $0 }.map { problem.shiftTypes[$0.type].startMinute }).sorted()
        guard let low = starts.first, let high = starts.last, high - low > spread else { return }
        var window: [Int: LinearModel.VariableID] = [:]
        for tau in starts { window[tau] = model.addVariable("win_a\(a)_m\(tau)", kind: .binary, upper: 1) }
        model.addConstraint("window_a\(a)", starts.map { (window[$0]!, 1.0) }, .lessOrEqual, 1)
        for d in 0..<TimeGrid.days {
            var byStart: [Int: [LinearModel.VariableID]] = [:]
            for entry in perDay[d] { byStart[problem.shiftTypes[entry.type].startMinute, default: []].append(entry.variable) }
            for (s, variables) in byStart.sorted(by: { $0.key < $1.key }) {
                let anchors = starts.filter { $0 <= s && s <= $0 + spread }
                model.addConstraint("startwin_a\(a)_d\(d)_m\(s)", variables.map { ($0, 1.0) } + anchors.map { (window[$0]!, -1.0) }, .lessOrEqual, 0)
            }
        }
    }

    /// The window anchored at the week's earliest start.
    public func auxiliaryValues(agent a: Int, week: [ShiftType?], problem: RosterProblem) -> [(name: String, value: Double)] {
        guard let low = week.compactMap({ $0?.startMinute }).min() else { return [] }
        return [("win_a\(a)_m\(low)", 1)]
    }

    public func explain(problem: RosterProblem) -> String {
        Texts.current(.roStartSpread, String(spread), RuleWording.hours(spread))
    }
}
