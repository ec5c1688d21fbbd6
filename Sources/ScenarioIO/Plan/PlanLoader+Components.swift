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
            let name = c.nonEmptyName("name", bag: &bag)
            if let name {
                if let line = firstLine[name.text] {
                    bag.error(name.location, Texts.current(.plComponentTwice, name.text, String(line)), fix: Texts.current(.plComponentTwiceFix))
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
                bag.error(item.location, Texts.current(.plRequiresList, c.name("requires"), item.kindName), fix: Texts.current(.plRequiresListFix))
                continue
            }
            guard gates.contains(text) else {
                let hint = closestMatch(to: text, in: gates).map { Texts.current(.errDidYouMean, $0) }
                    ?? (gates.isEmpty ? Texts.current(.plDefineGate) : Texts.current(.plDefinedGates, gates.joined(separator: ", ")))
                bag.error(location, Texts.current(.plUnknownGate, text), fix: hint)
                continue
            }
            names.append(text)
        }
        return names
    }

    static func readRequiresMin(_ c: NodeReader, bag: inout DiagnosticBag) -> [(metric: String, minimum: ExactDecimal)] {
        guard let node = c.value("requires_min", required: false, bag: &bag) else { return [] }
        guard case .mapping(let entries, _) = node else {
            bag.error(node.location, Texts.current(.plRequiresMinMapping, c.name("requires_min"), node.kindName), fix: Texts.current(.plRequiresMinMappingFix))
            return []
        }
        var result: [(metric: String, minimum: ExactDecimal)] = []
        for entry in entries {
            if !isMetricName(entry.key) {
                bag.error(entry.keyLocation, Texts.current(.plNotMetricName, entry.key), fix: Texts.current(.plNotMetricNameFix))
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
                bag.error(c.keyLocation("scorecard"), Texts.current(.plScorecardAndTiers, c.path), fix: Texts.current(.plScorecardAndTiersFix))
                return nil
            }
            return readScorecard(c, bag: &bag).map(ComponentKind.scorecard)
        }
        guard hasTiers || hasMetric else {
            bag.error(item.location, Texts.current(.plPaysFromNothing, c.path), fix: Texts.current(.plPaysFromNothingFix))
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
            bag.error(location, Texts.current(.plBetter, reader.name("better"), text), fix: Texts.current(.plBetterFix))
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
                bag.error(location, Texts.current(.plTierMode, t.name("mode"), text),
                          fix: closestMatch(to: text, in: all).map { Texts.current(.errDidYouMean, $0) } ?? Texts.current(.plTierModeFix))
            }
        }
        let better = readBetter(t, bag: &bag)
        if better == .lower, let mode, mode != .step {
            bag.error(t.keyLocation("better"), Texts.current(.plLowerOnlyStep, mode.rawValue), fix: Texts.current(.plLowerOnlyStepFix))
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
            bag.error(reader.keyLocation(key), Texts.current(.plEmpty, reader.name(key)), fix: Texts.current(.plAddBand))
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
                bag.error(item.location, Texts.current(.plBandBoth, path),
                          fix: better == .higher ? Texts.current(.plBandBothFromFix) : Texts.current(.plBandBothToFix))
                bandOK = false
            } else if b.node[wrongThreshold] != nil {
                bag.error(b.keyLocation(wrongThreshold),
                          better == .higher ? Texts.current(.plBandUsesTo, path) : Texts.current(.plBandUsesFrom, path),
                          fix: better == .higher ? Texts.current(.plBandUsesToFix) : Texts.current(.plBandUsesFromFix))
                bandOK = false
            }
            for other in otherValueKeys where b.node[other] != nil {
                bag.error(b.keyLocation(other), Texts.current(.plBandValue, what, valueKey, other),
                          fix: b.node[valueKey] != nil ? Texts.current(.plDelete, other) : Texts.current(.mtRename, other, valueKey))
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
                    bag.error(location, Texts.current(.plBandsSame, thresholdKey, "\(threshold)", String(previous.line)), fix: Texts.current(.plMergeFix))
                    ok = false
                } else if better == .higher ? threshold < previous.value : threshold > previous.value {
                    bag.error(location, Texts.current(.plBandsOrder, thresholdKey, "\(threshold)", "\(previous.value)"),
                              fix: better == .higher ? Texts.current(.plBandsOrderFromFix) : Texts.current(.plBandsOrderToFix))
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
            bag.error(s.keyLocation("measures"), Texts.current(.plEmpty, s.name("measures")), fix: Texts.current(.plAddMeasure))
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
                bag.error(s.keyLocation("measures"), Texts.current(.plWeights, "\(sum)"),
                          fix: Texts.current(.plWeightsFix, measures.map { $0.weight.description }.joined(separator: " + ")))
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
            bag.error(s.keyLocation("grades"), Texts.current(.plEmpty, s.name("grades")), fix: Texts.current(.plAddGrade))
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
                bag.error(g.keyLocation("from"), Texts.current(.plGradesSame, "\(from)", String(same.location.line)), fix: Texts.current(.plMergeFix))
                ok = false
            }
            if let same = grades.first(where: { $0.grade.grade == name.text }) {
                bag.error(name.location, Texts.current(.plGradeTwice, name.text, String(same.location.line)), fix: Texts.current(.plGradeTwiceFix))
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
            bag.error(grades[k + 1].location, Texts.current(.plGradesOrder), fix: Texts.current(.plGradesOrderFix))
            return nil
        }
        return grades.map(\.grade).sorted { $0.from > $1.from }
    }
}
