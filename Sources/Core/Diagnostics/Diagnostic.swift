/// Where in an input file something was found: 1-based line and column (column 0: whole line or file).
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out the parts that are zero.
    public var description: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        if line > 0, column > 0 { text += ":\(column)" }
        return text
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One problem (or warning) found in the input, with what to do about it.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable {
        case error, warning
    }

    public let severity: Severity
    public let location: SourceLocation
    public let message: String
    /// What the user can do to fix it; empty when the message says it all.
    public let fix: String
    /// How many diagnostics this one stands for: 1, or the number of further warnings a bag found and did not keep.
    public let count: Int

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, fix: String = "", count: Int = 1) {
        self.severity = severity
        self.location = location
        self.message = message
        self.fix = fix
        self.count = count
    }

    /// `file:line:column: error: message (fix)`.
    public var description: String {
        let tail = fix.isEmpty ? "" : " (\(fix))"
        return "\(location): \(severity.rawValue): \(message)\(tail)"
    }
}

/// Input that cannot be used: every problem found, in file order.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    /// Keeps the files in the order their first problem was found, and each file's problems in line and column
    /// order (a reader checks a file in more than one pass); problems about a whole file come after its lines'.
    public init(_ diagnostics: [Diagnostic]) {
        var fileOrder: [String: Int] = [:]
        for d in diagnostics where fileOrder[d.location.file] == nil { fileOrder[d.location.file] = fileOrder.count }
        self.diagnostics = diagnostics.enumerated().sorted { a, b in
            func key(_ e: (offset: Int, element: Diagnostic)) -> (Int, Int, Int, Int) {
                let at = e.element.location
                return (fileOrder[at.file] ?? 0, at.line == 0 ? Int.max : at.line, at.column, e.offset)
            }
            return key(a) < key(b)
        }.map(\.element)
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// An input file that does not exist or cannot be read.
public struct MissingInputError: Error, Sendable, CustomStringConvertible {
    public let path: String
    /// Who named the file, when another file did (`extends`, `forecast`, …).
    public let referencedFrom: SourceLocation?
    public let reason: String

    public init(path: String, referencedFrom: SourceLocation? = nil, reason: String = Texts.current(.tfNoSuchFile)) {
        self.path = path
        self.referencedFrom = referencedFrom
        self.reason = reason
    }

    public var description: String {
        if let origin = referencedFrom {
            return "\(origin): error: " + Texts.current(.tfCannotReadFrom, path, reason)
        }
        return "\(path): error: " + Texts.current(.tfCannotRead, reason)
    }
}

/// Collects diagnostics while a file is read, so every problem is reported at once.
///
/// A bag keeps at most ``limit`` diagnostics (a file of two million bad rows must not take gigabytes
/// to report); past that it notes once, at the file, that more were found.
public struct DiagnosticBag: Sendable {
    private var kept: [Diagnostic] = []
    private var full = false
    /// Warnings found past the limit: counted, so the note that stands for them says how many.
    private var omittedWarnings = 0
    private var omittedFile = ""

    /// What was kept, and past the limit one warning that says how many more warnings were found.
    public var items: [Diagnostic] {
        guard omittedWarnings > 0 else { return kept }
        return kept + [Diagnostic(.warning, at: SourceLocation(file: omittedFile), Texts.current(.dgMoreWarnings, String(omittedWarnings)),
                                  count: omittedWarnings)]
    }

    /// The most diagnostics one bag keeps.
    public static let limit = 1_000

    public init() {}

    public mutating func error(_ location: SourceLocation, _ message: String, fix: String = "") {
        add(Diagnostic(.error, at: location, message, fix: fix))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String, fix: String = "") {
        add(Diagnostic(.warning, at: location, message, fix: fix))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        for d in other { add(d) }
    }

    private mutating func add(_ d: Diagnostic) {
        if kept.count < Self.limit {
            kept.append(d)
        } else if d.severity == .error {
            if !full {
                full = true
                kept.append(Diagnostic(.error, at: SourceLocation(file: d.location.file),
                                       Texts.current(.dgTooMany, String(Self.limit)), fix: Texts.current(.dgTooManyFix)))
            }
        } else {
            if omittedWarnings == 0 { omittedFile = d.location.file }
            omittedWarnings += d.count
        }
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }

    /// Throws an `InputError` holding every diagnostic when any is an error.
    public func throwIfErrors() throws(InputError) {
        if hasErrors { throw InputError(items) }
    }
}

/// The closest candidate by edit distance, when close enough to be a likely typo.
public func closestMatch(to word: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(word.lowercased())
    var best: (String, Int)?
    for candidate in candidates {
        let d = editDistance(target, Array(candidate.lowercased()))
        if d <= max(2, target.count / 3), best.map({ d < $0.1 }) ?? true {
            best = (candidate, d)
        }
    }
    return best?.0
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
