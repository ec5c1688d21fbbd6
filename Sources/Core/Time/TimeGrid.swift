/// The planning horizon: seven days from a Monday at 00:00, cut into equal intervals.
public struct TimeGrid: Sendable, Hashable, Codable {
    /// The first day of the horizon.
    public let weekStart: LocalDate
    /// The interval length in minutes (15, 30 or 60).
    public let intervalMinutes: Int

    /// The number of days in the horizon.
    public static let days = 7

    public init(weekStart: LocalDate, intervalMinutes: Int) {
        self.weekStart = weekStart
        self.intervalMinutes = max(1, intervalMinutes)
    }

    /// Intervals in one day.
    public var intervalsPerDay: Int { 1440 / intervalMinutes }

    /// Intervals in the horizon.
    public var intervalCount: Int { TimeGrid.days * intervalsPerDay }

    /// The length of an interval in hours, exactly.
    public var intervalHours: ExactDecimal {
        ExactDecimal(intervalMinutes).divided(by: 60, scale: 6, mode: .halfEven) ?? .zero
    }

    /// The start of interval `index`.
    public func start(of index: Int) -> LocalDateTime {
        LocalDateTime(date: weekStart, minuteOfDay: index * intervalMinutes)
    }

    /// The date of day `day` (0 = Monday).
    public func date(ofDay day: Int) -> LocalDate { weekStart.adding(days: day) }

    /// The index of the interval starting at `time`, or why there is none.
    public func index(of time: LocalDateTime) -> Result<Int, GridPlacementError> {
        let offset = time.minutesSinceEpoch - weekStart.daysSinceEpoch * 1440
        guard offset >= 0, offset < TimeGrid.days * 1440 else { return .failure(.outsideHorizon) }
        guard offset % intervalMinutes == 0 else { return .failure(.misaligned) }
        return .success(offset / intervalMinutes)
    }

    /// The last day of the horizon.
    public var weekEnd: LocalDate { weekStart.adding(days: TimeGrid.days - 1) }
}

/// Why a date-time has no interval on the grid.
public enum GridPlacementError: Error, Sendable {
    case outsideHorizon
    case misaligned
}
