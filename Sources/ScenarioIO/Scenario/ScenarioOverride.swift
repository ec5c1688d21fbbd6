public import Core

/// A numeric scenario key set to a value for a what-if variant (`staffing.service_level=0.9`).
public struct ScenarioOverride: Sendable, Hashable {
    /// Dotted path, e.g. `staffing.service_level`.
    public let key: String
    /// The value as typed.
    public let value: String

    /// The numeric keys a variant may change, with a short description for help and errors.
    public static let numericKeys: [String] = [
        "interval_minutes",
        "staffing.service_level", "staffing.answer_seconds", "staffing.max_occupancy", "staffing.shrinkage", "staffing.min_agents_open",
        "staffing.patience_seconds", "staffing.max_abandon_rate", "staffing.concurrency",
        "shifts.start_step_minutes",
        "rules.min_rest_hours", "rules.max_consecutive_days", "rules.min_days_off_in_a_row", "rules.max_start_variation_minutes",
        "costs.understaffing_per_agent_hour", "costs.overstaffing_per_agent_hour", "costs.preference_weight", "costs.fairness_weight", "costs.change_weight",
        "solver.time_limit_seconds", "solver.mip_gap",
        "adjust.volume_factor", "adjust.aht_factor",
    ]

    /// Checks the key and the value; the message says what to type instead.
    public init(key: String, value: String) throws(UsageProblem) {
        guard ScenarioOverride.numericKeys.contains(key) || ScenarioOverride.isContractKey(key) else {
            let hint = closestMatch(to: key, in: ScenarioOverride.numericKeys).map { Texts.current(.ovDidYouMean, $0) }
                ?? Texts.current(.ovNumericKeys, ScenarioOverride.numericKeys.joined(separator: ", "))
            throw UsageProblem(Texts.current(.ovNotNumericKey, key, hint))
        }
        guard ExactDecimal(value) != nil else {
            throw UsageProblem(Texts.current(.ovNotNumber, value, key))
        }
        self.key = key
        self.value = value
    }

    static func isContractKey(_ key: String) -> Bool {
        let parts = key.split(separator: ".")
        return parts.count == 3 && parts[0] == "contracts" && ["min_hours", "max_hours", "max_days"].contains(parts[2])
    }

    /// The tree with the key's scalar replaced (or added), keeping the location of what it replaces.
    func applied(to tree: YAMLNode) -> YAMLNode {
        let path = key.split(separator: ".").map(String.init)
        return set(path[...], in: tree)
    }

    private func set(_ path: ArraySlice<String>, in node: YAMLNode) -> YAMLNode {
        guard let head = path.first else {
            return .scalar(value, plain: true, SourceLocation(file: "--vary \(key)=\(value)"))
        }
        guard case .mapping(var entries, let location) = node else {
            // Not a mapping here: the loader will report the shape; build the mapping the key needs.
            return .mapping([YAMLEntry(key: head, keyLocation: SourceLocation(file: "--vary"), value: set(path.dropFirst(), in: .mapping([], node.location)))], node.location)
        }
        if let i = entries.firstIndex(where: { $0.key == head }) {
            entries[i] = YAMLEntry(key: head, keyLocation: entries[i].keyLocation, value: set(path.dropFirst(), in: entries[i].value))
        } else {
            entries.append(YAMLEntry(key: head, keyLocation: SourceLocation(file: "--vary"), value: set(path.dropFirst(), in: .mapping([], location))))
        }
        return .mapping(entries, location)
    }
}

/// A command-line value that cannot be used (exit 64).
public struct UsageProblem: CategorizedError, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
    public var category: FailureCategory { .usage }
}
