public import Core

/// Explains, in words, why an agent's own hard rules admit no week at all.
///
/// Coverage is priced, never required, so the roster is infeasible exactly when some agent has no
/// week that keeps its contract, windows, availability, rest and consecutive-day rules. Each agent
/// is checked exactly (the same dynamic programme the heuristic uses), and the reason is found by
/// relaxing one rule at a time.
public enum RosterDiagnosis {
    public static func reasons(problem: RosterProblem) -> [String] {
        let heuristic = RosterHeuristic(problem: problem)
        let scenario = problem.scenario
        let free = Array(repeating: 0, count: problem.grid.intervalCount)
        var reasons: [String] = []
        for (a, agent) in scenario.agents.enumerated() {
            guard heuristic.bestWeek(agent: a, coverage: free) == nil else { continue }
            guard let contract = scenario.contract(named: agent.contract) else { continue }
            reasons.append("agent \(agent.id): " + explain(agent: a, contract: contract, problem: problem, heuristic: heuristic))
        }
        return reasons
    }

    static func explain(agent a: Int, contract: Contract, problem: RosterProblem, heuristic: RosterHeuristic) -> String {
        let agent = problem.scenario.agents[a]
        let types = problem.options[a].map { problem.shiftTypes[$0] }
        let minText = hours(contract.minMinutes)
        if types.isEmpty {
            let available = (0..<TimeGrid.days).filter { !agent.isUnavailable(on: problem.grid.date(ofDay: $0)) }.count
            if available == 0 {
                return "contract \(contract.name) needs ≥ \(minText) but the agent is unavailable every day of the week"
            }
            let window = "\(agent.earliestStart ?? problem.scenario.shifts.earliestStart)–\(agent.latestEnd ?? problem.scenario.shifts.latestEnd)"
            let lengths = contract.lengthsMinutes.map(hours).joined(separator: ", ")
            return "contract \(contract.name) needs ≥ \(minText) but no shift of its lengths (\(lengths)) fits the window \(window) on the start grid"
        }
        var bestPerDay: [Int: Int] = [:]
        for t in types { bestPerDay[t.day] = max(bestPerDay[t.day] ?? 0, t.paidMinutes) }
        let days = bestPerDay.count
        let usable = min(days, contract.maxDays)
        let most = bestPerDay.values.sorted(by: >).prefix(usable).reduce(0, +)
        if most < contract.minMinutes {
            let limit = days <= contract.maxDays ? "only \(days) day\(days == 1 ? " is" : "s are") available" : "max_days is \(contract.maxDays)"
            return "contract \(contract.name) needs ≥ \(minText) but \(limit) (at most \(hours(most)) with the longest allowed shifts)"
        }
        let free = Array(repeating: 0, count: problem.grid.intervalCount)
        if heuristic.bestWeek(agent: a, coverage: free, restMinutes: 0, maxConsecutiveDays: 7) != nil {
            if heuristic.bestWeek(agent: a, coverage: free, restMinutes: 0) != nil {
                return "contract \(contract.name) needs ≥ \(minText), which cannot be reached while keeping min_rest_hours \(hours(problem.scenario.rules.minRestMinutes)) between shifts"
            }
            return "contract \(contract.name) needs ≥ \(minText), which cannot be reached within max_consecutive_days \(problem.scenario.rules.maxConsecutiveDays)"
        }
        let paid = Set(types.map(\.paidMinutes)).sorted().map(hours).joined(separator: ", ")
        return "contract \(contract.name) allows \(minText)–\(hours(contract.maxMinutes)) but no combination of shifts paying \(paid) on at most \(usable) days lands in that range"
    }

    static func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }
}
