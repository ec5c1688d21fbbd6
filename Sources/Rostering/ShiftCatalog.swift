public import Core

/// A shift shape on one day: when it starts (minutes after that day's midnight) and how long it lasts.
public struct ShiftOption: Sendable, Hashable {
    public let day: Int
    public let startMinute: Int
    public let lengthMinutes: Int

    public init(day: Int, startMinute: Int, lengthMinutes: Int) {
        self.day = day
        self.startMinute = startMinute
        self.lengthMinutes = lengthMinutes
    }

    public var endMinute: Int { startMinute + lengthMinutes }
}

/// The shifts the scenario's rules allow, before any agent's own limits.
public enum ShiftCatalog {
    /// Every (start, length) on `day` with the start on `earliest_start + k × step`, before 24:00 of
    /// that day (a shift belongs to the day it starts), and the end by `latest_end`.
    ///
    /// An agent's own window narrows this grid but never shifts it.
    /// - Complexity: O(starts × lengths).
    public static func options(day: Int, policy: ShiftPolicy, lengths: [Int]? = nil, earliest: ClockTime? = nil, latest: ClockTime? = nil) -> [ShiftOption] {
        let from = max(policy.earliestStart.minutes, earliest?.minutes ?? 0)
        let until = min(policy.latestEnd.minutes, latest?.minutes ?? Int.max)
        var result: [ShiftOption] = []
        for length in (lengths ?? policy.lengthsMinutes).sorted() {
            var start = policy.earliestStart.minutes
            while start + length <= until, start < 1440 {
                if start >= from {
                    result.append(ShiftOption(day: day, startMinute: start, lengthMinutes: length))
                }
                start += policy.startStepMinutes
            }
        }
        return result
    }
}
