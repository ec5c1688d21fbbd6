import Foundation

/// The SPEC §4.5 example plan written to a fresh temporary folder, which tests then break on purpose.
struct PlanFixture {
    let folder: String

    static let plan = """
    plan: Service Excellence
    version: "2026.1"
    currency: CNY
    effective: { from: 2026-01-01, to: 2026-12-31 }
    rounding: { scale: 2, mode: half-up }       # half-up | half-even | down
    metrics:                                     # derived metrics: arithmetic over metric columns
      csat_rate: csat_satisfied / csat_responses
      contacts_per_hour: contacts_handled / hours_worked
    eligibility: [ "hours_worked >= 40" ]        # all must hold, else the agent gets nothing (reason kept)
    gates:
      quality: "qa_score >= 80"
    components:
      - name: productivity
        earnings_code: BONPROD
        metric: contacts_per_hour
        requires: [quality]
        tiers: { mode: step, bands: [ {from: 8, amount: 300}, {from: 10, amount: 600}, {from: 12, amount: 1000} ] }
      - name: good_reviews
        earnings_code: BONREV
        metric: good_reviews
        tiers: { mode: graduated, bands: [ {from: 0, rate: 5}, {from: 20, rate: 8}, {from: 50, rate: 10} ] }
        cap: 800
      - name: satisfaction
        earnings_code: BONCSAT
        metric: csat_rate
        requires_min: { csat_responses: 30 }     # inclusive (≥); checked before the metric is evaluated
        tiers: { mode: step, bands: [ {from: 0.90, amount: 200}, {from: 0.95, amount: 500} ] }
      - name: sales
        earnings_code: BONSALES
        metric: sales_amount
        tiers: { mode: retroactive, bands: [ {from: 0, rate: 0.01}, {from: 10000, rate: 0.015} ] }
      - name: scorecard
        earnings_code: BONSCORE
        scorecard:
          measures:
            - { metric: csat_rate, weight: 0.4, missing: zero, points: [ {from: 0.85, points: 60}, {from: 0.90, points: 80}, {from: 0.95, points: 100} ] }
            - { metric: aht_seconds, weight: 0.3, better: lower, points: [ {to: 420, points: 60}, {to: 360, points: 80}, {to: 300, points: 100} ] }
            - { metric: qa_score, weight: 0.3, points: [ {from: 80, points: 60}, {from: 90, points: 100} ] }
          grades: [ {from: 90, grade: A, coefficient: 1.5}, {from: 75, grade: B, coefficient: 1.0}, {from: 60, grade: C, coefficient: 0.5} ]
          base_amount: 1000
    proration: { metric: hours_worked, full_at: 160 }   # each line × min(1, hours_worked / 160)
    cap_per_agent: 3000
    team_pools:
      - { name: team-bonus, earnings_code: BONTEAM, amount_per_team: 5000, split: by_score, min_team_score: 75, score_component: scorecard }

    """

    init() throws {
        folder = NSTemporaryDirectory() + "shiftwise-plan-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder + "/" + name }

    /// Writes `text` as `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    /// The example plan with `old` replaced by `new` (which must occur), written as plan.yaml.
    func plan(replacing old: String, with new: String) throws -> String {
        precondition(PlanFixture.plan.contains(old), "fixture does not contain \(old)")
        return try write("plan.yaml", PlanFixture.plan.replacingOccurrences(of: old, with: new))
    }

    /// Line (1-based) of the first fixture line containing `text`.
    static func line(of text: String, in source: String = plan) -> Int {
        (source.components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -1) + 1
    }
}
