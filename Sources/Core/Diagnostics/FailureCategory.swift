/// What kind of failure a user-facing error is, and so the exit code the command ends with.
///
/// Every error that reaches the command line knows its category, and an error that wraps another
/// (a comparison wrapping one scenario's roster failure, say) reports the wrapped one's category.
public enum FailureCategory: Int32, Sendable, CaseIterable {
    /// The hard rules contradict each other: no roster exists.
    case infeasible = 2
    /// The command line itself is wrong.
    case usage = 64
    /// An input file (or a database or run the user chose) holds something that cannot be used.
    case badInput = 65
    /// An input file does not exist or cannot be read.
    case missingInput = 66
    /// Something failed inside the program, the solver or the disk.
    case internalFailure = 70

    /// The process exit code.
    public var exitCode: Int32 { rawValue }
}

/// An error that knows which ``FailureCategory`` it belongs to.
public protocol CategorizedError: Error, CustomStringConvertible {
    var category: FailureCategory { get }
}

extension InputError: CategorizedError {
    public var category: FailureCategory { .badInput }
}

extension MissingInputError: CategorizedError {
    public var category: FailureCategory { .missingInput }
}

/// The category of any error: its own when it has one, else an internal failure.
public func failureCategory(of error: any Error) -> FailureCategory {
    (error as? any CategorizedError)?.category ?? .internalFailure
}
