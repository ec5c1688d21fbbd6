/// A span between two wall-clock times as a roster writes breaks (`12:00-12:30`).
///
/// Both ends are times of day (00:00–23:59); which day each belongs to depends on the shift
/// the span is part of (a time earlier than the shift's start time is on the next day).
public struct WallClockSpan: Sendable, Hashable, CustomStringConvertible {
    public let from: ClockTime
    public let to: ClockTime

    public init(from: ClockTime, to: ClockTime) {
        self.from = from
        self.to = to
    }

    /// Parses `HH:MM-HH:MM` (an en dash `–` is accepted too); nil for anything else.
    public init?(text: some StringProtocol) {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "\u{2013}" })
        guard parts.count == 2,
              let from = ClockTime(timeOfDay: String(parts[0]).trimmingBlanks),
              let to = ClockTime(timeOfDay: String(parts[1]).trimmingBlanks) else { return nil }
        self.init(from: from, to: to)
    }

    /// `HH:MM-HH:MM`.
    public var description: String { "\(from.wallClock)-\(to.wallClock)" }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
