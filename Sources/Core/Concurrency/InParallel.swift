import Dispatch
import Synchronization

/// `body(0..<count)` on every core, the results in order (whichever thread ends first).
public func inParallel<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let results = Mutex([T?](repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { c in
        let value = body(c)
        results.withLock { $0[c] = value }
    }
    // Taken out of the lock (not copied), so each result has one owner.
    return results.withLock { all in
        defer { all = [] }
        return all.map { $0! }
    }
}
