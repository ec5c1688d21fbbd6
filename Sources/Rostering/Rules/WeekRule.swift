import Core
public import LinearModel

/// One hard rule on an agent's week, defined once: the search walks it as a small automaton over
/// the days, the model adds its rows, and the diagnosis names it in words when relaxing it alone
/// makes the agent's week possible (STYLE: one definition per rule; the validator stays apart).
///
/// A rule keeps what it needs to remember in `slots` integers of the search state (paid minutes,
/// days worked, the end of the last shift…). `step` sees each day in order with the shift worked
/// (nil on a day off) and says whether the rule still holds; `accepts` judges the finished week.
public protocol WeekRule: Sendable {
    /// The rule as a person names it, e.g. `min_rest_hours`.
    var name: String { get }
    /// How many integers of the search state the rule uses (0 to 2).
    var slots: Int { get }
    /// The state at the start of the week.
    func start(_ state: inout RuleState, at base: Int)
    /// Day `day` with `shift` worked (nil: off); false when the rule is broken.
    func step(_ state: inout RuleState, at base: Int, day: Int, shift: ShiftType?) -> Bool
    /// Whether the finished week keeps the rule.
    func accepts(_ state: RuleState, at base: Int) -> Bool
    /// Forgets what can no longer matter once `day` is done, so equal futures share one state.
    func simplify(_ state: inout RuleState, at base: Int, after day: Int)
    /// Adds the rule's rows for agent `a`, whose assignment variables per day are `perDay`.
    func addRows(agent a: Int, perDay: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem, model: inout LinearModel)
    /// When the rule holds exactly for the weeks whose shifts all lie in one of a few sets of the
    /// options (per set, per day, the indices of the options kept), those sets: the week graph
    /// then searches each set without the rule instead of remembering it day by day. Nil otherwise.
    func optionSets(_ options: [[ShiftType]]) -> [[[Int]]]?
    /// Why the agent has no week, when this rule alone is what stands in the way.
    func explain(problem: RosterProblem) -> String
    /// Values of the auxiliary variables `addRows` created (by name) that put `week` into the model.
    func auxiliaryValues(agent a: Int, week: [ShiftType?], problem: RosterProblem) -> [(name: String, value: Double)]
}

extension WeekRule {
    public func start(_ state: inout RuleState, at base: Int) {}
    public func accepts(_ state: RuleState, at base: Int) -> Bool { true }
    public func simplify(_ state: inout RuleState, at base: Int, after day: Int) {}
    public func optionSets(_ options: [[ShiftType]]) -> [[[Int]]]? { nil }
    public func auxiliaryValues(agent a: Int, week: [ShiftType?], problem: RosterProblem) -> [(name: String, value: Double)] { [] }
}

/// The search state of all of an agent's rules: up to eight integers.
public struct RuleState: Sendable, Hashable {
    public var values = SIMD8<Int32>(repeating: 0)

    public init() {}

    public subscript(_ slot: Int) -> Int {
        get { Int(values[slot]) }
        set { values[slot] = Int32(clamping: newValue) }
    }
}

/// An agent's hard rules, each given its slots of the search state.
public struct AgentRules: Sendable {
    public let rules: [any WeekRule]
    let bases: [Int]

    public init(_ rules: [any WeekRule]) {
        var bases: [Int] = []
        var next = 0
        for r in rules {
            bases.append(next)
            next += r.slots
        }
        precondition(next <= 8, "at most eight state slots")
        self.rules = rules
        self.bases = bases
    }

    /// The same rules without the one at `index` (for the diagnosis).
    public func without(_ index: Int) -> AgentRules {
        var rest = rules
        rest.remove(at: index)
        return AgentRules(rest)
    }

    public var initial: RuleState {
        var s = RuleState()
        for (r, base) in zip(rules, bases) { r.start(&s, at: base) }
        return s
    }

    /// The state after `day`, or nil when a rule breaks.
    public func step(_ state: RuleState, day: Int, shift: ShiftType?) -> RuleState? {
        var s = state
        for (r, base) in zip(rules, bases) {
            guard r.step(&s, at: base, day: day, shift: shift) else { return nil }
        }
        for (r, base) in zip(rules, bases) { r.simplify(&s, at: base, after: day) }
        return s
    }

    public func accepts(_ state: RuleState) -> Bool {
        zip(rules, bases).allSatisfy { $0.accepts(state, at: $1) }
    }

    /// Which choices on two different days keep every rule, the other days as in `week`: `table[i][j]` for the
    /// i-th of `firstOptions` on `first` (nil: the day off) with the j-th of `secondOptions` on `second` — what
    /// ``holds(for:)`` says of each such week, without walking every week in full: the days before the earlier
    /// day are walked once, each choice there walks on to the later day, and choices that leave the same
    /// state there (the rules remember the same) share what follows; so do the later day's choices after it.
    public func allowed(_ week: [ShiftType?], first: Int, _ firstOptions: [ShiftType?], second: Int, _ secondOptions: [ShiftType?]) -> [[Bool]] {
        precondition(first != second && week.indices.contains(first) && week.indices.contains(second), "two different days of the week")
        guard first < second else {
            let swapped = allowed(week, first: second, secondOptions, second: first, firstOptions)
            return firstOptions.indices.map { i in secondOptions.indices.map { swapped[$0][i] } }
        }
        var table = Array(repeating: Array(repeating: false, count: secondOptions.count), count: firstOptions.count)
        func walk(_ state: RuleState, over days: Range<Int>) -> RuleState? {
            var s = state
            for d in days {
                guard let next = step(s, day: d, shift: week[d]) else { return nil }
                s = next
            }
            return s
        }
        guard let before = walk(initial, over: 0..<first) else { return table }
        // The rest of the week after the later day, per state reached there.
        var rest: [RuleState: Bool] = [:]
        // Per state reached before the later day, which of its choices keep every rule.
        var afterFirst: [RuleState: [Bool]] = [:]
        for (i, option) in firstOptions.enumerated() {
            guard let chosen = step(before, day: first, shift: option), let reached = walk(chosen, over: (first + 1)..<second) else { continue }
            if let known = afterFirst[reached] {
                table[i] = known
                continue
            }
            let row = secondOptions.map { option -> Bool in
                guard let chosen = step(reached, day: second, shift: option) else { return false }
                if let known = rest[chosen] { return known }
                let keeps = walk(chosen, over: (second + 1)..<week.count).map(accepts) ?? false
                rest[chosen] = keeps
                return keeps
            }
            afterFirst[reached] = row
            table[i] = row
        }
        return table
    }

    /// Whether a whole week (one optional shift per day) keeps every rule.
    public func holds(for days: [ShiftType?]) -> Bool {
        var s = initial
        for (d, shift) in days.enumerated() {
            guard let next = step(s, day: d, shift: shift) else { return false }
            s = next
        }
        return accepts(s)
    }
}
