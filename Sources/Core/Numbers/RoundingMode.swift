/// How an exact value is brought to fewer decimal places.
public enum RoundingMode: String, Sendable, Codable, CaseIterable {
    /// Ties away from zero (`2.345` → `2.35`, `-2.345` → `-2.35`).
    case halfUp = "half-up"
    /// Ties to the even neighbour, "banker's rounding" (`2.345` → `2.34`, `2.355` → `2.36`).
    case halfEven = "half-even"
    /// Toward zero (`2.349` → `2.34`, `-2.349` → `-2.34`).
    case down = "down"
    /// Toward positive infinity (the ceiling).
    case up = "up"
    /// Toward negative infinity.
    case floor = "floor"
}
