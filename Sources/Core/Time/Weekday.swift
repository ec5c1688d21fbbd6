/// A day of the week, Monday first (ISO 8601).
public enum Weekday: Int, Sendable, Codable, CaseIterable, Comparable {
    case mon = 0, tue, wed, thu, fri, sat, sun

    /// The three-letter English name used in files (`Mon` … `Sun`).
    public var shortName: String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue]
    }

    /// Parses `Mon` … `Sun` (case-insensitive); full names such as `Monday` are accepted too.
    public init?(name: some StringProtocol) {
        let lower = name.lowercased()
        guard lower.count >= 3,
              let index = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].firstIndex(of: String(lower.prefix(3))),
              ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][index].hasPrefix(lower)
        else { return nil }
        self.init(rawValue: index)
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
