import Core
import LinearModel

/// A weekly roster: the shifts of named agents, with their breaks.
public struct Roster: Sendable, Hashable {
    public var shifts: [RosteredShift]

    public init(shifts: [RosteredShift]) {
        self.shifts = shifts.sorted { ($0.agentIndex, $0.day) < ($1.agentIndex, $1.day) }
    }
}

/// One agent's shift on one day.
public struct RosteredShift: Sendable, Hashable {
    public let agentIndex: Int
    public let day: Int
    public let startMinute: Int
    public let lengthMinutes: Int
    public let paidMinutes: Int
    public let breaks: [BreakPattern.Placement]

    public init(agentIndex: Int, day: Int, startMinute: Int, lengthMinutes: Int, paidMinutes: Int, breaks: [BreakPattern.Placement]) {
        self.agentIndex = agentIndex
        self.day = day
        self.startMinute = startMinute
        self.lengthMinutes = lengthMinutes
        self.paidMinutes = paidMinutes
        self.breaks = breaks
    }

    public var absoluteStart: Int { day * 1440 + startMinute }
    public var absoluteEnd: Int { absoluteStart + lengthMinutes }
}

extension RosterModel {
    /// Reads a roster from solution values: assignments above one half, break patterns handed out
    /// to the agents of each shift type in agent order.
    public func roster(from values: [Double]) -> Roster {
        var agentsOnType: [Int: [Int]] = [:]
        for (a, t, v) in assignments where values[v.index] > 0.5 {
            agentsOnType[t, default: []].append(a)
        }
        var patternsOnType: [Int: [Int]] = [:]
        for (t, p, v) in breakCounts {
            let count = Int(values[v.index].rounded())
            if count > 0 { patternsOnType[t, default: []] += Array(repeating: p, count: count) }
        }
        var shifts: [RosteredShift] = []
        for (t, agents) in agentsOnType {
            let type = problem.shiftTypes[t]
            var patterns = patternsOnType[t] ?? []
            // Agents whose pins fix the pattern take theirs first; the others share the rest in agent order.
            var fixed: [Int: Int] = [:]
            for a in agents {
                if let p = problem.pinnedPatterns[a][t], let k = patterns.firstIndex(of: p) {
                    fixed[a] = p
                    patterns.remove(at: k)
                }
            }
            var k = 0
            for a in agents.sorted() {
                if let p = fixed[a] {
                    shifts.append(RosteredShift(agentIndex: a, day: type.day, startMinute: type.startMinute, lengthMinutes: type.lengthMinutes,
                                                paidMinutes: type.paidMinutes, breaks: type.breakPatterns[p].placements))
                    continue
                }
                defer { k += 1 }
                let p = k < patterns.count ? patterns[k] : 0
                shifts.append(RosteredShift(agentIndex: a, day: type.day, startMinute: type.startMinute, lengthMinutes: type.lengthMinutes,
                                            paidMinutes: type.paidMinutes, breaks: type.breakPatterns[p].placements))
            }
        }
        return Roster(shifts: shifts)
    }

    /// Whether `candidate` keeps every row of the model and costs less than `current`.
    public func improves(_ candidate: [Double], on current: [Double]) -> Bool {
        model.isFeasible(candidate) && model.objectiveValue(of: candidate) < model.objectiveValue(of: current) - 1e-6
    }

    /// Solution values that put `roster` into this model (for handing a heuristic roster to the solver).
    public func values(for roster: Roster) -> [Double] {
        var values = Array(repeating: 0.0, count: model.variables.count)
        var typeOf: [ShiftKey: Int] = [:]
        for (t, type) in problem.shiftTypes.enumerated() {
            typeOf[ShiftKey(day: type.day, start: type.startMinute, length: type.lengthMinutes)] = t
        }
        var variableOf: [AgentType: LinearModel.VariableID] = [:]
        for (a, t, v) in assignments { variableOf[AgentType(agent: a, type: t)] = v }
        var patternVariable: [TypePattern: LinearModel.VariableID] = [:]
        for (t, p, v) in breakCounts { patternVariable[TypePattern(type: t, pattern: p)] = v }
        var covered = Array(repeating: 0, count: problem.grid.intervalCount)
        let iv = problem.grid.intervalMinutes
        for shift in roster.shifts {
            guard let t = typeOf[ShiftKey(day: shift.day, start: shift.startMinute, length: shift.lengthMinutes)],
                  let v = variableOf[AgentType(agent: shift.agentIndex, type: t)] else { continue }
            values[v.index] = 1
            let type = problem.shiftTypes[t]
            if let p = type.breakPatterns.firstIndex(where: { $0.placements == shift.breaks }), let y = patternVariable[TypePattern(type: t, pattern: p)] {
                values[y.index] += 1
            }
            for i in problem.intervals(of: type) where !type.breakPatterns.isEmpty {
                let offset = i * iv - type.absoluteStart
                if !shift.breaks.contains(where: { offset >= $0.offsetMinutes && offset < $0.offsetMinutes + $0.minutes }) { covered[i] += 1 }
            }
        }
        // The rules' own variables, from each agent's week.
        if !auxiliary.isEmpty {
            var weeks: [[ShiftType?]] = Array(repeating: Array(repeating: nil, count: TimeGrid.days), count: problem.scenario.agents.count)
            for shift in roster.shifts {
                if let t = typeOf[ShiftKey(day: shift.day, start: shift.startMinute, length: shift.lengthMinutes)] { weeks[shift.agentIndex][shift.day] = problem.shiftTypes[t] }
            }
            for rule in problem.softRules {
                for (name, value) in rule.auxiliaryValues(roster, problem: problem) {
                    if let v = auxiliary[name] { values[v.index] = value }
                }
            }
            for a in problem.scenario.agents.indices {
                guard let rules = weekRules[a] else { continue }
                for rule in rules.rules {
                    for (name, value) in rule.auxiliaryValues(agent: a, week: weeks[a], problem: problem) {
                        if let v = auxiliary[name] { values[v.index] = value }
                    }
                }
            }
        }
        for i in 0..<covered.count {
            let gap = problem.required[i] - covered[i]
            if let u = under[i] { values[u.index] = Double(max(0, gap)) }
            if let o = over[i] { values[o.index] = Double(max(0, -gap)) }
        }
        return values
    }
}

struct ShiftKey: Hashable { let day: Int; let start: Int; let length: Int }
struct AgentType: Hashable { let agent: Int; let type: Int }
struct TypePattern: Hashable { let type: Int; let pattern: Int }
