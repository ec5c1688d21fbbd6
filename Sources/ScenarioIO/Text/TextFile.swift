public import Core
import Foundation

/// Reads input text files: UTF-8 (a BOM is accepted and dropped), any line ending.
public enum TextFile {
    /// The file's text, or a clear error naming the file (and who referred to it).
    ///
    /// - Throws: `MissingInputError` when the file cannot be read; `InputError` when it is not UTF-8.
    public static func read(_ path: String, referencedFrom: SourceLocation? = nil) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                throw MissingInputError(path: path, referencedFrom: referencedFrom, reason: Texts.current(.tfLinkNowhere))
            }
            throw MissingInputError(path: path, referencedFrom: referencedFrom)
        }
        guard !isDirectory.boolValue else {
            throw MissingInputError(path: path, referencedFrom: referencedFrom, reason: Texts.current(.tfFolder))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MissingInputError(path: path, referencedFrom: referencedFrom, reason: Texts.current(.tfUnreadable))
        }
        let bytes = [UInt8](data)
        InputDigests.record(SHA256.hex(bytes), for: path)
        return try decode(bytes, file: path)
    }

    /// Decodes UTF-8 bytes, dropping a leading BOM; reports the line and column of the first invalid byte.
    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> String {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            throw InputError([Diagnostic(at: SourceLocation(file: file, line: 1, column: 1), Texts.current(.tfUTF16), fix: Texts.current(.tfUTF16Fix))])
        }
        if let text = String(validating: body, as: UTF8.self) {
            return text
        }
        // Locate the first invalid byte for the message.
        var line = 1
        var index = body.endIndex
        var decoder = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var consumed = 0
        var column = 1
        parse: while true {
            switch decoder.parseScalar(from: &iterator) {
            case .valid(let scalar):
                consumed += scalar.count
                if scalar.count == 1 && scalar.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                index = body.index(body.startIndex, offsetBy: consumed)
                break parse
            case .emptyInput:
                break parse
            }
        }
        let byte = index < body.endIndex ? body[index] : 0
        let hex = String(byte, radix: 16, uppercase: true)
        throw InputError([Diagnostic(
            at: SourceLocation(file: file, line: line, column: column),
            Texts.current(.tfNotUTF8, hex), fix: Texts.current(.tfNotUTF8Fix)
        )])
    }
}

/// Path helpers: relative paths in a file are resolved against that file's folder.
public enum InputPath {
    /// `path` resolved against the folder of `file` (absolute paths are kept), tidied lexically.
    public static func resolve(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") { return normalize(path) }
        let folder = (file as NSString).deletingLastPathComponent
        return normalize(folder.isEmpty ? path : folder + "/" + path)
    }

    /// Removes `.` and `x/..` segments without touching the file system.
    public static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute, parts.isEmpty { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The file name without folder and extension (`scenarios/base.yaml` → `base`).
    public static func stem(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}

/// The SHA-256 of every input file's bytes as this process read them, so a run records the
/// digest of what it parsed, not of a second read after a long solve.
public enum InputDigests {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var digests: [String: String] = [:]

    /// Remembers the first digest read for `path`.
    static func record(_ digest: String, for path: String) {
        lock.lock()
        defer { lock.unlock() }
        if digests[path] == nil { digests[path] = digest }
    }

    /// Forgets the digests of every file under `folder` (a temporary layout removed after use, so a long-running
    /// server does not remember one per request).
    public static func forget(under folder: String) {
        lock.lock()
        defer { lock.unlock() }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        digests = digests.filter { !$0.key.hasPrefix(prefix) }
    }

    /// The paths whose digests are remembered (for tests).
    public static var paths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return Array(digests.keys)
    }

    /// The digest of `path`'s bytes as first read by this process, if it was read.
    public static func digest(of path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return digests[path]
    }
}
