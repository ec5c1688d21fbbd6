import Core

/// Every week an agent's hard rules allow, as a layered graph: the states of the rules'
/// automaton at the start of each day, and for each state the state each choice of the day leads
/// to (a day off, or one of the day's options). Built once per agent (agents with the same rules
/// and options share one), then searched many times with new values: the heuristic's best
/// responses, the pricing of week columns, the diagnosis.
public struct WeekGraph: Sendable {
    /// The options of each day, in the order the values are given.
    public let options: [[ShiftType]]
    /// States at the start of each day (index 7: the end of the week).
    let stateCounts: [Int]
    /// Per day: for state k, entry k × (options + 1) is the state after a day off, entry
    /// k × (options + 1) + 1 + o the state after option o; -1 where a rule breaks.
    let next: [[Int32]]
    /// Per final state: whether the finished week keeps every rule.
    let accepting: [Bool]

    /// Walks the rules over every day.
    ///
    /// - Complexity: O(days × states × options) rule steps.
    public init(rules: AgentRules, options: [[ShiftType]]) {
        self.options = options
        var states: [RuleState] = [rules.initial]
        var counts: [Int] = []
        var next: [[Int32]] = []
        for d in 0..<TimeGrid.days {
            counts.append(states.count)
            var index: [RuleState: Int32] = [:]
            var following: [RuleState] = []
            let width = options[d].count + 1
            var row = [Int32](repeating: -1, count: states.count * width)
            func target(_ s: RuleState?) -> Int32 {
                guard let s else { return -1 }
                if let k = index[s] { return k }
                let k = Int32(following.count)
                index[s] = k
                following.append(s)
                return k
            }
            for (k, s) in states.enumerated() {
                row[k * width] = target(rules.step(s, day: d, shift: nil))
                for (o, type) in options[d].enumerated() {
                    row[k * width + 1 + o] = target(rules.step(s, day: d, shift: type))
                }
            }
            next.append(row)
            states = following
        }
        counts.append(states.count)
        stateCounts = counts
        self.next = next
        accepting = states.map { rules.accepts($0) }
    }

    /// Whether any week keeps the rules.
    public var hasAWeek: Bool {
        best(values: options.map { Array(repeating: 0, count: $0.count) }) != nil
    }

    /// The week of highest total value: per day the chosen option's index, or nil for a day off;
    /// nil when the rules admit no week. Ties keep the earlier choice (a day off first), so the
    /// result is deterministic.
    ///
    /// - Parameter values: per day, one value per option.
    /// - Complexity: O(edges of the graph).
    public func best(values: [[Double]]) -> [Int?]? {
        var value = [Double](repeating: 0, count: 1)
        var parents: [[Int32]] = []
        var choices: [[Int32]] = []
        for d in 0..<TimeGrid.days {
            let width = options[d].count + 1
            let count = stateCounts[d + 1]
            var nextValue = [Double](repeating: -.infinity, count: count)
            var parent = [Int32](repeating: -1, count: count)
            var choice = [Int32](repeating: -1, count: count)
            let row = next[d]
            let dayValues = values[d]
            for k in 0..<stateCounts[d] where value[k] > -.infinity {
                let base = value[k]
                for c in 0..<width {
                    let t = Int(row[k * width + c])
                    guard t >= 0 else { continue }
                    let v = c == 0 ? base : base + dayValues[c - 1]
                    if v > nextValue[t] + 1e-9 {
                        nextValue[t] = v
                        parent[t] = Int32(k)
                        choice[t] = Int32(c)
                    }
                }
            }
            parents.append(parent)
            choices.append(choice)
            value = nextValue
        }
        var bestFinal: Int?
        for k in 0..<stateCounts[TimeGrid.days] where accepting[k] && value[k] > -.infinity {
            if bestFinal.map({ value[k] > value[$0] + 1e-9 }) ?? true { bestFinal = k }
        }
        guard var k = bestFinal else { return nil }
        var week = [Int?](repeating: nil, count: TimeGrid.days)
        for d in stride(from: TimeGrid.days - 1, through: 0, by: -1) {
            let c = Int(choices[d][k])
            week[d] = c > 0 ? c - 1 : nil
            k = Int(parents[d][k])
        }
        return week
    }
}
