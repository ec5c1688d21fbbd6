import Testing
import Core
@testable import Staffing

/// Properties of the staffing maths, over seeded random inputs.
@Suite struct StaffingPropertyTests {
    @Test func serviceLevelRisesWithAgents() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let traffic = rng.double(in: 0.1...400)
            let aht = rng.double(in: 60...900)
            var previous = -1.0
            var n = Int(traffic.rounded(.down)) + 1
            for _ in 0..<30 {
                let sl = ErlangC.serviceLevel(agents: n, traffic: traffic, answerSeconds: 20, ahtSeconds: aht)
                #expect(sl >= previous)
                previous = sl
                n += 1
            }
        }
    }

    @Test func requirementNeverFallsWhenVolumeOrHandleTimeRises() throws {
        let calculator = StaffingCalculator(policy: try policy(sl: "0.85", answer: "20", occupancy: "0.88", shrinkage: "0.35", minOpen: 2), intervalMinutes: 15)
        var rng = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let contacts = ExactDecimal(mantissa: Int128(rng.int(in: 1...200_000)), scale: 2)
            let aht = ExactDecimal(rng.int(in: 30...900))
            let more = contacts + ExactDecimal(mantissa: Int128(rng.int(in: 1...5_000)), scale: 2)
            let longer = aht + ExactDecimal(rng.int(in: 1...60))
            let base = calculator.agentsNeeded(contacts: contacts, ahtSeconds: aht).agents
            #expect(calculator.agentsNeeded(contacts: more, ahtSeconds: aht).agents >= base)
            #expect(calculator.agentsNeeded(contacts: contacts, ahtSeconds: longer).agents >= base)
            #expect(calculator.scheduled(agentsNeeded: base + 1) >= calculator.scheduled(agentsNeeded: base))
        }
    }

    @Test func neededAgentsAreTheLeastThatMeetEveryCondition() throws {
        let p = try policy(sl: "0.8", answer: "20", occupancy: "0.85", shrinkage: "0")
        let calculator = StaffingCalculator(policy: p, intervalMinutes: 30)
        var rng = SplitMix64(seed: 3)
        for _ in 0..<200 {
            let contacts = ExactDecimal(rng.int(in: 1...3000))
            let aht = ExactDecimal(rng.int(in: 60...600))
            let need = calculator.agentsNeeded(contacts: contacts, ahtSeconds: aht)
            func meets(_ n: Int) -> Bool {
                let a = need.workload
                return Double(n) > a && a / Double(n) <= 0.85 + 1e-12
                    && ErlangC.serviceLevel(agents: n, traffic: a, answerSeconds: 20, ahtSeconds: aht.doubleValue) >= 0.8 - 1e-9
            }
            #expect(meets(need.agents))
            #expect(need.agents == 1 || !meets(need.agents - 1))
        }
    }

    /// SPEC §5: 21 agents at 30 % shrinkage schedule 30, not 31; every N in 1…500 against exact integer maths.
    @Test func shrinkageRoundingIsExact() throws {
        let calculator = StaffingCalculator(policy: try policy(sl: "0.8", answer: "20", occupancy: "1", shrinkage: "0.30"), intervalMinutes: 30)
        #expect(calculator.scheduled(agentsNeeded: 21) == 30)
        for n in 1...500 {
            #expect(calculator.scheduled(agentsNeeded: n) == (n * 10 + 6) / 7, "N = \(n)")
        }
        let quarter = StaffingCalculator(policy: try policy(sl: "0.8", answer: "20", occupancy: "1", shrinkage: "0.25"), intervalMinutes: 30)
        #expect(quarter.scheduled(agentsNeeded: 3) == 4)
        #expect(quarter.scheduled(agentsNeeded: 0) == 0)
    }

    /// SPEC §5: 67.15 Erlangs at 0.85 occupancy need 79 (67.15 / 0.85 = 79 exactly), not 80.
    @Test func occupancyTieCountsAsMet() throws {
        let calculator = StaffingCalculator(policy: try policy(sl: "0.01", answer: "20", occupancy: "0.85", shrinkage: "0"), intervalMinutes: 30)
        let need = calculator.agentsNeeded(contacts: try #require(ExactDecimal("402.9")), ahtSeconds: 300)
        #expect(abs(need.workload - 67.15) < 1e-12)
        #expect(need.agents == 79)
    }

    @Test func openIntervalsGetTheMinimumAndClosedOnesNothing() throws {
        let calculator = StaffingCalculator(policy: try policy(sl: "0.8", answer: "20", occupancy: "0.85", shrinkage: "0.3", minOpen: 3), intervalMinutes: 30)
        let start = LocalDateTime(date: try #require(LocalDate(iso: "2026-11-30")), minuteOfDay: 480)
        let tiny = calculator.requirement(start: start, interval: ForecastInterval(contacts: try #require(ExactDecimal("0.2")), ahtSeconds: 300))
        #expect(tiny.agentsNeeded == 3)
        #expect(tiny.agentsScheduled == 5)
        let closed = calculator.requirement(start: start, interval: .closed)
        #expect(closed.agentsNeeded == 0 && closed.agentsScheduled == 0 && closed.serviceLevel == nil && closed.occupancy == nil)
    }

    @Test func projectedServiceLevelInterpolatesAndIsZeroBelowTheLoad() {
        let a = 10.0
        let sl13 = ErlangC.serviceLevel(agents: 13, traffic: a, answerSeconds: 20, ahtSeconds: 180)
        let sl14 = ErlangC.serviceLevel(agents: 14, traffic: a, answerSeconds: 20, ahtSeconds: 180)
        let mid = ErlangC.projectedServiceLevel(effectiveAgents: 13.25, traffic: a, answerSeconds: 20, ahtSeconds: 180)
        #expect(abs(mid - (sl13 + 0.25 * (sl14 - sl13))) < 1e-12)
        #expect(ErlangC.projectedServiceLevel(effectiveAgents: 10, traffic: a, answerSeconds: 20, ahtSeconds: 180) == 0)
        // Between 10 (≤ A, scores 0) and 11.
        let sl11 = ErlangC.serviceLevel(agents: 11, traffic: a, answerSeconds: 20, ahtSeconds: 180)
        #expect(abs(ErlangC.projectedServiceLevel(effectiveAgents: 10.5, traffic: a, answerSeconds: 20, ahtSeconds: 180) - sl11 / 2) < 1e-12)
        #expect(ErlangC.projectedServiceLevel(effectiveAgents: 0, traffic: a, answerSeconds: 20, ahtSeconds: 180) == 0)
    }
}
