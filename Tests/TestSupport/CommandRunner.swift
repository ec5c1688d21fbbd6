import Foundation

/// Runs the built `shiftwise` binary and captures what a user would see.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

public enum CommandRunner {
    /// The binary under test: `SHIFTWISE_BIN`, else the package's debug build.
    public static var binary: String {
        if let path = ProcessInfo.processInfo.environment["SHIFTWISE_BIN"], !path.isEmpty { return path }
        return Fixtures.packageRoot + "/.build/debug/shiftwise"
    }

    /// Runs `shiftwise arguments…` in `directory` and waits for it.
    ///
    /// Unless `environment` names `SHIFTWISE_DB`, the run gets a database of its own in a temporary
    /// folder, removed afterwards, so tests never write `./shiftwise.sqlite`; a test that reads
    /// runs back passes `--db`, which wins over the environment.
    public static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        // The language comes from the test, never from the machine running it.
        for key in ["SHIFTWISE_LANG", "LC_ALL", "LC_MESSAGES"] { env[key] = nil }
        env["LANG"] = "C.UTF-8"
        env.merge(environment) { $1 }
        var scratchDB: String?
        if environment["SHIFTWISE_DB"] == nil {
            let path = NSTemporaryDirectory() + "shiftwise-cli-\(UUID().uuidString).sqlite"
            env["SHIFTWISE_DB"] = path
            scratchDB = path
        }
        defer {
            if let scratchDB { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratchDB + suffix) } }
        }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a full pipe cannot stall the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}
