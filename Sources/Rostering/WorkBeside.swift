import Foundation
import LinearModel

/// Work run on a thread of its own beside the caller's (a second dive while the first runs), and its
/// result waited for. The thread gets the stack the week graphs' searches and GLPK need, and frees what
/// the solver kept for it before it ends.
final class WorkBeside<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written by the thread before it signals `done`, read by the caller after waiting for it.
    private var result: Result<Value, SolverError> = .failure(SolverError(.solverFailure, "work beside never ran"))

    init(solver: any ColumnGenerationSolver, _ body: @escaping @Sendable () throws(SolverError) -> Value) {
        let thread = Thread { [self] in
            do throws(SolverError) {
                result = .success(try body())
            } catch {
                result = .failure(error)
            }
            solver.threadEnds()
            done.signal()
        }
        thread.stackSize = 64 << 20
        thread.start()
    }

    /// Waits for the work to end; its result, or what it threw.
    func wait() throws(SolverError) -> Value {
        done.wait()
        return try result.get()
    }
}

/// `here` on the calling thread while `beside` (nil: nothing) runs on a thread of its own: both results,
/// once both have ended. An error of either is thrown only then, so no thread outlives the caller's work.
func bothEnded<Mine, Theirs>(_ beside: WorkBeside<Theirs>?, _ here: () throws(SolverError) -> Mine) throws(SolverError) -> (mine: Mine, theirs: Theirs?) {
    let mine: Result<Mine, SolverError>
    do throws(SolverError) {
        mine = .success(try here())
    } catch {
        mine = .failure(error)
    }
    let theirs = try beside?.wait()
    return (try mine.get(), theirs)
}

/// A signal one thread gives and another reads (two searches racing to the same gap: the first there ends both).
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var isGiven = false

    var given: Bool {
        lock.lock()
        defer { lock.unlock() }
        return isGiven
    }

    func give() {
        lock.lock()
        isGiven = true
        lock.unlock()
    }
}

/// A value one thread hands another once: the taker waits until it is given; a second give is ignored.
final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var value: Value
    private var isGiven = false

    init(_ initial: Value) { value = initial }

    func give(_ given: Value) {
        lock.lock()
        guard !isGiven else {
            lock.unlock()
            return
        }
        isGiven = true
        value = given
        lock.unlock()
        ready.signal()
    }

    /// Waits until the value is given (once; later takes return at once).
    func take() -> Value {
        ready.wait()
        ready.signal()
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
