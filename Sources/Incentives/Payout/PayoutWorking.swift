public import Core
import Dispatch
import Foundation

/// The working of a calculation's lines, computed when it is read, chunk by chunk: each agent is worked on again
/// with its sentences (``AgentWork`` with `working`, the same rules and arithmetic as the lines), and its pool
/// shares and honours are taken from what the calculation decided for the whole population. So the calculation
/// keeps the money only, and a detail sheet of any size is written holding a few chunks of details at a time.
public final class PayoutWorking: Sendable {
    let setting: PayoutCalculator.Setting
    let settled: PayoutCalculator.Settled
    /// The language of the calculation's messages, for the chunks worked on other threads.
    let texts: Texts

    init(setting: PayoutCalculator.Setting, settled: PayoutCalculator.Settled, texts: Texts) {
        self.setting = setting
        self.settled = settled
        self.texts = texts
    }

    /// How many agents the calculation worked on.
    public var agentCount: Int { setting.count }

    /// The detail lines of the agents at `range` (indices in agent-id order).
    public func details(agents range: Range<Int>) -> [PayoutDetail] {
        let range = range.clamped(to: 0..<setting.count)
        return Texts.with(texts) {
            let chunk = PayoutCalculator.agents(range, setting, working: true)
            return PayoutCalculator.settle(chunk, range, setting, settled, working: true).details
        }
    }

    /// Every detail line in order, given to `body` a chunk of agents at a time; chunks are worked on by every core
    /// a few at a time, so only those are held.
    public func forEachChunk(agentsPerChunk: Int = 2_000, _ body: ([PayoutDetail]) throws -> Void) rethrows {
        try forEachChunk(agentsPerChunk: agentsPerChunk, render: { $0 }, body)
    }

    /// Every chunk of detail lines made into `T` by `render` on the core that worked it out (a sheet's rows, say),
    /// given to `body` in order.
    public func forEachChunk<T: Sendable>(agentsPerChunk: Int = 2_000, render: @Sendable @escaping ([PayoutDetail]) -> T,
                                          _ body: (T) throws -> Void) rethrows {
        let size = max(1, agentsPerChunk)
        let count = setting.count
        let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        var start = 0
        while start < count {
            let ranges = (0..<cores).map { c in min(start + c * size, count)..<min(start + (c + 1) * size, count) }.filter { !$0.isEmpty }
            let batch = inParallel(ranges.count) { c in Texts.with(self.texts) { render(self.details(agents: ranges[c])) } }
            for chunk in batch { try body(chunk) }
            start = ranges.last?.upperBound ?? count
        }
    }

    /// Every detail line at once.
    public var all: [PayoutDetail] {
        var out: [PayoutDetail] = []
        forEachChunk { out += $0 }
        return out
    }
}
