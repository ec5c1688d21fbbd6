public import Core
import Foundation
import ScenarioIO
public import Store

/// A recorded roster run's scenario, read from the copies of its inputs that the run kept (SPEC §11),
/// so that a moved or edited file does not change what a page shows.
public struct RecordedScenario: Sendable {
    public let run: StoredRun
    public let scenario: Scenario
    /// The inputs as the run read them (contents included), for a run made from this one.
    public let inputs: [RunInput]

    /// Why a run's scenario cannot be read back.
    public struct Unavailable: CategorizedError, Sendable {
        public var category: FailureCategory { .badInput }
        public let run: Int
        public let reason: String
        public var description: String { Texts.current(.wbRunReason, "\(run)", reason) }

        public init(run: Int, reason: String) {
            self.run = run
            self.reason = reason
        }
    }

    /// Loads run `id` of `store`: its YAML chain and data files are laid out under a private temporary
    /// folder in the same relative places they had, loaded as the CLI loads a scenario, and removed.
    public static func load(run id: Int, store: Store) throws -> RecordedScenario {
        let run = try store.run(id)
        guard run.summary.kind == .roster else {
            throw Unavailable(run: id, reason: Texts.current(.wbNotRoster, run.summary.kind.rawValue))
        }
        // A run recorded before copies were kept: a file still at its recorded path with the recorded SHA-256 is
        // provably the bytes the run read, so it stands in for the copy.
        let files = run.inputs.map { input -> RunInput in
            // A copy whose bytes no longer match the recorded SHA-256 is not what the run read (changed by hand).
            if let content = input.content, SHA256.hex(content) != input.sha256 {
                var changed = input
                changed.content = nil
                return changed
            }
            guard input.content == nil, let data = FileManager.default.contents(atPath: input.path), SHA256.hex([UInt8](data)) == input.sha256 else {
                return input
            }
            var found = input
            found.content = [UInt8](data)
            return found
        }
        guard let main = files.first(where: { $0.role == "scenario" }) else {
            throw Unavailable(run: id, reason: Texts.current(.wbNoScenario))
        }
        // The YAML chain, its data files, and the baseline and pins the run kept must have their copies; a bonus plan or
        // metrics file the roster never read may lack one.
        let missing = files.filter { $0.content == nil && Self.rostered.contains($0.role) }.map(\.path)
        guard missing.isEmpty else {
            throw Unavailable(run: id, reason: Texts.current(.wbNoCopies, missing.joined(separator: ", ")))
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shiftwise-run-\(id)-\(UUID().uuidString)").path
        // Only this process's user may read the layout (the inputs may name people and pay).
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer {
            try? FileManager.default.removeItem(atPath: root)
            InputDigests.forget(under: root)
        }
        // Relative paths keep their `..` steps inside the folder: they start that many levels down.
        let depth = files.map { leadingParents($0.path) }.max() ?? 0
        let base = root + "/r" + String(repeating: "/d", count: depth)
        func place(_ path: String) -> String {
            path.hasPrefix("/") ? InputPath.normalize(root + "/a" + path) : InputPath.normalize(base + "/" + path)
        }
        for file in files where file.content != nil && (file.role == "scenario" || file.role == "data") {
            let target = place(file.path)
            guard target.hasPrefix(root + "/") else { throw Unavailable(run: id, reason: Texts.current(.wbOutside, file.path)) }
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: target, contents: Data(file.content ?? [])) else {
                throw Unavailable(run: id, reason: Texts.current(.wbLayout, file.path, NSTemporaryDirectory()))
            }
        }
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioLoader.load(place(main.path), absoluteRoot: root + "/a")
        } catch {
            throw Unavailable(run: id, reason: Texts.current(.wbNoLoad, "\(error)".replacingOccurrences(of: base + "/", with: "")
                .replacingOccurrences(of: root + "/a/", with: "/")))
        }
        var scenario = loaded.scenario
        // A file read from outside the copies would be today's file, not the run's.
        if let outside = scenario.sourceFiles.first(where: { !$0.hasPrefix(root + "/") }) {
            throw Unavailable(run: id, reason: Texts.current(.wbAbsolute, outside))
        }
        // Messages name the files as the run named them.
        scenario.sourceFiles = scenario.sourceFiles.map { path in
            path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path.hasPrefix(root + "/a/") ? String(path.dropFirst(root.count + 2)) : path
        }
        try applyPlannedShifts(files, to: &scenario, run: id)
        return RecordedScenario(run: run, scenario: scenario, inputs: files)
    }

    /// The roles of the inputs a roster run reads: without a copy of each, its scenario cannot be read back.
    static let rostered: Set<String> = ["scenario", "data", "baseline", "pins"]

    /// The run's `baseline` roster and `pins` files, read from their copies as `--baseline` and `--pin` read them.
    /// Several pins files (a run re-solved around edits of a pinned run) apply in order: a later file's shift for
    /// an agent and day replaces an earlier one's, and a later edited roster (a file with a `pinned` column: the
    /// whole roster, its edited rows marked) drops the earlier pins of agent-days it holds no shift for (deleted,
    /// or moved to another day).
    ///
    /// - Parameter file: The name messages give the files (default: the path the run recorded); when given,
    ///   a file that cannot be read throws its `InputError` (the caller's own input), else ``Unavailable``.
    static func applyPlannedShifts(_ files: [RunInput], to scenario: inout Scenario, run id: Int, file name: String? = nil) throws {
        func read(_ file: RunInput, _ purpose: PlannedShiftReader.Purpose) throws -> [PlannedShift] {
            do {
                let text = try TextFile.decode(file.content ?? [], file: name ?? file.path)
                return try PlannedShiftReader.parse(text, file: name ?? file.path, scenario: scenario, purpose: purpose).shifts
            } catch where name != nil {
                throw error
            } catch {
                throw Unavailable(run: id, reason: Texts.current(.wbNoLoad, "\(error)"))
            }
        }
        for file in files where file.role == "baseline" {
            scenario.baseline = try read(file, .baseline)
            scenario.baselineFile = file.path
        }
        for file in files where file.role == "pins" {
            let shifts = try read(file, .pins)
            if !scenario.pins.isEmpty, let text = try? TextFile.decode(file.content ?? [], file: file.path),
               let sheet = try? RosterSheetReader.parse(text, file: file.path).sheet, sheet.rows.contains(where: { $0.pinned != nil }) {
                let start = scenario.grid.weekStart.daysSinceEpoch
                let present = Set(sheet.rows.compactMap { row in
                    row.agentID.value.flatMap { id in row.date.value.map { "\($0.daysSinceEpoch - start)\u{0}\(id)" } }
                })
                scenario.pins.removeAll { !present.contains("\($0.day)\u{0}\($0.agentID)") }
            }
            let replaced = Set(shifts.map { "\($0.day)\u{0}\($0.agentID)" })
            scenario.pins = scenario.pins.filter { !replaced.contains("\($0.day)\u{0}\($0.agentID)") } + shifts
            scenario.pinFiles.append(file.path)
        }
    }

    static func leadingParents(_ path: String) -> Int {
        guard !path.hasPrefix("/") else { return 0 }
        return InputPath.normalize(path).split(separator: "/").prefix { $0 == ".." }.count
    }
}
