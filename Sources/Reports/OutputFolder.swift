public import Core
import Foundation

/// Writes output files so that a reader never sees half a file: each goes to a temporary name
/// in the same folder and is renamed into place.
public struct OutputFolder: Sendable {
    public let path: String

    public init(_ path: String) {
        self.path = path
    }

    /// Creates the folder (and parents) when missing.
    public func prepare() throws(OutputError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    /// Writes `bytes` to `name` inside the folder atomically and returns the file's path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws(OutputError) -> String {
        let target = path + "/" + name
        let folder = (target as NSString).deletingLastPathComponent
        let temporary = folder + "/.\((name as NSString).lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            // rename(2) replaces the target atomically.
            guard rename(temporary, target) == 0 else {
                throw OutputError(path: target, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw OutputError(path: target, reason: error.localizedDescription)
        }
        return target
    }

    /// Writes text as UTF-8.
    @discardableResult
    public func write(_ name: String, text: String) throws(OutputError) -> String {
        try write(name, bytes: Array(text.utf8))
    }
}

/// An output file that could not be written.
public struct OutputError: CategorizedError, Sendable {
    public var category: FailureCategory { .internalFailure }
    public let path: String
    public let reason: String

    public var description: String {
        "\(path): error: cannot write: \(reason) (check that the folder exists and is writable, or choose another with --out)"
    }
}
