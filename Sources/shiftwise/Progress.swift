import Foundation

/// Progress on stderr: a live, overwritten line on a terminal; plain lines (at most one every
/// few seconds for live updates) when stderr is a file or a pipe.
enum Progress {
    nonisolated(unsafe) static var lastPlain = Date.distantPast
    nonisolated(unsafe) static var liveShown = false
    static let isTerminal = isatty(STDERR_FILENO) != 0

    /// A stage that is done: always its own line.
    static func line(_ text: String) {
        finish()
        Failure.printError(text)
    }

    /// A running update that replaces the previous one.
    static func live(_ text: String) {
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            liveShown = true
        } else if Date().timeIntervalSince(lastPlain) >= 5 {
            lastPlain = Date()
            Failure.printError(text)
        }
    }

    /// Ends a live line so the next output starts on a fresh one.
    static func finish() {
        if liveShown {
            FileHandle.standardError.write(Data("\n".utf8))
            liveShown = false
        }
    }
}

