public import Core

/// Why the store could not do what was asked; every case names the database file and what to do.
public enum StoreError: CategorizedError, Sendable {
    /// The file holds migrations this program does not know: a newer Shiftwise wrote it.
    case newerSchema(path: String, unknown: [String])
    /// The file exists but is not a SQLite database.
    case notADatabase(path: String)
    /// Another process kept the database locked for longer than the busy timeout.
    case busy(path: String, seconds: Double)
    /// No run has this id.
    case unknownRun(path: String, id: Int)
    /// The run cannot take this payout step (not a payout run, a draft to export, already approved…); the message says what to do.
    case payoutState(path: String, message: String)
    /// An approved run's stored lines differ from what its approval recorded.
    case tampered(path: String, message: String)
    /// The file is a SQLite database that Shiftwise did not create.
    case foreignDatabase(path: String)
    /// The path names a folder, a device or a pipe, not a database file.
    case notAFile(path: String)
    /// The folder the database would be created in does not exist.
    case noFolder(path: String, folder: String)
    /// No database exists at the path (for commands that only read).
    case missing(path: String)
    /// Any other database failure, in SQLite's words (without its numeric codes).
    case failed(path: String, message: String)

    /// True when the problem lies in the file the user chose (exit 65), not in the program (exit 70).
    public var isBadInput: Bool {
        switch self {
        case .newerSchema, .notADatabase, .unknownRun, .payoutState, .tampered, .foreignDatabase, .missing, .notAFile, .noFolder: true
        case .busy, .failed: false
        }
    }

    public var category: FailureCategory { isBadInput ? .badInput : .internalFailure }

    public var description: String {
        switch self {
        case .newerSchema(let path, let unknown):
            Texts.current(.stNewer, path, unknown.joined(separator: ", "))
        case .notADatabase(let path):
            Texts.current(.stNotDatabase, path)
        case .busy(let path, let seconds):
            Texts.current(.stBusy, path, String(Int(seconds)))
        case .unknownRun(let path, let id):
            Texts.current(.stUnknownRun, path, String(id))
        case .payoutState(_, let message), .tampered(_, let message):
            message
        case .foreignDatabase(let path):
            Texts.current(.stForeign, path)
        case .notAFile(let path):
            Texts.current(.stNotFile, path)
        case .noFolder(let path, let folder):
            Texts.current(.stNoFolder, path, folder)
        case .missing(let path):
            Texts.current(.stMissing, path)
        case .failed(let path, let message):
            Texts.current(.stFailed, path, message)
        }
    }
}
