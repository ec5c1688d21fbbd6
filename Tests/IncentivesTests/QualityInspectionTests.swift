import Core
import Testing
@testable import Incentives

@Suite struct QualityInspectionTests {
    static func contacts(_ perAgent: [String: Int]) -> [QualityInspection.Contact] {
        perAgent.sorted { $0.key < $1.key }.flatMap { agent, n in
            (0..<n).map { QualityInspection.Contact(id: "\(agent)-\(1000 + $0)", agentID: agent, start: "2026-11-\(10 + $0 % 18)T09:\(10 + $0 % 40)") }
        }
    }

    @Test func kPerAgentAllWhenFewer() {
        let s = QualityInspection.sample(Self.contacts(["A": 30, "B": 2, "C": 5]), perAgent: 5, seed: 42)
        #expect(s.filter { $0.agentID == "A" }.count == 5)
        #expect(s.filter { $0.agentID == "B" }.count == 2)
        #expect(s.filter { $0.agentID == "C" }.count == 5)
        #expect(Set(s.map(\.id)).count == s.count)
    }

    /// The same seed gives the same sample whatever the row order and whoever else is in the file; another seed another.
    @Test func sameSeedSameSample() {
        let all = Self.contacts(["A": 40, "B": 25])
        let base = QualityInspection.sample(all, perAgent: 4, seed: 7)
        var rng = SplitMix64(seed: 1)
        for _ in 0..<10 {
            var shuffled = all
            for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            #expect(QualityInspection.sample(shuffled, perAgent: 4, seed: 7) == base)
        }
        let withC = QualityInspection.sample(all + Self.contacts(["C": 9]), perAgent: 4, seed: 7)
        #expect(withC.filter { $0.agentID != "C" } == base)
        #expect(QualityInspection.sample(all, perAgent: 4, seed: 8) != base)
        // Pinned: the draw for seed 7 on every machine, reproduced by a separate Python implementation of SplitMix64,
        // FNV-1a and the partial Fisher–Yates with rejection (fixed 64-bit arithmetic, nothing machine-dependent).
        #expect(base.filter { $0.agentID == "A" }.map(\.id).sorted() == ["A-1024", "A-1025", "A-1028", "A-1039"], "\(base.map(\.id))")
    }

    /// Every contact is equally likely: 2 of 10 drawn 20,000 times, each contact about 4,000 times.
    @Test func uniform() {
        let all = Self.contacts(["A": 10])
        var counts: [String: Int] = [:]
        for seed in 0..<20_000 { for c in QualityInspection.sample(all, perAgent: 2, seed: UInt64(seed)) { counts[c.id, default: 0] += 1 } }
        #expect(counts.count == 10)
        // Binomial(20,000, 0.2): sd ≈ 57; 5 sd either side.
        #expect(counts.values.allSatisfy { abs($0 - 4_000) < 285 }, "\(counts)")
    }

    /// Weights 40/30/30, compliance auto-fail: (90·40 + 80·30 + 100·30)/100 = 90; compliance 0 → 0 whatever the rest.
    @Test func weightedScoreAndAutoFail() {
        let form = QualityInspection.Form(name: "f", criteria: [.init(name: "attitude", weight: 40, autoFail: false),
                                                                .init(name: "solved", weight: 30, autoFail: false),
                                                                .init(name: "compliance", weight: 30, autoFail: true)])
        #expect(form.score([90, 80, 100]).score == 90)
        #expect(form.score([100, 100, 0]) == (score: .zero, autoFailed: "compliance"))
        #expect(form.score([95, 85, 50]).score == ExactDecimal("78.5"))
        // Means per agent, 2 decimals half-up: (90 + 78.5 + 0) / 3 = 56.1666… → 56.17.
        let agents = QualityInspection.agentScores([("A", 90), ("A", ExactDecimal("78.5")!), ("A", 0), ("B", 100)])
        #expect(agents.map(\.agentID) == ["A", "B"] && agents[0].inspected == 3 && agents[0].qaScore == ExactDecimal("56.17") && agents[1].qaScore == 100)
    }
}
