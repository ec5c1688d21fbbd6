import Foundation  // exp, log, expm1

/// Erlang A: the M/M/N+M queue (Poisson arrivals, exponential service and exponential patience,
/// first come first served), exact and stable for thousands of servers (SPEC §5.1).
///
/// With B the Erlang B blocking probability of N servers and a = λ/μ Erlangs, the stationary
/// probabilities satisfy Σ_{j<N} π_j = π_N (1/B − 1) and π_{N+k} = π_N t_k with t_0 = 1,
/// t_k = t_{k−1} · λ / (Nμ + kθ). An arriving customer who finds k waiting reaches a server
/// after V = Σ_{i=0}^{k} Exp(Nμ + iθ) unless its own patience Exp(θ) runs out first; the chance
/// that it is served within T is Nμ / (Nμ + (k+1)θ) · D_{k+1}, where D_m = P(Σ_{j=1}^{m} Exp(Nμ+jθ) ≤ T)
/// is a negative-binomial tail: D_m = Σ_{j≥m} g_j, g_j = C(c+j, j) u^{c+1} (1−u)^j with c = Nμ/θ and
/// u = e^{−θT} (e^{−θ·Exp(θ(c+j))} is Beta(c+j, 1), and their product is Beta(c+1, m)).
/// Abandonment follows from Little: P(abandon) = θ E[queue] / λ.
///
/// The sums run in logarithms with a moving scale, so neither a long queue (an overloaded
/// interval with patient customers) nor many servers overflow or underflow.
public enum ErlangA {
    public struct Measures: Sendable, Equatable {
        /// Probability that an arriving contact waits (finds every server busy).
        public let waitProbability: Double
        /// Share of arriving contacts that abandon.
        public let abandonProbability: Double
        /// Share of arriving contacts answered within the answer time (abandoned ones are not answered).
        public let serviceLevel: Double
        /// Mean number of contacts waiting.
        public let meanQueue: Double

        /// Share of served contacts answered within the answer time.
        public var serviceLevelOfServed: Double { abandonProbability < 1 ? serviceLevel / (1 - abandonProbability) : 0 }
    }

    /// The measures of `servers` servers for `arrivalRate` contacts per second.
    ///
    /// - Complexity: O(servers + terms of the queue's tail), the tail being as long as the queue
    ///   can grow before its terms fall below 10⁻¹⁸ of the largest.
    public static func measures(servers n: Int, arrivalRate lambda: Double, ahtSeconds: Double, patienceSeconds: Double,
                                answerSeconds: Double) -> Measures {
        guard lambda > 0, ahtSeconds > 0 else { return Measures(waitProbability: 0, abandonProbability: 0, serviceLevel: 1, meanQueue: 0) }
        guard n > 0 else { return Measures(waitProbability: 1, abandonProbability: 1, serviceLevel: 0, meanQueue: .infinity) }
        let mu = 1 / ahtSeconds
        let theta = 1 / patienceSeconds
        let blocking = ErlangC.blocking(agents: n, traffic: lambda / mu)
        // Σ_{j<N} π_j / π_N; infinite when B underflows (far more servers than traffic: nobody waits).
        let below = blocking > 0 ? 1 / blocking - 1 : Double.infinity
        let serving = Double(n) * mu
        let c = serving / theta
        let t = answerSeconds
        // u = e^{−θT}; ln(1 − u) without cancellation.
        let logOneMinusU = t > 0 ? log(-expm1(-theta * t)) : 0
        var logG = -(serving + theta) * t          // ln g_0 = (c+1) ln u
        var cumulativeG = exp(logG)                // Σ_{j ≤ m−1} g_j for the current m = k + 1
        let logLambda = log(lambda)

        // Scaled sums: S0 = Σ t_k, S1 = Σ k t_k, SW = Σ t_k · Nμ/(Nμ+(k+1)θ) · D_{k+1}, each × e^{−scale}.
        var scale = 0.0
        var s0 = 0.0, s1 = 0.0, sw = 0.0
        var logT = 0.0
        var k = 0
        let peak = max(0.0, (lambda - serving) / theta)
        let maxTerms = 20_000_000
        while k < maxTerms {
            if logT > scale + 40 {
                let f = exp(scale - logT)
                s0 *= f; s1 *= f; sw *= f
                scale = logT
            }
            let term = exp(logT - scale)
            // With no answer time only those who never wait are answered within it.
            let d = t > 0 ? max(0, 1 - cumulativeG) : 0
            s0 += term
            s1 += Double(k) * term
            sw += term * serving / (serving + Double(k + 1) * theta) * d
            // Next term.
            k += 1
            let ratio = lambda / (serving + Double(k) * theta)
            logT += logLambda - log(serving + Double(k) * theta)
            if t > 0 {
                logG += logOneMinusU + log(c + Double(k)) - log(Double(k))
                cumulativeG += exp(logG)
            }
            // Past the peak the terms fall ever faster; stop once what is left is below 10⁻¹⁸ of the sum.
            if Double(k) > peak, ratio < 1 {
                let next = exp(logT - scale)
                if next / (1 - ratio) < 1e-18 * s0 { break }
            }
        }
        let belowScaled = below.isInfinite ? Double.infinity : below * exp(-scale)
        let total = belowScaled + s0
        let pWait = belowScaled.isInfinite ? 0 : s0 / total
        let meanQueue = belowScaled.isInfinite ? 0 : s1 / total
        let pAbandon = min(1, max(0, theta * meanQueue / lambda))
        let servedWaiting = belowScaled.isInfinite ? 0 : sw / total
        let sl = min(1, max(0, (1 - pWait) + servedWaiting))
        return Measures(waitProbability: pWait, abandonProbability: pAbandon, serviceLevel: sl, meanQueue: meanQueue)
    }
}
