public import Core
public import LinearModel

/// One priced (soft) rule of the objective (SPEC §6), defined once: what one agent working one
/// shift costs under it (the model's coefficients, the heuristic's and the pricing's values), what
/// one agent-interval short of or above the requirement costs, and its exact value on a finished
/// roster — the objective is the sum of those values, each reported by name in `objective_terms`.
public protocol SoftRule: Sendable {
    /// The term's name in `objective_terms`, e.g. `labour cost`.
    var name: String { get }
    /// What agent `a` working shift type `type` adds under this rule, on its own.
    func shiftCost(agent a: Int, type: ShiftType, problem: RosterProblem) -> Double
    /// What one agent-interval below (`short`) or above the requirement costs under this rule.
    func intervalCost(short: Bool, problem: RosterProblem) -> Double
    /// What the rule adds whatever the roster (e.g. the baseline's working days for minimal change).
    func constant(problem: RosterProblem) -> Double
    /// The rule's exact value on a roster whose coverage is `coverage`.
    func value(_ roster: Roster, coverage: CoverageCount, problem: RosterProblem) -> ExactDecimal
    /// Rows and variables of its own in the compact model, for a rule that is not a per-shift cost
    /// (assignment variables per agent in `byAgent`); returns its variables' objective coefficients.
    func addRows(byAgent: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem,
                 model: inout LinearModel) -> [(variable: LinearModel.VariableID, coefficient: Double)]
    /// Values of the variables `addRows` created (by name) that put `roster` into the model.
    func auxiliaryValues(_ roster: Roster, problem: RosterProblem) -> [(name: String, value: Double)]
}

extension SoftRule {
    public func shiftCost(agent a: Int, type: ShiftType, problem: RosterProblem) -> Double { 0 }
    public func intervalCost(short: Bool, problem: RosterProblem) -> Double { 0 }
    public func constant(problem: RosterProblem) -> Double { 0 }
    public func addRows(byAgent: [[(type: Int, variable: LinearModel.VariableID)]], problem: RosterProblem,
                        model: inout LinearModel) -> [(variable: LinearModel.VariableID, coefficient: Double)] { [] }
    public func auxiliaryValues(_ roster: Roster, problem: RosterProblem) -> [(name: String, value: Double)] { [] }
}

/// Agents below and above the requirement, in agent-intervals, over the week.
public struct CoverageCount: Sendable {
    public let short: Int
    public let over: Int

    public init(short: Int, over: Int) {
        self.short = short
        self.over = over
    }
}

extension RosterProblem {
    /// The soft rules of the objective, in the order `objective_terms` lists them.
    ///
    /// Adding one: its file in `SoftRules/`, one line here, its key in the scenario loader.
    public var softRules: [any SoftRule] {
        [LabourCostRule(), UnderstaffingRule(), OverstaffingRule(), PreferredDaysOffRule(), PreferredStartRule(), FairnessRule(), ChangeRule()]
    }

    /// Σ of every soft rule's cost for agent `a` on shift type `t`.
    public func shiftCost(agent a: Int, type t: Int) -> Double {
        softRules.reduce(0) { $0 + $1.shiftCost(agent: a, type: shiftTypes[t], problem: self) }
    }

    /// Σ of every soft rule's constant.
    public var costConstant: Double {
        softRules.reduce(0) { $0 + $1.constant(problem: self) }
    }

    /// Σ of every soft rule's price of one agent-interval short (or over).
    public func intervalCost(short: Bool) -> Double {
        softRules.reduce(0) { $0 + $1.intervalCost(short: short, problem: self) }
    }
}
