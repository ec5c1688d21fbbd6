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
        let need = staffing(contacts: interval.contacts, ahtSeconds: interval.ahtSeconds)
        return IntervalRequirement(
            start: start, contacts: interval.contacts, ahtSeconds: interval.ahtSeconds, workload: need.workload,
            agentsNeeded: need.agents, agentsScheduled: scheduled(agentsNeeded: need.agents),
            serviceLevel: need.serviceLevel, occupancy: need.occupancy, abandonRate: need.abandonRate
        )
    }

    /// Agents needed in one interval under the policy's queue model and concurrency, with the
    /// service level, occupancy and (Erlang A) abandonment at that many agents.
    public func staffing(contacts: ExactDecimal, ahtSeconds: ExactDecimal)
        -> (agents: Int, workload: Double, serviceLevel: Double, occupancy: Double, abandonRate: Double?) {
        let c = max(1, policy.concurrency)
        if policy.model == .erlangC, c == 1 {
            // The exact Erlang C path (occupancy bound in decimals), unchanged.
            let need = agentsNeeded(contacts: contacts, ahtSeconds: ahtSeconds, openMinimum: true)
            return (need.agents, need.workload, need.serviceLevel, need.workload / Double(need.agents), nil)
        }
        let servers: Int
        switch policy.model {
        case .erlangC:
            servers = agentsNeeded(contacts: contacts, ahtSeconds: ahtSeconds, openMinimum: false).agents
        case .erlangA:
            servers = erlangAServers(contacts: contacts, ahtSeconds: ahtSeconds)
        }
        // Agents = ceil(servers / c), then the open minimum; the measures are those of agents × c servers.
        let agents = max((servers + c - 1) / c, policy.minAgentsOpen)
        let m = measures(servers: agents * c, contacts: contacts, ahtSeconds: ahtSeconds)
        return (agents, m.workload, m.serviceLevel, m.occupancy, m.abandonRate)
    }

    /// Service level, occupancy and abandonment of `servers` servers for one interval's contacts.
    public func measures(servers: Int, contacts: ExactDecimal, ahtSeconds: ExactDecimal)
        -> (workload: Double, serviceLevel: Double, occupancy: Double, abandonRate: Double?) {
        let seconds = Double(intervalMinutes * 60)
        let workload = (contacts * ahtSeconds).doubleValue / seconds
        let answer = policy.answerSeconds.doubleValue
        let aht = ahtSeconds.doubleValue
        switch policy.model {
        case .erlangC:
            let sl = ErlangC.serviceLevel(agents: servers, traffic: workload, answerSeconds: answer, ahtSeconds: aht)
            return (workload, sl, servers > 0 ? workload / Double(servers) : 0, nil)
        case .erlangA:
            let m = ErlangA.measures(servers: servers, arrivalRate: contacts.doubleValue / seconds, ahtSeconds: aht,
                                     patienceSeconds: policy.patienceSeconds?.doubleValue ?? .infinity, answerSeconds: answer)
            let carried = workload * (1 - m.abandonProbability)
            return (workload, m.serviceLevel, servers > 0 ? carried / Double(servers) : 0, m.abandonProbability)
        }
    }

    /// Erlang A: the least number of servers whose service level (over all arrivals) meets the target,
    /// whose occupancy (carried load ÷ servers) is within the maximum and, when set, whose abandonment is
    /// within `max_abandon_rate`; ties count as met. Each measure is monotone in the servers, so the
    /// least is found by doubling and bisection.
    func erlangAServers(contacts: ExactDecimal, ahtSeconds: ExactDecimal) -> Int {
        let target = policy.serviceLevel.doubleValue
        let occupancy = policy.maxOccupancy.doubleValue
        let abandon = policy.maxAbandonRate?.doubleValue
        let tol = StaffingCalculator.tolerance
        func meets(_ n: Int) -> Bool {
            let m = measures(servers: n, contacts: contacts, ahtSeconds: ahtSeconds)
            if m.serviceLevel < target * (1 - tol) { return false }
            if m.occupancy > occupancy * (1 + tol) { return false }
            if let abandon, let rate = m.abandonRate, rate > abandon * (1 + tol) { return false }
            return true
        }
        let workload = (contacts * ahtSeconds).doubleValue / Double(intervalMinutes * 60)
        // Served contacts are at most N/A of the arrivals, so fewer than target × A servers never meet it.
        var low = max(0, Int((target * workload * (1 - tol)).rounded(.down)) - 1)
        var high = low + 1
        while !meets(high) {
            low = high
            high *= 2
            if high > 50_000_000 { return high }
        }
        // The least N in (low, high] that meets every condition.
        while high - low > 1 {
            let mid = low + (high - low) / 2
            if meets(mid) { high = mid } else { low = mid }
        }
        return high
    }

    /// Erlang C: the least N with N > A, SL(N) ≥ target and A / N ≤ max occupancy, raised to the open minimum.
    public func agentsNeeded(contacts: ExactDecimal, ahtSeconds: ExactDecimal) -> (agents: Int, workload: Double, serviceLevel: Double) {
        agentsNeeded(contacts: contacts, ahtSeconds: ahtSeconds, openMinimum: true)
    }

    /// Erlang C: the least N with N > A, SL(N) ≥ target and A / N ≤ max occupancy, raised to the open
    /// minimum when asked.
    ///
    /// The strict and occupancy bounds are computed exactly from the decimal inputs; only the
    /// service-level test uses floating point, with a relative tolerance of 1e-9.
    func agentsNeeded(contacts: ExactDecimal, ahtSeconds: ExactDecimal, openMinimum: Bool) -> (agents: Int, workload: Double, serviceLevel: Double) {
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
        if openMinimum, n < policy.minAgentsOpen {
            // Walk on so the reported service level is the one at the staff actually needed.
            while n < policy.minAgentsOpen {
                n += 1
                b = workload * b / (Double(n) + workload * b)
            }
            sl = ErlangC.serviceLevel(agents: n, traffic: workload, answerSeconds: answer, ahtSeconds: aht, blocking: b)
        }
        return (n, workload, sl)
    }

    /// Projected service level (and, under Erlang A, abandonment) of `effectiveAgents` agents on the
    /// phones for one interval (SPEC §5.2): the model at floor and ceil of the servers (agents ×
    /// concurrency), interpolated linearly; under Erlang C a staff level at or below the load scores 0.
    public func projected(effectiveAgents e: Double, contacts: ExactDecimal, ahtSeconds: ExactDecimal) -> (serviceLevel: Double, abandonRate: Double?) {
        let servers = e * Double(max(1, policy.concurrency))
        let seconds = Double(intervalMinutes * 60)
        let workload = (contacts * ahtSeconds).doubleValue / seconds
        switch policy.model {
        case .erlangC:
            return (ErlangC.projectedServiceLevel(effectiveAgents: servers, traffic: workload, answerSeconds: policy.answerSeconds.doubleValue,
                                                  ahtSeconds: ahtSeconds.doubleValue), nil)
        case .erlangA:
            guard contacts.isPositive else { return (1, 0) }
            let low = Int(servers.rounded(.down)), high = Int(servers.rounded(.up))
            let a = measures(servers: low, contacts: contacts, ahtSeconds: ahtSeconds)
            if high == low { return (a.serviceLevel, a.abandonRate) }
            let b = measures(servers: high, contacts: contacts, ahtSeconds: ahtSeconds)
            let w = servers - Double(low)
            return (a.serviceLevel + (b.serviceLevel - a.serviceLevel) * w, (a.abandonRate ?? 1) + ((b.abandonRate ?? 1) - (a.abandonRate ?? 1)) * w)
        }
    }

    /// Agents to schedule so that `agentsNeeded` remain after shrinkage: ceil(N / (1 − s)), exactly.
    public func scheduled(agentsNeeded: Int) -> Int {
        guard agentsNeeded > 0 else { return 0 }
        let available = ExactDecimal.one - policy.shrinkage
        return Int(clamping: ExactDecimal(agentsNeeded).ceilingQuotient(available) ?? Int128(agentsNeeded))
    }
}
