import Core
public import Rostering

/// `compare.csv`: one row per measure, one column per scenario, then each scenario's difference to the first.
public enum CompareSheet {
    /// A measure's name, its decimals, whether more is better, and its value per scenario.
    public struct Row: Sendable {
        public let measure: String
        public let places: Int
        /// true: more is better; false: less is better; nil: neither.
        public let moreIsBetter: Bool?
        public let values: [Double?]
        /// For a measure that is text (`solver_status`): the text per scenario.
        public var texts: [String]? = nil
    }

    public static func rows(_ measures: [ScenarioMeasures]) -> [Row] {
        func d(_ x: ExactDecimal?) -> Double? { x?.doubleValue }
        return [
            Row(measure: "contacts", places: 2, moreIsBetter: nil, values: measures.map { d($0.contacts) }),
            Row(measure: "required_agent_hours", places: 2, moreIsBetter: nil, values: measures.map { d($0.requiredAgentHours) }),
            Row(measure: "paid_hours", places: 2, moreIsBetter: nil, values: measures.map { d($0.paidHours) }),
            Row(measure: "labour_cost", places: 2, moreIsBetter: false, values: measures.map { d($0.labourCost) }),
            Row(measure: "understaffed_agent_hours", places: 2, moreIsBetter: false, values: measures.map { d($0.understaffedAgentHours) }),
            Row(measure: "service_level_week", places: 4, moreIsBetter: true, values: measures.map(\.serviceLevelWeek)),
            Row(measure: "service_level_worst_day", places: 4, moreIsBetter: true, values: measures.map(\.serviceLevelWorstDay)),
            Row(measure: "occupancy", places: 4, moreIsBetter: nil, values: measures.map(\.occupancy)),
            Row(measure: "bonus_total", places: 2, moreIsBetter: false, values: measures.map { d($0.bonusTotal) }),
            Row(measure: "cost_per_contact", places: 4, moreIsBetter: false, values: measures.map { d($0.costPerContact) }),
            Row(measure: "solver_gap", places: 6, moreIsBetter: false, values: measures.map(\.solverGap)),
            Row(measure: "agents", places: 0, moreIsBetter: nil, values: measures.map { Double($0.agents) }),
            Row(measure: "overstaffed_agent_hours", places: 2, moreIsBetter: false, values: measures.map { d($0.overstaffedAgentHours) }),
            Row(measure: "abandon_rate", places: 4, moreIsBetter: false, values: measures.map(\.abandonRate)),
            Row(measure: "solver_status", places: 0, moreIsBetter: nil, values: measures.map { _ in nil }, texts: measures.map(\.solverStatus)),
        ]
    }

    public static func csv(names: [String], measures: [ScenarioMeasures], bom: Bool = false) -> CSVWriter {
        let first = names.first ?? ""
        var w = CSVWriter(header: ["measure"] + names + names.dropFirst().map { "\($0) - \(first)" }, bom: bom)
        for row in rows(measures) {
            var cells: [CSVCell] = [.text(row.measure)]
            if let texts = row.texts {
                // Text has no difference column: the differences are left empty.
                w.append(cells + texts.map { .text($0) } + texts.dropFirst().map { _ in .empty })
                continue
            }
            cells += row.values.map { v in v.map { .number(Format.fixed($0, places: row.places)) } ?? .empty }
            for v in row.values.dropFirst() {
                if let v, let base = row.values.first ?? nil {
                    cells.append(.number(Format.fixed(v - base, places: row.places)))
                } else {
                    cells.append(.empty)
                }
            }
            w.append(cells)
        }
        return w
    }
}
