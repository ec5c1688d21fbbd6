public import Core

/// Turns a forecast into agents needed per interval (SPEC §5).
public struct StaffingCalculator: Sendable {
    public let policy: StaffingPolicy
    public let intervalMinutes: Int

    /// Relative tolerance for "meets the target": ties count as met.
    public static let tolerance = 1e-9

    public init(policy: StaffingPolicy, intervalMinutes: Int) {
        self.policy = policy
        self.intervalMinutes = intervalMinutes
    }

    /// The requirement for every interval of the scenario's week.
    ///
    /// - Complexity: O(Σ agents needed) — each interval walks the Erlang B recursion once.
    public static func requirements(for scenario: Scenario) -> [IntervalRequirement] {
        let calculator = StaffingCalculator(policy: scenario.staffing, intervalMinutes: scenario.grid.intervalMinutes)
        switch scenario.demand {
        case .forecast(let intervals):
            return intervals.enumerated().map { index, interval in
                calculator.requirement(start: scenario.grid.start(of: index), interval: interval)
            }
        case .requirements(let required):
            return required.enumerated().map { index, value in
                IntervalRequirement(start: scenario.grid.start(of: index), contacts: nil, ahtSeconds: nil, workload: nil,
                                    agentsNeeded: nil, agentsScheduled: value, serviceLevel: nil, occupancy: nil)
            }
        }
    }

    /// The requirement of one interval.
    public func requirement(start: LocalDateTime, interval: ForecastInterval) -> IntervalRequirement {
        guard interval.contacts.isPositive, interval.ahtSeconds.isPositive else {
            return IntervalRequirement(start: start, contacts: interval.contacts, ahtSeconds: interval.ahtSeconds, workload: 0,
                                       agentsNeeded: 0, agentsScheduled: 0, serviceLevel: nil, occupancy: nil)
        }
        let need = agentsNeeded(contacts: interval.contacts, ahtSeconds: interval.ahtSeconds)
        return IntervalRequirement(
            start: start, contacts: interval.contacts, ahtSeconds: interval.ahtSeconds, workload: need.workload,
            agentsNeeded: need.agents, agentsScheduled: scheduled(agentsNeeded: need.agents),
            serviceLevel: need.serviceLevel, occupancy: need.workload / Double(need.agents)
        )
    }

    /// The least N with N > A, SL(N) ≥ target and A / N ≤ max occupancy, raised to the open minimum.
    ///
    /// The strict and occupancy bounds are computed exactly from the decimal inputs; only the
    /// service-level test uses floating point, with a relative tolerance of 1e-9.
    public func agentsNeeded(contacts: ExactDecimal, ahtSeconds: ExactDecimal) -> (agents: Int, workload: Double, serviceLevel: Double) {
        let seconds = ExactDecimal(intervalMinutes * 60)
        let load = contacts * ahtSeconds                     // contact-seconds, exact
        let workload = load.doubleValue / Double(intervalMinutes * 60)
        // N > A  ⇔  N ≥ floor(load / seconds) + 1.
        let strictFloor = Int(clamping: (load.divided(by: seconds, scale: 0, mode: .floor)?.mantissa ?? 0) + 1)
        // A / N ≤ occ  ⇔  N ≥ load / (occ × seconds), exactly.
        let occupancyFloor = Int(clamping: load.ceilingQuotient(policy.maxOccupancy * seconds) ?? Int128(strictFloor))
        let lowest = max(1, strictFloor, occupancyFloor)

        let target = policy.serviceLevel.doubleValue
        let answer = policy.answerSeconds.doubleValue
        let aht = ahtSeconds.doubleValue
        var b = 1.0
        var n = 0
        // Walk the recursion up to the lowest candidate, then on until the target is met.
        while n < lowest {
            n += 1
            b = workload * b / (Double(n) + workload * b)
        }
        var sl = ErlangC.serviceLevel(agents: n, traffic: workload, answerSeconds: answer, ahtSeconds: aht, blocking: b)
        // Service level tends to 1 as agents grow; the cap only guards against a target of 1 or more,
        // which the scenario loader already refuses.
        let cap = lowest + 100_000
        while sl < target * (1 - StaffingCalculator.tolerance), n < cap {
            n += 1
            b = workload * b / (Double(n) + workload * b)
            sl = ErlangC.serviceLevel(agents: n, traffic: workload, answerSeconds: answer, ahtSeconds: aht, blocking: b)
        }
        if n < policy.minAgentsOpen {
            // Walk on so the reported service level is the one at the staff actually needed.
            while n < policy.minAgentsOpen {
                n += 1
                b = workload * b / (Double(n) + workload * b)
            }
            sl = ErlangC.serviceLevel(agents: n, traffic: workload, answerSeconds: answer, ahtSeconds: aht, blocking: b)
        }
        return (n, workload, sl)
    }

    /// Agents to schedule so that `agentsNeeded` remain after shrinkage: ceil(N / (1 − s)), exactly.
    public func scheduled(agentsNeeded: Int) -> Int {
        guard agentsNeeded > 0 else { return 0 }
        let available = ExactDecimal.one - policy.shrinkage
        return Int(clamping: ExactDecimal(agentsNeeded).ceilingQuotient(available) ?? Int128(agentsNeeded))
    }
}
