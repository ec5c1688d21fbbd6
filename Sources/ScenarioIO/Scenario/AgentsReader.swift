public import Core

/// Reads the agents CSV (SPEC §4.3).
public enum AgentsReader {
    static let optional = ["team", "skills", "unavailable", "preferred_days_off", "preferred_start", "earliest_start", "latest_end"]

    public static func read(_ table: CSVTable, contracts: [Contract], grid: TimeGrid, bag: inout DiagnosticBag) -> [Agent] {
        var local = DiagnosticBag()
        let columns = table.columns(required: ["agent_id", "name", "contract", "hourly_cost"], optional: optional, bag: &local)
        guard !local.hasErrors else {
            bag.append(contentsOf: local.items)
            return []
        }
        var agents: [Agent] = []
        var firstLine: [String: Int] = [:]
        let contractNames = contracts.map(\.name)
        for record in table.records {
            let id = columns.text("agent_id", in: record, maxLength: Agent.maxIDLength, bag: &local)
            if id.isEmpty {
                local.error(columns.location("agent_id", in: record), Texts.current(.agEmptyID), fix: Texts.current(.agUniqueFix))
            } else if let first = firstLine[id] {
                local.error(columns.location("agent_id", in: record), Texts.current(.agIDTwice, id, String(first)), fix: Texts.current(.agUniqueFix))
            } else {
                firstLine[id] = record.line
            }
            let contract = columns.cell("contract", in: record)
            if !contractNames.contains(contract) {
                let hint = closestMatch(to: contract, in: contractNames).map { Texts.current(.errDidYouMean, $0) }
                    ?? Texts.current(.agContractsDefined, contractNames.joined(separator: ", "))
                local.error(columns.location("contract", in: record), Texts.current(.agUnknownContract, contract), fix: hint)
            }
            let costText = columns.cell("hourly_cost", in: record)
            let cost = ExactDecimal(costText)
            if cost == nil || cost?.isNegative == true || (cost.map { $0 > ExactDecimal(1_000_000) || $0.normalized.scale > 4 } ?? false) {
                local.error(columns.location("hourly_cost", in: record), Texts.current(.agCost, costText), fix: Texts.numberFix(costText, else: Texts.current(.agCostFix)))
            }
            var dates = Set<LocalDate>()
            var weekdays = Set<Weekday>()
            for token in split(columns.cell("unavailable", in: record)) {
                if let day = Weekday(name: token) {
                    weekdays.insert(day)
                } else if let date = LocalDate(iso: token) {
                    if date < grid.weekStart || date > grid.weekEnd {
                        local.warning(columns.location("unavailable", in: record), Texts.current(.agUnavailableOutside, date.description, grid.weekStart.description, grid.weekEnd.description))
                    }
                    dates.insert(date)
                } else {
                    local.error(columns.location("unavailable", in: record), Texts.current(.agUnavailableBad, String(token)),
                                fix: Texts.current(.agUnavailableFix, grid.weekStart.adding(days: 2).description))
                }
            }
            var preferred = Set<Weekday>()
            for token in split(columns.cell("preferred_days_off", in: record)) {
                if let day = Weekday(name: token) {
                    preferred.insert(day)
                } else {
                    local.error(columns.location("preferred_days_off", in: record), Texts.current(.agDayOffBad, String(token)),
                                fix: Texts.current(.agDayOffFix))
                }
            }
            let preferredStart = clock(columns, "preferred_start", record, maxHours: nil, bag: &local)
            let earliest = clock(columns, "earliest_start", record, maxHours: nil, bag: &local)
            let latest = clock(columns, "latest_end", record, maxHours: 48, bag: &local)
            if let earliest, let latest, latest <= earliest {
                local.error(columns.location("latest_end", in: record), Texts.current(.agWindow, "\(latest)", "\(earliest)"),
                            fix: Texts.current(.agWindowFix))
            }
            guard let cost else { continue }
            agents.append(Agent(
                id: id, name: columns.text("name", in: record, bag: &local), contract: contract, hourlyCost: cost,
                team: columns.text("team", in: record, bag: &local), skills: split(columns.cell("skills", in: record)),
                unavailableDates: dates, unavailableWeekdays: weekdays, preferredDaysOff: preferred,
                preferredStart: preferredStart, earliestStart: earliest, latestEnd: latest
            ))
        }
        if table.records.isEmpty {
            local.error(SourceLocation(file: table.file, line: table.headerLine), Texts.current(.agNoAgents), fix: Texts.current(.agNoAgentsFix))
        }
        bag.append(contentsOf: local.items)
        return agents
    }

    static func split(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    static func clock(_ columns: CSVColumns, _ name: String, _ record: CSVRecord, maxHours: Int?, bag: inout DiagnosticBag) -> ClockTime? {
        let text = columns.cell(name, in: record)
        guard !text.isEmpty else { return nil }
        guard let time = maxHours.map({ ClockTime(text: text, maxHours: $0) }) ?? ClockTime(timeOfDay: text) else {
            bag.error(columns.location(name, in: record), Texts.current(.agTime, name, text), fix: Texts.current(.agTimeFix))
            return nil
        }
        return time
    }
}
