import Foundation
import Testing
@testable import Staffing

/// Erlang A against published values and against what it must reduce to.
@Suite struct ErlangAPublishedTests {
    /// Whitt (2005), "Engineering solution of a basic call-center model", Management Science 51:221–235,
    /// Table 1: λ = 102, μ = 1, N = 100, mean patience 1 (θ = 1).
    @Test func whittTableOne() {
        let m = ErlangA.measures(servers: 100, arrivalRate: 102, ahtSeconds: 1, patienceSeconds: 1, answerSeconds: 0.1)
        #expect(abs((1 - m.waitProbability) - 0.4083) < 5e-5, "P(no wait) \(1 - m.waitProbability)")
        #expect(abs(m.abandonProbability - 0.0499) < 5e-5, "P(abandon) \(m.abandonProbability)")
        #expect(abs(m.meanQueue - 5.092) < 5e-4, "E[Q] \(m.meanQueue)")
        #expect(abs(m.serviceLevelOfServed - 0.7986) < 5e-5, "P(W ≤ 0.1 | served) \(m.serviceLevelOfServed)")
    }
}

extension ErlangAPublishedTests {
    /// Infinite patience is Erlang C: the same waiting probability and service level (N > A).
    @Test func endlessPatienceIsErlangC() {
        for (n, a, t, aht) in [(10, 7.5, 20.0, 180.0), (105, 96.0, 30.0, 300.0), (2_600, 2_500.0, 20.0, 240.0)] {
            let lambda = a / aht
            let m = ErlangA.measures(servers: n, arrivalRate: lambda, ahtSeconds: aht, patienceSeconds: 1e9, answerSeconds: t)
            let c = ErlangC.waitProbability(agents: n, traffic: a)
            let sl = ErlangC.serviceLevel(agents: n, traffic: a, answerSeconds: t, ahtSeconds: aht)
            #expect(abs(m.waitProbability - c) < 1e-6, "N \(n): \(m.waitProbability) vs \(c)")
            #expect(abs(m.serviceLevel - sl) < 1e-6, "N \(n): \(m.serviceLevel) vs \(sl)")
            #expect(m.abandonProbability < 1e-5)
        }
    }

    /// An independent oracle on small queues: the birth–death chain truncated far out, and each waiting
    /// customer's race between service and patience solved by uniformization of its own Markov chain.
    @Test func smallQueuesAgainstUniformization() {
        for (n, lambda, aht, patience, t) in [(3, 0.02, 120.0, 60.0, 20.0), (5, 0.05, 90.0, 300.0, 30.0), (2, 0.03, 100.0, 40.0, 15.0),
                                              (4, 0.01, 300.0, 200.0, 60.0)] {
            let mu = 1 / aht, theta = 1 / patience
            // Stationary distribution, unnormalised: j ≤ N, then the queue up to 600 waiting.
            var p = [1.0]
            for j in 1...(n + 300) {
                let rate = j <= n ? Double(j) * mu : Double(n) * mu + Double(j - n) * theta
                p.append(p[j - 1] * lambda / rate)
            }
            let total = p.reduce(0, +)
            let pi = p.map { $0 / total }
            var wait = 0.0, abandon = 0.0, answered = pi[0..<n].reduce(0, +), queue = 0.0
            for k in 0...300 {
                let q = pi[n + k]
                wait += q
                queue += Double(k) * q
                abandon += q * Double(k + 1) * theta / (Double(n) * mu + Double(k + 1) * theta)
                // The tagged customer with k ahead: stages k…0, rates Nμ + iθ forward, θ to abandon.
                let rate = Double(n) * mu + Double(k + 1) * theta
                var stage = Array(repeating: 0.0, count: k + 2)   // index = customers ahead; k + 1 = served
                stage[k] = 1
                var served = 0.0
                var poisson = exp(-rate * t)
                var step = 0
                var cumulative = poisson
                // P(served by T) = Σ_s Poisson(rate·T; s) · P(served within s jumps).
                while cumulative < 1 - 1e-15, step < 5_000 {
                    var next = Array(repeating: 0.0, count: k + 2)
                    for i in 0...k where stage[i] > 0 {
                        let forward = (Double(n) * mu + Double(i) * theta) / rate
                        let stay = 1 - forward - theta / rate
                        if i == 0 { next[k + 1] += stage[i] * forward } else { next[i - 1] += stage[i] * forward }
                        next[i] += stage[i] * stay
                    }
                    next[k + 1] += stage[k + 1]
                    stage = next
                    step += 1
                    poisson *= rate * t / Double(step)
                    cumulative += poisson
                    served += poisson * stage[k + 1]
                }
                answered += q * served
            }
            let m = ErlangA.measures(servers: n, arrivalRate: lambda, ahtSeconds: aht, patienceSeconds: patience, answerSeconds: t)
            #expect(abs(m.waitProbability - wait) < 1e-9, "N \(n): wait \(m.waitProbability) vs \(wait)")
            #expect(abs(m.abandonProbability - abandon) < 1e-9, "N \(n): abandon \(m.abandonProbability) vs \(abandon)")
            #expect(abs(m.meanQueue - queue) < 1e-8, "N \(n): queue \(m.meanQueue) vs \(queue)")
            #expect(abs(m.serviceLevel - answered) < 1e-9, "N \(n): SL \(m.serviceLevel) vs \(answered)")
        }
    }

    /// More servers: never a lower service level, never more abandonment; stable at thousands of servers.
    @Test func monotoneAndStableAtScale() {
        for (a, aht, patience) in [(40.0, 240.0, 120.0), (2_400.0, 300.0, 90.0), (4_800.0, 180.0, 600.0)] {
            var previous = ErlangA.measures(servers: Int(a * 0.7), arrivalRate: a / aht, ahtSeconds: aht, patienceSeconds: patience, answerSeconds: 20)
            for n in stride(from: Int(a * 0.7) + 1, through: Int(a * 1.2), by: max(1, Int(a) / 100)) {
                let m = ErlangA.measures(servers: n, arrivalRate: a / aht, ahtSeconds: aht, patienceSeconds: patience, answerSeconds: 20)
                #expect(m.serviceLevel >= previous.serviceLevel - 1e-12 && m.abandonProbability <= previous.abandonProbability + 1e-12, "A \(a) N \(n)")
                #expect(m.serviceLevel.isFinite && (0...1).contains(m.serviceLevel) && (0...1).contains(m.abandonProbability))
                previous = m
            }
        }
    }
}
