import Core
import Foundation
import Store
import Reports
import ScenarioIO

/// Records a command's run in the store: one transaction after the work has succeeded.
///
/// Order: the database is opened (and a newer schema refused) before the work starts; when the
/// work is done, one write transaction inserts the run, calls `produce` with the new id to write
/// the output files (so `summary.json` can carry `"run": N`), stores their texts and commits.
/// If writing a file fails the transaction rolls back and no run is recorded; if the commit
/// itself fails after the files were written, the files stay but no run points at them.
struct RunRecording {
    let store: Store
    let started: Date

    /// Opens the database at `path` (creating and migrating it) and notes the start time.
    init(database path: String) throws(StoreError) {
        store = try Store.open(path)
        started = Date()
    }

    /// Records the run; see the type's comment for the order of writes. `produce` writes into `outputs`,
    /// which is put in place only once the run is committed (and discarded when anything fails).
    func record(kind: RunKind, name: String, parameters: [String: String], inputs: [(role: String, path: String)], outcome: String,
                status: String? = nil, period: String? = nil, adjustsRun: Int? = nil, payoutLines: [PayoutLineRecord] = [],
                outputs: OutputSet?, produce: (Int) throws -> [RunResult]) throws -> Int {
        try record(kind: kind, name: name, parameters: parameters, stored: hashed(inputs), outcome: outcome, status: status, period: period,
                   adjustsRun: adjustsRun, payoutLines: payoutLines, outputs: outputs, produce: produce)
    }

    /// Records the run with inputs already hashed and copied (a run made from another run's recorded inputs).
    func record(kind: RunKind, name: String, parameters: [String: String], stored inputs: [RunInput], outcome: String,
                status: String? = nil, period: String? = nil, adjustsRun: Int? = nil, payoutLines: [PayoutLineRecord] = [],
                outputs: OutputSet?, produce: (Int) throws -> [RunResult]) throws -> Int {
        let run = NewRun(kind: kind, name: name, parameters: Self.json(parameters), startedAt: started, finishedAt: Date(), outcome: outcome,
                         status: status, user: Self.user, inputs: inputs,
                         period: period, adjustsRun: adjustsRun, payoutLines: payoutLines)
        let id: Int
        TestPause.at(.beforeRecord)
        do {
            id = try store.record(run) { id in
                let results = try produce(id)
                TestPause.at(.inTransaction)
                return results
            }
        } catch {
            outputs?.discard()
            throw error
        }
        try Self.place(outputs, run: id)
        return id
    }

    /// Records a payout run settled against the period's approved runs; see ``Store/recordPayout(_:lines:produce:)``.
    func recordPayout(name: String, parameters: [String: String], inputs: [(role: String, path: String)], period: String,
                      outputs: OutputSet, lines: ([PayoutRun]) throws -> [PayoutLineRecord],
                      produce: (Int, [PayoutLineRecord], Int?) throws -> [RunResult]) throws -> Int {
        let run = NewRun(kind: .bonus, name: name, parameters: Self.json(parameters), startedAt: started, finishedAt: Date(), outcome: "ok",
                         status: "draft", user: Self.user, inputs: hashed(inputs), period: period)
        let id: Int
        TestPause.at(.beforeRecord)
        do {
            id = try store.recordPayout(run, lines: lines) { id, stored, adjusts in
                let results = try produce(id, stored, adjusts)
                TestPause.at(.inTransaction)
                return results
            }
        } catch {
            outputs.discard()
            throw error
        }
        try Self.place(outputs, run: id)
        return id
    }

    /// Commits an output set after its run was committed; a failure here says that the run stands without its files.
    static func place(_ outputs: OutputSet?, run id: Int) throws {
        TestPause.at(.beforePlace)
        do {
            try outputs?.commit()
        } catch {
            throw OutputError(path: error.path, reason: Texts.current(.rnFilesPlace, String(id), error.reason),
                              category: .internalFailure)
        }
    }

    /// The inputs with the SHA-256 of their bytes, each role and path once.
    func hashed(_ inputs: [(role: String, path: String)]) -> [RunInput] {
        var seen = Set<String>()
        var hashed: [RunInput] = []
        for input in inputs where seen.insert(input.role + "\u{0}" + input.path).inserted {
            // The digest of the bytes that were parsed; a file this process never read is read now. The copy kept
            // with the run is the bytes read now, kept only when they are the bytes that were parsed.
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: input.path))).map { [UInt8]($0) }
            let now = bytes.map { SHA256.hex($0) }
            let digest = InputDigests.digest(of: input.path) ?? now
            hashed.append(RunInput(role: input.role, path: input.path, sha256: digest ?? "unreadable", content: digest == now ? bytes : nil))
        }
        return hashed
    }

    /// The OS user: the environment's `USER`/`LOGNAME`, else the account of the process's user id.
    static var user: String {
        let env = ProcessInfo.processInfo.environment
        for key in ["USER", "LOGNAME"] { if let v = env[key], !v.isEmpty { return v } }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }

    /// A JSON object with sorted keys and string values.
    static func json(_ parameters: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: parameters, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A scenario's input files: the YAML chain as `scenario`, the CSVs it names as `data`, a `--baseline`
    /// roster as `baseline` and `--pin` files as `pins` (so the run's scenario can be read back with them).
    static func scenarioInputs(_ scenario: Scenario) -> [(role: String, path: String)] {
        let planned = Set(scenario.pinFiles + (scenario.baselineFile.map { [$0] } ?? []))
        var inputs = scenario.sourceFiles.filter { !planned.contains($0) }.map { path -> (role: String, path: String) in
            let lower = path.lowercased()
            return (lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") ? "scenario" : "data", path)
        }
        inputs += (scenario.baselineFile.map { [("baseline", $0)] } ?? []) + scenario.pinFiles.map { ("pins", $0) }
        if let bonus = scenario.bonus {
            inputs += [("plan", bonus.planPath), ("metrics", bonus.metricsPath)]
        }
        return inputs
    }
}
