/// The `--map` file of a payroll export (SPEC §7): who each agent is in the payroll system, and what
/// each earnings code is called there. Values keep their place in the file, so the export's
/// pre-flight can point at the one to fix.
public struct PayrollMap: Sendable {
    /// A text value and where it was written.
    public struct Value: Sendable, Hashable {
        public let text: String
        public let location: SourceLocation

        public init(_ text: String, at location: SourceLocation) {
            self.text = text
            self.location = location
        }
    }

    /// One agent's identity in the payroll systems.
    public struct Employee: Sendable {
        public let agentID: String
        public let location: SourceLocation
        public var fileNumber: Value?
        public var workerID: Value?
        public var firstName: Value?
        public var lastName: Value?
        public var gustoEmployeeID: Value?

        public init(agentID: String, location: SourceLocation, fileNumber: Value? = nil, workerID: Value? = nil, firstName: Value? = nil,
                    lastName: Value? = nil, gustoEmployeeID: Value? = nil) {
            self.agentID = agentID
            self.location = location
            self.fileNumber = fileNumber
            self.workerID = workerID
            self.firstName = firstName
            self.lastName = lastName
            self.gustoEmployeeID = gustoEmployeeID
        }
    }

    /// One earnings code's name in each system: ADP earnings code, Paychex pay component, Gusto column.
    public struct Earning: Sendable {
        public let code: String
        public let location: SourceLocation
        public var adp: Value?
        public var paychex: Value?
        public var gusto: Value?

        public init(code: String, location: SourceLocation, adp: Value? = nil, paychex: Value? = nil, gusto: Value? = nil) {
            self.code = code
            self.location = location
            self.adp = adp
            self.paychex = paychex
            self.gusto = gusto
        }
    }

    public let file: String
    /// Where the mapping's top level starts (for what is missing altogether).
    public let location: SourceLocation
    /// ADP Co Code; Paychex Client ID.
    public var companyCode: Value?
    /// ADP Batch ID.
    public var batchID: Value?
    /// Paychex Line Date.
    public var payDate: LocalDate?
    public var payDateLocation: SourceLocation?
    public var employees: [String: Employee]
    public var earnings: [String: Earning]

    public init(file: String, location: SourceLocation, companyCode: Value? = nil, batchID: Value? = nil, payDate: LocalDate? = nil,
                payDateLocation: SourceLocation? = nil, employees: [String: Employee] = [:], earnings: [String: Earning] = [:]) {
        self.file = file
        self.location = location
        self.companyCode = companyCode
        self.batchID = batchID
        self.payDate = payDate
        self.payDateLocation = payDateLocation
        self.employees = employees
        self.earnings = earnings
    }
}
