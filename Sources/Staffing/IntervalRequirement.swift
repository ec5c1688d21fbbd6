public import Core

/// The staffing need of one interval.
public struct IntervalRequirement: Sendable, Hashable {
    public let start: LocalDateTime
    /// Contacts after `adjust`; nil when the scenario gives requirements directly.
    public let contacts: ExactDecimal?
    public let ahtSeconds: ExactDecimal?
    /// Offered load in Erlangs: contacts × AHT / interval seconds.
    public let workload: Double?
    /// Agents needed on the phones (Erlang C); nil when given directly.
    public let agentsNeeded: Int?
    /// Agents to have on shift and off break: agents needed grossed up for shrinkage.
    public let agentsScheduled: Int
    /// Service level at `agentsNeeded`; nil for closed intervals.
    public let serviceLevel: Double?
    /// Occupancy at `agentsNeeded`; nil for closed intervals.
    public let occupancy: Double?
    /// Erlang A: share of contacts that abandon at `agentsNeeded`; nil under Erlang C and when closed.
    public let abandonRate: Double?

    public init(start: LocalDateTime, contacts: ExactDecimal?, ahtSeconds: ExactDecimal?, workload: Double?, agentsNeeded: Int?,
                agentsScheduled: Int, serviceLevel: Double?, occupancy: Double?, abandonRate: Double? = nil) {
        self.start = start
        self.contacts = contacts
        self.ahtSeconds = ahtSeconds
        self.workload = workload
        self.agentsNeeded = agentsNeeded
        self.agentsScheduled = agentsScheduled
        self.serviceLevel = serviceLevel
        self.occupancy = occupancy
        self.abandonRate = abandonRate
    }

    /// Whether contacts are expected (or agents required) in this interval.
    public var isOpen: Bool {
        if let contacts { return contacts.isPositive }
        return agentsScheduled > 0
    }
}
