public import Core
public import Staffing

/// The measures a what-if comparison puts side by side (SPEC §8), for one scenario's roster.
public struct ScenarioMeasures: Sendable {
    public let contacts: ExactDecimal
    /// Σ agents_scheduled × interval hours.
    public let requiredAgentHours: ExactDecimal
    public let paidHours: ExactDecimal
    public let labourCost: ExactDecimal
    public let understaffedAgentHours: ExactDecimal
    public let serviceLevelWeek: Double?
    /// The lowest daily projected service level among days with contacts.
    public let serviceLevelWorstDay: Double?
    /// Contact-weighted mean of workload ÷ effective agents over intervals with contacts (each
    /// interval's ratio capped at 1: agents cannot be busier than all the time).
    public let occupancy: Double?
    /// Labour cost ÷ contacts; nil without contacts.
    public let costPerContact: ExactDecimal?
    public let solverGap: Double
    /// The scenario's bonus total, when it configures a bonus.
    public let bonusTotal: ExactDecimal?
    /// Agents in the scenario (hires included).
    public var agents: Int = 0
    public var overstaffedAgentHours: ExactDecimal = .zero
    /// Contact-weighted projected abandonment over the week (Erlang A only).
    public var abandonRate: Double?
    /// `optimal` or `feasible`.
    public var solverStatus: String = ""
    /// objective − bound, in money: how much cheaper a roster could still be.
    public var gapAmount: Double = 0

    public init(requirements: [IntervalRequirement], evaluation: RosterEvaluation, grid: TimeGrid, solverGap: Double, bonusTotal: ExactDecimal? = nil) {
        var contacts = ExactDecimal.zero
        var scheduled = 0
        var weighted = 0.0
        var weight = 0.0
        for (i, r) in requirements.enumerated() {
            scheduled += r.agentsScheduled
            guard let c = r.contacts, c.isPositive, let workload = r.workload else { continue }
            contacts += c
            let effective = evaluation.intervals.indices.contains(i) ? evaluation.intervals[i].effective : 0
            let ratio = effective > 0 ? min(1, workload / effective) : 1
            weighted += ratio * c.doubleValue
            weight += c.doubleValue
        }
        self.contacts = contacts
        requiredAgentHours = ExactDecimal(scheduled) * grid.intervalHours
        paidHours = ExactDecimal(evaluation.paidMinutes).divided(by: 60, scale: 6, mode: .halfEven) ?? .zero
        labourCost = evaluation.labourCost
        understaffedAgentHours = evaluation.understaffedAgentHours
        serviceLevelWeek = evaluation.serviceLevelWeek
        serviceLevelWorstDay = evaluation.serviceLevelByDay.compactMap { $0 }.min()
        occupancy = weight > 0 ? weighted / weight : nil
        costPerContact = contacts.isPositive ? evaluation.labourCost.divided(by: contacts, scale: 6, mode: .halfEven) : nil
        self.solverGap = solverGap
        self.bonusTotal = bonusTotal
        overstaffedAgentHours = evaluation.overstaffedAgentHours
        var abandoned = 0.0, offered = 0.0
        for (i, r) in requirements.enumerated() {
            guard let c = r.contacts, c.isPositive, evaluation.intervals.indices.contains(i), let a = evaluation.intervals[i].abandonRate else { continue }
            abandoned += a * c.doubleValue
            offered += c.doubleValue
        }
        abandonRate = offered > 0 ? abandoned / offered : nil
    }
}
