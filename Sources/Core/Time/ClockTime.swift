/// A time of day as minutes after midnight; may reach past midnight (`26:00` is 1560).
public struct ClockTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    /// Parses `HH:MM` with minutes 00–59 and hours 0–`maxHours` (a time of exactly `maxHours`:00 is allowed).
    public init?(text: some StringProtocol, maxHours: Int = 24) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let h = Int(parts[0]), let m = Int(parts[1]), m < 60 else { return nil }
        let total = h * 60 + m
        guard total <= maxHours * 60 else { return nil }
        self.minutes = total
    }

    /// Parses a time of day `HH:MM` strictly before 24:00.
    public init?(timeOfDay text: some StringProtocol) {
        guard let time = ClockTime(text: text, maxHours: 24), time.minutes < 1440 else { return nil }
        self = time
    }

    /// `HH:MM`, hours past 24 kept as such (`26:00`).
    public var description: String {
        "\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
    }

    /// `HH:MM` wrapped onto a 24-hour clock (`26:00` → `02:00`).
    public var wallClock: String {
        let m = ((minutes % 1440) + 1440) % 1440
        return "\(pad(m / 60, 2)):\(pad(m % 60, 2))"
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}
