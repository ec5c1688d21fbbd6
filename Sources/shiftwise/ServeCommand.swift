import ArgumentParser
import Core
import Dispatch
import Foundation
import Shiftwise
import Store
import WebApp

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the database's runs to a browser: rosters to view, edit and save, payouts to approve, comparisons.",
        discussion: """
        Listens on 127.0.0.1 (this machine only) unless --host names another address. Pages, scripts and \
        styles come from the program itself: no network is needed. Every change a page asks for carries \
        the page's token; stop the server with Ctrl-C.
        """
    )

    @Option(name: .long, help: "The address to listen on: 127.0.0.1 is this machine only, 0.0.0.0 every network.")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("allowed-host"), help: ArgumentHelp(
        "Another name the pages may be asked for under (e.g. the DNS name of this machine when serving a network); repeatable. Requests under any other name are refused.",
        valueName: "name"))
    var allowedHosts: [String] = []

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(name: .long, help: ArgumentHelp("The time limit of \"re-solve around my edits\" (default: the scenario's solver.time_limit_seconds).",
                                            valueName: "seconds"))
    var timeLimit: Double?

    @Option(name: .long, help: ArgumentHelp("A payroll map (see `payouts export --map`): payout runs can then be exported for ADP, Paychex and Gusto too.",
                                            valueName: "file"))
    var map: String?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError(Texts.current(.wbPort, "\(port)")) }
        if let timeLimit, !(timeLimit > 0 && timeLimit <= 86_400) { throw ValidationError(Texts.current(.wbResolveLimit, "\(timeLimit)")) }
        guard !host.isEmpty, !host.contains("/"), !host.contains(" ") else { throw ValidationError(Texts.current(.wbHost, host)) }
        for name in allowedHosts where name.isEmpty || name.contains(where: { "/ ,@".contains($0) || $0.isNewline }) {
            throw ValidationError(Texts.current(.wbAllowedHost, name))
        }
    }

    func run() throws {
        let path = database.path
        // The database is opened as every command opens it (same locking, same migrations when it can be written; a
        // read-only one is served for reading); a missing one is not created.
        _ = try Failure.report(writes: false) { try Store.openExisting(path) }
        // The map is read once here, so a broken map is said before the server starts (exit 65, located).
        if let map { _ = try Failure.report(writes: false) { try PayoutsUseCase.checkMap(map) } }
        // `[::1]` as a browser writes it is the address `::1`.
        let host = self.host.hasPrefix("[") && self.host.hasSuffix("]") ? String(self.host.dropFirst().dropLast()) : self.host
        let server = WebServer(database: path, defaultLanguage: language.language, resolveSeconds: timeLimit, payrollMap: map, host: host,
                               allowedHosts: allowedHosts)
        let texts = language.texts
        let port = self.port
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await server.serve(host: host, port: port) { bound in
                    let line = texts(.wbServes, path, "http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/") + "\n"
                    FileHandle.standardOutput.write(Data(line.utf8))
                }
            } catch {
                failure.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            if "\(error)".contains("Address already in use") {
                Failure.printError("error: " + language.texts(.wbPortInUse, "\(port)"))
                throw ExitCode(FailureCategory.usage.exitCode)
            }
            Failure.printError(language.texts(.wbStopped, "\(error)"))
            throw ExitCode(FailureCategory.internalFailure.exitCode)
        }
    }
}

/// The server's error, handed from its task to the waiting command.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    var error: (any Error)? { lock.withLock { stored } }
    func set(_ error: any Error) { lock.withLock { stored = error } }
}
