public import Core

/// The payroll file formats of `payouts export --format` (SPEC §7) and their pre-flight: each
/// profile checks every line and every map value against what its system's import takes, names
/// every offender at once, and only then writes. Sources and the choices made where they are
/// silent are listed in the README ("Payroll formats").
public enum PayrollFormat: String, CaseIterable, Sendable {
    case generic, adp, paychex, gusto

    public var displayName: String {
        switch self {
        case .generic: Texts.current(.prGeneric)
        case .adp: "ADP Workforce Now"
        case .paychex: "Paychex Flex"
        case .gusto: "Gusto"
        }
    }
}

/// A payroll file ready to write: its name, bytes and what its control file counts.
public struct PayrollFile: Sendable {
    public let name: String
    public let bytes: [UInt8]
    /// Data rows in the file (the header not counted).
    public let rows: Int
    /// Σ of the file's amounts: equal to the run's total.
    public let total: ExactDecimal
}

public enum PayrollProfiles {
    /// Paychex SPI columns A–P in their fixed order.
    public static let paychexHeader = ["Client ID", "Worker ID", "Org", "Job Number", "Pay Component", "Rate", "Rate Number", "Hours", "Units",
                                       "Line Date", "Amount", "Check Seq Number", "Override State", "Override Local",
                                       "Override Local Jurisdiction", "Labor Assignment"]
    public static let adpHeader = ["Co Code", "Batch ID", "File #", "Earnings 3 Code", "Earnings 3 Amount"]
    /// Gusto's earning columns a bonus can go to, in the order of Gusto's template (hours are not bonuses).
    public static let gustoColumns = ["bonus", "commission", "paycheck_tips", "cash_tips", "correction_payment", "reimbursement"]

    /// ADP's Earnings 3 Amount range (two decimals).
    static let adpMinimum = ExactDecimal(-40_500)
    static let adpMaximum = ExactDecimal(mantissa: 9_999_999, scale: 2)
    /// The largest amount written to Paychex and Gusto (two decimals, below ten million).
    static let largeMaximum = ExactDecimal(mantissa: 999_999_999, scale: 2)

    /// The payroll file of `rows` (a run's lines) in `format`.
    ///
    /// - Parameters:
    ///   - run: the run's id (file names, messages); `source` the database the lines come from (for locations).
    /// - Throws: `InputError` naming every line and map value the format cannot take; nothing is returned then.
    public static func file(_ format: PayrollFormat, rows: [PayoutSheets.PayrollRow], map: PayrollMap?, run: Int, source: String,
                            bom: Bool) throws(InputError) -> PayrollFile {
        let total = rows.reduce(ExactDecimal.zero) { $0 + $1.amount }
        if format == .generic { return generic(rows, run: run, bom: bom) }
        guard let map else {
            throw InputError([Diagnostic(at: SourceLocation(file: source), Texts.current(.prNeedsMap, format.displayName), fix: Texts.current(.prNeedsMapFix))])
        }
        var preflight = Preflight(format: format, map: map, run: run, source: source)
        let file: PayrollFile
        switch format {
        case .generic: file = generic(rows, run: run, bom: bom)
        case .adp: file = adp(rows, map: map, run: run, bom: bom, check: &preflight)
        case .paychex: file = paychex(rows, map: map, run: run, bom: bom, check: &preflight)
        case .gusto: file = gusto(rows, map: map, run: run, bom: bom, check: &preflight)
        }
        if !preflight.problems.isEmpty { throw InputError(preflight.sorted) }
        // Every profile pays what the run pays: a difference would be a defect, never a file to import.
        guard file.total == total else {
            throw InputError([Diagnostic(at: SourceLocation(file: source),
                                         Texts.current(.prTotals, format.rawValue, "\(file.total)", String(run), "\(total)"),
                                         fix: Texts.current(.prTotalsFix))])
        }
        return file
    }

    /// The generic payroll CSV: `payroll-<run>.csv`, the columns of `payouts.csv`.
    static func generic(_ rows: [PayoutSheets.PayrollRow], run: Int, bom: Bool) -> PayrollFile {
        PayrollFile(name: "payroll-\(run).csv", bytes: PayoutSheets.payroll(rows, bom: bom).bytes, rows: rows.count,
                    total: rows.reduce(ExactDecimal.zero) { $0 + $1.amount })
    }

    // MARK: - ADP Workforce Now

    static func adp(_ rows: [PayoutSheets.PayrollRow], map: PayrollMap, run: Int, bom: Bool, check: inout Preflight) -> PayrollFile {
        let company = check.required(map.companyCode, "company_code", what: Texts.current(.prAdpCoCode))
        if let company, !(company.text.count == 3 && company.text.unicodeScalars.allSatisfy(Preflight.upperAlphanumeric)) {
            check.problem(company.location, Texts.current(.prAdpCompany, company.text), fix: Texts.current(.prAdpCompanyFix))
        }
        let batch = check.required(map.batchID, "batch_id", what: Texts.current(.prAdpBatchID))
        if let batch, !(1...8).contains(batch.text.count) || !batch.text.unicodeScalars.allSatisfy(Preflight.alphanumeric) {
            check.problem(batch.location, Texts.current(.prAdpBatch, batch.text), fix: Texts.current(.prAdpBatchFix))
        }
        var groups = Grouped()
        for row in rows {
            // Both are looked up, so an unmapped agent does not hide an unmapped code.
            let employee = check.employee(row), code = check.earning(row, \.adp, key: "adp", what: Texts.current(.prAdpCode))
            guard let employee, let code else { continue }
            guard let number = employee.fileNumber else {
                check.problem(employee.location, Texts.current(.prAdpNoFileNumber, row.agentID), fix: Texts.current(.prAdpNoFileNumberFix))
                continue
            }
            groups.add(employee: adpFileNumber(number.text), code: code.text, row: row)
        }
        for (number, location) in check.values(\.fileNumber, key: "file_number", of: rows) {
            if !(1...6).contains(number.count) || !number.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
                check.problem(location, Texts.current(.prAdpFileNumber, number), fix: Texts.current(.prAdpFileNumberFix))
            }
        }
        for (code, location) in check.codes(\.adp, of: rows) where !adpCodeIsValid(code) {
            check.problem(location, Texts.current(.prAdpCodeInvalid, code), fix: Texts.current(.prAdpCodeInvalidFix))
        }
        // File # 101 and 000101 are the same employee in ADP: compared as written to the file.
        check.duplicates(\.fileNumber, key: "file_number", of: rows, normalise: adpFileNumber)
        var w = CSVWriter(header: adpHeader, bom: bom, crlf: true)
        var total = ExactDecimal.zero
        for g in groups.items {
            if g.amount < adpMinimum || g.amount > adpMaximum {
                check.lineProblem(Texts.current(g.amount < .zero ? .prAdpBack : .prAdpPaid, g.agents, g.amount.formatted(places: 2), g.code),
                                  fix: Texts.current(.prAdpAmountFix))
            }
            total += g.amount
            w.append([.text(map.companyCode?.text ?? ""), .text(map.batchID?.text ?? ""), .text(g.employee), .text(g.code), .number(g.amount.formatted(places: 2))])
        }
        // ADP's own name, in a folder of the run: two runs of a period never overwrite each other's file.
        return PayrollFile(name: "adp-\(run)/PR\(map.companyCode?.text ?? "")EPI.csv", bytes: w.bytes, rows: groups.items.count, total: total)
    }

    /// A File # as written to the file: six digits, zero-padded.
    static func adpFileNumber(_ text: String) -> String {
        String(repeating: "0", count: max(0, 6 - text.count)) + text
    }

    /// 1–2 characters A–Z or 0–9; a number only from 0 to 79 and not 40, 50, 60 or 61.
    static func adpCodeIsValid(_ code: String) -> Bool {
        guard (1...2).contains(code.count), code.unicodeScalars.allSatisfy(Preflight.upperAlphanumeric) else { return false }
        if let n = Int(code) { return (0...79).contains(n) && ![40, 50, 60, 61].contains(n) }
        return true
    }

    // MARK: - Paychex Flex

    static func paychex(_ rows: [PayoutSheets.PayrollRow], map: PayrollMap, run: Int, bom: Bool, check: inout Preflight) -> PayrollFile {
        let client = check.required(map.companyCode, "company_code", what: Texts.current(.prPaychexClientID))
        if map.payDate == nil {
            check.problem(map.location, Texts.current(.prPaychexPayDate), fix: Texts.current(.prPaychexPayDateFix, map.file))
        }
        if let client, !(1...8).contains(client.text.count) || !client.text.unicodeScalars.allSatisfy(Preflight.alphanumeric) {
            check.problem(client.location, Texts.current(.prPaychexClient, client.text), fix: Texts.current(.prPaychexClientFix))
        }
        var groups = Grouped()
        for row in rows {
            let employee = check.employee(row), component = check.earning(row, \.paychex, key: "paychex", what: Texts.current(.prPaychexComponent))
            guard let employee, let component else { continue }
            guard let worker = employee.workerID else {
                check.problem(employee.location, Texts.current(.prPaychexNoWorker, row.agentID), fix: Texts.current(.prPaychexNoWorkerFix))
                continue
            }
            groups.add(employee: worker.text, code: component.text, row: row)
        }
        for (worker, location) in check.values(\.workerID, key: "worker_id", of: rows) {
            if !(1...10).contains(worker.count) || !worker.unicodeScalars.allSatisfy(Preflight.alphanumeric) {
                check.problem(location, Texts.current(.prPaychexWorker, worker), fix: Texts.current(.prPaychexWorkerFix))
            }
        }
        for (component, location) in check.codes(\.paychex, of: rows) {
            let allowed = component.unicodeScalars.allSatisfy { Preflight.alphanumeric($0) || $0 == " " || "-_/&.()".unicodeScalars.contains($0) }
            if !(1...20).contains(component.count) || !allowed || component.hasPrefix(" ") || component.hasSuffix(" ") {
                check.problem(location, Texts.current(.prPaychexComponentInvalid, component), fix: Texts.current(.prPaychexComponentInvalidFix))
            }
        }
        check.duplicates(\.workerID, key: "worker_id", of: rows)
        var w = CSVWriter(header: paychexHeader, bom: bom, crlf: true)
        var total = ExactDecimal.zero
        func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let lineDate = map.payDate.map { twoDigits($0.month) + "/" + twoDigits($0.day) + "/" + "\($0.year)" } ?? ""
        for g in groups.items {
            if g.amount <= .zero {
                check.lineProblem(g.amount.isZero ? Texts.current(.prPaychexZero, g.agents, g.code) : Texts.current(.prPaychexBack, g.agents, g.amount.formatted(places: 2), g.code),
                                  fix: Texts.current(.prPaychexBackFix))
            } else if g.amount > largeMaximum {
                check.lineProblem(Texts.current(.prTooLarge, g.agents, g.amount.formatted(places: 2), g.code), fix: Texts.current(.prTooLargeFix))
            }
            total += g.amount
            var cells = Array(repeating: CSVCell.empty, count: paychexHeader.count)
            cells[0] = .text(map.companyCode?.text ?? "")
            cells[1] = .text(g.employee)
            cells[4] = .text(g.code)
            cells[9] = lineDate.isEmpty ? .empty : .text(lineDate)
            cells[10] = .number(g.amount.formatted(places: 2))
            w.append(cells)
        }
        return PayrollFile(name: "payroll-\(run)-paychex.csv", bytes: w.bytes, rows: groups.items.count, total: total)
    }

    // MARK: - Gusto

    static func gusto(_ rows: [PayoutSheets.PayrollRow], map: PayrollMap, run: Int, bom: Bool, check: inout Preflight) -> PayrollFile {
        var order: [String] = []
        var sums: [String: [String: ExactDecimal]] = [:]
        var columnsUsed = Set<String>()
        for row in rows {
            let employee = check.employee(row), column = check.earning(row, \.gusto, key: "gusto", what: Texts.current(.prGustoColumn))
            guard let employee else { continue }
            var missing: [String] = []
            if (employee.firstName?.text ?? "").isEmpty { missing.append("first_name") }
            if (employee.lastName?.text ?? "").isEmpty { missing.append("last_name") }
            if !missing.isEmpty {
                check.problem(employee.location, Texts.current(.prGustoNames, row.agentID, missing.map { "`\($0)`" }.joined(separator: Texts.current(.wordOr))),
                              fix: Texts.current(.prGustoNamesFix))
                continue
            }
            guard let column, gustoColumns.contains(column.text) else { continue }
            for value in [employee.firstName, employee.lastName].compactMap({ $0 }) where value.text.first.map({ "=+-@".contains($0) }) == true {
                // A spreadsheet would run it, and neutralising it would change the name Gusto matches by.
                check.problem(value.location, Texts.current(.prGustoFormula, value.text, String(value.text.prefix(1))), fix: Texts.current(.prGustoFormulaFix))
            }
            if sums[row.agentID] == nil { order.append(row.agentID) }
            sums[row.agentID, default: [:]][column.text, default: .zero] += row.amount
            columnsUsed.insert(column.text)
        }
        for (column, location) in check.codes(\.gusto, of: rows) where !gustoColumns.contains(column) {
            check.problem(location, Texts.current(.prGustoColumnInvalid, column), fix: Texts.current(.prUseOneOf, gustoColumns.joined(separator: ", ")))
        }
        for (id, location) in check.values(\.gustoEmployeeID, key: "gusto_employee_id", of: rows) {
            if id.count != 6 || !id.unicodeScalars.allSatisfy(Preflight.alphanumeric) {
                check.problem(location, Texts.current(.prGustoID, id), fix: Texts.current(.prGustoIDFix))
            }
        }
        check.duplicates(\.gustoEmployeeID, key: "gusto_employee_id", of: rows)
        // Gusto matches by name (or its own id): two agents with one name and no id would be paid as one.
        var byName: [String: [String]] = [:]
        for a in order {
            guard let e = map.employees[a], e.gustoEmployeeID == nil else { continue }
            byName["\(e.firstName?.text ?? "") \(e.lastName?.text ?? "")".lowercased(), default: []].append(a)
        }
        for (name, agents) in byName.sorted(by: { $0.key < $1.key }) where agents.count > 1 {
            check.problem(map.employees[agents[1]]?.location ?? map.location,
                          Texts.current(.prGustoSameName, agents.joined(separator: Texts.current(.wordAnd)), name), fix: Texts.current(.prGustoSameNameFix))
        }
        let columns = gustoColumns.filter(columnsUsed.contains)
        let withID = order.contains { map.employees[$0]?.gustoEmployeeID != nil }
        var w = CSVWriter(header: ["first_name", "last_name"] + (withID ? ["gusto_employee_id"] : []) + columns, bom: bom, crlf: true)
        var total = ExactDecimal.zero
        for a in order {
            guard let e = map.employees[a], let amounts = sums[a] else { continue }
            var cells: [CSVCell] = [.text(e.firstName?.text ?? ""), .text(e.lastName?.text ?? "")]
            if withID { cells.append(e.gustoEmployeeID.map { .text($0.text) } ?? .empty) }
            for c in columns {
                guard let amount = amounts[c] else {
                    cells.append(.empty)
                    continue
                }
                if amount < .zero {
                    check.lineProblem(Texts.current(.prGustoBack, a, amount.formatted(places: 2), c), fix: Texts.current(.prGustoBackFix))
                } else if amount > largeMaximum {
                    check.lineProblem(Texts.current(.prGustoLarge, a, amount.formatted(places: 2), c), fix: Texts.current(.prTooLargeFix))
                }
                total += amount
                // A blank cell leaves Gusto's value alone; a zero would overwrite it, so nothing to pay stays blank.
                cells.append(amount.isZero ? .empty : .number(amount.formatted(places: 2)))
            }
            w.append(cells)
        }
        return PayrollFile(name: "payroll-\(run)-gusto.csv", bytes: w.bytes, rows: order.count, total: total)
    }
}

/// Lines summed per payroll employee and target code (one amount per row in every format).
struct Grouped {
    struct Item {
        let employee: String
        let code: String
        var amount: ExactDecimal
        var agentIDs: [String]

        var agents: String { Texts.current(agentIDs.count == 1 ? .prAgent : .prAgents, agentIDs.joined(separator: ", ")) }
    }

    private(set) var items: [Item] = []
    private var index: [String: Int] = [:]

    mutating func add(employee: String, code: String, row: PayoutSheets.PayrollRow) {
        let key = employee + "\u{1F}" + code
        if let i = index[key] {
            items[i].amount += row.amount
            if !items[i].agentIDs.contains(row.agentID) { items[i].agentIDs.append(row.agentID) }
        } else {
            index[key] = items.count
            items.append(Item(employee: employee, code: code, amount: row.amount, agentIDs: [row.agentID]))
        }
    }
}

/// Collects every problem of one export, each once, map problems at their place in the map file.
struct Preflight {
    let format: PayrollFormat
    let map: PayrollMap
    let run: Int
    let source: String
    private(set) var problems: [Diagnostic] = []
    private var seen = Set<String>()

    init(format: PayrollFormat, map: PayrollMap, run: Int, source: String) {
        self.format = format
        self.map = map
        self.run = run
        self.source = source
    }

    var sorted: [Diagnostic] {
        problems.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
    }

    mutating func problem(_ location: SourceLocation, _ message: String, fix: String) {
        guard seen.insert("\(location)|\(message)").inserted else { return }
        problems.append(Diagnostic(at: location, message, fix: fix))
    }

    /// A problem with the run's lines rather than the map.
    mutating func lineProblem(_ message: String, fix: String) {
        problem(SourceLocation(file: source), Texts.current(.prRun, String(run)) + message, fix: fix)
    }

    mutating func required(_ value: PayrollMap.Value?, _ key: String, what: String) -> PayrollMap.Value? {
        if value == nil || value?.text.isEmpty == true {
            problem(map.location, Texts.current(.prMissing, key, what), fix: Texts.current(.prMissingFix, key, map.file))
            return nil
        }
        return value
    }

    /// The row's agent in the map, or a problem naming the agent.
    mutating func employee(_ row: PayoutSheets.PayrollRow) -> PayrollMap.Employee? {
        if let e = map.employees[row.agentID] { return e }
        problem(map.location, Texts.current(.prNoEmployee, row.agentID, row.name, String(run)), fix: Texts.current(.prNoEmployeeFix, row.agentID, format.displayName))
        return nil
    }

    /// The row's earnings code in the target system, or a problem naming the code.
    mutating func earning(_ row: PayoutSheets.PayrollRow, _ field: KeyPath<PayrollMap.Earning, PayrollMap.Value?>, key: String, what: String) -> PayrollMap.Value? {
        guard let e = map.earnings[row.earningsCode] else {
            problem(map.location, Texts.current(.prNoEarning, row.earningsCode, String(run)), fix: Texts.current(.prNoEarningFix, row.earningsCode, key, what))
            return nil
        }
        guard let v = e[keyPath: field], !v.text.isEmpty else {
            problem(e.location, Texts.current(.prNoTarget, row.earningsCode, key, what), fix: Texts.current(.prNoTargetFix, key, row.earningsCode))
            return nil
        }
        return v
    }

    /// The distinct values of one employee field among the agents paid (with their place in the map).
    func values(_ field: KeyPath<PayrollMap.Employee, PayrollMap.Value?>, key: String, of rows: [PayoutSheets.PayrollRow]) -> [(String, SourceLocation)] {
        var out: [(String, SourceLocation)] = []
        var done = Set<String>()
        for row in rows where done.insert(row.agentID).inserted {
            if let v = map.employees[row.agentID]?[keyPath: field] { out.append((v.text, v.location)) }
        }
        return out
    }

    /// The distinct target codes of the earnings codes paid.
    func codes(_ field: KeyPath<PayrollMap.Earning, PayrollMap.Value?>, of rows: [PayoutSheets.PayrollRow]) -> [(String, SourceLocation)] {
        var out: [(String, SourceLocation)] = []
        var done = Set<String>()
        for row in rows where done.insert(row.earningsCode).inserted {
            if let v = map.earnings[row.earningsCode]?[keyPath: field], !v.text.isEmpty { out.append((v.text, v.location)) }
        }
        return out
    }

    /// Two agents mapped to one payroll employee would be paid as one person.
    mutating func duplicates(_ field: KeyPath<PayrollMap.Employee, PayrollMap.Value?>, key: String, of rows: [PayoutSheets.PayrollRow],
                             normalise: (String) -> String = { $0 }) {
        var owner: [String: String] = [:]
        var done = Set<String>()
        for row in rows where done.insert(row.agentID).inserted {
            guard let v = map.employees[row.agentID]?[keyPath: field] else { continue }
            let id = normalise(v.text)
            if let other = owner[id] {
                problem(v.location, Texts.current(.prDuplicate, other, row.agentID, key, v.text, format.displayName), fix: Texts.current(.prDuplicateFix, key))
            } else {
                owner[id] = row.agentID
            }
        }
    }

    static func alphanumeric(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) || ("a"..."z").contains(s) || ("0"..."9").contains(s) }
    static func upperAlphanumeric(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) || ("0"..."9").contains(s) }
}

