import Core
import CFileSwap
import Foundation

/// The files one command writes into its output folder, which appear there all together or not at all.
///
/// Files are written into a staging folder beside the target (`.<name>.staging-<pid>-<random>`);
/// ``commit()`` then puts the whole set in place with one atomic exchange of the two folders
/// (`renameat2(RENAME_EXCHANGE)`), so a reader, a kill or a full disk never leaves half a set.
/// What else the folder holds is carried over by hard links: another command's files (a roster
/// folder also holds `staff`'s `requirements.csv`; a period's payout folder holds the exports)
/// and files the user put there. The command's own files from its previous run that the new set
/// no longer has (calendars of agents who left, scenarios no longer compared) are dropped; a
/// hidden manifest, `.shiftwise-outputs`, records which entries each command wrote.
///
///     let set = try OutputSet("reports/baseline-w49", owner: "roster")
///     try set.write("roster.csv", bytes: csv)
///     try set.commit()        // or set.discard() when the command fails
public final class OutputSet {
    /// The output folder as the user gave it (paths returned by `write` start with it).
    public let path: String
    /// Which command's set this is, e.g. `roster` or `export-12`.
    public let owner: String
    /// The target folder with symbolic links resolved.
    let target: String
    let staging: String
    /// The target's permissions, given to the new folder (0755 for a new one).
    private var mode: mode_t = 0o755
    private var entries: Set<String> = []
    private var finished = false

    /// The manifest's file name inside the output folder.
    public static let manifestName = ".shiftwise-outputs"
    /// The most other files and folders a commit carries over before it refuses the folder.
    public static let carryLimit = 10_000

    /// Creates the staging folder beside `path` (creating `path`'s parents when missing) and removes
    /// staging folders that killed commands left behind.
    public init(_ path: String, owner: String) throws(OutputError) {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard !trimmed.isEmpty else { throw OutputError(path: "--out", reason: Texts.current(.ouEmpty), category: .usage) }
        self.path = trimmed.isEmpty ? "." : trimmed
        self.owner = owner
        let absolute = trimmed.hasPrefix("/") ? trimmed : FileManager.default.currentDirectoryPath + "/" + trimmed
        target = (URL(fileURLWithPath: absolute).standardizedFileURL.path as NSString).resolvingSymlinksInPath
        let parent = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        guard !base.isEmpty, base != "/", target != "/" else {
            throw OutputError(path: self.path, reason: Texts.current(.ouRoot), category: .usage)
        }
        staging = parent + "/.\(base).staging-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        // The working folder (or one holding it) is never swapped away under the user's shell.
        let here = (FileManager.default.currentDirectoryPath as NSString).resolvingSymlinksInPath
        if here == target || here.hasPrefix(target + "/") {
            throw OutputError(path: self.path, reason: Texts.current(.ouWorking), category: .usage)
        }
        var mode: mode_t = 0o755
        var info = stat()
        if lstat(target, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw OutputError(path: self.path, reason: Texts.current(.ouFile), category: .usage) }
            mode = info.st_mode & 0o7777
            // A dry run of the carry-over: a folder too big or unreadable is refused before any work is done.
            var count = 0
            try Self.countEntries(target, count: &count, shown: self.path)
        }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: self.path, reason: Texts.current(.ouParent, error.localizedDescription), category: .usage)
        }
        Self.removeAbandonedStagings(in: parent, base: base)
        self.mode = mode
        guard mkdir(staging, 0o755) == 0 else {
            throw OutputError(path: self.path, reason: Texts.current(.ouStaging, String(cString: strerror(errno))), category: .usage)
        }
    }

    /// Counts the entries below `folder` (up to the carry limit), failing where one cannot be listed.
    static func countEntries(_ folder: String, count: inout Int, shown: String) throws(OutputError) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw OutputError(path: shown, reason: Texts.current(.ouCannotList, folder, error.localizedDescription), category: .usage)
        }
        for name in names {
            count += 1
            guard count <= carryLimit else {
                throw OutputError(path: shown, reason: Texts.current(.ouCrowded, String(carryLimit)),
                                  category: .usage)
            }
            var info = stat()
            if lstat(folder + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                try countEntries(folder + "/" + name, count: &count, shown: shown)
            }
        }
    }

    deinit {
        if !finished { discard() }
    }

    /// Writes `bytes` as `name` (a relative path, e.g. `calendars/A001.ics`) into the set; returns the
    /// path the file will have once the set is committed.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws(OutputError) -> String {
        try write(name, data: Data(bytes))
    }

    /// Writes text as UTF-8.
    @discardableResult
    public func write(_ name: String, text: String) throws(OutputError) -> String {
        try write(name, data: Data(text.utf8))
    }

    func write(_ name: String, data: Data) throws(OutputError) -> String {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.hasPrefix("/"), !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }),
              let first = parts.first, String(first) != Self.manifestName else {
            throw OutputError(path: path + "/" + name, reason: Texts.current(.ouNotPlain))
        }
        let file = staging + "/" + name
        do {
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: file))
        } catch {
            throw OutputError(path: path + "/" + name, reason: error.localizedDescription)
        }
        entries.insert(String(first))
        return path + "/" + name
    }

    /// Writes `files` as one set into `path` and puts it in place, or nothing at all when any write fails.
    ///
    /// - Returns: the folder as given and the path of every file written, in order.
    public static func writeAll(_ path: String, owner: String, files: [(name: String, bytes: [UInt8])]) throws(OutputError) -> (folder: String, written: [String]) {
        let set = try OutputSet(path, owner: owner)
        var written: [String] = []
        do {
            for f in files { written.append(try set.write(f.name, bytes: f.bytes)) }
            try set.commit()
        } catch {
            set.discard()
            throw error
        }
        return (set.path, written)
    }

    /// Puts the set in place: carries the folder's other entries over, then exchanges the staging
    /// folder with the target in one step and removes what the target held before.
    public func commit() throws(OutputError) {
        guard !finished else { return }
        defer { if !finished { discard() } }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        var manifest: [String: Set<String>] = [:]
        if fm.fileExists(atPath: target, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError(path: path, reason: Texts.current(.ouFile)) }
            manifest = Self.readManifest(target + "/" + Self.manifestName)
            let previous = manifest[owner] ?? []
            var carried = 0
            let names: [String]
            do { names = try fm.contentsOfDirectory(atPath: target).sorted() } catch {
                throw OutputError(path: path, reason: Texts.current(.ouListFolder, error.localizedDescription))
            }
            for name in names where name != Self.manifestName && !entries.contains(name) && !previous.contains(name) {
                try carry(target + "/" + name, to: staging + "/" + name, count: &carried)
            }
        }
        manifest[owner] = entries
        for (other, names) in manifest where other != owner {
            manifest[other] = names.filter { fm.fileExists(atPath: staging + "/" + $0) }
        }
        try Self.writeManifest(manifest.filter { !$0.value.isEmpty }, to: staging + "/" + Self.manifestName, shown: path)
        _ = chmod(staging, mode)
        if !fm.fileExists(atPath: target) {
            guard rename(staging, target) == 0 else {
                throw OutputError(path: path, reason: Texts.current(.ouMove, String(cString: strerror(errno))))
            }
            finished = true
            return
        }
        if cfileswap_exchange(staging, target) == 0 {
            finished = true
            try? fm.removeItem(atPath: staging)   // now holds the folder's previous content
            return
        }
        // A file system that cannot exchange: two renames, the old folder set aside first.
        let aside = staging + ".previous"
        guard rename(target, aside) == 0 else {
            throw OutputError(path: path, reason: Texts.current(.ouReplace, String(cString: strerror(errno))))
        }
        guard rename(staging, target) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(aside, target)
            throw OutputError(path: path, reason: Texts.current(.ouMove, reason))
        }
        finished = true
        try? fm.removeItem(atPath: aside)
    }

    /// Drops the staging folder and everything written into it; the target is untouched.
    public func discard() {
        finished = true
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Hard-links `source` (recursively for a folder) to `destination`; copies where links are refused.
    private func carry(_ source: String, to destination: String, count: inout Int) throws(OutputError) {
        count += 1
        guard count <= Self.carryLimit else {
            throw OutputError(path: path, reason: Texts.current(.ouCrowded, String(Self.carryLimit)))
        }
        var info = stat()
        guard lstat(source, &info) == 0 else { return }  // vanished meanwhile
        let fm = FileManager.default
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            guard mkdir(destination, 0o755) == 0 else {
                throw OutputError(path: path, reason: Texts.current(.ouCarry, source, String(cString: strerror(errno))))
            }
            let names: [String]
            do { names = try fm.contentsOfDirectory(atPath: source) } catch {
                throw OutputError(path: path, reason: Texts.current(.ouCarry, source, error.localizedDescription))
            }
            for name in names { try carry(source + "/" + name, to: destination + "/" + name, count: &count) }
        case S_IFLNK:
            let link: String
            do { link = try fm.destinationOfSymbolicLink(atPath: source) } catch { return }
            try? fm.createSymbolicLink(atPath: destination, withDestinationPath: link)
        default:
            if Foundation.link(source, destination) != 0 {
                do { try fm.copyItem(atPath: source, toPath: destination) } catch {
                    throw OutputError(path: path, reason: Texts.current(.ouCarry, source, error.localizedDescription))
                }
            }
        }
    }

    /// Staging folders of `base` whose process has ended (a kill, a crash) are removed.
    static func removeAbandonedStagings(in parent: String, base: String) {
        let prefix = ".\(base).staging-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let pidText = rest.split(separator: "-").first, let pid = pid_t(pidText) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(atPath: parent + "/" + name)
            }
        }
    }

    /// `owner<TAB>entry` lines; an unreadable or malformed manifest counts as empty.
    static func readManifest(_ file: String) -> [String: Set<String>] {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return [:] }
        var manifest: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, !parts[1].contains("/") else { continue }
            manifest[String(parts[0]), default: []].insert(String(parts[1]))
        }
        return manifest
    }

    static func writeManifest(_ manifest: [String: Set<String>], to file: String, shown: String) throws(OutputError) {
        var text = ""
        for owner in manifest.keys.sorted() {
            for entry in (manifest[owner] ?? []).sorted() { text += "\(owner)\t\(entry)\n" }
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        } catch {
            throw OutputError(path: shown, reason: error.localizedDescription)
        }
    }
}
