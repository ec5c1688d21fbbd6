/// Locale-free, deterministic number formatting for output files.
public enum Format {
    /// `value` with exactly `places` decimals, rounded half away from zero; `-0` prints as `0`.
    public static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let integer = Int64(scaled)
        var digits = String(integer)
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (value < 0 && integer != 0) ? "-" + digits : digits
    }
}
