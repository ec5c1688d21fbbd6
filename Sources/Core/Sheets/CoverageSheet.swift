/// A coverage sheet as a file states it (`coverage.csv`): one row per interval, every cell located.
public struct CoverageSheet: Sendable {
    public let file: String
    public let headerLine: Int
    public let rows: [Row]

    public init(file: String, headerLine: Int, rows: [Row]) {
        self.file = file
        self.headerLine = headerLine
        self.rows = rows
    }

    /// The header line of the file, for findings about the sheet as a whole.
    public var headerLocation: SourceLocation { SourceLocation(file: file, line: headerLine) }

    /// `start,required,scheduled,on_break,effective,shortfall,projected_service_level`.
    public struct Row: Sendable, Hashable {
        public let line: Int
        public let start: SheetCell<LocalDateTime>
        public let required: SheetCell<Int>
        public let scheduled: SheetCell<Int>
        public let onBreak: SheetCell<Int>
        public let effective: SheetCell<ExactDecimal>
        public let shortfall: SheetCell<Int>
        /// Nil value with empty text when the cell is empty (closed intervals) or the column is absent.
        public let projectedServiceLevel: SheetCell<ExactDecimal>

        public init(
            line: Int, start: SheetCell<LocalDateTime>, required: SheetCell<Int>, scheduled: SheetCell<Int>,
            onBreak: SheetCell<Int>, effective: SheetCell<ExactDecimal>, shortfall: SheetCell<Int>,
            projectedServiceLevel: SheetCell<ExactDecimal>
        ) {
            self.line = line
            self.start = start
            self.required = required
            self.scheduled = scheduled
            self.onBreak = onBreak
            self.effective = effective
            self.shortfall = shortfall
            self.projectedServiceLevel = projectedServiceLevel
        }
    }
}
