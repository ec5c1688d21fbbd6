public import Core

/// One way a shift can be laid out on one day: start, length and the break patterns it allows.
public struct ShiftType: Sendable, Hashable {
    public let day: Int
    /// Minutes after the day's midnight.
    public let startMinute: Int
    public let lengthMinutes: Int
    public let paidMinutes: Int
    /// Every allowed placement of the shift's breaks (empty list of breaks when none apply).
    public let breakPatterns: [BreakPattern]

    /// Minutes after the week's start.
    public var absoluteStart: Int { day * 1440 + startMinute }
    public var absoluteEnd: Int { absoluteStart + lengthMinutes }
    public var endMinute: Int { startMinute + lengthMinutes }
}

/// Where each break of a shift starts, as minutes after the shift's start.
public struct BreakPattern: Sendable, Hashable {
    public struct Placement: Sendable, Hashable {
        public let name: String
        public let offsetMinutes: Int
        public let minutes: Int
        public let paid: Bool

        public init(name: String, offsetMinutes: Int, minutes: Int, paid: Bool) {
            self.name = name
            self.offsetMinutes = offsetMinutes
            self.minutes = minutes
            self.paid = paid
        }
    }

    public let placements: [Placement]

    /// True when some break covers [offset, offset + length) of the shift.
    public func covers(offset: Int) -> Bool {
        placements.contains { offset >= $0.offsetMinutes && offset < $0.offsetMinutes + $0.minutes }
    }
}

extension ShiftType {
    /// The break patterns a shift of `length` allows: one placement per applicable break, each
    /// starting on the interval grid inside its window, breaks not overlapping one another.
    public static func breakPatterns(length: Int, rules: [BreakRule], intervalMinutes: Int) -> [BreakPattern] {
        let applicable = rules.filter { $0.applies(toShiftMinutes: length) }
        var patterns: [[BreakPattern.Placement]] = [[]]
        for rule in applicable {
            let first = (rule.earliestAfterMinutes + intervalMinutes - 1) / intervalMinutes * intervalMinutes
            let last = length - rule.latestBeforeEndMinutes - rule.minutes
            var next: [[BreakPattern.Placement]] = []
            for partial in patterns {
                var offset = first
                while offset <= last {
                    let overlaps = partial.contains { offset < $0.offsetMinutes + $0.minutes && $0.offsetMinutes < offset + rule.minutes }
                    if !overlaps {
                        next.append(partial + [BreakPattern.Placement(name: rule.name, offsetMinutes: offset, minutes: rule.minutes, paid: rule.paid)])
                    }
                    offset += intervalMinutes
                }
            }
            patterns = next
        }
        return patterns.map(BreakPattern.init)
    }
}
