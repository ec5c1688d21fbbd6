public import Core

/// An output file or folder that could not be written (exit 70).
public struct OutputError: CategorizedError, Sendable {
    public let path: String
    public let reason: String
    /// `usage` when the output location the user chose cannot serve (a file, the working folder…),
    /// found before any work; `internalFailure` when writing failed on the way.
    public let category: FailureCategory

    public init(path: String, reason: String, category: FailureCategory = .internalFailure) {
        self.path = path
        self.reason = reason
        self.category = category
    }

    public var description: String {
        "\(path): error: " + Texts.current(.ouCannotWrite, reason)
    }
}
