import ArgumentParser
import Core
import Foundation
import Reports
import Rostering
import Shiftwise
import Store

/// Maps failures to messages on stderr and the documented exit codes.
///
/// The exit code is the error's ``FailureCategory``; an error that wraps another (a comparison's
/// scenario) keeps the wrapped one's category and message.
enum Failure {
    /// The language of the messages, set once the command's `--lang` is validated (the process runs one command).
    nonisolated(unsafe) static var texts = Texts.english

    /// Runs `body`; on failure prints the error and exits with its category's code.
    /// - Parameter writes: whether the command would write files, so the message can say that none were.
    static func report<T>(writes: Bool = true, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            printError(lines(for: error, writes: writes).joined(separator: "\n"))
            throw ExitCode(failureCategory(of: error).exitCode)
        }
    }

    /// What the user reads for `error`.
    static func lines(for error: any Error, writes: Bool) -> [String] {
        let nothingWritten = writes ? "; nothing was written" : ""
        switch error {
        case let error as CompareFailure:
            return ["error: " + texts(.clNotCompared, error.scenario)] + lines(for: error.underlying, writes: writes)
        case let error as InputError:
            let count = error.errors.count
            // The first screenfuls are what a person reads; the count says how many more there are.
            let shown = error.diagnostics.prefix(printLimit).map(\.description)
            let hidden = error.diagnostics.dropFirst(printLimit).reduce(0) { $0 + $1.count }
            let more = hidden > 0 ? [texts(.clMoreNotShown, String(hidden))] : []
            if texts.language != .en { return shown + more + [texts(writes ? .cliProblemsNothingWritten : .cliProblems, String(count))] }
            return shown + more + ["\(count) problem\(count == 1 ? "" : "s") found\(nothingWritten)"]
        case let error as MissingInputError:
            return [error.description]
        case RosterFailure.infeasible(let reasons):
            return ["error: " + texts(.roInfeasible)]
                + reasons.map { "  " + $0 }
                + [texts(.roInfeasibleFix)]
        case let error as OutputError:
            // Its description already names the path and says `error:`.
            return [error.description]
        default:
            return ["error: \(error)"]
        }
    }

    /// The most diagnostics printed for one failure.
    static let printLimit = 200

    static func printWarnings(_ warnings: [Diagnostic]) {
        for w in warnings.prefix(printLimit) { printError(w.description) }
        // A bag's note for the warnings it did not keep stands for all of them.
        let more = warnings.dropFirst(printLimit).reduce(0) { $0 + $1.count }
        if more > 0 { printError(texts(.clMoreWarnings, String(more))) }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
