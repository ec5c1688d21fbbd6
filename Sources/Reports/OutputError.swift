public import Core

/// An output file or folder that could not be written (exit 70).
public struct OutputError: CategorizedError, Sendable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var category: FailureCategory { .internalFailure }

    public var description: String {
        "\(path): error: cannot write: \(reason) (check that the folder is writable and the disk has room, or choose another with --out)"
    }
}
