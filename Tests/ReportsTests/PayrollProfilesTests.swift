import Core
import Foundation
import Testing
@testable import Reports

/// Each payroll profile against a file written by hand from its system's published import rules
/// (README "Payroll formats" lists the sources): header, column order, rows, amounts, CRLF.
@Suite struct PayrollProfilesTests {
    static func row(_ agent: String, _ name: String, _ code: String, _ amount: String) -> PayoutSheets.PayrollRow {
        PayoutSheets.PayrollRow(agentID: agent, name: name, period: "2026-11", earningsCode: code, amount: ExactDecimal(amount)!, currency: "USD")
    }

    static let rows = [
        row("A001", "Wei Li", "BONREV", "600.00"),
        row("A001", "Wei Li", "BONQA", "80.50"),
        row("A002", "José Núñez, Jr", "BONREV", "120.25"),
        row("A002", "José Núñez, Jr", "BONSALES", "45.10"),
        row("A003", "Ana Silva", "BONQA", "12.00"),
    ]

    static func v(_ text: String, line: Int = 1) -> PayrollMap.Value { PayrollMap.Value(text, at: SourceLocation(file: "map.yaml", line: line, column: 3)) }

    static func map() -> PayrollMap {
        func employee(_ id: String, _ file: String, _ worker: String, _ first: String, _ last: String, line: Int) -> PayrollMap.Employee {
            PayrollMap.Employee(agentID: id, location: SourceLocation(file: "map.yaml", line: line, column: 3), fileNumber: v(file, line: line),
                                workerID: v(worker, line: line), firstName: v(first, line: line), lastName: v(last, line: line))
        }
        func earning(_ code: String, _ adp: String, _ paychex: String, _ gusto: String, line: Int) -> PayrollMap.Earning {
            PayrollMap.Earning(code: code, location: SourceLocation(file: "map.yaml", line: line, column: 3), adp: v(adp, line: line),
                               paychex: v(paychex, line: line), gusto: v(gusto, line: line))
        }
        return PayrollMap(file: "map.yaml", location: SourceLocation(file: "map.yaml", line: 1, column: 1), companyCode: v("3AB"), batchID: v("BON11"),
                          payDate: LocalDate(year: 2026, month: 12, day: 5), payDateLocation: SourceLocation(file: "map.yaml", line: 3, column: 11),
                          employees: ["A001": employee("A001", "123", "W0001", "Wei", "Li", line: 5),
                                      "A002": employee("A002", "000124", "W0002", "José", "Núñez, Jr", line: 6),
                                      "A003": employee("A003", "000125", "W0003", "Ana", "Silva", line: 7)],
                          earnings: ["BONREV": earning("BONREV", "RV", "Review Bonus", "bonus", line: 9),
                                     "BONQA": earning("BONQA", "Q", "Quality Bonus", "bonus", line: 10),
                                     "BONSALES": earning("BONSALES", "79", "Sales Commission", "commission", line: 11)])
    }

    static func crlf(_ lines: [String]) -> [UInt8] { Array(lines.map { $0 + "\r\n" }.joined().utf8) }

    func file(_ format: PayrollFormat, _ rows: [PayoutSheets.PayrollRow] = rows, map: PayrollMap = map()) throws(InputError) -> PayrollFile {
        try PayrollProfiles.file(format, rows: rows, map: map, run: 12, source: "db.sqlite", bom: false)
    }

    func problems(_ format: PayrollFormat, _ rows: [PayoutSheets.PayrollRow] = rows, map: PayrollMap = map()) -> [String] {
        do {
            _ = try file(format, rows, map: map)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// ADP paydata: Co Code, Batch ID, File # first; one row per employee and earnings code in the
    /// Earnings 3 slot; File # six digits with leading zeros; file name PR<co code>EPI.csv.
    @Test func adpPaydata() throws {
        let f = try file(.adp)
        #expect(f.name == "adp-12/PR3ABEPI.csv", "ADP's own name, in a folder of the run")
        #expect(f.bytes == Self.crlf([
            "Co Code,Batch ID,File #,Earnings 3 Code,Earnings 3 Amount",
            "3AB,BON11,000123,RV,600.00",
            "3AB,BON11,000123,Q,80.50",
            "3AB,BON11,000124,RV,120.25",
            "3AB,BON11,000124,79,45.10",
            "3AB,BON11,000125,Q,12.00",
        ]))
        #expect(f.rows == 5)
        #expect(f.total == ExactDecimal("857.85"))
    }

    /// Paychex SPI: all sixteen columns A–P in their order, one row per worker and pay component,
    /// the amount in Amount (K), the pay date in Line Date (J) as MM/DD/YYYY.
    @Test func paychexSPI() throws {
        let f = try file(.paychex)
        #expect(f.name == "payroll-12-paychex.csv")
        #expect(f.bytes == Self.crlf([
            "Client ID,Worker ID,Org,Job Number,Pay Component,Rate,Rate Number,Hours,Units,Line Date,Amount,Check Seq Number,Override State,Override Local,Override Local Jurisdiction,Labor Assignment",
            "3AB,W0001,,,Review Bonus,,,,,12/05/2026,600.00,,,,,",
            "3AB,W0001,,,Quality Bonus,,,,,12/05/2026,80.50,,,,,",
            "3AB,W0002,,,Review Bonus,,,,,12/05/2026,120.25,,,,,",
            "3AB,W0002,,,Sales Commission,,,,,12/05/2026,45.10,,,,,",
            "3AB,W0003,,,Quality Bonus,,,,,12/05/2026,12.00,,,,,",
        ]))
        #expect(f.total == ExactDecimal("857.85"))
    }

    /// Gusto: one row per employee, names first, one column per earning type used (in the template's
    /// order); codes going to one column are summed; nothing to pay stays blank (a zero would overwrite).
    @Test func gustoUpload() throws {
        let f = try file(.gusto)
        #expect(f.name == "payroll-12-gusto.csv")
        #expect(f.bytes == Self.crlf([
            "first_name,last_name,bonus,commission",
            "Wei,Li,680.50,",
            "José,\"Núñez, Jr\",120.25,45.10",
            "Ana,Silva,12.00,",
        ]))
        #expect(f.rows == 3)
        #expect(f.total == ExactDecimal("857.85"))
    }

    /// Two of our codes on one target code are one row (one amount per row), and the total still holds.
    @Test func codesSharingATargetAreSummed() throws {
        var map = Self.map()
        map.earnings["BONQA"]?.adp = Self.v("RV")
        let f = try file(.adp, map: map)
        #expect(String(decoding: f.bytes, as: UTF8.self).contains("3AB,BON11,000123,RV,680.50\r\n"))
        #expect(f.rows == 4)
        #expect(f.total == ExactDecimal("857.85"))
    }

    @Test func unmappedAgentsAndCodesAreEachNamed() {
        var map = Self.map()
        map.employees["A002"] = nil
        map.employees["A003"] = nil
        map.earnings["BONSALES"] = nil
        map.earnings["BONQA"]?.paychex = nil
        let found = problems(.paychex, map: map)
        #expect(found.count == 4, "\(found)")
        #expect(found.contains { $0.contains("agent A002 (José Núñez, Jr) is paid in run 12 but is not under `employees`") })
        #expect(found.contains { $0.contains("agent A003 (Ana Silva) is paid in run 12") })
        #expect(found.contains { $0.contains("earnings code BONSALES is paid in run 12 but is not under `earnings`") })
        #expect(found.contains { $0.hasPrefix("map.yaml:10:3: error: earnings code BONQA has no `paychex`") })
    }

    @Test func valuesTheTargetCannotHold() {
        var map = Self.map()
        map.companyCode = Self.v("3ABC", line: 1)
        map.batchID = Self.v("BONUS-NOV", line: 2)
        map.employees["A001"]?.fileNumber = Self.v("12A", line: 5)
        map.earnings["BONREV"]?.adp = Self.v("61", line: 9)
        map.earnings["BONQA"]?.adp = Self.v("q", line: 10)
        let adp = problems(.adp, map: map)
        #expect(adp.count == 5, "\(adp)")
        #expect(adp.contains { $0.contains("`company_code` is `3ABC`: ADP's Co Code is 3 capital letters or digits") })
        #expect(adp.contains { $0.contains("`batch_id` is `BONUS-NOV`") })
        #expect(adp.contains { $0.hasPrefix("map.yaml:5:3: error: `file_number` is `12A`") })
        #expect(adp.contains { $0.contains("the ADP earnings code `61` is not one ADP takes") })
        #expect(adp.contains { $0.contains("the ADP earnings code `q` is not one ADP takes") })

        var paychex = Self.map()
        paychex.companyCode = Self.v("CLIENT-123")
        paychex.employees["A003"]?.workerID = Self.v("W00000000003", line: 7)
        paychex.earnings["BONREV"]?.paychex = Self.v("Review, Bonus", line: 9)
        paychex.earnings["BONQA"]?.paychex = Self.v("A pay component too long", line: 10)
        #expect(problems(.paychex, map: paychex).count == 4, "\(problems(.paychex, map: paychex))")

        var gusto = Self.map()
        gusto.earnings["BONQA"]?.gusto = Self.v("quality_bonus", line: 10)
        gusto.employees["A003"]?.lastName = nil
        let g = problems(.gusto, map: gusto)
        #expect(g.count == 2, "\(g)")
        #expect(g.contains { $0.contains("`quality_bonus` is not a Gusto earning column") })
        #expect(g.contains { $0.contains("`employees.A003` has no `last_name`") })
        // A name a spreadsheet would run is refused rather than altered (Gusto matches by it); Paychex needs the pay date.
        var formula = Self.map()
        formula.employees["A001"]?.lastName = Self.v("=Li", line: 5)
        #expect(problems(.gusto, map: formula).contains { $0.contains("`=Li` starts with =") })
        var noDate = Self.map()
        noDate.payDate = nil
        #expect(problems(.paychex, map: noDate).contains { $0.contains("`pay_date` is missing") })
    }

    /// ADP takes negative amounts (adjustment runs give money back); Paychex earnings lines and Gusto's upload do not.
    @Test func negativeAmounts() throws {
        let rows = Self.rows + [Self.row("A003", "Ana Silva", "BONREV", "-25.00")]
        let adp = try file(.adp, rows)
        #expect(String(decoding: adp.bytes, as: UTF8.self).hasSuffix("3AB,BON11,000125,RV,-25.00\r\n"))
        #expect(adp.total == ExactDecimal("832.85"))
        #expect(problems(.paychex, rows) == ["db.sqlite: error: run 12: agent A003 gets back -25.00 under pay component Review Bonus: a Paychex earnings line takes a positive amount (enter the recovery in Paychex Flex as a deduction by hand, then export the other lines from a run without it)"])
        // In Gusto the bonus column nets per employee: 12.00 − 25.00 is still negative.
        #expect(problems(.gusto, rows).count == 1)
        #expect(problems(.gusto, rows).first?.contains("agent A003 gets back -13.00 in Gusto's `bonus` column") == true)
        // ADP's range: a payment above 99,999.99 is refused.
        #expect(problems(.adp, [Self.row("A001", "Wei Li", "BONREV", "100000.00")]).first?.contains("ADP's Earnings 3 Amount runs from −40,500.00 to 99,999.99") == true)
    }

    /// Two agents on one payroll identity would be paid as one person.
    @Test func twoAgentsOnOnePayrollIdentity() {
        var map = Self.map()
        map.employees["A003"]?.fileNumber = Self.v("000124", line: 7)
        map.employees["A003"]?.workerID = Self.v("W0002", line: 7)
        map.employees["A003"]?.firstName = Self.v("josé", line: 7)
        map.employees["A003"]?.lastName = Self.v("Núñez, Jr", line: 7)
        #expect(problems(.adp, map: map) == ["map.yaml:7:3: error: agents A002 and A003 both have `file_number` `000124`: ADP Workforce Now would pay them as one person (give each agent its own file_number)"])
        // 124 and 000124 are one File # in ADP.
        var padded = Self.map()
        padded.employees["A003"]?.fileNumber = Self.v("124", line: 7)
        #expect(problems(.adp, map: padded).first?.contains("agents A002 and A003 both have `file_number` `124`") == true, "\(problems(.adp, map: padded))")
        #expect(problems(.paychex, map: map).count == 1)
        #expect(problems(.gusto, map: map).first?.contains("agents A002 and A003 have the same name") == true)
        // Gusto's own id tells them apart.
        map.employees["A002"]?.gustoEmployeeID = Self.v("ab12cd", line: 6)
        map.employees["A003"]?.gustoEmployeeID = Self.v("ef34gh", line: 7)
        #expect(problems(.gusto, map: map).isEmpty)
    }

    @Test func mapValuesLeftOutAtTheTop() {
        var map = Self.map()
        map.companyCode = nil
        map.batchID = nil
        let found = problems(.adp, map: map)
        #expect(found.contains { $0.contains("`company_code` is missing: it is ADP's Co Code") })
        #expect(found.contains { $0.contains("`batch_id` is missing: it is ADP's Batch ID") })
    }
}
