import Testing
import Core
@testable import Staffing

/// Erlang B/C against numbers published by others (each test cites its source).
@Suite struct ErlangCPublishedTests {
    /// Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example"
    /// (100 calls in 30 min, AHT 180 s, 80 % in 20 s: A = 10 Erlangs). Per-N waiting probability and
    /// service level as printed, to 7 digits, by the R package `ErlangC` (README) for those inputs.
    @Test(arguments: [
        (11, 0.6821182, 0.3896138),
        (12, 0.4493882, 0.640158),
        (13, 0.2852705, 0.7955948),
        (14, 0.1741319, 0.88835),
    ])
    func callCentreHelperExample(agents: Int, publishedWait: Double, publishedServiceLevel: Double) {
        let wait = ErlangC.waitProbability(agents: agents, traffic: 10)
        let sl = ErlangC.serviceLevel(agents: agents, traffic: 10, answerSeconds: 20, ahtSeconds: 180)
        #expect(abs(wait - publishedWait) < 5e-7)
        #expect(abs(sl - publishedServiceLevel) < 5e-6)
    }

    /// pyworkforce README (same Call Centre Helper example): at 14 agents the waiting probability is
    /// 0.1741319335950498 (exactly 976562500 / 5608175823) and the service level 0.8883500191794669;
    /// 14 positions, 20 after 30 % shrinkage.
    @Test func callCentreHelperFullPrecisionAndStaffing() throws {
        #expect(abs(ErlangC.waitProbability(agents: 14, traffic: 10) - 976_562_500.0 / 5_608_175_823.0) < 1e-14)
        #expect(abs(ErlangC.serviceLevel(agents: 14, traffic: 10, answerSeconds: 20, ahtSeconds: 180) - 0.8883500191794669) < 1e-12)
        let calculator = StaffingCalculator(policy: try policy(sl: "0.8", answer: "20", occupancy: "0.85", shrinkage: "0.3"), intervalMinutes: 30)
        let need = calculator.agentsNeeded(contacts: 100, ahtSeconds: 180)
        #expect(need.agents == 14)
        #expect(calculator.scheduled(agentsNeeded: need.agents) == 20)
    }

    /// Erlang C calculator help page (personal.telefonica.terra.es/web/vr/erlang/eng/mcerlc.htm):
    /// 20 Erlangs need 26 circuits for a delay probability ≤ 15 %; 30 circuits give 2.5 %.
    @Test func delayProbabilityTable() {
        #expect(ErlangC.waitProbability(agents: 25, traffic: 20) > 0.15)
        #expect(ErlangC.waitProbability(agents: 26, traffic: 20) <= 0.15)
        #expect(abs(ErlangC.waitProbability(agents: 30, traffic: 20) - 0.025) < 0.0005)
    }

    /// jonesthenet.com "Erlang uplift": 250 calls an hour at AHT 330 s, 80 % in 30 s needs 28 advisors.
    @Test func hourlyIntervalExample() throws {
        let calculator = StaffingCalculator(policy: try policy(sl: "0.8", answer: "30", occupancy: "1", shrinkage: "0"), intervalMinutes: 60)
        #expect(calculator.agentsNeeded(contacts: 250, ahtSeconds: 330).agents == 28)
    }

    /// Erlang B traffic tables (erlang.com): 15 lines carry 8.108 Erlangs at 1 % blocking;
    /// Wolfram MathWorld: 30 lines at 25 Erlangs block about 5 %. Common tables: B(10, 10) = 0.2146.
    @Test func erlangBTables() {
        #expect(abs(ErlangC.blocking(agents: 15, traffic: 8.108) - 0.01) < 0.00005)
        #expect(abs(ErlangC.blocking(agents: 30, traffic: 25) - 0.0526) < 0.0001)
        #expect(abs(ErlangC.blocking(agents: 10, traffic: 10) - 0.2146) < 0.00005)
    }

    /// Stability at contact-centre scale: a 5,000-Erlang interval needs 5,019 agents for 80/20 at
    /// AHT 300 s (5,018 gives 0.78391); checked against a 60-digit recomputation (computed, not published).
    @Test func stableForThousandsOfAgents() throws {
        let sl5018 = ErlangC.serviceLevel(agents: 5018, traffic: 5000, answerSeconds: 20, ahtSeconds: 300)
        let sl5019 = ErlangC.serviceLevel(agents: 5019, traffic: 5000, answerSeconds: 20, ahtSeconds: 300)
        #expect(abs(sl5019 - 0.801708612601414) < 1e-9)
        #expect(abs(sl5018 - 0.78391) < 1e-5)
        #expect(abs(ErlangC.waitProbability(agents: 4050, traffic: 4000) - 0.321949901721633) < 1e-9)
        // 5,000 Erlangs in a 30-minute interval at AHT 300 s: 30,000 contacts.
        let calculator = StaffingCalculator(policy: try policy(sl: "0.8", answer: "20", occupancy: "1", shrinkage: "0"), intervalMinutes: 30)
        #expect(calculator.agentsNeeded(contacts: 30_000, ahtSeconds: 300).agents == 5019)
    }
}

func policy(sl: String, answer: String, occupancy: String, shrinkage: String, minOpen: Int = 1) throws -> StaffingPolicy {
    StaffingPolicy(
        serviceLevel: try #require(ExactDecimal(sl)), answerSeconds: try #require(ExactDecimal(answer)),
        maxOccupancy: try #require(ExactDecimal(occupancy)), shrinkage: try #require(ExactDecimal(shrinkage)), minAgentsOpen: minOpen
    )
}
