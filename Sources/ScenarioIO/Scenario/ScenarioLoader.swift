public import Core

/// A scenario read from its files, with the warnings found on the way.
public struct LoadedScenario: Sendable {
    public let scenario: Scenario
    public let warnings: [Diagnostic]
}

/// Loads a scenario YAML (following `extends`), its forecast or requirements CSV and its agents CSV.
///
/// Every problem in every file is collected; the scenario is returned only when there are none.
public enum ScenarioLoader {
    static let topKeys = ["name", "week_start", "interval_minutes", "forecast", "requirements", "agents", "staffing", "shifts",
                          "contracts", "rules", "costs", "solver", "bonus", "extends", "adjust", "hires"]

    /// Loads and validates the scenario at `path`.
    ///
    /// - Parameter absoluteRoot: When given, an absolute path written in a file (`extends`, `forecast`,
    ///   `requirements`, `agents`) is read under this folder instead (a recorded run's copies laid out there).
    /// - Throws: `MissingInputError` (a file is missing) or `InputError` (every problem found).
    public static func load(_ path: String, overrides: [ScenarioOverride] = [], absoluteRoot: String? = nil) throws -> LoadedScenario {
        var files: [String] = []
        let paths = PathResolver(absoluteRoot: absoluteRoot)
        var tree = try loadTree(InputPath.normalize(path), chain: [], referencedFrom: nil, files: &files, paths: paths)
        for override in overrides { tree = override.applied(to: tree) }
        var bag = DiagnosticBag()
        let scenario = try decode(tree, mainFile: InputPath.normalize(path), files: &files, bag: &bag, paths: paths)
        try bag.throwIfErrors()
        guard let scenario else { throw InputError(bag.items) }
        return LoadedScenario(scenario: scenario, warnings: bag.warnings)
    }

    /// The most files one `extends` chain may hold.
    static let maxExtendsDepth = 16

    /// Reads one YAML file and, when it `extends` another, merges it over that base.
    /// Paths written in a file, resolved against that file's folder; absolute ones under `absoluteRoot` when given.
    struct PathResolver {
        let absoluteRoot: String?

        func resolve(_ text: String, relativeTo file: String) -> String {
            if let absoluteRoot, text.hasPrefix("/") { return absoluteRoot + InputPath.normalize(text) }
            return InputPath.resolve(text, relativeTo: file)
        }
    }

    static func loadTree(_ path: String, chain: [String], referencedFrom: SourceLocation?, files: inout [String],
                         paths: PathResolver) throws -> YAMLNode {
        let text = try TextFile.read(path, referencedFrom: referencedFrom)
        files.append(path)
        let node = try YAMLNode.parse(text, file: path)
        guard case .mapping(let entries, let location) = node else {
            throw InputError([Diagnostic(at: node.location, Texts.current(.scNotMapping, node.kindName), fix: Texts.current(.scNotMappingFix))])
        }
        guard let extendsEntry = entries.first(where: { $0.key == "extends" }) else { return node }
        guard case .scalar(let basePath, _, let baseLocation) = extendsEntry.value, !extendsEntry.value.isNull else {
            throw InputError([Diagnostic(at: extendsEntry.value.location, Texts.current(.scExtendsOne), fix: Texts.current(.scExtendsOneFix))])
        }
        let resolved = paths.resolve(basePath, relativeTo: path)
        let newChain = chain + [path]
        if newChain.count >= maxExtendsDepth {
            throw InputError([Diagnostic(at: baseLocation, Texts.current(.scExtendsDeep, String(maxExtendsDepth)), fix: Texts.current(.scExtendsDeepFix))])
        }
        if newChain.contains(resolved) {
            let cycle = (newChain.drop(while: { $0 != resolved }) + [resolved]).joined(separator: " → ")
            throw InputError([Diagnostic(at: baseLocation, Texts.current(.scExtendsCycle, cycle), fix: Texts.current(.scExtendsCycleFix))])
        }
        let base = try loadTree(resolved, chain: newChain, referencedFrom: baseLocation, files: &files, paths: paths)
        let own = YAMLNode.mapping(entries.filter { $0.key != "extends" }, location)
        return base.merged(with: own)
    }

    // MARK: - Decoding

    static func decode(_ tree: YAMLNode, mainFile: String, files: inout [String], bag: inout DiagnosticBag,
                       paths: PathResolver = PathResolver(absoluteRoot: nil)) throws -> Scenario? {
        guard let top = NodeReader.mapping(tree, path: "", known: topKeys, bag: &bag) else { return nil }

        let name = top.string("name", required: true, bag: &bag)?.text ?? InputPath.stem(mainFile)
        // The name is a folder name under reports/: never `.`/`..`, a path, hidden, or unprintable.
        if name.isEmpty || name.hasPrefix(".") || name.contains("/") || name.contains("\\") || name.count > 100
            || FormulaGuard.firstControlCharacter(in: name) != nil {
            bag.error(top.keyLocation("name"), Texts.current(.scName, String(name.debugDescription.dropFirst().dropLast())), fix: Texts.current(.scNameFix))
        }
        let weekStart = readWeekStart(top, bag: &bag)
        let interval = top.integer("interval_minutes", required: true, bag: &bag).flatMap { value -> Int? in
            guard [15, 30, 60].contains(value) else {
                bag.error(top.keyLocation("interval_minutes"), Texts.current(.scInterval, "\(value)"), fix: Texts.current(.scIntervalFix))
                return nil
            }
            return value
        }
        var staffing = readStaffing(top, bag: &bag)
        let shifts = readShifts(top, interval: interval, bag: &bag)
        let contracts = readContracts(top, shifts: shifts, bag: &bag)
        let rules = readRules(top, bag: &bag)
        let costs = readCosts(top, bag: &bag)
        let solver = readSolver(top, bag: &bag)
        let adjust = readAdjust(top, bag: &bag)
        let bonus = readBonus(top, bag: &bag)

        // The YAML must be sound before the CSVs it names are worth reading.
        guard !bag.hasErrors, let weekStart, let interval, let shifts else { return nil }
        let grid = TimeGrid(weekStart: weekStart, intervalMinutes: interval)

        // Demand: exactly one of forecast and requirements.
        let forecastPath = top.string("forecast", bag: &bag)
        let requirementsPath = top.string("requirements", bag: &bag)
        var demand: Demand?
        switch (forecastPath, requirementsPath) {
        case (nil, nil):
            bag.error(tree.location, Texts.current(.scNoDemand), fix: Texts.current(.scNoDemandFix))
        case (.some, .some):
            bag.error(top.keyLocation("requirements"), Texts.current(.scBothDemand), fix: Texts.current(.scBothDemandFix))
        case (.some(let f), nil):
            let path = paths.resolve(f.text, relativeTo: f.location.file)
            files.append(path)
            if let table = try readTable(path, from: f.location, bag: &bag) {
                demand = ForecastReader.read(table, grid: grid, adjust: adjust, bag: &bag).map(Demand.forecast)
            }
        case (nil, .some(let r)):
            let path = paths.resolve(r.text, relativeTo: r.location.file)
            files.append(path)
            if let table = try readTable(path, from: r.location, bag: &bag) {
                demand = RequirementsReader.read(table, grid: grid, bag: &bag).map(Demand.requirements)
            }
        }
        // A forecast without `staffing:` is staffed with the documented defaults (the section with no keys).
        if case .forecast = demand, staffing == nil {
            staffing = Self.defaultStaffing
        }

        var agents: [Agent] = []
        if let a = top.string("agents", required: true, bag: &bag) {
            let path = paths.resolve(a.text, relativeTo: a.location.file)
            files.append(path)
            if let table = try readTable(path, from: a.location, bag: &bag) {
                agents = AgentsReader.read(table, contracts: contracts, grid: grid, bag: &bag)
            }
        }
        agents += readHires(top, contracts: contracts, existing: agents, bag: &bag)

        guard !bag.hasErrors, let demand else { return nil }
        return Scenario(
            name: name, grid: grid, demand: demand, agents: agents,
            staffing: staffing ?? StaffingPolicy(serviceLevel: 0, answerSeconds: 0, maxOccupancy: 1, shrinkage: 0, minAgentsOpen: 0),
            shifts: shifts, contracts: contracts, rules: rules, costs: costs, solver: solver, adjust: adjust, bonus: bonus,
            sourceFiles: files
        )
    }

    static func readTable(_ path: String, from location: SourceLocation, bag: inout DiagnosticBag) throws -> CSVTable? {
        let text = try TextFile.read(path, referencedFrom: location)
        do {
            return try CSVTable.parse(text, file: path)
        } catch {
            bag.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    static func readWeekStart(_ top: NodeReader, bag: inout DiagnosticBag) -> LocalDate? {
        guard let (text, location) = top.string("week_start", required: true, bag: &bag) else { return nil }
        guard let date = LocalDate(iso: text) else {
            bag.error(location, Texts.current(.scWeekStart, text), fix: Texts.current(.scWeekStartFix))
            return nil
        }
        guard date.weekday == .mon else {
            let monday = date.adding(days: -date.weekday.rawValue)
            bag.error(location, Texts.current(.scNotMonday, "\(date)", Texts.current.weekday(date.weekday)),
                      fix: Texts.current(.scNotMondayFix, "\(monday)"))
            return nil
        }
        return date
    }

    static func readStaffing(_ top: NodeReader, bag: inout DiagnosticBag) -> StaffingPolicy? {
        guard let s = top.child("staffing", known: ["model", "service_level", "answer_seconds", "max_occupancy", "shrinkage", "min_agents_open",
                                                    "patience_seconds", "max_abandon_rate", "concurrency"], bag: &bag)
        else { return nil }
        let sl = s.decimal("service_level", min: 0, max: 1, minExclusive: true, maxExclusive: true, bag: &bag)
        let answer = s.decimal("answer_seconds", min: 0, bag: &bag)
        let occupancy = s.decimal("max_occupancy", min: 0, max: 1, minExclusive: true, bag: &bag)
        let shrinkage = s.decimal("shrinkage", min: 0, max: 1, maxExclusive: true, bag: &bag)
        let minOpen = s.integer("min_agents_open", min: 0, max: 100_000, bag: &bag)
        var model = QueueModel.erlangC
        if let (text, location) = s.string("model", bag: &bag) {
            if let m = QueueModel(rawValue: text) {
                model = m
            } else {
                let names = QueueModel.allCases.map(\.rawValue)
                bag.error(location, Texts.current(.scQueueModel, text),
                          fix: closestMatch(to: text, in: names).map { Texts.current(.errDidYouMean, $0) } ?? Texts.current(.scQueueModelFix, names.joined(separator: Texts.current(.wordOr))))
            }
        }
        // Patience up to a day: longer is Erlang C (nobody hangs up), which the model key says directly.
        let patience = s.decimal("patience_seconds", min: 0, max: 86_400, minExclusive: true, bag: &bag)
        let maxAbandon = s.decimal("max_abandon_rate", min: 0, max: 1, minExclusive: true, maxExclusive: true, bag: &bag)
        let concurrency = s.integer("concurrency", min: 1, max: 20, bag: &bag)
        if model == .erlangA, patience == nil, s.node["patience_seconds"] == nil {
            bag.error(s.keyLocation("model"), Texts.current(.scPatience),
                      fix: Texts.current(.scPatienceFix))
        }
        if model == .erlangC {
            for key in ["patience_seconds", "max_abandon_rate"] where s.node[key] != nil {
                bag.error(s.keyLocation(key), Texts.current(.scErlangAOnly, key), fix: Texts.current(.scErlangAOnlyFix, key))
            }
        }
        let d = defaultStaffing
        return StaffingPolicy(
            serviceLevel: sl ?? d.serviceLevel, answerSeconds: answer ?? d.answerSeconds,
            maxOccupancy: occupancy ?? d.maxOccupancy, shrinkage: shrinkage ?? d.shrinkage, minAgentsOpen: minOpen ?? d.minAgentsOpen,
            model: model, patienceSeconds: patience, maxAbandonRate: maxAbandon, concurrency: concurrency ?? 1
        )
    }

    /// `staffing:` when a key (or the whole section) is left out: SL 80 % in 20 s, occupancy up to 1, no shrinkage, 1 agent when open.
    static let defaultStaffing = StaffingPolicy(serviceLevel: ExactDecimal(mantissa: 8, scale: 1), answerSeconds: 20, maxOccupancy: .one,
                                                shrinkage: .zero, minAgentsOpen: 1)

    static func readShifts(_ top: NodeReader, interval: Int?, bag: inout DiagnosticBag) -> ShiftPolicy? {
        guard let s = top.child("shifts", known: ["lengths_hours", "start_step_minutes", "earliest_start", "latest_end", "breaks"], required: true, bag: &bag)
        else { return nil }
        let grid = interval ?? 1
        var lengths: [Int] = []
        if let items = s.list("lengths_hours", required: true, bag: &bag) {
            for item in items {
                guard case .scalar(let text, _, let location) = item,
                      let minutes = NodeReader.minutes(fromHours: text, at: location, name: "shifts.lengths_hours", min: 1, bag: &bag) else { continue }
                if minutes % grid != 0 {
                    bag.error(location, Texts.current(.scLengthMultiple, text, String(grid)), fix: Texts.current(.scLengthMultipleFix))
                } else if minutes > 24 * 60 {
                    bag.error(location, Texts.current(.scLengthDay, text), fix: Texts.current(.scLengthDayFix))
                } else if lengths.contains(minutes) {
                    bag.warning(location, Texts.current(.scLengthTwice, text))
                } else {
                    lengths.append(minutes)
                }
            }
            if items.isEmpty { bag.error(s.keyLocation("lengths_hours"), Texts.current(.scLengthsEmpty), fix: Texts.current(.scLengthsEmptyFix)) }
        }
        let step = s.integer("start_step_minutes", min: 1, max: 1440, bag: &bag) ?? grid
        if step % grid != 0 {
            bag.error(s.keyLocation("start_step_minutes"), Texts.current(.scStep, String(step), String(grid)), fix: Texts.current(.scStepFix, String(grid)))
        }
        let earliest = s.clock("earliest_start", required: true, bag: &bag)
        let latest = s.clock("latest_end", required: true, maxHours: 48, bag: &bag)
        if let earliest, earliest.minutes % grid != 0 {
            bag.error(s.keyLocation("earliest_start"), Texts.current(.scEarliestGrid, "\(earliest)", String(grid)),
                      fix: Texts.current(.scEarliestGridFix, "\(ClockTime(minutes: earliest.minutes / grid * grid))"))
        }
        if let earliest, let latest, latest.minutes <= earliest.minutes {
            bag.error(s.keyLocation("latest_end"), Texts.current(.scWindow, "\(latest)", "\(earliest)"),
                      fix: Texts.current(.scWindowFix))
        }
        if let earliest, let latest, let shortest = lengths.min(), latest.minutes - earliest.minutes < shortest {
            bag.error(s.keyLocation("latest_end"), Texts.current(.scNoShiftFits, "\(earliest)", "\(latest)", String(shortest / 60)),
                      fix: Texts.current(.scNoShiftFitsFix))
        }
        var breaks: [BreakRule] = []
        for (i, item) in (s.list("breaks", bag: &bag) ?? []).enumerated() {
            let path = "shifts.breaks[\(i)]"
            guard let b = NodeReader.mapping(item, path: path, known: ["name", "minutes", "paid", "min_shift_hours", "earliest_after_hours", "latest_before_end_hours"], bag: &bag)
            else { continue }
            let name = b.string("name", required: true, bag: &bag)?.text ?? "break\(i + 1)"
            let minutes = b.integer("minutes", required: true, min: 1, max: 1440, bag: &bag)
            let paid = b.bool("paid", bag: &bag) ?? false
            let minShift = b.minutes(fromHours: "min_shift_hours", bag: &bag) ?? 0
            let after = b.minutes(fromHours: "earliest_after_hours", bag: &bag) ?? 0
            let before = b.minutes(fromHours: "latest_before_end_hours", bag: &bag) ?? 0
            guard let minutes else { continue }
            if minutes % grid != 0 {
                bag.error(b.keyLocation("minutes"), Texts.current(.scBreakGrid, name, String(minutes), String(grid)), fix: Texts.current(.scBreakGridFix, String(grid)))
                continue
            }
            if breaks.contains(where: { $0.name == name }) {
                bag.error(b.keyLocation("name"), Texts.current(.scBreakName, name), fix: Texts.current(.scBreakNameFix))
            }
            let rule = BreakRule(name: name, minutes: minutes, paid: paid, minShiftMinutes: minShift, earliestAfterMinutes: after, latestBeforeEndMinutes: before)
            for length in lengths where rule.applies(toShiftMinutes: length) {
                // The break needs a grid-aligned start in [after, length − before − minutes].
                let firstStart = (after + grid - 1) / grid * grid
                if firstStart + minutes + before > length {
                    bag.error(item.location, Texts.current(.scBreakFit, name, hoursText(length), hoursText(after), String(minutes), hoursText(before)),
                              fix: Texts.current(.scBreakFitFix, hoursText(length)))
                }
            }
            breaks.append(rule)
        }
        guard let earliest, let latest, !lengths.isEmpty else { return nil }
        return ShiftPolicy(lengthsMinutes: lengths, startStepMinutes: step, earliestStart: earliest, latestEnd: latest, breaks: breaks)
    }

    static func hoursText(_ minutes: Int) -> String {
        Texts.current(.unitHours, minutes % 60 == 0 ? "\(minutes / 60)" : ExactDecimal(minutes).divided(by: 60, scale: 2, mode: .halfEven)?.description ?? "?")
    }

    static func readContracts(_ top: NodeReader, shifts: ShiftPolicy?, bag: inout DiagnosticBag) -> [Contract] {
        guard let node = top.value("contracts", required: true, bag: &bag) else { return [] }
        guard case .mapping(let entries, _) = node else {
            bag.error(node.location, Texts.current(.scContractsMapping), fix: Texts.current(.scContractsMappingFix))
            return []
        }
        if entries.isEmpty { bag.error(node.location, Texts.current(.scContractsEmpty), fix: Texts.current(.scContractsEmptyFix)) }
        var contracts: [Contract] = []
        for entry in entries {
            let path = "contracts.\(entry.key)"
            if entry.key.allSatisfy({ $0 == " " }) || FormulaGuard.firstControlCharacter(in: entry.key) != nil {
                bag.error(entry.keyLocation, Texts.current(.scContractName), fix: Texts.current(.scContractNameFix))
            }
            guard let c = NodeReader.mapping(entry.value, path: path, known: ["min_hours", "max_hours", "max_days", "lengths_hours"], bag: &bag) else { continue }
            let minMinutes = c.minutes(fromHours: "min_hours", bag: &bag) ?? 0
            let maxMinutes = c.minutes(fromHours: "max_hours", required: true, bag: &bag)
            let maxDays = c.integer("max_days", min: 1, max: 7, bag: &bag) ?? 7
            var lengths: [Int] = []
            if let items = c.list("lengths_hours", bag: &bag) {
                for item in items {
                    guard case .scalar(let text, _, let location) = item,
                          let minutes = NodeReader.minutes(fromHours: text, at: location, name: "\(path).lengths_hours", min: 1, bag: &bag) else { continue }
                    if let shifts, !shifts.lengthsMinutes.contains(minutes) {
                        let allowed = shifts.lengthsMinutes.map { hoursText($0) }.joined(separator: Texts.current(.listComma))
                        bag.error(location, Texts.current(.scContractLength, entry.key, text, allowed), fix: Texts.current(.scContractLengthFix, text))
                    } else {
                        lengths.append(minutes)
                    }
                }
            } else {
                lengths = shifts?.lengthsMinutes ?? []
            }
            guard let maxMinutes else { continue }
            if minMinutes > maxMinutes {
                bag.error(c.keyLocation("min_hours"), Texts.current(.scMinAboveMax, entry.key), fix: Texts.current(.scMinAboveMaxFix))
            }
            contracts.append(Contract(name: entry.key, minMinutes: minMinutes, maxMinutes: maxMinutes, maxDays: maxDays, lengthsMinutes: lengths))
        }
        return contracts
    }

    static func readRules(_ top: NodeReader, bag: inout DiagnosticBag) -> WorkRules {
        let r = top.child("rules", known: ["min_rest_hours", "max_consecutive_days", "min_days_off_in_a_row", "max_start_variation_minutes"], bag: &bag)
        let rest = r?.minutes(fromHours: "min_rest_hours", bag: &bag) ?? 11 * 60
        let consecutive = r?.integer("max_consecutive_days", min: 1, max: 7, bag: &bag) ?? 6
        let daysOff = r?.integer("min_days_off_in_a_row", min: 0, max: 7, bag: &bag)
        let variation = r?.integer("max_start_variation_minutes", min: 0, max: 1439, bag: &bag)
        return WorkRules(minRestMinutes: rest, maxConsecutiveDays: consecutive,
                         minDaysOffInARow: daysOff.flatMap { $0 > 0 ? $0 : nil }, maxStartVariationMinutes: variation)
    }

    static func readCosts(_ top: NodeReader, bag: inout DiagnosticBag) -> CostPolicy {
        let c = top.child("costs", known: ["currency", "understaffing_per_agent_hour", "overstaffing_per_agent_hour", "preference_weight",
                                           "fairness_weight", "late_shift_after", "change_weight"], bag: &bag)
        let currency = c?.currency("currency", bag: &bag)
        return CostPolicy(
            currency: currency?.text ?? "CNY",
            understaffingPerAgentHour: c?.decimal("understaffing_per_agent_hour", min: 0, bag: &bag) ?? 300,
            overstaffingPerAgentHour: c?.decimal("overstaffing_per_agent_hour", min: 0, bag: &bag) ?? 0,
            preferenceWeight: c?.decimal("preference_weight", min: 0, bag: &bag) ?? 0,
            fairnessWeight: c?.decimal("fairness_weight", min: 0, bag: &bag) ?? 0,
            lateShiftAfterMinutes: c?.clock("late_shift_after", maxHours: 24, bag: &bag)?.minutes ?? 21 * 60,
            changeWeight: c?.decimal("change_weight", min: 0, bag: &bag) ?? 0
        )
    }

    static func readSolver(_ top: NodeReader, bag: inout DiagnosticBag) -> SolverSettings {
        let s = top.child("solver", known: ["time_limit_seconds", "mip_gap"], bag: &bag)
        return SolverSettings(
            timeLimitSeconds: s?.decimal("time_limit_seconds", min: 0, max: 604_800, minExclusive: true, bag: &bag) ?? 60,
            mipGap: s?.decimal("mip_gap", min: 0, max: 1, bag: &bag) ?? ExactDecimal("0.005") ?? .zero
        )
    }

    static func readAdjust(_ top: NodeReader, bag: inout DiagnosticBag) -> Adjustment {
        let a = top.child("adjust", known: ["volume_factor", "aht_factor"], bag: &bag)
        return Adjustment(
            volumeFactor: a?.decimal("volume_factor", min: 0, bag: &bag) ?? .one,
            ahtFactor: a?.decimal("aht_factor", min: 0, minExclusive: true, bag: &bag) ?? .one
        )
    }

    static func readBonus(_ top: NodeReader, bag: inout DiagnosticBag) -> BonusReference? {
        guard let b = top.child("bonus", known: ["plan", "metrics", "period", "project"], bag: &bag) else { return nil }
        let project = b.bool("project", bag: &bag) ?? false
        let plan = b.string("plan", required: true, bag: &bag)
        let metrics = b.string("metrics", required: true, bag: &bag)
        let period = b.string("period", required: true, bag: &bag)
        if let period, !isPeriod(period.text) {
            bag.error(period.location, Texts.current(.scBonusPeriod, period.text), fix: Texts.current(.scBonusPeriodFix))
        }
        guard let plan, let metrics, let period else { return nil }
        return BonusReference(planPath: InputPath.resolve(plan.text, relativeTo: plan.location.file),
                              metricsPath: InputPath.resolve(metrics.text, relativeTo: metrics.location.file), period: period.text, project: project)
    }

    static func isPeriod(_ text: String) -> Bool {
        LocalDate(iso: text + "-01") != nil && text.count == 7
    }

    static func readHires(_ top: NodeReader, contracts: [Contract], existing: [Agent], bag: inout DiagnosticBag) -> [Agent] {
        guard let items = top.list("hires", bag: &bag) else { return [] }
        var hires: [Agent] = []
        let taken = Set(existing.map(\.id))
        for (i, item) in items.enumerated() {
            let path = "hires[\(i)]"
            guard let h = NodeReader.mapping(item, path: path, known: ["contract", "count", "hourly_cost", "team", "name"], bag: &bag) else { continue }
            let contract = h.string("contract", required: true, bag: &bag)
            let count = h.integer("count", min: 1, max: 10_000, bag: &bag) ?? 1
            let cost = h.decimal("hourly_cost", required: true, min: 0, bag: &bag)
            let team = h.string("team", bag: &bag)?.text ?? ""
            let label = h.string("name", bag: &bag)?.text ?? "New hire"
            guard let contract, let cost else { continue }
            guard contracts.contains(where: { $0.name == contract.text }) else {
                let hint = closestMatch(to: contract.text, in: contracts.map(\.name)).map { Texts.current(.errDidYouMean, $0) }
                    ?? Texts.current(.scContractsDefined, contracts.map(\.name).joined(separator: ", "))
                bag.error(contract.location, Texts.current(.scHireContract, path, contract.text), fix: hint)
                continue
            }
            for _ in 0..<count {
                let n = hires.count + 1
                let id = "HIRE-\(pad(n, 3))"
                if taken.contains(id) {
                    bag.error(item.location, Texts.current(.scHireID, id), fix: Texts.current(.scHireIDFix))
                }
                hires.append(Agent(id: id, name: "\(label) \(n) (\(contract.text))", contract: contract.text, hourlyCost: cost, team: team,
                                   isHypotheticalHire: true))
            }
        }
        return hires
    }
}
