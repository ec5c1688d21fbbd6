import Foundation  // exp only

/// Erlang B and C queueing formulas, stable for thousands of agents.
///
/// Uses the Erlang B recursion `B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1))`, which never
/// forms a factorial or a power of A, so it neither overflows nor loses precision at 5,000 agents.
public enum ErlangC {
    /// Erlang B blocking probability for `agents` servers and `traffic` Erlangs.
    ///
    /// - Complexity: O(agents).
    public static func blocking(agents: Int, traffic: Double) -> Double {
        guard agents > 0 else { return 1 }
        guard traffic > 0 else { return 0 }
        var b = 1.0
        for n in 1...agents {
            b = traffic * b / (Double(n) + traffic * b)
        }
        return b
    }

    /// Erlang C probability that a contact waits, from the Erlang B value at the same `agents`.
    ///
    /// Returns 1 when `agents ≤ traffic` (the queue grows without bound).
    public static func waitProbability(agents: Int, traffic: Double, blocking b: Double) -> Double {
        let n = Double(agents)
        guard n > traffic else { return 1 }
        let c = n * b / (n - traffic * (1 - b))
        return min(1, max(0, c))
    }

    /// Erlang C probability that a contact waits.
    ///
    /// - Complexity: O(agents).
    public static func waitProbability(agents: Int, traffic: Double) -> Double {
        waitProbability(agents: agents, traffic: traffic, blocking: blocking(agents: agents, traffic: traffic))
    }

    /// Share of contacts answered within `answerSeconds`: `1 − C(N, A) · e^(−(N − A) · T / AHT)`.
    ///
    /// 0 when `agents ≤ traffic` (the queue cannot keep up); 1 when there is no traffic.
    public static func serviceLevel(agents: Int, traffic: Double, answerSeconds: Double, ahtSeconds: Double) -> Double {
        serviceLevel(agents: agents, traffic: traffic, answerSeconds: answerSeconds, ahtSeconds: ahtSeconds,
                     blocking: blocking(agents: agents, traffic: traffic))
    }

    static func serviceLevel(agents: Int, traffic: Double, answerSeconds: Double, ahtSeconds: Double, blocking b: Double) -> Double {
        guard traffic > 0 else { return 1 }
        let n = Double(agents)
        guard n > traffic, ahtSeconds > 0 else { return 0 }
        let c = waitProbability(agents: agents, traffic: traffic, blocking: b)
        let sl = 1 - c * exp(-(n - traffic) * answerSeconds / ahtSeconds)
        return min(1, max(0, sl))
    }

    /// Projected service level for a fractional number of effective agents.
    ///
    /// Erlang C at floor(E) and ceil(E), interpolated linearly; a staff level n ≤ A scores 0.
    /// - Complexity: O(E).
    public static func projectedServiceLevel(effectiveAgents e: Double, traffic: Double, answerSeconds: Double, ahtSeconds: Double) -> Double {
        guard traffic > 0 else { return 1 }
        guard e > 0 else { return 0 }
        let low = Int(e.rounded(.down))
        let high = Int(e.rounded(.up))
        // One recursion serves both levels.
        let bLow = blocking(agents: low, traffic: traffic)
        let slLow = low == 0 ? 0 : serviceLevel(agents: low, traffic: traffic, answerSeconds: answerSeconds, ahtSeconds: ahtSeconds, blocking: bLow)
        if high == low { return slLow }
        let bHigh = traffic * bLow / (Double(high) + traffic * bLow)
        let slHigh = serviceLevel(agents: high, traffic: traffic, answerSeconds: answerSeconds, ahtSeconds: ahtSeconds, blocking: bHigh)
        let weight = e - Double(low)
        return slLow + (slHigh - slLow) * weight
    }
}
