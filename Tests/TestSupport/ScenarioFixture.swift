import Foundation

/// A small, valid scenario written to a fresh temporary folder, which tests then break on purpose.
public struct ScenarioFixture {
    public let folder: String

    public static let yaml = """
    name: tiny
    week_start: 2026-11-30
    interval_minutes: 30
    forecast: forecast.csv
    agents: agents.csv
    staffing:
      service_level: 0.80
      answer_seconds: 20
      max_occupancy: 0.85
      shrinkage: 0.30
      min_agents_open: 1
    shifts:
      lengths_hours: [4, 8]
      start_step_minutes: 30
      earliest_start: "08:00"
      latest_end: "20:00"
      breaks:
        - { name: lunch, minutes: 30, paid: false, min_shift_hours: 6, earliest_after_hours: 2, latest_before_end_hours: 2 }
    contracts:
      full-time: { min_hours: 30, max_hours: 40, max_days: 5, lengths_hours: [8] }
      part-time: { min_hours: 8, max_hours: 20, max_days: 5, lengths_hours: [4] }
    costs:
      currency: CNY
      understaffing_per_agent_hour: 300
    """

    public static let forecast = """
    start,contacts,aht_seconds
    2026-11-30T09:00,20,300
    2026-11-30T09:30,30.5,300
    2026-11-30T10:00,40,320
    2026-12-01T09:00,25,300

    """

    public static let agents = """
    agent_id,name,contract,hourly_cost,team,unavailable,preferred_days_off,preferred_start
    A1,Ana Silva,full-time,35.50,red,,Sat;Sun,09:00
    A2,"Li, Wei",full-time,36.00,red,2026-12-02,,
    A3,Omar Haddad,part-time,28.00,blue,Sun,,

    """

    /// Writes the fixture with any file replaced by `overrides[fileName]`.
    public init(overrides: [String: String] = [:]) throws {
        folder = NSTemporaryDirectory() + "shiftwise-fixture-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files = ["tiny.yaml": ScenarioFixture.yaml, "forecast.csv": ScenarioFixture.forecast, "agents.csv": ScenarioFixture.agents]
            .merging(overrides) { _, new in new }
        for (name, text) in files {
            try write(name, text)
        }
    }

    /// Writes a file into the fixture folder.
    public func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
    }

    /// Writes raw bytes into the fixture folder.
    public func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
    }

    public func path(_ name: String) -> String { folder + "/" + name }

    public var scenario: String { path("tiny.yaml") }

    /// The fixture YAML with `old` replaced by `new` (the test fails loudly if `old` is absent).
    public static func yaml(replacing old: String, with new: String) -> String {
        precondition(yaml.contains(old), "fixture has no \(old)")
        return yaml.replacingOccurrences(of: old, with: new)
    }
}
