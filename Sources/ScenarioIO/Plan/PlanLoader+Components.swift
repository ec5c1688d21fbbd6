import Core
import Incentives

extension PlanLoader {
    static let componentKeys = ["name", "earnings_code", "metric", "tiers", "scorecard", "requires", "requires_min", "cap", "missing"]

    /// Components: unique names; an earnings code may be shared (payroll simply sums its lines).
    static func readComponents(_ top: NodeReader, gates: [String], bag: inout DiagnosticBag) -> [Component] {
        guard let items = top.list("components", bag: &bag) else { return [] }
        var components: [Component] = []
        var firstLine: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let path = "components[\(i)]"
            guard let c = NodeReader.mapping(item, path: path, known: componentKeys, bag: &bag) else { continue }
            let name = c.string("name", required: true, bag: &bag)
            if let name {
                if let line = firstLine[name.text] {
                    bag.error(name.location, "component `\(name.text)` is defined twice (first on line \(line))", fix: "give every component its own name")
                } else {
                    firstLine[name.text] = name.location.line
                }
            }
            let code = c.earningsCode("earnings_code", required: true, bag: &bag)
            let requires = readRequires(c, gates: gates, bag: &bag)
            let requiresMin = readRequiresMin(c, bag: &bag)
            let cap = c.decimal("cap", min: .zero, bag: &bag)
            let missing = readMissing(c, "missing", bag: &bag)
            let kind = readKind(c, item: item, bag: &bag)
            guard let name, let code, let kind else { continue }
            components.append(Component(name: name.text, earningsCode: code.text, kind: kind, requires: requires, requiresMin: requiresMin,
                                        cap: cap, missing: missing, location: item.location))
        }
        return components
    }

    static func readRequires(_ c: NodeReader, gates: [String], bag: inout DiagnosticBag) -> [String] {
        guard let node = c.value("requires", required: false, bag: &bag) else { return [] }
        let items: [YAMLNode]
        if case .sequence(let list, _) = node { items = list } else { items = [node] }
        var names: [String] = []
        for item in items {
            guard case .scalar(let text, _, let location) = item, !item.isNull else {
                bag.error(item.location, "`\(c.name("requires"))` must list gate names, not \(item.kindName)", fix: "write it like [quality]")
                continue
            }
            guard gates.contains(text) else {
                let hint = closestMatch(to: text, in: gates).map { "did you mean `\($0)`?" }
                    ?? (gates.isEmpty ? "define it under `gates:`" : "defined gates: \(gates.joined(separator: ", "))")
                bag.error(location, "unknown gate `\(text)`", fix: hint)
                continue
            }
            names.append(text)
        }
        return names
    }

    static func readRequiresMin(_ c: NodeReader, bag: inout DiagnosticBag) -> [(metric: String, minimum: ExactDecimal)] {
        guard let node = c.value("requires_min", required: false, bag: &bag) else { return [] }
        guard case .mapping(let entries, _) = node else {
            bag.error(node.location, "`\(c.name("requires_min"))` must be a mapping of `metric: minimum`, not \(node.kindName)",
                      fix: "write it like { csat_responses: 30 }")
            return []
        }
        var result: [(metric: String, minimum: ExactDecimal)] = []
        for entry in entries {
            if !isMetricName(entry.key) {
                bag.error(entry.keyLocation, "`\(entry.key)` is not a metric name", fix: "use a metric column or a metric defined under `metrics:`")
                continue
            }
            let reader = NodeReader(node, path: c.name("requires_min"))
            if let value = reader.decimal(entry.key, required: true, bag: &bag) {
                result.append((entry.key, value))
            }
        }
        return result
    }

    static func readKind(_ c: NodeReader, item: YAMLNode, bag: inout DiagnosticBag) -> ComponentKind? {
        let hasTiers = c.node["tiers"] != nil, hasScorecard = c.node["scorecard"] != nil, hasMetric = c.node["metric"] != nil
        if hasScorecard {
            if hasTiers || hasMetric {
                bag.error(c.keyLocation("scorecard"), "`\(c.path)` has both a `scorecard` and `metric`/`tiers`",
                          fix: "a component pays either from a metric's tiers or from a scorecard: split it into two components")
                return nil
            }
            return readScorecard(c, bag: &bag).map(ComponentKind.scorecard)
        }
        guard hasTiers || hasMetric else {
            bag.error(item.location, "`\(c.path)` says neither what it pays from", fix: "add `metric:` and `tiers:`, or a `scorecard:`")
            return nil
        }
        let metric = metricName(c, "metric", required: true, bag: &bag)
        guard let t = c.child("tiers", known: ["mode", "better", "bands"], required: true, bag: &bag) else { return nil }
        let tiers = readTiers(t, bag: &bag)
        guard let metric, let tiers else { return nil }
        return .tiers(metric: metric, tiers)
    }

    static func readBetter(_ reader: NodeReader, bag: inout DiagnosticBag) -> Better? {
        guard let (text, location) = reader.string("better", bag: &bag) else { return .higher }
        guard let better = Better(rawValue: text) else {
            bag.error(location, "`\(reader.name("better"))` must be higher or lower, got `\(text)`", fix: "write `better: higher` or `better: lower`")
            return nil
        }
        return better
    }

    static func readTiers(_ t: NodeReader, bag: inout DiagnosticBag) -> Tiers? {
        var mode: TierMode?
        if let (text, location) = t.string("mode", required: true, bag: &bag) {
            mode = TierMode(rawValue: text)
            if mode == nil {
                let all = TierMode.allCases.map(\.rawValue)
                bag.error(location, "`\(t.name("mode"))` must be step, graduated or retroactive, got `\(text)`",
                          fix: closestMatch(to: text, in: all).map { "did you mean `\($0)`?" } ?? "use step, graduated or retroactive")
            }
        }
        let better = readBetter(t, bag: &bag)
        if better == .lower, let mode, mode != .step {
            bag.error(t.keyLocation("better"), "`better: lower` is not supported with `\(mode.rawValue)` tiers, only with `step`",
                      fix: "use `mode: step`, or pay from a metric where more is better (e.g. a derived metric such as `600 - aht_seconds`)")
            return nil
        }
        guard let mode, let better else { return nil }
        let valueKey = mode == .step ? "amount" : "rate"
        guard let bands = readBands(t, key: "bands", better: better, valueKey: valueKey, otherValueKeys: mode == .step ? ["rate"] : ["amount"],
                                    what: mode.rawValue, bag: &bag)
        else { return nil }
        return Tiers(mode: mode, better: better, bands: bands)
    }

    /// Reads a band list: `from` (better: higher, strictly ascending) or `to` (better: lower,
    /// strictly descending), and exactly one value under `valueKey`.
    static func readBands(_ reader: NodeReader, key: String, better: Better, valueKey: String, otherValueKeys: [String], what: String,
                          bag: inout DiagnosticBag) -> [Band]? {
        guard let items = reader.list(key, required: true, bag: &bag) else { return nil }
        guard !items.isEmpty else {
            bag.error(reader.keyLocation(key), "`\(reader.name(key))` is empty", fix: "add at least one band")
            return nil
        }
        let thresholdKey = better == .higher ? "from" : "to"
        let wrongThreshold = better == .higher ? "to" : "from"
        var bands: [Band] = []
        var ok = true
        var previous: (value: ExactDecimal, line: Int)?
        for (i, item) in items.enumerated() {
            let path = "\(reader.name(key))[\(i)]"
            guard let b = NodeReader.mapping(item, path: path, known: ["from", "to", valueKey] + otherValueKeys, bag: &bag) else {
                ok = false
                continue
            }
            var bandOK = true
            if b.node["from"] != nil, b.node["to"] != nil {
                bag.error(item.location, "band `\(path)` has both `from` and `to`",
                          fix: better == .higher ? "keep `from` (bands start at `from`; add `better: lower` for `to` bands)" : "keep `to` (with `better: lower` bands end at `to`)")
                bandOK = false
            } else if b.node[wrongThreshold] != nil {
                bag.error(b.keyLocation(wrongThreshold),
                          better == .higher ? "band `\(path)` uses `to`, but with `better: higher` bands start at `from`"
                                            : "band `\(path)` uses `from`, but with `better: lower` bands end at `to`",
                          fix: better == .higher ? "write `from:` (or set `better: lower` where less is better)" : "write `to:` (an inclusive upper bound)")
                bandOK = false
            }
            for other in otherValueKeys where b.node[other] != nil {
                bag.error(b.keyLocation(other), "a \(what) band pays `\(valueKey)`, not `\(other)`",
                          fix: b.node[valueKey] != nil ? "delete `\(other)`" : "rename `\(other)` to `\(valueKey)`")
                bandOK = false
            }
            if !bandOK {
                ok = false
                continue
            }
            let threshold = b.decimal(thresholdKey, required: true, bag: &bag)
            // Points stay small so that scores, and pool shares weighted by them, stay well inside exact arithmetic.
            let value = valueKey == "points" ? b.decimal(valueKey, required: true, min: .zero, max: 1000, bag: &bag)
                : b.decimal(valueKey, required: true, min: .zero, bag: &bag)
            guard let threshold, let value else {
                ok = false
                continue
            }
            let location = b.keyLocation(thresholdKey)
            if let previous {
                if threshold == previous.value {
                    bag.error(location, "two bands have `\(thresholdKey): \(threshold)` (also line \(previous.line))", fix: "merge them or delete one")
                    ok = false
                } else if better == .higher ? threshold < previous.value : threshold > previous.value {
                    bag.error(location, "bands are not in order: `\(thresholdKey): \(threshold)` comes after `\(thresholdKey): \(previous.value)`",
                              fix: better == .higher ? "sort the bands by `from`, smallest first" : "sort the bands by `to`, largest first (with `better: lower` lower values are better)")
                    ok = false
                }
            }
            previous = (threshold, location.line)
            bands.append(Band(threshold: threshold, value: value))
        }
        return ok ? bands : nil
    }

    static let measureKeys = ["metric", "weight", "better", "missing", "points"]

    static func readScorecard(_ c: NodeReader, bag: inout DiagnosticBag) -> Scorecard? {
        guard let s = c.child("scorecard", known: ["measures", "grades", "base_amount"], required: true, bag: &bag) else { return nil }
        var measures: [Scorecard.Measure] = []
        var ok = true
        let items = s.list("measures", required: true, bag: &bag) ?? []
        if items.isEmpty, s.node["measures"] != nil {
            bag.error(s.keyLocation("measures"), "`\(s.name("measures"))` is empty", fix: "add at least one measure")
            ok = false
        }
        for (i, item) in items.enumerated() {
            guard let m = NodeReader.mapping(item, path: "\(s.name("measures"))[\(i)]", known: measureKeys, bag: &bag) else {
                ok = false
                continue
            }
            let metric = metricName(m, "metric", required: true, bag: &bag)
            let weight = m.decimal("weight", required: true, min: .zero, max: .one, bag: &bag)
            let better = readBetter(m, bag: &bag)
            let missing = readMissing(m, "missing", bag: &bag)
            let points = better.flatMap { readBands(m, key: "points", better: $0, valueKey: "points", otherValueKeys: ["amount", "rate"],
                                                    what: "scorecard", bag: &bag) }
            guard let metric, let weight, let better, let points else {
                ok = false
                continue
            }
            measures.append(Scorecard.Measure(metric: metric, weight: weight, better: better, missing: missing, points: points))
        }
        if ok, !measures.isEmpty {
            let sum = measures.reduce(ExactDecimal.zero) { $0 + $1.weight }
            if sum != .one {
                bag.error(s.keyLocation("measures"), "the scorecard weights sum to \(sum), not 1",
                          fix: "adjust the weights (\(measures.map { $0.weight.description }.joined(separator: " + "))) so they add up to exactly 1")
                ok = false
            }
        }
        let grades = readGrades(s, bag: &bag)
        let base = s.decimal("base_amount", required: true, min: .zero, bag: &bag)
        guard ok, let grades, let base else { return nil }
        return Scorecard(measures: measures, grades: grades, baseAmount: base)
    }

    /// Grades may be listed ascending or descending by `from` (not mixed); they are stored descending.
    static func readGrades(_ s: NodeReader, bag: inout DiagnosticBag) -> [Scorecard.Grade]? {
        guard let items = s.list("grades", required: true, bag: &bag) else { return nil }
        guard !items.isEmpty else {
            bag.error(s.keyLocation("grades"), "`\(s.name("grades"))` is empty", fix: "add at least one grade, e.g. {from: 60, grade: C, coefficient: 0.5}")
            return nil
        }
        var grades: [(grade: Scorecard.Grade, location: SourceLocation)] = []
        var ok = true
        for (i, item) in items.enumerated() {
            guard let g = NodeReader.mapping(item, path: "\(s.name("grades"))[\(i)]", known: ["from", "grade", "coefficient"], bag: &bag) else {
                ok = false
                continue
            }
            let from = g.decimal("from", required: true, bag: &bag)
            let name = g.string("grade", required: true, bag: &bag)
            let coefficient = g.decimal("coefficient", required: true, min: .zero, bag: &bag)
            guard let from, let name, let coefficient else {
                ok = false
                continue
            }
            if let same = grades.first(where: { $0.grade.from == from }) {
                bag.error(g.keyLocation("from"), "two grades have `from: \(from)` (also line \(same.location.line))", fix: "merge them or delete one")
                ok = false
            }
            if let same = grades.first(where: { $0.grade.grade == name.text }) {
                bag.error(name.location, "grade `\(name.text)` is defined twice (also line \(same.location.line))", fix: "give every grade its own name")
                ok = false
            }
            grades.append((Scorecard.Grade(from: from, grade: name.text, coefficient: coefficient), g.keyLocation("from")))
        }
        guard ok else { return nil }
        let froms = grades.map(\.grade.from)
        let ascending = zip(froms, froms.dropFirst()).allSatisfy { $0 < $1 }
        let descending = zip(froms, froms.dropFirst()).allSatisfy { $0 > $1 }
        guard ascending || descending else {
            let rising = froms[0] < froms[1]
            let k = (1..<(froms.count - 1)).first { (froms[$0] < froms[$0 + 1]) != rising } ?? 0
            bag.error(grades[k + 1].location, "grades are not in order of `from`",
                      fix: "list the grades by `from`, highest first (e.g. A from 90, B from 75, C from 60)")
            return nil
        }
        return grades.map(\.grade).sorted { $0.from > $1.from }
    }
}
