import Core

/// Every week an agent's hard rules allow, as layered graphs: the states of the rules' automaton
/// at the start of each day, and for each state the state each choice of the day leads to (a day
/// off, or one of the day's options). Built once per agent (agents with the same rules and options
/// share one), then searched many times with new values: the heuristic's best responses, the
/// pricing of week columns, the diagnosis.
///
/// A rule that holds exactly for the weeks whose shifts all lie in one of a few option sets (the
/// start spread: every start within one window) is not remembered day by day: the graph is one
/// part per set, each built without that rule over the set's options alone, and the best week is
/// the best part's. The parts are far smaller than one graph remembering the earliest and latest
/// start (on a full-time week with 42 options a day: 65 thousand transitions against 874 thousand).
public struct WeekGraph: Sendable {
    /// The options of each day, in the order the values are given.
    public let options: [[ShiftType]]
    let parts: [WeekAutomaton]

    /// Walks the rules over every day.
    ///
    /// - Complexity: O(days × states × options) rule steps per part.
    public init(rules: AgentRules, options: [[ShiftType]]) {
        self.options = options
        guard let (r, sets) = rules.rules.enumerated().lazy.compactMap({ r, rule in rule.optionSets(options).map { (r, $0) } }).first else {
            parts = [WeekAutomaton(rules: rules, options: options, kept: options.map { Array($0.indices) })]
            return
        }
        let rest = rules.without(r)
        // A set inside another finds nothing the larger one does not.
        let kept = sets.enumerated().filter { i, set in
            !sets.enumerated().contains { j, other in
                j != i && zip(set, other).allSatisfy { Set($0).isSubset(of: $1) } && (set != other || j < i)
            }
        }.map(\.element)
        parts = kept.map { WeekAutomaton(rules: rest, options: options, kept: $0) }
    }

    /// Whether any week keeps the rules.
    public var hasAWeek: Bool {
        best(values: options.map { Array(repeating: 0, count: $0.count) }) != nil
    }

    /// The week of highest total value: per day the chosen option's index, or nil for a day off;
    /// nil when the rules admit no week. Ties keep the earlier choice (a day off first, then the
    /// earlier part), so the result is deterministic.
    ///
    /// - Parameter values: per day, one value per option.
    /// - Complexity: O(transitions of the parts).
    public func best(values: [[Double]]) -> [Int?]? {
        guard parts.count > 1 else { return parts.first?.best(values: values)?.week }
        // The parts by their ceiling, highest first (ties in part order): a part whose ceiling cannot beat
        // the week found is not searched.
        let ceilings = parts.map { $0.ceiling(values: values) }
        let order = parts.indices.sorted { (ceilings[$0], -$0) > (ceilings[$1], -$1) }
        var found: (week: [Int?], value: Double, part: Int)?
        for p in order {
            if let found, ceilings[p] < found.value - 1e-9 { break }
            guard let candidate = parts[p].best(values: values) else { continue }
            // Ties keep the earlier part.
            let better = found.map { candidate.value > $0.value + 1e-9 || (candidate.value >= $0.value - 1e-9 && p < $0.part) } ?? true
            if better { found = (candidate.week, candidate.value, p) }
        }
        return found?.week
    }
}

/// One layered graph of an agent's rule states over the days, its transitions stored per day as
/// each state's list of (next state, option): option -1 is the day off, else the option's index
/// in the day's options (only `kept` options appear).
struct WeekAutomaton: Sendable {
    /// States at the start of each day (index 7: the end of the week).
    let stateCounts: [Int]
    /// Per day: state k's transitions are `first[k] ..< first[k + 1]` of `target` and `option`.
    let first: [[Int32]]
    let target: [[Int32]]
    let option: [[Int32]]
    /// Per final state: whether the finished week keeps every rule.
    let accepting: [Bool]

    /// The options each day's transitions use.
    let kept: [[Int]]

    /// At least the value of any week of this part: per day the best of its options or 0 (a day off).
    func ceiling(values: [[Double]]) -> Double {
        var total = 0.0
        for (d, options) in kept.enumerated() {
            var best = 0.0
            for o in options where values[d][o] > best { best = values[d][o] }
            total += best
        }
        return total
    }

    init(rules: AgentRules, options: [[ShiftType]], kept: [[Int]]) {
        self.kept = kept
        var states: [RuleState] = [rules.initial]
        var counts: [Int] = []
        var firsts: [[Int32]] = [], targets: [[Int32]] = [], optionLists: [[Int32]] = []
        for d in 0..<TimeGrid.days {
            counts.append(states.count)
            var index: [RuleState: Int32] = [:]
            var following: [RuleState] = []
            var first: [Int32] = [0], target: [Int32] = [], option: [Int32] = []
            func add(_ s: RuleState?, _ o: Int) {
                guard let s else { return }
                let k: Int32
                if let known = index[s] {
                    k = known
                } else {
                    k = Int32(following.count)
                    index[s] = k
                    following.append(s)
                }
                target.append(k)
                option.append(Int32(o))
            }
            for s in states {
                add(rules.step(s, day: d, shift: nil), -1)
                for o in kept[d] { add(rules.step(s, day: d, shift: options[d][o]), o) }
                first.append(Int32(target.count))
            }
            firsts.append(first)
            targets.append(target)
            optionLists.append(option)
            states = following
        }
        counts.append(states.count)
        stateCounts = counts
        first = firsts
        target = targets
        option = optionLists
        accepting = states.map { rules.accepts($0) }
    }

    /// The best week through this graph and its value; ties keep the earlier transition.
    func best(values: [[Double]]) -> (week: [Int?], value: Double)? {
        let days = TimeGrid.days
        var offset = [0]
        for d in 0..<days { offset.append(offset[d] + stateCounts[d + 1]) }
        var value = [Double](repeating: -.infinity, count: offset[days])
        // Per reached state, the transition that reached it (its index in the day's lists) and the state before.
        var parent = [Int32](repeating: -1, count: offset[days])
        var via = [Int32](repeating: -1, count: offset[days])
        var previous = [0.0]
        for d in 0..<days {
            let base = offset[d]
            let dayValues = values[d]
            first[d].withUnsafeBufferPointer { first in
                target[d].withUnsafeBufferPointer { target in
                    option[d].withUnsafeBufferPointer { option in
                        for k in 0..<stateCounts[d] {
                            let from = previous[k]
                            guard from > -.infinity else { continue }
                            for e in Int(first[k])..<Int(first[k + 1]) {
                                let o = Int(option[e])
                                let v = o < 0 ? from : from + dayValues[o]
                                let t = base + Int(target[e])
                                if v > value[t] + 1e-9 {
                                    value[t] = v
                                    parent[t] = Int32(k)
                                    via[t] = Int32(e)
                                }
                            }
                        }
                    }
                }
            }
            previous = Array(value[base..<offset[d + 1]])
        }
        var bestFinal: Int?
        for k in 0..<stateCounts[days] where accepting[k] && previous[k] > -.infinity {
            if bestFinal.map({ previous[k] > previous[$0] + 1e-9 }) ?? true { bestFinal = k }
        }
        guard let last = bestFinal else { return nil }
        var week = [Int?](repeating: nil, count: days)
        var k = last
        for d in stride(from: days - 1, through: 0, by: -1) {
            let o = Int(option[d][Int(via[offset[d] + k])])
            week[d] = o < 0 ? nil : o
            k = Int(parent[offset[d] + k])
        }
        return (week, previous[last])
    }
}
