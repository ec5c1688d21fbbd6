import Foundation
import Testing
import TestSupport

/// `bonus: { project: true }`: the plan pays metrics projected from each compared roster, so a
/// +15 % volume what-if moves the bonus budget; the totals equal the plan applied by hand to the
/// metrics projected from the written rosters.
@Suite struct ProjectedBonusTests {
    static let plan = """
    plan: Per contact
    currency: CNY
    components:
      - { name: contacts, earnings_code: BONC, metric: contacts_handled, tiers: { mode: graduated, bands: [ {from: 0, rate: 0.5} ] } }
      - { name: hours, earnings_code: BONH, metric: hours_worked, tiers: { mode: graduated, bands: [ {from: 0, rate: 2} ] } }
    """
    static let metrics = """
    agent_id,period,name,team,hours_worked,contacts_handled
    A1,2026-11,Ana Silva,red,1,1
    A2,2026-11,"Li, Wei",red,1,1
    A3,2026-11,Omar Haddad,blue,1,1

    """

    /// minutes between two `HH:MM`.
    static func minutes(_ from: Substring, _ to: Substring) -> Int {
        func m(_ t: Substring) -> Int { Int(t.prefix(2))! * 60 + Int(t.suffix(2))! }
        return m(to) - m(from)
    }

    @Test func bonusFollowsTheRoster() throws {
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": ScenarioFixture.yaml + "\nbonus: { plan: plan.yaml, metrics: metrics.csv, period: 2026-11, project: true }\n"])
        try fixture.write("plan.yaml", Self.plan)
        try fixture.write("metrics.csv", Self.metrics)
        let out = fixture.path("cmp")
        let r = try CommandRunner.run(["compare", fixture.scenario, "--vary", "adjust.volume_factor=1.0,1.15", "--out", out, "--db", fixture.path("db.sqlite")])
        #expect(r.status == 0, "\(r.stderr)")
        let compare = try String(contentsOfFile: out + "/compare.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let header = compare[0]
        let bonus = try #require(compare.first { $0.first == "bonus_total" })
        var byHand: [Double] = []
        for (k, factor) in [1.0, 1.15].enumerated() {
            let name = header[k + 1]
            // The roster as written: paid hours and minutes on the phones per agent.
            var paid: [String: Double] = [:], working: [String: Int] = [:]
            for line in try String(contentsOfFile: out + "/" + name + "/roster.csv", encoding: .utf8).split(separator: "\n").dropFirst() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                let agent = String(cells[0])
                let start = cells[cells.count - 4].suffix(5), end = cells[cells.count - 3].suffix(5)
                paid[agent, default: 0] += Double(cells[cells.count - 2])!
                var w = Self.minutes(start, end)
                for b in cells[cells.count - 1].split(separator: ";") where !b.isEmpty {
                    let parts = b.split(separator: "-")
                    w -= Self.minutes(parts[0], parts[1])
                }
                working[agent, default: 0] += w
            }
            // The week's forecast contacts: (20 + 30.5 + 40 + 25) × the factor.
            let contacts = 115.5 * factor
            let total = Double(working.values.reduce(0, +))
            var sum = 0.0
            for agent in ["A1", "A2", "A3"] {
                let hours = (paid[agent] ?? 0) * 4.35
                let handled = total > 0 ? contacts * Double(working[agent] ?? 0) / total * 4.35 : 0
                sum += (0.5 * handled * 100).rounded() / 100 + (2 * hours * 100).rounded() / 100
            }
            byHand.append(sum)
            #expect(abs(Double(bonus[k + 1])! - sum) < 0.011, "\(name): compare says \(bonus[k + 1]), by hand \(sum)")
        }
        #expect(byHand[1] > byHand[0] + 10, "more contacts pay more: \(byHand)")
        #expect(bonus[1] != bonus[2])
        // The new measures are there.
        for measure in ["agents", "overstaffed_agent_hours", "abandon_rate", "solver_status"] {
            #expect(compare.contains { $0.first == measure }, "\(measure)")
        }
        #expect(compare.first { $0.first == "agents" }?[1] == "3")
        #expect(["optimal", "feasible"].contains(compare.first { $0.first == "solver_status" }?[1] ?? ""))
    }
}
