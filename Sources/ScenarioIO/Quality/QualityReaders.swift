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
            if id.isEmpty { bag.error(columns.location("contact_id", in: record), "contact_id is empty", fix: "give every contact its id") }
            if agent.isEmpty { bag.error(columns.location("agent_id", in: record), "agent_id is empty", fix: "give every contact the agent who handled it") }
            if LocalDateTime(iso: start) == nil {
                bag.error(columns.location("start", in: record), "start `\(start)` is not a local date-time", fix: "write it as 2026-11-30T08:15")
            }
            if !id.isEmpty, let line = seen[id] {
                bag.error(columns.location("contact_id", in: record), "contact \(id) appears twice (first on line \(line))", fix: "keep one row per contact")
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
                if let line = names[n.text] { bag.error(n.location, "two criteria are called `\(n.text)` (also line \(line))", fix: "give every criterion its own name") }
                names[n.text] = n.location.line
            }
            let weight = c.decimal("weight", required: true, min: .zero, max: 100, minExclusive: true, bag: &bag)
            let autoFail = c.bool("auto_fail", bag: &bag) ?? false
            if let n, let weight { criteria.append(.init(name: n.text, weight: weight, autoFail: autoFail)) }
        }
        let sum = criteria.reduce(ExactDecimal.zero) { $0 + $1.weight }
        if !bag.hasErrors, sum != 100 {
            bag.error(top.keyLocation("criteria"), "the criteria's weights add up to \(sum.normalized), not 100",
                      fix: "make the weights sum to 100 (each is the criterion's share of the score)")
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
                bag.error(columns.location("contact_id", in: record), "contact \(id) is scored twice (first on line \(line))", fix: "keep one row per inspected contact")
                continue
            }
            seen[id] = record.line
            if let known {
                if let owner = known[id] {
                    if owner != agent {
                        bag.error(columns.location("agent_id", in: record), "contact \(id) was handled by \(owner), not \(agent)", fix: "copy the agent from the sample")
                    }
                } else {
                    bag.error(columns.location("contact_id", in: record), "contact \(id) is not in the sample", fix: "score only sampled contacts, or check the id")
                }
            }
            var values: [ExactDecimal] = []
            for c in form.criteria {
                let text = columns.cell(c.name, in: record)
                if let v = ExactDecimal(text), !v.isNegative, v <= 100, v.normalized.scale <= 6 {
                    values.append(v)
                } else {
                    bag.error(columns.location(c.name, in: record), "`\(text)` for \(c.name) is not a score from 0 to 100", fix: "score every criterion 0–100")
                }
            }
            if values.count == form.criteria.count, !agent.isEmpty { out.append((agent, form.score(values).score)) }
        }
        try bag.throwIfErrors()
        return out
    }
}
