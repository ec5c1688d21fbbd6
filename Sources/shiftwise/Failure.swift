import ArgumentParser
import Core
import Foundation
import Shiftwise
import Store

/// Maps failures to messages on stderr and the documented exit codes.
enum Failure {
    static func report<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputError {
            for d in error.diagnostics { printError(d.description) }
            let count = error.errors.count
            printError("\(count) problem\(count == 1 ? "" : "s") found; nothing was written")
            throw ExitCode(65)
        } catch let error as MissingInputError {
            printError(error.description)
            throw ExitCode(66)
        } catch RosterFailure.infeasible(let reasons) {
            printError("error: the roster is infeasible: the hard rules contradict each other")
            for r in reasons { printError("  " + r) }
            printError("(relax the contract, availability or window of the agents named, then run again)")
            throw ExitCode(2)
        } catch let error as StoreError {
            // A newer schema, a file that is not a database or an unknown run: the user's choice of
            // file or id (65); a locked or failing database: 70.
            printError("error: \(error)")
            throw ExitCode(error.isBadInput ? 65 : 70)
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("error: \(error)")
            throw ExitCode(70)
        }
    }

    static func printWarnings(_ warnings: [Diagnostic]) {
        for w in warnings { printError(w.description) }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
