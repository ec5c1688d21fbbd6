public import Core

/// Quality inspection (质检, SPEC §10): a reproducible random sample of handled contacts per agent,
/// and the scores of the inspected contacts on a weighted form.
public enum QualityInspection {
    public struct Contact: Sendable, Hashable {
        public let id: String
        public let agentID: String
        public let start: String

        public init(id: String, agentID: String, start: String) {
            self.id = id
            self.agentID = agentID
            self.start = start
        }
    }

    /// K contacts per agent (all when fewer), drawn uniformly with `seed`. The draw of one agent depends only
    /// on the seed, the agent's id and its contacts (sorted by id first), so the row order of the file, other
    /// agents and the machine change nothing. Output: agents in code-point order, each one's contacts by start then id.
    public static func sample(_ contacts: [Contact], perAgent k: Int, seed: UInt64) -> [Contact] {
        var byAgent: [String: [Contact]] = [:]
        for c in contacts { byAgent[c.agentID, default: []].append(c) }
        var out: [Contact] = []
        for agent in byAgent.keys.sorted(by: codePoint) {
            var pool = byAgent[agent]!.sorted { codePoint($0.id, $1.id) }
            if pool.count > k {
                var rng = SplitMix64(seed: seed ^ fnv1a(agent))
                // Partial Fisher–Yates: the first k places hold a uniform sample.
                for i in 0..<k {
                    let j = i + Int(uniform(below: UInt64(pool.count - i), &rng))
                    pool.swapAt(i, j)
                }
                pool = Array(pool.prefix(k))
            }
            out += pool.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        }
        return out
    }

    /// A scoring form: criteria with weights summing to 100; an auto-fail criterion scored 0 fails the contact.
    public struct Form: Sendable {
        public struct Criterion: Sendable, Hashable {
            public let name: String
            public let weight: ExactDecimal
            public let autoFail: Bool

            public init(name: String, weight: ExactDecimal, autoFail: Bool) {
                self.name = name
                self.weight = weight
                self.autoFail = autoFail
            }
        }

        public let name: String
        public let criteria: [Criterion]

        public init(name: String, criteria: [Criterion]) {
            self.name = name
            self.criteria = criteria
        }

        /// Σ weight × value / 100, or 0 when an auto-fail criterion is 0; exact.
        public func score(_ values: [ExactDecimal]) -> (score: ExactDecimal, autoFailed: String?) {
            for (c, v) in zip(criteria, values) where c.autoFail && v.isZero { return (.zero, c.name) }
            var sum = ExactDecimal.zero
            for (c, v) in zip(criteria, values) { sum += c.weight * v }
            return (sum.divided(by: 100, scale: 6, mode: .halfEven) ?? .zero, nil)
        }
    }

    /// One agent's inspected contacts and mean score (2 decimals, half-up).
    public struct AgentScore: Sendable, Hashable {
        public let agentID: String
        public let inspected: Int
        public let qaScore: ExactDecimal
    }

    /// Per agent (code-point order): how many contacts were inspected and their mean score.
    public static func agentScores(_ scored: [(agentID: String, score: ExactDecimal)]) -> [AgentScore] {
        var sums: [String: (ExactDecimal, Int)] = [:]
        for s in scored {
            let (sum, n) = sums[s.agentID] ?? (.zero, 0)
            sums[s.agentID] = (sum + s.score, n + 1)
        }
        return sums.keys.sorted(by: codePoint).map { id in
            let (sum, n) = sums[id]!
            return AgentScore(agentID: id, inspected: n, qaScore: sum.divided(by: ExactDecimal(n), scale: 2, mode: .halfUp) ?? .zero)
        }
    }

    /// A uniform integer in 0..<n: draws below 2^64 mod n are rejected, so every value is equally likely.
    static func uniform(below n: UInt64, _ rng: inout SplitMix64) -> UInt64 {
        let threshold = (0 &- n) % n
        while true {
            let r = rng.next()
            if r >= threshold { return r % n }
        }
    }

    static func codePoint(_ a: String, _ b: String) -> Bool { a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) }

    /// FNV-1a over the id's UTF-8 bytes: the same on every machine (Swift's own hashing is seeded per process).
    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}
