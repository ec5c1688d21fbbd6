import Core

/// One agent's metrics and the working of each of its components (a class: closures over it
/// must not copy the plan it holds, once per lookup).
///
/// Without `working` only the amounts are computed (the same rules, the same exact arithmetic): the
/// sentences of the working and the texts of the detail sheet are left out, for callers that need the
/// payroll lines and totals only.
final class AgentWork {
    let plan: BonusPlan
    let row: MetricsTable.Row
    let working: Bool
    /// The names the plan reads, and this agent's value of each (its row's, or a derived metric's): a name is found
    /// by comparing it with a few short names, not by hashing it, as the lookups of a calculation run in millions.
    let names: [String]
    private(set) var values: [ExactDecimal?]
    private(set) var undefined: [String: String] = [:]

    init(plan: BonusPlan, row: MetricsTable.Row, working: Bool = true, names: [String]? = nil) {
        self.plan = plan
        self.row = row
        self.working = working
        let names = names ?? plan.namesRead
        self.names = names
        var values = [ExactDecimal?](repeating: nil, count: names.count)
        for (name, value) in row.values {
            if let i = names.firstIndex(of: name) { values[i] = value }
        }
        self.values = values
    }

    func lookup(_ name: String) -> ExactDecimal? {
        if let i = names.firstIndex(of: name) { return values[i] }
        return row.values[name]
    }

    /// Why `name` has no value.
    func reason(_ name: String) -> String {
        if let why = undefined[name] { return why }
        if Expression.previousMetric(of: name) != nil { return "\(name) has no value: no row or an empty cell for the period before" }
        return "\(name) is empty"
    }

    /// Why `name` has no value, in the language of the messages (the English reason as it is).
    func shownReason(_ name: String) -> String {
        WorkingStep.reason(reason(name)).text(Texts.current.language)
    }

    func deriveMetrics() {
        for metric in plan.metrics {
            let result = metric.expression.evaluate { self.lookup($0) }
            switch result {
            case .number(let v):
                if let i = names.firstIndex(of: metric.name) { values[i] = v }
            case .undefined(let why): undefined[metric.name] = why
            case .boolean: undefined[metric.name] = "\(metric.name) is not a number"
            }
        }
    }

    /// `qa_score >= 80 was not met (qa_score = 76)`.
    func describe(_ condition: Condition) -> WorkingStep {
        let names = condition.expression.referencedNames.sorted()
        let shown = names.map { n in
            lookup(n).map { WorkingStep(.conditionValue, .text(n), .text($0.description)) }
                ?? WorkingStep(.conditionUndefined, .text(n), .step(WorkingStep.reason(reason(n))))
        }
        return WorkingStep(.condition, .text(condition.text), shown.isEmpty ? .none : .step(WorkingStep(.noteAfter, .steps(shown))))
    }

    func holds(_ condition: Condition) -> Bool {
        condition.expression.evaluate { self.lookup($0) }.isMet
    }

    /// The first eligibility rule that fails.
    func failedEligibility() -> Condition? {
        plan.eligibility.first { !holds($0) }
    }

    /// Whether each of the plan's gates holds, in plan order.
    func evaluateGates() -> [Bool] {
        plan.gates.map { holds($0.condition) }
    }

    /// Whether the gate named `name` holds (false for a gate the plan does not have).
    func gateHolds(_ name: String, _ gates: [Bool]) -> Bool {
        plan.gates.firstIndex { $0.name == name }.map { gates[$0] } ?? false
    }

    func money(_ v: ExactDecimal) -> String { v.formatted(places: plan.rounding.scale) }

    /// An amount too large for exact arithmetic (over 10^18), located at the agent's row.
    func outOfRange(_ component: String, _ metric: String, _ value: ExactDecimal) -> ComponentProblem {
        ComponentProblem(diagnostic: Diagnostic(
            at: row.location, Texts.current(.pwTooMuch, row.agentID, component, metric, "\(value.normalized)"), fix: Texts.current(.pwTooMuchFix)))
    }

    /// A value for a person to read: exact when it has at most 4 decimals, else `≈` and 4 decimals
    /// (the detail sheet keeps the exact value).
    func readable(_ v: ExactDecimal) -> String {
        let n = v.normalized
        return n.scale <= 4 ? n.description : "≈ " + n.formatted(places: 4)
    }

    /// A value the plan needs, under the missing rule that applies: nil means "skip".
    func value(_ metric: String, rule: MissingRule, component: String) throws(ComponentProblem) -> (value: ExactDecimal, note: WorkingStep?)? {
        if let v = lookup(metric) { return (v, nil) }
        switch rule {
        case .zero: return (.zero, working ? WorkingStep(.undefinedZero, .text(metric), .step(WorkingStep.reason(reason(metric)))) : nil)
        case .skip: return nil
        case .error:
            throw ComponentProblem(diagnostic: Diagnostic(
                at: row.location, Texts.current(.pwUndefined, row.agentID, metric, shownReason(metric), component), fix: Texts.current(.pwUndefinedFix)))
        }
    }

    /// The component's working and, for a scorecard, the agent's score.
    func pay(_ component: Component, gates: [Bool]) throws(ComponentProblem) -> (PayoutDetail, ExactDecimal?) {
        var d = PayoutDetail(agentID: row.agentID, name: row.name, component: component.name, earningsCode: component.earningsCode)
        let rule = component.missing ?? plan.missing
        if working { d.gates = component.requires.map { "\($0)=\(gateHolds($0, gates) ? "met" : "not met")" }.joined(separator: ";") }

        // A scorecard's score exists for every eligible agent, even where `requires` stops the payment.
        var score: ExactDecimal?
        var scoreParts: [WorkingStep] = []
        var noMeasure = false
        if case .scorecard(let card) = component.kind {
            var weighted = ExactDecimal.zero
            var weights = ExactDecimal.zero
            for m in card.measures {
                guard let (v, note) = try value(m.metric, rule: m.missing ?? plan.missing, component: component.name) else {
                    if working { scoreParts.append(WorkingStep(.measureLeftOut, .text(m.metric), .step(WorkingStep.reason(reason(m.metric))))) }
                    continue
                }
                let points = TierTable.points(v, bands: m.points, better: m.better)
                weighted += m.weight * points
                weights += m.weight
                if working {
                    scoreParts.append(WorkingStep(.measure, .text(m.metric), .text(readable(v)), note.map { .step(WorkingStep(.noteAfter, .step($0))) } ?? .none,
                                                  .text(points.description), .text(m.weight.description)))
                }
            }
            if weights.isPositive {
                score = weights == .one ? weighted : weighted.divided(by: weights, scale: 12, mode: .halfEven)
            } else {
                noMeasure = true
            }
        }
        let noMeasureStep: WorkingStep.Value = noMeasure ? .step(WorkingStep(.noMeasure)) : .none

        for gate in component.requires where !gateHolds(gate, gates) {
            if working {
                let why = plan.gates.first { $0.name == gate }.map { describe($0.condition) } ?? WorkingStep(.unknownGate)
                d.steps = [WorkingStep(.gateNotMet, .text(gate), .step(why))]
                if score != nil { d.metric = "score"; d.metricValue = score.map { $0.formatted(places: 2) } ?? "" }
            }
            return (d, score)
        }
        for req in component.requiresMin {
            guard let v = lookup(req.metric), v >= req.minimum else {
                if working {
                    let has = lookup(req.metric).map { WorkingStep(.has, .text($0.description)) }
                        ?? WorkingStep(.undefinedHas, .step(WorkingStep.reason(reason(req.metric))))
                    d.steps = [WorkingStep(.requiresMin, .text(req.metric), .text(req.minimum.description), .step(has))]
                }
                return (d, score)
            }
        }

        var raw = ExactDecimal.zero
        switch component.kind {
        case .tiers(let metric, let tiers):
            d.metric = metric
            guard let (v, note) = try value(metric, rule: rule, component: component.name) else {
                if working { d.steps = [WorkingStep(.undefinedSkipped, .text(metric), .step(WorkingStep.reason(reason(metric))))] }
                return (d, score)
            }
            guard let amount = TierTable.amount(v, tiers: tiers) else { throw outOfRange(component.name, metric, v) }
            raw = amount
            guard working else { break }
            d.metricValue = v.description
            let band = TierTable.bandReached(v, tiers: tiers)
            d.bandReached = band.map { tiers.better == .higher ? "≥ \(tiers.bands[$0].threshold)" : "≤ \(tiers.bands[$0].threshold)" } ?? "none"
            let reached = band == nil ? WorkingStep(.belowFirstBand) : WorkingStep(.reachedBand, .text(d.bandReached))
            let how: WorkingStep.Value = switch tiers.mode {
            case .step: .none
            case .graduated: .step(WorkingStep(.graduated))
            case .retroactive: band.map { .step(WorkingStep(.retroactive, .text(tiers.bands[$0].value.description))) } ?? .none
            }
            d.steps.append(WorkingStep(.tier, note.map { .step(WorkingStep(.notePrefix, .step($0))) } ?? .none, .text(metric), .text(readable(v)),
                                       .step(reached), how, .text(money(raw))))
        case .scorecard(let card):
            d.metric = "score"
            guard let score else {
                if working { d.steps = [WorkingStep(.scoreNone, .steps(scoreParts), noMeasureStep)] }
                return (d, nil)
            }
            if working { d.metricValue = score.formatted(places: 2) }
            if let grade = card.grades.first(where: { $0.from <= score }) {
                raw = card.baseAmount * grade.coefficient
                guard working else { break }
                d.bandReached = grade.grade
                d.steps.append(WorkingStep(.scoreGraded, .text(readable(score)), .steps(scoreParts), noMeasureStep, .text(grade.grade), .text(grade.from.description),
                                           .text(money(card.baseAmount)), .text(grade.coefficient.description), .text(money(raw))))
            } else if working {
                d.bandReached = "none"
                d.steps.append(WorkingStep(.scoreBelowGrades, .text(readable(score)), .steps(scoreParts), noMeasureStep))
            }
        }
        d.rawAmount = raw
        var amount = raw
        if let cap = component.cap {
            d.componentCap = cap
            if amount > cap {
                amount = cap
                if working { d.steps.append(WorkingStep(.capped, .text(money(cap)))) }
            }
        }
        d.afterCap = amount
        var rounded = amount.rounded(scale: plan.rounding.scale, mode: plan.rounding.mode)
        proration: if let p = plan.proration {
            guard let hours = lookup(p.metric) else {
                throw ComponentProblem(diagnostic: Diagnostic(
                    at: row.location, Texts.current(.pwProration, row.agentID, p.metric, shownReason(p.metric)), fix: Texts.current(.pwProrationFix, p.metric)))
            }
            if hours.isNegative {
                throw ComponentProblem(diagnostic: Diagnostic(
                    at: row.location, Texts.current(.pwProrationNegative, row.agentID, p.metric, "\(hours.normalized)"),
                    fix: Texts.current(.pwProrationNegativeFix, p.metric)))
            }
            if hours < p.fullAt && !amount.isZero {
                // One rounding: amount × hours / full_at straight to the plan's scale.
                guard let product = ExpressionArithmetic.product(amount, hours).value else { throw outOfRange(component.name, p.metric, hours) }
                rounded = product.divided(by: p.fullAt, scale: plan.rounding.scale, mode: plan.rounding.mode) ?? .zero
                guard working else { break proration }
                // Every printed step recomputes by hand: the product, the exact quotient (or `≈` when it does not
                // terminate), then the one rounding.
                let quotient = product.divided(by: p.fullAt, scale: ExactDecimal.maxScale, mode: .halfEven) ?? .zero
                let exact = quotient * p.fullAt == product
                let shown = exact ? quotient.normalized.description : "≈ " + quotient.formatted(places: plan.rounding.scale + 4)
                d.proration = "\(hours)/\(p.fullAt)"
                d.steps.append(WorkingStep(.prorated, .text(hours.description), .text(p.fullAt.description), .text(amount.normalized.description), .text(shown),
                                           plan.rounding.mode.rawValue == WorkingStep.mode(plan.rounding.mode).text(.en)
                                               ? .step(WorkingStep.mode(plan.rounding.mode)) : .text(plan.rounding.mode.rawValue),
                                           .text(String(plan.rounding.scale)), .text(money(rounded))))
            } else if working {
                d.proration = "1"
            }
        }
        d.rounded = rounded
        d.finalAmount = rounded
        return (d, score)
    }
}

extension AgentWork {
    /// The agent's deductions as negative details: each `per_unit × metric`, capped, rounded like a
    /// line; then reduced, last deduction first, so that `total` minus them stays at or above the floor.
    func deduct(total: ExactDecimal) throws(ComponentProblem) -> [PayoutDetail] {
        var out: [PayoutDetail] = []
        for deduction in plan.deductions {
            var d = PayoutDetail(agentID: row.agentID, name: row.name, component: deduction.name, earningsCode: deduction.earningsCode)
            d.metric = deduction.metric
            guard let (v, note) = try value(deduction.metric, rule: plan.missing, component: deduction.name) else {
                if working { d.steps = [WorkingStep(.deductionUndefined, .text(deduction.metric), .step(WorkingStep.reason(reason(deduction.metric))))] }
                out.append(d)
                continue
            }
            if v.isNegative {
                throw ComponentProblem(diagnostic: Diagnostic(
                    at: row.location, Texts.current(.pwDeductionNegative, row.agentID, deduction.name, deduction.metric, "\(v.normalized)"),
                    fix: Texts.current(.pwDeductionNegativeFix)))
            }
            if working { d.metricValue = v.description }
            guard let raw = ExpressionArithmetic.product(deduction.perUnit, v).value else { throw outOfRange(deduction.name, deduction.metric, v) }
            var amount = raw
            var capped = false
            if let cap = deduction.cap {
                d.componentCap = cap
                if amount > cap {
                    amount = cap
                    capped = true
                }
            }
            if working {
                let cap: WorkingStep.Value = capped ? .step(WorkingStep(.deductionCap, .text(money(deduction.cap ?? .zero)))) : .none
                d.steps = [WorkingStep(.deduction, note.map { .step(WorkingStep(.notePrefix, .step($0))) } ?? .none, .text(deduction.metric),
                                       .text(readable(v)), .text(money(deduction.perUnit)), .text(money(raw)), cap)]
            }
            let rounded = amount.rounded(scale: plan.rounding.scale, mode: plan.rounding.mode)
            d.rawAmount = -raw
            d.afterCap = -amount
            d.rounded = -rounded
            d.finalAmount = -rounded
            out.append(d)
        }
        // The floor: deductions never take the total below it (last deduction reduced first).
        let floor = plan.floorPerAgent
        var excess = floor - (total + out.reduce(ExactDecimal.zero) { $0 + $1.finalAmount })
        for k in out.indices.reversed() where excess.isPositive {
            let taken = -out[k].finalAmount
            let cut = min(excess, taken)
            guard cut.isPositive else { continue }
            out[k].finalAmount += cut
            out[k].agentCapRemoved = cut
            if working { out[k].steps.append(WorkingStep(.deductionFloor, .text(money(cut)), .text(money(floor)), .text(money(-out[k].finalAmount)))) }
            excess -= cut
        }
        return out
    }
}

/// An undefined value whose rule is `error`.
struct ComponentProblem: Error {
    let diagnostic: Diagnostic
}
