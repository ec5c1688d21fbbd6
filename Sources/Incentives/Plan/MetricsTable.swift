public import Core

/// One period's metrics: a row per agent (SPEC §4.4).
public struct MetricsTable: Sendable {
    public struct Row: Sendable {
        public var agentID: String
        public var name: String
        /// Empty: in no team.
        public var team: String
        /// Metric values by column name; a name absent from the dictionary is undefined (empty cell).
        public var values: [String: ExactDecimal]
        public var location: SourceLocation

        public init(agentID: String, name: String, team: String, values: [String: ExactDecimal], location: SourceLocation) {
            self.agentID = agentID
            self.name = name
            self.team = team
            self.values = values
            self.location = location
        }
    }

    public var period: String
    public var rows: [Row]
    public var file: String

    public init(period: String, rows: [Row], file: String) {
        self.period = period
        self.rows = rows
        self.file = file
    }
}
