public import Core
public import Incentives

/// A bonus plan read from its YAML file, with the warnings found by analysing it.
public struct LoadedPlan: Sendable {
    public let plan: BonusPlan
    public let warnings: [Diagnostic]

    public init(plan: BonusPlan, warnings: [Diagnostic]) {
        self.plan = plan
        self.warnings = warnings
    }
}

/// Loads and validates a bonus plan YAML (SPEC §4.5).
///
/// Every problem in the file is collected with its line, column and a fix; the plan is
/// returned only when there are none. Numbers are read exactly from the YAML text.
public enum PlanLoader {
    static let topKeys = ["plan", "version", "currency", "effective", "rounding", "missing", "metrics", "eligibility", "gates",
                          "components", "proration", "cap_per_agent", "team_pools", "deductions", "floor_per_agent", "honours"]

    /// Loads the plan at `path` for the payout period `period` (`YYYY-MM`).
    ///
    /// - Parameters:
    ///   - path: the plan YAML file.
    ///   - period: the month paid; the plan's `effective` range must cover all of it.
    /// - Throws: `MissingInputError` when the file cannot be read; `InputError` with every
    ///   problem found (exit 65).
    public static func load(_ path: String, period: String) throws -> LoadedPlan {
        let file = InputPath.normalize(path)
        let text = try TextFile.read(file)
        let tree = try YAMLNode.parse(text, file: file)
        var bag = DiagnosticBag()
        let plan = decode(tree, file: file, period: period, bag: &bag)
        let sorted = bag.items.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
        guard !bag.hasErrors, let plan else { throw InputError(sorted) }
        return LoadedPlan(plan: plan, warnings: sorted)
    }

    // MARK: - Top level

    static func decode(_ tree: YAMLNode, file: String, period: String, bag: inout DiagnosticBag) -> BonusPlan? {
        guard let top = NodeReader.mapping(tree, path: "", known: topKeys, bag: &bag) else { return nil }
        let name = top.string("plan", required: true, bag: &bag)?.text ?? ""
        let version = top.string("version", bag: &bag)?.text ?? ""
        let currency = top.currency("currency", required: true, bag: &bag)?.text ?? ""
        let effective = readEffective(top, period: period, file: file, bag: &bag)
        let rounding = readRounding(top, bag: &bag)
        let missing = readMissing(top, "missing", bag: &bag) ?? .error
        let metrics = readMetrics(top, bag: &bag)
        let eligibility = readEligibility(top, bag: &bag)
        let gates = readGates(top, bag: &bag)
        let components = readComponents(top, gates: gates.map(\.name), bag: &bag)
        monotonicityWarnings(components, bag: &bag)
        let proration = readProration(top, bag: &bag)
        let cap = top.decimal("cap_per_agent", min: .zero, bag: &bag)
        let pools = readPools(top, components: components, bag: &bag)
        var taken = Set(components.map(\.name) + pools.map(\.name))
        let deductions = readDeductions(top, taken: &taken, bag: &bag)
        let floor = top.decimal("floor_per_agent", min: .zero, bag: &bag)
        let honours = readHonours(top, components: components, bag: &bag)
        // prev() reads columns: a derived metric inside it (in eligibility or a gate) has no value the month before.
        let derived = Set(metrics.map(\.name))
        for condition in eligibility + gates.map(\.condition) {
            for name in condition.expression.referencedNames.sorted() {
                if let column = Expression.previousMetric(of: name), derived.contains(column) {
                    bag.error(condition.location, Texts.current(.plPrevDerivedIn, column, condition.text), fix: Texts.current(.plPrevDerivedInFix))
                }
            }
        }
        // Amounts paid as written: finer than the plan's rounding they would be shown one way and paid another.
        for h in honours {
            if let amount = h.amount, amount.normalized.scale > rounding.scale {
                bag.error(h.location, Texts.current(.plHonourFiner, h.name, "\(amount.normalized)", String(rounding.scale)),
                          fix: Texts.current(.plHonourFinerFix, String(rounding.scale)))
            }
        }
        for d in deductions where d.perUnit.normalized.scale > rounding.scale {
            bag.error(d.location, Texts.current(.plDeductionFiner, d.name, "\(d.perUnit.normalized)", String(rounding.scale)),
                      fix: Texts.current(.plDeductionFinerFix, String(rounding.scale)))
        }
        guard !bag.hasErrors else { return nil }
        var plan = BonusPlan(name: name, version: version, currency: currency, effective: effective, rounding: rounding,
                             metrics: metrics, eligibility: eligibility, gates: gates, components: components, proration: proration,
                             capPerAgent: cap, teamPools: pools, missing: missing, file: file)
        plan.deductions = deductions
        plan.floorPerAgent = floor ?? .zero
        plan.honours = honours
        return plan
    }

    static let deductionKeys = ["name", "earnings_code", "metric", "per_unit", "cap"]
    static let honourKeys = ["name", "rank_by", "top", "within", "min_score", "amount", "earnings_code"]

    /// `deductions:` (扣罚): name, earnings code, metric, a positive amount per unit, an optional cap.
    static func readDeductions(_ top: NodeReader, taken: inout Set<String>, bag: inout DiagnosticBag) -> [Deduction] {
        guard let items = top.list("deductions", bag: &bag) else { return [] }
        var out: [Deduction] = []
        for (i, item) in items.enumerated() {
            guard let d = NodeReader.mapping(item, path: "deductions[\(i)]", known: deductionKeys, bag: &bag) else { continue }
            let name = d.nonEmptyName("name", bag: &bag)
            if let name, !taken.insert(name.text).inserted {
                bag.error(name.location, Texts.current(.plNameUsed, name.text), fix: Texts.current(.plNameUsedFix))
            }
            let code = d.earningsCode("earnings_code", required: true, bag: &bag)
            let metric = d.string("metric", required: true, bag: &bag)
            // The amount per unit is what one unit takes away: a positive number (the line is written negative).
            let perUnit = d.decimal("per_unit", required: true, min: .zero, minExclusive: true, bag: &bag)
            let cap = d.decimal("cap", min: .zero, minExclusive: true, bag: &bag)
            if let name, let code, let metric, let perUnit {
                out.append(Deduction(name: name.text, earningsCode: code.text, metric: metric.text, perUnit: perUnit, cap: cap, location: item.location))
            }
        }
        return out
    }

    /// `honours:` (评优): ranked by a scorecard component, within a team or overall, the top N (ties at the
    /// last place included), from a minimum score, with an optional amount and its earnings code.
    static func readHonours(_ top: NodeReader, components: [Component], bag: inout DiagnosticBag) -> [Honour] {
        guard let items = top.list("honours", bag: &bag) else { return [] }
        let scorecards = components.filter { if case .scorecard = $0.kind { true } else { false } }.map(\.name)
        var out: [Honour] = []
        var names = Set<String>()
        for (i, item) in items.enumerated() {
            guard let h = NodeReader.mapping(item, path: "honours[\(i)]", known: honourKeys, bag: &bag) else { continue }
            let name = h.nonEmptyName("name", bag: &bag)
            if let name, !names.insert(name.text).inserted {
                bag.error(name.location, Texts.current(.plHonourTwice, name.text), fix: Texts.current(.plHonourTwiceFix))
            }
            var rankBy: String?
            if let (text, location) = h.string("rank_by", required: true, bag: &bag) {
                if scorecards.contains(text) {
                    rankBy = text
                } else if components.contains(where: { $0.name == text }) {
                    bag.error(location, Texts.current(.plHonourNotScorecard, name?.text ?? "", text), fix: Texts.current(.plNameScorecardFix))
                } else {
                    bag.error(location, Texts.current(.plHonourNoScorecard, name?.text ?? "", text),
                              fix: closestMatch(to: text, in: scorecards).map { Texts.current(.errDidYouMean, $0) }
                                ?? (scorecards.isEmpty ? Texts.current(.plAddScorecard) : Texts.current(.plScorecards, scorecards.joined(separator: ", "))))
                }
            }
            let topCount = h.integer("top", required: true, min: 1, max: 100_000, bag: &bag)
            var within = Honour.Within.all
            if let (text, location) = h.string("within", bag: &bag) {
                if let w = Honour.Within(rawValue: text) {
                    within = w
                } else {
                    bag.error(location, Texts.current(.plWithin, String(i), text),
                              fix: closestMatch(to: text, in: ["team", "all"]).map { Texts.current(.errDidYouMean, $0) } ?? Texts.current(.plWithinFix))
                }
            }
            let minScore = h.decimal("min_score", min: .zero, bag: &bag)
            let amount = h.decimal("amount", min: .zero, minExclusive: true, bag: &bag)
            let code = h.earningsCode("earnings_code", bag: &bag)
            if amount != nil, code == nil, h.node["earnings_code"] == nil {
                bag.error(h.keyLocation("amount"), Texts.current(.plHonourNoCode, name?.text ?? ""), fix: Texts.current(.plHonourNoCodeFix))
            }
            if let name, let rankBy, let topCount {
                out.append(Honour(name: name.text, rankBy: rankBy, top: topCount, within: within, minScore: minScore, amount: amount,
                                  earningsCode: code?.text, location: item.location))
            }
        }
        return out
    }

    static func readEffective(_ top: NodeReader, period: String, file: String, bag: inout DiagnosticBag) -> ClosedRange<LocalDate>? {
        let month = BonusPeriod.dates(of: period)
        if month == nil {
            bag.error(SourceLocation(file: file), Texts.current(.plPeriod, period), fix: Texts.current(.plPeriodFix))
        }
        guard let e = top.child("effective", known: ["from", "to"], bag: &bag) else { return nil }
        let from = date(e, "from", bag: &bag)
        let to = date(e, "to", bag: &bag)
        guard let from, let to else { return nil }
        guard from <= to else {
            bag.error(e.keyLocation("to"), Texts.current(.plEffectiveOrder, "\(to)", "\(from)"), fix: Texts.current(.plEffectiveOrderFix))
            return nil
        }
        if let month, !(from <= month.lowerBound && month.upperBound <= to) {
            bag.error(top.keyLocation("effective"), Texts.current(.plEffectiveCover, "\(from)", "\(to)", period), fix: Texts.current(.plEffectiveCoverFix))
        }
        return from...to
    }

    static func date(_ reader: NodeReader, _ key: String, bag: inout DiagnosticBag) -> LocalDate? {
        guard let (text, location) = reader.string(key, required: true, bag: &bag) else { return nil }
        guard let d = LocalDate(iso: text) else {
            bag.error(location, Texts.current(.plDate, reader.name(key), text), fix: Texts.current(.plDateFix))
            return nil
        }
        return d
    }

    static func readRounding(_ top: NodeReader, bag: inout DiagnosticBag) -> Rounding {
        var rounding = Rounding()
        guard let r = top.child("rounding", known: ["scale", "mode"], bag: &bag) else { return rounding }
        if let scale = r.integer("scale", min: 0, max: 6, bag: &bag) { rounding.scale = scale }
        if let (text, location) = r.string("mode", bag: &bag) {
            let allowed: [RoundingMode] = [.halfUp, .halfEven, .down]
            if let mode = allowed.first(where: { $0.rawValue == text }) {
                rounding.mode = mode
            } else {
                let hint = closestMatch(to: text, in: allowed.map(\.rawValue)).map { Texts.current(.errDidYouMean, $0) } ?? Texts.current(.plRoundingModeFix)
                bag.error(location, Texts.current(.plRoundingMode, text), fix: hint)
            }
        }
        return rounding
    }

    static func readMissing(_ reader: NodeReader, _ key: String, bag: inout DiagnosticBag) -> MissingRule? {
        guard let (text, location) = reader.string(key, bag: &bag) else { return nil }
        guard let rule = MissingRule(rawValue: text) else {
            let hint = closestMatch(to: text, in: MissingRule.allCases.map(\.rawValue)).map { Texts.current(.errDidYouMean, $0) } ?? Texts.current(.plMissingRuleFix)
            bag.error(location, Texts.current(.plMissingRule, reader.name(key), text), fix: hint)
            return nil
        }
        return rule
    }

    // MARK: - Expressions

    /// Where the expression text of a scalar starts (after the opening quote of a quoted scalar).
    static func expressionBase(_ location: SourceLocation, plain: Bool) -> SourceLocation {
        guard !plain, location.column > 0 else { return location }
        return SourceLocation(file: location.file, line: location.line, column: location.column + 1)
    }

    /// Parses and type-checks an expression scalar, reporting problems at their column in the file.
    static func expression(_ node: YAMLNode, what: String, as type: ExpressionType, bag: inout DiagnosticBag) -> (text: String, expression: Expression, base: SourceLocation)? {
        guard case .scalar(let text, let plain, let location) = node, !node.isNull else {
            bag.error(node.location, Texts.current(.plSingleExpression, what, node.kindName),
                      fix: type == .number ? Texts.current(.plSingleExpressionNumberFix) : Texts.current(.plSingleExpressionConditionFix))
            return nil
        }
        let base = expressionBase(location, plain: plain)
        let parsed: Expression
        do {
            parsed = try Expression(parsing: text)
        } catch {
            bag.append(contentsOf: [error.diagnostic(at: base)])
            return nil
        }
        let problems = parsed.typeCheck(as: type)
        guard problems.isEmpty else {
            bag.append(contentsOf: problems.map { $0.diagnostic(at: base) })
            return nil
        }
        return (text, parsed, base)
    }

    /// Each referenced name with the column of its first use.
    static func nameColumns(_ expression: Expression) -> [(name: String, column: Int)] {
        var found: [(name: String, column: Int)] = []
        func walk(_ e: Expression) {
            switch e {
            case .number: break
            case .name(let n, let column): if !found.contains(where: { $0.name == n }) { found.append((n, column)) }
            case .negate(let o, _), .not(let o, _): walk(o)
            case .binary(_, let l, let r, _): walk(l); walk(r)
            }
        }
        walk(expression)
        return found
    }

    static func column(_ base: SourceLocation, plus column: Int) -> SourceLocation {
        guard base.column > 0, column > 0 else { return base }
        return SourceLocation(file: base.file, line: base.line, column: base.column + column - 1)
    }

    static func readMetrics(_ top: NodeReader, bag: inout DiagnosticBag) -> [DerivedMetric] {
        guard let node = top.value("metrics", required: false, bag: &bag) else { return [] }
        guard case .mapping(let entries, _) = node else {
            bag.error(node.location, Texts.current(.plMetricsMapping, node.kindName), fix: Texts.current(.plMetricsMappingFix))
            return []
        }
        let names = entries.map(\.key)
        var metrics: [DerivedMetric] = []
        for (index, entry) in entries.enumerated() {
            if !isMetricName(entry.key) {
                bag.error(entry.keyLocation, Texts.current(.plMetricName, entry.key), fix: Texts.current(.plMetricNameFix))
            }
            guard let (_, expression, base) = expression(entry.value, what: Texts.current(.plWhatMetric, entry.key), as: .number, bag: &bag) else { continue }
            for (name, col) in nameColumns(expression) {
                if let column = Expression.previousMetric(of: name), names.contains(column) {
                    bag.error(self.column(base, plus: col), Texts.current(.plPrevDerived, column), fix: Texts.current(.plPrevDerivedFix))
                    continue
                }
                guard let defined = names.firstIndex(of: name), defined >= index else { continue }
                if defined == index {
                    bag.error(column(base, plus: col), Texts.current(.plMetricSelf, entry.key), fix: Texts.current(.plMetricSelfFix))
                } else {
                    bag.error(column(base, plus: col), Texts.current(.plMetricLater, entry.key, name, String(entries[defined].keyLocation.line)),
                              fix: Texts.current(.plMetricLaterFix, name, entry.key))
                }
            }
            metrics.append(DerivedMetric(name: entry.key, expression: expression, location: entry.keyLocation))
        }
        return metrics
    }

    static func readEligibility(_ top: NodeReader, bag: inout DiagnosticBag) -> [Condition] {
        guard let node = top.value("eligibility", required: false, bag: &bag) else { return [] }
        let items: [YAMLNode]
        switch node {
        case .sequence(let list, _): items = list
        case .scalar: items = [node]
        case .mapping:
            bag.error(node.location, Texts.current(.plEligibilityList, node.kindName), fix: Texts.current(.plEligibilityListFix))
            return []
        }
        return items.enumerated().compactMap { i, item in
            expression(item, what: "`eligibility[\(i)]`", as: .condition, bag: &bag).map {
                Condition(text: $0.text, expression: $0.expression, location: $0.base)
            }
        }
    }

    static func readGates(_ top: NodeReader, bag: inout DiagnosticBag) -> [Gate] {
        guard let node = top.value("gates", required: false, bag: &bag) else { return [] }
        guard case .mapping(let entries, _) = node else {
            bag.error(node.location, Texts.current(.plGatesMapping, node.kindName), fix: Texts.current(.plGatesMappingFix))
            return []
        }
        return entries.compactMap { entry in
            expression(entry.value, what: Texts.current(.plWhatGate, entry.key), as: .condition, bag: &bag).map {
                Gate(name: entry.key, condition: Condition(text: $0.text, expression: $0.expression, location: $0.base))
            }
        }
    }

    /// A metric column or derived metric name: a word the expression language can refer to.
    static func isMetricName(_ text: String) -> Bool {
        guard let first = text.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        guard !["and", "or", "not"].contains(text.lowercased()) else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// A metric name scalar (component metric, measure metric, proration metric).
    static func metricName(_ reader: NodeReader, _ key: String, required: Bool, bag: inout DiagnosticBag) -> String? {
        guard let (text, location) = reader.string(key, required: required, bag: &bag) else { return nil }
        guard isMetricName(text) else {
            bag.error(location, Texts.current(.plOneMetric, reader.name(key), text), fix: Texts.current(.plOneMetricFix, text))
            return nil
        }
        return text
    }

    // MARK: - Proration and pools

    static func readProration(_ top: NodeReader, bag: inout DiagnosticBag) -> Proration? {
        guard let p = top.child("proration", known: ["metric", "full_at"], bag: &bag) else { return nil }
        let metric = metricName(p, "metric", required: true, bag: &bag)
        let fullAt = p.decimal("full_at", required: true, min: .zero, minExclusive: true, bag: &bag)
        guard let metric, let fullAt else { return nil }
        return Proration(metric: metric, fullAt: fullAt)
    }

    /// Whether `components:` has an entry named `name` with a `scorecard:` (loaded or not).
    static func declaresScorecard(_ name: String, _ top: NodeReader) -> Bool {
        guard case .sequence(let items, _)? = top.node["components"] else { return false }
        return items.contains { item in
            guard case .scalar(let text, _, _)? = item["name"] else { return false }
            return text == name && item["scorecard"] != nil
        }
    }

    static let poolKeys = ["name", "earnings_code", "amount_per_team", "split", "min_team_score", "score_component"]

    static func readPools(_ top: NodeReader, components: [Component], bag: inout DiagnosticBag) -> [TeamPool] {
        guard let items = top.list("team_pools", bag: &bag) else { return [] }
        var pools: [TeamPool] = []
        var seen: [String: Int] = Dictionary(components.map { ($0.name, $0.location.line) }, uniquingKeysWith: { a, _ in a })
        for (i, item) in items.enumerated() {
            guard let p = NodeReader.mapping(item, path: "team_pools[\(i)]", known: poolKeys, bag: &bag) else { continue }
            let name = p.nonEmptyName("name", bag: &bag)
            if let name {
                if let line = seen[name.text] {
                    bag.error(name.location, Texts.current(.plNameUsedLine, name.text, String(line)), fix: Texts.current(.plNameUsedLineFix))
                } else {
                    seen[name.text] = name.location.line
                }
            }
            let code = p.earningsCode("earnings_code", required: true, bag: &bag)
            let amount = p.decimal("amount_per_team", required: true, min: .zero, bag: &bag)
            var split: TeamPool.Split?
            if let (text, location) = p.string("split", required: true, bag: &bag) {
                split = TeamPool.Split(rawValue: text)
                if split == nil {
                    let all = ["by_score", "by_hours", "equally"]
                    bag.error(location, Texts.current(.plSplit, String(i), text),
                              fix: closestMatch(to: text, in: all).map { Texts.current(.errDidYouMean, $0) } ?? Texts.current(.plSplitFix))
                }
            }
            let minScore = p.decimal("min_team_score", min: .zero, bag: &bag)
            var scoreComponent: String?
            if let (text, location) = p.string("score_component", bag: &bag) {
                if let c = components.first(where: { $0.name == text }) {
                    if case .scorecard = c.kind {
                        scoreComponent = text
                    } else {
                        bag.error(location, Texts.current(.plPoolNotScorecard, name?.text ?? "", text), fix: Texts.current(.plNameScorecardFix))
                    }
                } else if declaresScorecard(text, top) {
                    scoreComponent = text  // that scorecard has errors of its own, already reported
                } else {
                    let scorecards = components.filter { if case .scorecard = $0.kind { true } else { false } }.map(\.name)
                    bag.error(location, Texts.current(.plPoolNoComponent, name?.text ?? "", text),
                              fix: closestMatch(to: text, in: scorecards).map { Texts.current(.errDidYouMean, $0) }
                                ?? (scorecards.isEmpty ? Texts.current(.plAddScorecard) : Texts.current(.plScorecardComponents, scorecards.joined(separator: ", "))))
                }
            } else {
                bag.error(item.location, Texts.current(.plPoolNoScore, name?.text ?? ""), fix: Texts.current(.plPoolNoScoreFix))
            }
            guard let name, let code, let amount, let split, let scoreComponent else { continue }
            pools.append(TeamPool(name: name.text, earningsCode: code.text, amountPerTeam: amount, split: split,
                                  minTeamScore: minScore, scoreComponent: scoreComponent))
        }
        return pools
    }
}
