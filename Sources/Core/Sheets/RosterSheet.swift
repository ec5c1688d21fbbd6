/// A roster as a file states it (`roster.csv`, possibly edited by hand): one row per shift, every cell located.
///
/// Built by the roster reader; values that could not be read are nil and already reported,
/// so a checker can still look at every other cell of the row.
public struct RosterSheet: Sendable {
    /// The file the rows came from, as named by the user.
    public let file: String
    /// The line of the header row (where file-level findings are reported).
    public let headerLine: Int
    public let rows: [Row]

    public init(file: String, headerLine: Int, rows: [Row]) {
        self.file = file
        self.headerLine = headerLine
        self.rows = rows
    }

    /// The header line of the file, for findings about the roster as a whole.
    public var headerLocation: SourceLocation { SourceLocation(file: file, line: headerLine) }

    /// One shift: `agent_id,name,date,start,end,paid_hours,breaks`.
    public struct Row: Sendable, Hashable {
        public let line: Int
        public let agentID: SheetCell<String>
        public let name: SheetCell<String>
        /// The day the shift starts.
        public let date: SheetCell<LocalDate>
        public let start: SheetCell<LocalDateTime>
        public let end: SheetCell<LocalDateTime>
        public let paidHours: SheetCell<ExactDecimal>
        /// Wall-clock spans; an empty list when the cell is empty.
        public let breaks: SheetCell<[WallClockSpan]>
        /// The optional `pinned` column (`yes`/`no`), for pin files; nil when the file has no such column.
        public let pinned: SheetCell<Bool>?

        public init(
            line: Int, agentID: SheetCell<String>, name: SheetCell<String>, date: SheetCell<LocalDate>,
            start: SheetCell<LocalDateTime>, end: SheetCell<LocalDateTime>, paidHours: SheetCell<ExactDecimal>,
            breaks: SheetCell<[WallClockSpan]>, pinned: SheetCell<Bool>? = nil
        ) {
            self.pinned = pinned
            self.line = line
            self.agentID = agentID
            self.name = name
            self.date = date
            self.start = start
            self.end = end
            self.paidHours = paidHours
            self.breaks = breaks
        }
    }
}
