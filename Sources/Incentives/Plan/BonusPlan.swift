public import Core

/// A bonus plan (SPEC §4.5), validated at load time: every expression parsed and type-checked,
/// every band sorted, every reference resolved. Amounts are exact decimals from the YAML text.
public struct BonusPlan: Sendable {
    public var name: String
    public var version: String
    public var currency: String
    /// Inclusive date range the plan applies to; nil: always.
    public var effective: ClosedRange<LocalDate>?
    public var rounding: Rounding
    /// Derived metrics in file order; each may use metric columns and earlier derived metrics.
    public var metrics: [DerivedMetric]
    /// All must hold, else the agent gets nothing (the reason is kept).
    public var eligibility: [Condition]
    public var gates: [Gate]
    public var components: [Component]
    public var proration: Proration?
    public var capPerAgent: ExactDecimal?
    public var teamPools: [TeamPool]
    /// Deductions (扣罚): negative lines after the per-agent cap.
    public var deductions: [Deduction] = []
    /// Deductions never take an agent's total below this (0 unless the plan says otherwise).
    public var floorPerAgent: ExactDecimal = .zero
    /// Honours (评优, e.g. 服务之星): ranks by a scorecard that may carry an amount.
    public var honours: [Honour] = []
    /// The plan-wide rule for undefined values (SPEC §4.4), default `.error`.
    public var missing: MissingRule
    /// Where the plan came from, for messages.
    public var file: String

    public init(name: String, version: String, currency: String, effective: ClosedRange<LocalDate>?, rounding: Rounding,
                metrics: [DerivedMetric], eligibility: [Condition], gates: [Gate], components: [Component], proration: Proration?,
                capPerAgent: ExactDecimal?, teamPools: [TeamPool], missing: MissingRule, file: String) {
        self.name = name
        self.version = version
        self.currency = currency
        self.effective = effective
        self.rounding = rounding
        self.metrics = metrics
        self.eligibility = eligibility
        self.gates = gates
        self.components = components
        self.proration = proration
        self.capPerAgent = capPerAgent
        self.teamPools = teamPools
        self.missing = missing
        self.file = file
    }

    /// The metric columns the plan reads from the metrics file (not derived ones).
    public var requiredColumns: Set<String> {
        let derived = Set(metrics.map(\.name))
        var names = Set<String>()
        for m in metrics { names.formUnion(m.expression.referencedNames) }
        for c in eligibility { names.formUnion(c.expression.referencedNames) }
        for g in gates { names.formUnion(g.condition.expression.referencedNames) }
        for c in components {
            names.formUnion(c.requiresMin.map(\.metric))
            switch c.kind {
            case .tiers(let metric, _): names.insert(metric)
            case .scorecard(let s): names.formUnion(s.measures.map(\.metric))
            }
        }
        if let p = proration { names.insert(p.metric) }
        if teamPools.contains(where: { $0.split == .byHours }) { names.insert("hours_worked") }
        for d in deductions { names.insert(d.metric) }
        // prev(m) reads column m of the period before.
        names = Set(names.map { Expression.previousMetric(of: $0) ?? $0 })
        return names.subtracting(derived)
    }

    /// The metric columns read through `prev(…)`: their values of the period before are needed.
    public var previousColumns: Set<String> {
        var names = Set<String>()
        for m in metrics { names.formUnion(m.expression.referencedNames) }
        for c in eligibility { names.formUnion(c.expression.referencedNames) }
        for g in gates { names.formUnion(g.condition.expression.referencedNames) }
        return Set(names.compactMap { Expression.previousMetric(of: $0) })
    }
}

/// How each line is rounded to money.
public struct Rounding: Sendable, Hashable {
    public var scale: Int
    public var mode: RoundingMode

    public init(scale: Int = 2, mode: RoundingMode = .halfUp) {
        self.scale = scale
        self.mode = mode
    }
}

/// What an undefined value (empty cell, division by zero) does.
public enum MissingRule: String, Sendable, Hashable, CaseIterable {
    /// Use 0.
    case zero
    /// The component pays 0 (saying why), or the scorecard measure is left out and the other weights rescaled.
    case skip
    /// Stop the run (exit 65), naming the agent, the line and the metric.
    case error
}

/// `name: expression` under `metrics:`.
public struct DerivedMetric: Sendable {
    public var name: String
    public var expression: Expression
    public var location: SourceLocation

    public init(name: String, expression: Expression, location: SourceLocation) {
        self.name = name
        self.expression = expression
        self.location = location
    }
}

/// A boolean expression with its source text.
public struct Condition: Sendable {
    public var text: String
    public var expression: Expression
    public var location: SourceLocation

    public init(text: String, expression: Expression, location: SourceLocation) {
        self.text = text
        self.expression = expression
        self.location = location
    }
}

/// A named condition that components can `require`.
public struct Gate: Sendable {
    public var name: String
    public var condition: Condition

    public init(name: String, condition: Condition) {
        self.name = name
        self.condition = condition
    }
}

/// Whether more or less of a metric is better.
public enum Better: String, Sendable, Hashable {
    case higher, lower
}

/// One band of a tier table or a scorecard measure. For `better: higher` the threshold is a
/// `from` (inclusive lower bound, bands ascending); for `better: lower` it is a `to` (inclusive
/// upper bound, bands descending).
public struct Band: Sendable, Hashable {
    public var threshold: ExactDecimal
    /// Amount (`step`), rate per unit (`graduated`, `retroactive`) or points (scorecard).
    public var value: ExactDecimal

    public init(threshold: ExactDecimal, value: ExactDecimal) {
        self.threshold = threshold
        self.value = value
    }
}

/// A component's tier table.
public struct Tiers: Sendable, Hashable {
    public var mode: TierMode
    public var better: Better
    public var bands: [Band]

    public init(mode: TierMode, better: Better, bands: [Band]) {
        self.mode = mode
        self.better = better
        self.bands = bands
    }
}

/// A component pays from a metric's tiers, or from a scorecard's grade.
public enum ComponentKind: Sendable {
    case tiers(metric: String, Tiers)
    case scorecard(Scorecard)
}

/// One line of an agent's payout.
public struct Component: Sendable {
    public var name: String
    public var earningsCode: String
    public var kind: ComponentKind
    /// Gate names that must all be met.
    public var requires: [String]
    /// Metrics that must be at least the given value (inclusive), checked before the metric is evaluated.
    public var requiresMin: [(metric: String, minimum: ExactDecimal)]
    public var cap: ExactDecimal?
    public var missing: MissingRule?
    public var location: SourceLocation

    public init(name: String, earningsCode: String, kind: ComponentKind, requires: [String], requiresMin: [(metric: String, minimum: ExactDecimal)],
                cap: ExactDecimal?, missing: MissingRule?, location: SourceLocation) {
        self.name = name
        self.earningsCode = earningsCode
        self.kind = kind
        self.requires = requires
        self.requiresMin = requiresMin
        self.cap = cap
        self.missing = missing
        self.location = location
    }
}

/// Banded points per measure → weighted score → grade and coefficient → base amount × coefficient.
public struct Scorecard: Sendable {
    public struct Measure: Sendable {
        public var metric: String
        public var weight: ExactDecimal
        public var better: Better
        public var missing: MissingRule?
        public var points: [Band]

        public init(metric: String, weight: ExactDecimal, better: Better, missing: MissingRule?, points: [Band]) {
            self.metric = metric
            self.weight = weight
            self.better = better
            self.missing = missing
            self.points = points
        }
    }

    public struct Grade: Sendable, Hashable {
        public var from: ExactDecimal
        public var grade: String
        public var coefficient: ExactDecimal

        public init(from: ExactDecimal, grade: String, coefficient: ExactDecimal) {
            self.from = from
            self.grade = grade
            self.coefficient = coefficient
        }
    }

    public var measures: [Measure]
    /// Descending by `from`.
    public var grades: [Grade]
    public var baseAmount: ExactDecimal

    public init(measures: [Measure], grades: [Grade], baseAmount: ExactDecimal) {
        self.measures = measures
        self.grades = grades
        self.baseAmount = baseAmount
    }
}

/// Each line × min(1, metric / full_at).
public struct Proration: Sendable, Hashable {
    public var metric: String
    public var fullAt: ExactDecimal

    public init(metric: String, fullAt: ExactDecimal) {
        self.metric = metric
        self.fullAt = fullAt
    }
}

/// A team bonus shared among a team's eligible members.
public struct TeamPool: Sendable, Hashable {
    public enum Split: String, Sendable, Hashable {
        case byScore = "by_score"
        case byHours = "by_hours"
        case equally
    }

    public var name: String
    public var earningsCode: String
    public var amountPerTeam: ExactDecimal
    public var split: Split
    public var minTeamScore: ExactDecimal?
    /// The scorecard component whose score ranks the team.
    public var scoreComponent: String

    public init(name: String, earningsCode: String, amountPerTeam: ExactDecimal, split: Split, minTeamScore: ExactDecimal?, scoreComponent: String) {
        self.name = name
        self.earningsCode = earningsCode
        self.amountPerTeam = amountPerTeam
        self.split = split
        self.minTeamScore = minTeamScore
        self.scoreComponent = scoreComponent
    }
}

/// A deduction (扣罚): `per_unit × metric`, capped, rounded like a line, paid as a negative line with
/// its own earnings code after the per-agent cap; reduced (last deduction first) so that no agent's
/// total falls below the plan's `floor_per_agent`.
public struct Deduction: Sendable, Hashable {
    public var name: String
    public var earningsCode: String
    public var metric: String
    public var perUnit: ExactDecimal
    public var cap: ExactDecimal?
    public var location: SourceLocation

    public init(name: String, earningsCode: String, metric: String, perUnit: ExactDecimal, cap: ExactDecimal?, location: SourceLocation) {
        self.name = name
        self.earningsCode = earningsCode
        self.metric = metric
        self.perUnit = perUnit
        self.cap = cap
        self.location = location
    }
}

/// An honour (评优, e.g. 服务之星): the eligible agents ranked by a scorecard's score within their team
/// or overall; the `top` best (and everyone tied with the last place) get it; an `amount` is paid as a
/// line, neither prorated nor capped.
public struct Honour: Sendable, Hashable {
    public enum Within: String, Sendable, Hashable, CaseIterable { case team, all }
    public var name: String
    /// The scorecard component whose score ranks.
    public var rankBy: String
    public var top: Int
    public var within: Within
    public var minScore: ExactDecimal?
    public var amount: ExactDecimal?
    public var earningsCode: String?
    public var location: SourceLocation

    public init(name: String, rankBy: String, top: Int, within: Within, minScore: ExactDecimal?, amount: ExactDecimal?, earningsCode: String?,
                location: SourceLocation) {
        self.name = name
        self.rankBy = rankBy
        self.top = top
        self.within = within
        self.minScore = minScore
        self.amount = amount
        self.earningsCode = earningsCode
        self.location = location
    }
}

extension BonusPlan {
    /// Every metric name the plan reads or derives: derived metrics and the names in their expressions, the
    /// names in eligibility rules and gates, component, measure, `requires_min`, proration and deduction metrics.
    ///
    /// - Complexity: O(n²) in the number of names (a plan reads a few dozen at most); computed once per calculation.
    public var namesRead: [String] {
        var names: [String] = []
        func add(_ name: String) { if !names.contains(name) { names.append(name) } }
        for metric in metrics {
            add(metric.name)
            metric.expression.referencedNames.sorted().forEach(add)
        }
        for condition in eligibility { condition.expression.referencedNames.sorted().forEach(add) }
        for gate in gates { gate.condition.expression.referencedNames.sorted().forEach(add) }
        for component in components {
            switch component.kind {
            case .tiers(let metric, _): add(metric)
            case .scorecard(let card): card.measures.forEach { add($0.metric) }
            }
            component.requiresMin.forEach { add($0.metric) }
        }
        if let proration { add(proration.metric) }
        deductions.forEach { add($0.metric) }
        return names
    }
}
