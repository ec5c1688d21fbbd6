public import Core

/// Reads the `--map` file of a payroll export (SPEC §7). Only the file's shape is checked here
/// (known keys, single values, an ISO date); what each payroll system can hold is the export's
/// pre-flight, which knows the format and the run.
public enum PayrollMapReader {
    static let topKeys = ["company_code", "batch_id", "pay_date", "employees", "earnings"]
    static let employeeKeys = ["file_number", "worker_id", "first_name", "last_name", "gusto_employee_id"]
    static let earningKeys = ["adp", "paychex", "gusto"]

    public static func load(_ path: String) throws -> PayrollMap {
        let file = InputPath.normalize(path)
        let text = try TextFile.read(file)
        let tree = try YAMLNode.parse(text, file: file)
        var bag = DiagnosticBag()
        let map = decode(tree, file: file, bag: &bag)
        let sorted = bag.items.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
        guard !bag.hasErrors, let map else { throw InputError(sorted) }
        return map
    }

    static func decode(_ tree: YAMLNode, file: String, bag: inout DiagnosticBag) -> PayrollMap? {
        guard let top = NodeReader.mapping(tree, path: "", known: topKeys, bag: &bag) else { return nil }
        func value(_ reader: NodeReader, _ key: String) -> PayrollMap.Value? {
            guard let (text, location) = reader.string(key, bag: &bag) else { return nil }
            return PayrollMap.Value(text, at: location)
        }
        var map = PayrollMap(file: file, location: tree.location, companyCode: value(top, "company_code"), batchID: value(top, "batch_id"))
        if let (text, location) = top.string("pay_date", bag: &bag) {
            if let date = LocalDate(iso: text) {
                map.payDate = date
                map.payDateLocation = location
            } else {
                bag.error(location, Texts.current(.pmPayDate, text), fix: Texts.current(.pmPayDateFix))
            }
        }
        for entry in entries(top, "employees", bag: &bag) {
            guard let reader = NodeReader.mapping(entry.value, path: "employees.\(entry.key)", known: employeeKeys, bag: &bag) else { continue }
            map.employees[entry.key] = PayrollMap.Employee(
                agentID: entry.key, location: entry.keyLocation, fileNumber: value(reader, "file_number"), workerID: value(reader, "worker_id"),
                firstName: value(reader, "first_name"), lastName: value(reader, "last_name"), gustoEmployeeID: value(reader, "gusto_employee_id"))
        }
        for entry in entries(top, "earnings", bag: &bag) {
            guard let reader = NodeReader.mapping(entry.value, path: "earnings.\(entry.key)", known: earningKeys, bag: &bag) else { continue }
            map.earnings[entry.key] = PayrollMap.Earning(code: entry.key, location: entry.keyLocation, adp: value(reader, "adp"),
                                                         paychex: value(reader, "paychex"), gusto: value(reader, "gusto"))
        }
        return map
    }

    /// The entries of a mapping under `key` (none when the key is absent).
    static func entries(_ top: NodeReader, _ key: String, bag: inout DiagnosticBag) -> [YAMLEntry] {
        guard let node = top.value(key, required: false, bag: &bag) else { return [] }
        guard case .mapping(let entries, _) = node else {
            bag.error(node.location, Texts.current(.pmMapping, key, node.kindName),
                      fix: key == "employees" ? Texts.current(.pmEmployeesFix) : Texts.current(.pmEarningsFix))
            return []
        }
        return entries
    }
}
