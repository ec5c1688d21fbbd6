public import Core

/// Reads `start,contacts,aht_seconds[,queue]` into one entry per interval of the grid.
public enum ForecastReader {
    /// Every interval of `grid`, closed (zero contacts) where the file has no row; nil after errors.
    public static func read(_ table: CSVTable, grid: TimeGrid, adjust: Adjustment, bag: inout DiagnosticBag) -> [ForecastInterval]? {
        var local = DiagnosticBag()
        let columns = table.columns(required: ["start", "contacts", "aht_seconds"], optional: ["queue"], bag: &local)
        var intervals = Array(repeating: ForecastInterval.closed, count: grid.intervalCount)
        guard !local.hasErrors else {
            bag.append(contentsOf: local.items)
            return nil
        }
        var seen: [Int: Int] = [:]
        var queues = Set<String>()
        var rowIntervals: [Int] = []
        for record in table.records {
            guard let index = IntervalCell.index(columns, "start", record, grid: grid, seen: &seen, bag: &local) else {
                // Still check the numbers of the row so every problem is reported at once.
                _ = numbers(columns, record, bag: &local)
                continue
            }
            rowIntervals.append(index)
            let queue = columns.cell("queue", in: record)
            if !queue.isEmpty { queues.insert(queue) }
            guard let (contacts, aht) = numbers(columns, record, bag: &local) else { continue }
            let adjusted = ForecastInterval(contacts: contacts * adjust.volumeFactor, ahtSeconds: aht * adjust.ahtFactor)
            // The workload bounds the staffing search and the roster's size: refuse what no site needs.
            let load = adjusted.contacts * adjusted.ahtSeconds
            if adjusted.contacts > maxContacts || adjusted.ahtSeconds > maxAHTSeconds
                || load > ExactDecimal(maxAgents) * ExactDecimal(grid.intervalMinutes * 60) {
                let scaled = adjust.volumeFactor != .one || adjust.ahtFactor != .one ? Texts.current(.fcWorkloadAdjusted) : ""
                let erlangs = load.divided(by: ExactDecimal(grid.intervalMinutes * 60), scale: 0, mode: .halfUp) ?? .zero
                local.error(columns.location("contacts", in: record),
                            Texts.current(.fcWorkload, scaled, "\(erlangs)", "\(adjusted.contacts.normalized)", "\(adjusted.ahtSeconds.normalized)", String(maxAgents)),
                            fix: Texts.current(.fcWorkloadFix))
                continue
            }
            intervals[index] = adjusted
        }
        if queues.count > 1, let first = table.records.first {
            local.error(columns.location("queue", in: first), Texts.current(.fcQueues, String(queues.count), queues.sorted().joined(separator: ", ")),
                        fix: Texts.current(.fcQueuesFix))
        }
        if table.records.isEmpty {
            local.warning(SourceLocation(file: table.file, line: table.headerLine), Texts.current(.fcNoRows), fix: Texts.current(.fcNoRowsFix))
        }
        // Rows only every second interval: a forecast of a coarser grid, most likely (30-minute volumes read as 15-minute ones).
        let iv = grid.intervalMinutes
        if iv < 60, rowIntervals.count >= 8, rowIntervals.allSatisfy({ ($0 % grid.intervalsPerDay) * iv % (2 * iv) == 0 }) {
            local.warning(SourceLocation(file: table.file, line: table.headerLine),
                          Texts.current(.fcCoarser, String(2 * iv), String(iv)), fix: Texts.current(.fcCoarserFix, String(2 * iv)))
        }
        bag.append(contentsOf: local.items)
        return local.hasErrors ? nil : intervals
    }

    /// The most agents one interval may need (requirements rows, and the workload of a forecast row).
    public static let maxAgents = 100_000
    /// The most contacts one forecast row may hold.
    public static let maxContacts = ExactDecimal(1_000_000)
    /// The longest handle time accepted: a day.
    public static let maxAHTSeconds = ExactDecimal(86_400)
    /// The most decimals of a forecast number.
    static let maxDecimals = 6

    static func numbers(_ columns: CSVColumns, _ record: CSVRecord, bag: inout DiagnosticBag) -> (ExactDecimal, ExactDecimal)? {
        let contactsText = columns.cell("contacts", in: record)
        let ahtText = columns.cell("aht_seconds", in: record)
        var contacts: ExactDecimal?
        if let value = ExactDecimal(contactsText) {
            if value.isNegative {
                bag.error(columns.location("contacts", in: record), Texts.current(.fcContactsNegative, contactsText), fix: Texts.current(.fcContactsNegativeFix))
            } else if value > maxContacts || value.normalized.scale > maxDecimals {
                bag.error(columns.location("contacts", in: record), Texts.current(.fcContactsLimit, contactsText, "\(maxContacts)", "\(maxDecimals)"),
                          fix: Texts.current(.fcContactsLimitFix))
            } else {
                contacts = value
            }
        } else {
            bag.error(columns.location("contacts", in: record), Texts.current(.fcContactsNumber, contactsText), fix: Texts.numberFix(contactsText, else: Texts.current(.fcContactsNumberFix)))
        }
        var aht: ExactDecimal?
        if ahtText.isEmpty {
            aht = .zero
        } else if let value = ExactDecimal(ahtText) {
            if value.isNegative {
                bag.error(columns.location("aht_seconds", in: record), Texts.current(.fcAHTNegative, ahtText), fix: Texts.current(.fcAHTNegativeFix))
            } else if value > maxAHTSeconds || value.normalized.scale > maxDecimals {
                bag.error(columns.location("aht_seconds", in: record), Texts.current(.fcAHTLimit, ahtText, "\(maxAHTSeconds)", "\(maxDecimals)"),
                          fix: Texts.current(.fcAHTLimitFix))
            } else {
                aht = value
            }
        } else {
            bag.error(columns.location("aht_seconds", in: record), Texts.current(.fcAHTNumber, ahtText), fix: Texts.numberFix(ahtText, else: Texts.current(.fcAHTNumberFix)))
        }
        guard let contacts, let aht else { return nil }
        if contacts.isPositive && !aht.isPositive {
            bag.error(columns.location("aht_seconds", in: record), Texts.current(.fcAHTMissing, ahtText.isEmpty ? Texts.current(.fcEmpty) : ahtText, contactsText),
                      fix: Texts.current(.fcAHTMissingFix))
            return nil
        }
        return (contacts, aht)
    }
}

/// Reads the interval start cell shared by the forecast and requirements files.
enum IntervalCell {
    static func index(_ columns: CSVColumns, _ name: String, _ record: CSVRecord, grid: TimeGrid, seen: inout [Int: Int], bag: inout DiagnosticBag) -> Int? {
        let text = columns.cell(name, in: record)
        let location = columns.location(name, in: record)
        guard let time = LocalDateTime(iso: text) else {
            bag.error(location, Texts.current(.fcNotDateTime, text), fix: Texts.current(.fcNotDateTimeFix, "\(grid.start(of: 16))"))
            return nil
        }
        switch grid.index(of: time) {
        case .failure(.outsideHorizon):
            bag.error(location, Texts.current(.fcOutsideWeek, "\(time)", "\(grid.weekStart)", "\(grid.weekEnd)"), fix: Texts.current(.fcOutsideWeekFix))
            return nil
        case .failure(.misaligned):
            let back = time.adding(minutes: -(time.minutesSinceEpoch % grid.intervalMinutes))
            bag.error(location, Texts.current(.fcMisaligned, "\(time)", String(grid.intervalMinutes)), fix: Texts.current(.fcMisalignedFix, "\(back)"))
            return nil
        case .success(let index):
            if let first = seen[index] {
                bag.error(location, Texts.current(.fcTwice, "\(time)", String(first)), fix: Texts.current(.fcTwiceFix))
                return nil
            }
            seen[index] = record.line
            return index
        }
    }
}

/// Reads `start,required`: agents to have on shift and off break per interval.
public enum RequirementsReader {
    public static func read(_ table: CSVTable, grid: TimeGrid, bag: inout DiagnosticBag) -> [Int]? {
        var local = DiagnosticBag()
        let columns = table.columns(required: ["start", "required"], optional: ["queue"], bag: &local)
        guard !local.hasErrors else {
            bag.append(contentsOf: local.items)
            return nil
        }
        var required = Array(repeating: 0, count: grid.intervalCount)
        var seen: [Int: Int] = [:]
        for record in table.records {
            let index = IntervalCell.index(columns, "start", record, grid: grid, seen: &seen, bag: &local)
            let text = columns.cell("required", in: record)
            guard let value = ExactDecimal(text)?.intValue, value >= 0, value <= ForecastReader.maxAgents else {
                local.error(columns.location("required", in: record), Texts.current(.fcRequired, String(ForecastReader.maxAgents), text),
                            fix: Texts.current(.fcRequiredFix))
                continue
            }
            if let index { required[index] = value }
        }
        bag.append(contentsOf: local.items)
        return local.hasErrors ? nil : required
    }
}
