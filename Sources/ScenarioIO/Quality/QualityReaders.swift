public import Core
public import Incentives

/// The files of quality inspection (SPEC §10): handled contacts, a scoring form, the scored forms.
public enum QualityReaders {
    /// `contact_id,agent_id,start[,…]`: every contact once, with its agent and start (a local date-time).
    public static func contacts(_ path: String) throws -> [QualityInspection.Contact] {
        let file = InputPath.normalize(path)
        let table = try CSVTable.parse(try TextFile.read(file), file: file)
        var bag = DiagnosticBag()
        let columns = table.columns(required: ["contact_id", "agent_id", "start"], optional: [], bag: &bag)
        try bag.throwIfErrors()
        var out: [QualityInspection.Contact] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            let id = columns.text("contact_id", in: record, bag: &bag)
            let agent = columns.text("agent_id", in: record, maxLength: Agent.maxIDLength, bag: &bag)
            let start = columns.cell("start", in: record)
            if id.isEmpty { bag.error(columns.location("contact_id", in: record), Texts.current(.qaContactEmpty), fix: Texts.current(.qaContactEmptyFix)) }
            if agent.isEmpty { bag.error(columns.location("agent_id", in: record), Texts.current(.qaAgentEmpty), fix: Texts.current(.qaAgentEmptyFix)) }
            if LocalDateTime(iso: start) == nil {
                bag.error(columns.location("start", in: record), Texts.current(.qaStart, start), fix: Texts.current(.qaStartFix))
            }
            if !id.isEmpty, let line = seen[id] {
                bag.error(columns.location("contact_id", in: record), Texts.current(.qaContactTwice, id, String(line)), fix: Texts.current(.qaContactTwiceFix))
                continue
            }
            seen[id] = record.line
            out.append(.init(id: id, agentID: agent, start: start))
        }
        try bag.throwIfErrors()
        return out
    }

    /// The scoring form: `form: NAME` and `criteria: [{name, weight, auto_fail}]`, weights summing to 100.
    public static func form(_ path: String) throws -> QualityInspection.Form {
        let file = InputPath.normalize(path)
        let tree = try YAMLNode.parse(try TextFile.read(file), file: file)
        var bag = DiagnosticBag()
        guard let top = NodeReader.mapping(tree, path: "", known: ["form", "criteria"], bag: &bag) else { throw InputError(bag.items) }
        let name = top.string("form", bag: &bag)?.text ?? InputPath.stem(file)
        var criteria: [QualityInspection.Form.Criterion] = []
        var names: [String: Int] = [:]
        for (i, item) in (top.list("criteria", required: true, bag: &bag) ?? []).enumerated() {
            guard let c = NodeReader.mapping(item, path: "criteria[\(i)]", known: ["name", "weight", "auto_fail"], bag: &bag) else { continue }
            let n = c.string("name", required: true, bag: &bag)
            if let n {
                if let line = names[n.text] { bag.error(n.location, Texts.current(.qaCriterionTwice, n.text, String(line)), fix: Texts.current(.qaCriterionTwiceFix)) }
                names[n.text] = n.location.line
            }
            let weight = c.decimal("weight", required: true, min: .zero, max: 100, minExclusive: true, bag: &bag)
            let autoFail = c.bool("auto_fail", bag: &bag) ?? false
            if let n, let weight { criteria.append(.init(name: n.text, weight: weight, autoFail: autoFail)) }
        }
        let sum = criteria.reduce(ExactDecimal.zero) { $0 + $1.weight }
        if !bag.hasErrors, sum != 100 {
            bag.error(top.keyLocation("criteria"), Texts.current(.qaWeights, "\(sum.normalized)"), fix: Texts.current(.qaWeightsFix))
        }
        try bag.throwIfErrors()
        return QualityInspection.Form(name: name, criteria: criteria)
    }

    /// `contact_id,agent_id,<criterion>…`, each criterion 0–100: the inspected contacts' scores.
    /// With `known` (a sample's contacts), a contact outside it, or with another agent, is an error.
    public static func scoredForms(_ path: String, form: QualityInspection.Form, known: [String: String]?) throws -> [(agentID: String, score: ExactDecimal)] {
        let file = InputPath.normalize(path)
        let table = try CSVTable.parse(try TextFile.read(file), file: file)
        var bag = DiagnosticBag()
        let columns = table.columns(required: ["contact_id", "agent_id"] + form.criteria.map(\.name), optional: [], bag: &bag)
        try bag.throwIfErrors()
        var out: [(agentID: String, score: ExactDecimal)] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            let id = columns.text("contact_id", in: record, bag: &bag)
            let agent = columns.text("agent_id", in: record, maxLength: Agent.maxIDLength, bag: &bag)
            if let line = seen[id] {
                bag.error(columns.location("contact_id", in: record), Texts.current(.qaScoredTwice, id, String(line)), fix: Texts.current(.qaScoredTwiceFix))
                continue
            }
            seen[id] = record.line
            if let known {
                if let owner = known[id] {
                    if owner != agent {
                        bag.error(columns.location("agent_id", in: record), Texts.current(.qaOtherAgent, id, owner, agent), fix: Texts.current(.qaOtherAgentFix))
                    }
                } else {
                    bag.error(columns.location("contact_id", in: record), Texts.current(.qaNotSampled, id), fix: Texts.current(.qaNotSampledFix))
                }
            }
            var values: [ExactDecimal] = []
            for c in form.criteria {
                let text = columns.cell(c.name, in: record)
                if let v = ExactDecimal(text), !v.isNegative, v <= 100, v.normalized.scale <= 6 {
                    values.append(v)
                } else {
                    bag.error(columns.location(c.name, in: record), Texts.current(.qaScore, text, c.name), fix: Texts.current(.qaScoreFix))
                }
            }
            if values.count == form.criteria.count, !agent.isEmpty { out.append((agent, form.score(values).score)) }
        }
        try bag.throwIfErrors()
        return out
    }
}
