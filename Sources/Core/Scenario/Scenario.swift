/// Everything one planning run needs: the week, the demand, the agents and the rules.
///
/// Built by the scenario loader from YAML and CSV files; every value has been validated,
/// so the maths and the model builder can trust it.
public struct Scenario: Sendable {
    public var name: String
    public var grid: TimeGrid
    public var demand: Demand
    public var agents: [Agent]
    public var staffing: StaffingPolicy
    public var shifts: ShiftPolicy
    public var contracts: [Contract]
    public var rules: WorkRules
    public var costs: CostPolicy
    public var solver: SolverSettings
    public var adjust: Adjustment
    public var bonus: BonusReference?
    /// The files the scenario was built from, in the order they were read (for hashing and reports).
    public var sourceFiles: [String]
    /// Shifts to keep exactly (`--pin`), a hard rule (SPEC §6).
    public var pins: [PlannedShift] = []
    /// The roster every change is priced against (`--baseline`); nil when none is given.
    public var baseline: [PlannedShift]?
    /// The files `baseline` and `pins` were read from (recorded with the run as the roles `baseline` and `pins`).
    public var baselineFile: String?
    public var pinFiles: [String] = []

    public init(
        name: String, grid: TimeGrid, demand: Demand, agents: [Agent], staffing: StaffingPolicy,
        shifts: ShiftPolicy, contracts: [Contract], rules: WorkRules, costs: CostPolicy,
        solver: SolverSettings, adjust: Adjustment, bonus: BonusReference?, sourceFiles: [String]
    ) {
        self.name = name
        self.grid = grid
        self.demand = demand
        self.agents = agents
        self.staffing = staffing
        self.shifts = shifts
        self.contracts = contracts
        self.rules = rules
        self.costs = costs
        self.solver = solver
        self.adjust = adjust
        self.bonus = bonus
        self.sourceFiles = sourceFiles
    }

    /// The contract with this name.
    public func contract(named name: String) -> Contract? {
        contracts.first { $0.name == name }
    }
}

/// What has to be covered: a contact forecast (Erlang C applies) or agents already known.
public enum Demand: Sendable {
    /// One entry per interval of the grid; closed intervals have zero contacts.
    case forecast([ForecastInterval])
    /// Agents to have on shift and off break, one entry per interval of the grid.
    case requirements([Int])
}

/// Expected contacts in one interval, after the scenario's `adjust` factors.
public struct ForecastInterval: Sendable, Hashable {
    public var contacts: ExactDecimal
    /// Average handle time in seconds; meaningful only when contacts > 0.
    public var ahtSeconds: ExactDecimal

    public init(contacts: ExactDecimal, ahtSeconds: ExactDecimal) {
        self.contacts = contacts
        self.ahtSeconds = ahtSeconds
    }

    public static let closed = ForecastInterval(contacts: .zero, ahtSeconds: .zero)
}

/// Service targets and the allowances that turn agents needed into agents to schedule.
public struct StaffingPolicy: Sendable, Hashable {
    /// Share of contacts to answer within `answerSeconds` (0–1).
    public var serviceLevel: ExactDecimal
    public var answerSeconds: ExactDecimal
    /// Highest allowed workload ÷ agents (0–1].
    public var maxOccupancy: ExactDecimal
    /// Share of on-shift, off-break time lost to absence, meetings, coaching [0–1).
    public var shrinkage: ExactDecimal
    /// Floor for any interval with contacts.
    public var minAgentsOpen: Int
    /// The queue: Erlang C (nobody hangs up) or Erlang A (exponential patience, SPEC §5.1).
    public var model: QueueModel
    /// Erlang A: mean patience of a waiting contact.
    public var patienceSeconds: ExactDecimal?
    /// Erlang A: the highest share of contacts allowed to abandon, when set.
    public var maxAbandonRate: ExactDecimal?
    /// Contacts one agent serves at once (chat): the interval is staffed as agents × concurrency servers.
    public var concurrency: Int

    public init(serviceLevel: ExactDecimal, answerSeconds: ExactDecimal, maxOccupancy: ExactDecimal, shrinkage: ExactDecimal, minAgentsOpen: Int,
                model: QueueModel = .erlangC, patienceSeconds: ExactDecimal? = nil, maxAbandonRate: ExactDecimal? = nil, concurrency: Int = 1) {
        self.serviceLevel = serviceLevel
        self.answerSeconds = answerSeconds
        self.maxOccupancy = maxOccupancy
        self.shrinkage = shrinkage
        self.minAgentsOpen = minAgentsOpen
        self.model = model
        self.patienceSeconds = patienceSeconds
        self.maxAbandonRate = maxAbandonRate
        self.concurrency = concurrency
    }
}

/// How waiting contacts behave.
public enum QueueModel: String, Sendable, Hashable, CaseIterable {
    /// Everyone waits as long as it takes.
    case erlangC = "erlang_c"
    /// Waiting contacts hang up after an exponential patience.
    case erlangA = "erlang_a"
}

/// A break every agent on a long enough shift takes once.
public struct BreakRule: Sendable, Hashable {
    public var name: String
    public var minutes: Int
    public var paid: Bool
    /// Shifts shorter than this (in minutes) have no such break.
    public var minShiftMinutes: Int
    /// The break starts at least this many minutes after the shift starts.
    public var earliestAfterMinutes: Int
    /// The break ends at least this many minutes before the shift ends.
    public var latestBeforeEndMinutes: Int

    public init(name: String, minutes: Int, paid: Bool, minShiftMinutes: Int, earliestAfterMinutes: Int, latestBeforeEndMinutes: Int) {
        self.name = name
        self.minutes = minutes
        self.paid = paid
        self.minShiftMinutes = minShiftMinutes
        self.earliestAfterMinutes = earliestAfterMinutes
        self.latestBeforeEndMinutes = latestBeforeEndMinutes
    }

    /// Whether a shift of `shiftMinutes` takes this break.
    public func applies(toShiftMinutes shiftMinutes: Int) -> Bool { shiftMinutes >= minShiftMinutes }
}

/// The shapes shifts can take.
public struct ShiftPolicy: Sendable, Hashable {
    /// Allowed shift lengths on site, breaks included, in minutes.
    public var lengthsMinutes: [Int]
    public var startStepMinutes: Int
    public var earliestStart: ClockTime
    /// May lie past midnight (`26:00`).
    public var latestEnd: ClockTime
    public var breaks: [BreakRule]

    public init(lengthsMinutes: [Int], startStepMinutes: Int, earliestStart: ClockTime, latestEnd: ClockTime, breaks: [BreakRule]) {
        self.lengthsMinutes = lengthsMinutes
        self.startStepMinutes = startStepMinutes
        self.earliestStart = earliestStart
        self.latestEnd = latestEnd
        self.breaks = breaks
    }

    /// Paid minutes of a shift: its length less the unpaid breaks it takes.
    public func paidMinutes(shiftMinutes: Int) -> Int {
        shiftMinutes - breaks.filter { !$0.paid && $0.applies(toShiftMinutes: shiftMinutes) }.reduce(0) { $0 + $1.minutes }
    }
}

/// Weekly limits of an employment contract.
public struct Contract: Sendable, Hashable {
    public var name: String
    /// Paid hours per week, inclusive bounds, in minutes.
    public var minMinutes: Int
    public var maxMinutes: Int
    public var maxDays: Int
    /// Allowed shift lengths for this contract, in minutes.
    public var lengthsMinutes: [Int]

    public init(name: String, minMinutes: Int, maxMinutes: Int, maxDays: Int, lengthsMinutes: [Int]) {
        self.name = name
        self.minMinutes = minMinutes
        self.maxMinutes = maxMinutes
        self.maxDays = maxDays
        self.lengthsMinutes = lengthsMinutes
    }
}

/// A shift as another roster states it (a `--baseline` roster or a `--pin` file), placed in the week.
public struct PlannedShift: Sendable, Hashable {
    public let agentID: String
    /// The day of the week it starts on (0 = the week's Monday).
    public let day: Int
    /// Minutes after that day's midnight (0..<1440).
    public let startMinute: Int
    public let lengthMinutes: Int
    /// Its breaks, as minutes after the shift's start and lengths; nil when the file gives none.
    public let breaks: [PlannedBreak]?
    /// The file and line it was read from, for messages.
    public let source: SourceLocation

    public init(agentID: String, day: Int, startMinute: Int, lengthMinutes: Int, breaks: [PlannedBreak]?, source: SourceLocation) {
        self.agentID = agentID
        self.day = day
        self.startMinute = startMinute
        self.lengthMinutes = lengthMinutes
        self.breaks = breaks
        self.source = source
    }

    /// Start and end as the grid file writes them, e.g. `20:00-02:00`.
    public var hoursText: String {
        ClockTime(minutes: startMinute % 1440).wallClock + "-" + ClockTime(minutes: (startMinute + lengthMinutes) % 1440).wallClock
    }
}

/// A break of a planned shift.
public struct PlannedBreak: Sendable, Hashable {
    public let offsetMinutes: Int
    public let minutes: Int

    public init(offsetMinutes: Int, minutes: Int) {
        self.offsetMinutes = offsetMinutes
        self.minutes = minutes
    }
}

/// Working-time rules between shifts.
public struct WorkRules: Sendable, Hashable {
    public var minRestMinutes: Int
    public var maxConsecutiveDays: Int
    /// When set, each agent's week holds a run of at least this many days off.
    public var minDaysOffInARow: Int?
    /// When set, an agent's shift starts (time of day) within the week differ by at most this.
    public var maxStartVariationMinutes: Int?

    public init(minRestMinutes: Int, maxConsecutiveDays: Int, minDaysOffInARow: Int? = nil, maxStartVariationMinutes: Int? = nil) {
        self.minRestMinutes = minRestMinutes
        self.maxConsecutiveDays = maxConsecutiveDays
        self.minDaysOffInARow = minDaysOffInARow
        self.maxStartVariationMinutes = maxStartVariationMinutes
    }
}

/// The prices the roster trades off.
public struct CostPolicy: Sendable, Hashable {
    public var currency: String
    public var understaffingPerAgentHour: ExactDecimal
    public var overstaffingPerAgentHour: ExactDecimal
    public var preferenceWeight: ExactDecimal
    /// Per unit of spread (within a contract) in late shifts and in weekend days worked.
    public var fairnessWeight: ExactDecimal
    /// A shift ending after this time of day (minutes), or past midnight, is a late shift.
    public var lateShiftAfterMinutes: Int
    /// Per agent-day that differs from the `--baseline` roster.
    public var changeWeight: ExactDecimal

    public init(currency: String, understaffingPerAgentHour: ExactDecimal, overstaffingPerAgentHour: ExactDecimal, preferenceWeight: ExactDecimal,
                fairnessWeight: ExactDecimal = .zero, lateShiftAfterMinutes: Int = 21 * 60, changeWeight: ExactDecimal = .zero) {
        self.currency = currency
        self.understaffingPerAgentHour = understaffingPerAgentHour
        self.overstaffingPerAgentHour = overstaffingPerAgentHour
        self.preferenceWeight = preferenceWeight
        self.fairnessWeight = fairnessWeight
        self.lateShiftAfterMinutes = lateShiftAfterMinutes
        self.changeWeight = changeWeight
    }
}

/// Limits for the MIP solver.
public struct SolverSettings: Sendable, Hashable {
    public var timeLimitSeconds: ExactDecimal
    public var mipGap: ExactDecimal

    public init(timeLimitSeconds: ExactDecimal, mipGap: ExactDecimal) {
        self.timeLimitSeconds = timeLimitSeconds
        self.mipGap = mipGap
    }
}

/// What-if factors applied to the forecast.
public struct Adjustment: Sendable, Hashable {
    public var volumeFactor: ExactDecimal
    public var ahtFactor: ExactDecimal

    public init(volumeFactor: ExactDecimal = .one, ahtFactor: ExactDecimal = .one) {
        self.volumeFactor = volumeFactor
        self.ahtFactor = ahtFactor
    }
}

/// A bonus plan and metrics file that a scenario carries for roster-and-bonus what-ifs.
public struct BonusReference: Sendable, Hashable {
    public var planPath: String
    public var metricsPath: String
    public var period: String
    /// Apply the plan to metrics projected from the scenario's own roster (SPEC §8): `hours_worked` and
    /// `contacts_handled` from the roster, everything else from the metrics file.
    public var project: Bool

    public init(planPath: String, metricsPath: String, period: String, project: Bool = false) {
        self.planPath = planPath
        self.metricsPath = metricsPath
        self.period = period
        self.project = project
    }
}
