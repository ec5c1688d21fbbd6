/// A named agent who can be rostered.
public struct Agent: Sendable, Hashable {
    /// The longest agent id accepted (in characters): ids name calendar files and payroll rows.
    public static let maxIDLength = 64

    public var id: String
    public var name: String
    public var contract: String
    public var hourlyCost: ExactDecimal
    public var team: String
    public var skills: [String]
    public var unavailableDates: Set<LocalDate>
    public var unavailableWeekdays: Set<Weekday>
    public var preferredDaysOff: Set<Weekday>
    public var preferredStart: ClockTime?
    /// Narrows the scenario's window for this agent.
    public var earliestStart: ClockTime?
    public var latestEnd: ClockTime?
    /// A hypothetical agent added by the scenario's `hires`.
    public var isHypotheticalHire: Bool

    public init(
        id: String, name: String, contract: String, hourlyCost: ExactDecimal, team: String = "", skills: [String] = [],
        unavailableDates: Set<LocalDate> = [], unavailableWeekdays: Set<Weekday> = [], preferredDaysOff: Set<Weekday> = [],
        preferredStart: ClockTime? = nil, earliestStart: ClockTime? = nil, latestEnd: ClockTime? = nil,
        isHypotheticalHire: Bool = false
    ) {
        self.id = id
        self.name = name
        self.contract = contract
        self.hourlyCost = hourlyCost
        self.team = team
        self.skills = skills
        self.unavailableDates = unavailableDates
        self.unavailableWeekdays = unavailableWeekdays
        self.preferredDaysOff = preferredDaysOff
        self.preferredStart = preferredStart
        self.earliestStart = earliestStart
        self.latestEnd = latestEnd
        self.isHypotheticalHire = isHypotheticalHire
    }

    /// Whether the agent cannot work on `date`.
    public func isUnavailable(on date: LocalDate) -> Bool {
        unavailableDates.contains(date) || unavailableWeekdays.contains(date.weekday)
    }
}
