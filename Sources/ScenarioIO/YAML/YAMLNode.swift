public import Core
internal import Yams

/// A YAML value that remembers where it came from, so every error names its file, line and column.
public indirect enum YAMLNode: Sendable {
    /// A scalar's exact text; `plain` is false for quoted scalars.
    case scalar(String, plain: Bool, SourceLocation)
    case mapping([YAMLEntry], SourceLocation)
    case sequence([YAMLNode], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, _, let l), .mapping(_, let l), .sequence(_, let l): l
        }
    }

    /// True for `~`, `null`, an empty plain scalar.
    public var isNull: Bool {
        if case .scalar(let text, true, _) = self {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    /// A short word for the kind of value, for messages.
    public var kindName: String {
        let t = Texts.current
        return switch self {
        case .scalar: isNull ? t(.kindNothing) : t(.kindScalar)
        case .mapping: t(.kindMapping)
        case .sequence: t(.kindList)
        }
    }

    /// Parses YAML text into a tree; reports syntax errors and duplicate keys with their position.
    public static func parse(_ text: String, file: String) throws(InputError) -> YAMLNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping(let keys, let context) = error {
                throw InputError(duplicateKeyDiagnostics(keys, from: context.mark.line, text: text, file: file))
            }
            throw InputError([YAMLNode.diagnostic(for: error, file: file)])
        } catch {
            throw InputError([Diagnostic(at: SourceLocation(file: file), Texts.current(.ymCannotRead, "\(error)"))])
        }
        guard let root else {
            return .mapping([], SourceLocation(file: file, line: 1, column: 1))
        }
        var bag = DiagnosticBag()
        var budget = maxValues
        let node = convert(root, file: file, bag: &bag, budget: &budget)
        if budget < 0 {
            throw InputError([Diagnostic(at: SourceLocation(file: file), Texts.current(.ymTooMany, String(maxValues)), fix: Texts.current(.ymTooManyFix))])
        }
        try bag.throwIfErrors()
        return node
    }

    private static func location(_ mark: Mark?, file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    /// The most values (scalars, lists, mappings) one file may expand to, aliases counted each time they are used.
    static let maxValues = 100_000

    /// Converts Yams' tree; every value spends one unit of `budget`, and once it is spent the rest is left out
    /// (the caller then refuses the file), so an alias bomb cannot exhaust memory.
    private static func convert(_ node: Node, file: String, bag: inout DiagnosticBag, budget: inout Int) -> YAMLNode {
        budget -= 1
        if budget < 0 { return .scalar("", plain: true, location(node.mark, file: file)) }
        switch node {
        case .scalar(let s):
            return .scalar(s.string, plain: s.style == .plain || s.style == .any, location(s.mark, file: file))
        case .sequence(let seq):
            var items: [YAMLNode] = []
            for item in seq {
                if budget < 0 { break }
                items.append(convert(item, file: file, bag: &bag, budget: &budget))
            }
            return .sequence(items, location(seq.mark, file: file))
        case .mapping(let map):
            var entries: [YAMLEntry] = []
            var seen: [String: SourceLocation] = [:]
            for (key, value) in map {
                if budget < 0 { break }
                let keyLocation = location(key.mark, file: file)
                guard case .scalar(let k) = key else {
                    bag.error(keyLocation, Texts.current(.ymPlainKey), fix: Texts.current(.ymPlainKeyFix))
                    continue
                }
                if let first = seen[k.string] {
                    bag.error(keyLocation, Texts.current(.ymKeyTwice, k.string, String(first.line)), fix: Texts.current(.ymKeepOne))
                    continue
                }
                seen[k.string] = keyLocation
                entries.append(YAMLEntry(key: k.string, keyLocation: keyLocation, value: convert(value, file: file, bag: &bag, budget: &budget)))
            }
            return .mapping(entries, location(map.mark, file: file))
        case .alias(let alias):
            return .scalar("", plain: true, location(alias.mark, file: file))
        }
    }

    /// Each duplicated key at its second occurrence (same indentation, from the mapping's line on).
    static func duplicateKeyDiagnostics(_ keys: [String], from line: Int, text: String, file: String) -> [Diagnostic] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var found: [Diagnostic] = []
        for key in keys.sorted() {
            var first: (line: Int, indent: Int)?
            for (k, raw) in lines.enumerated() where k + 1 >= max(1, line) {
                let indent = raw.prefix { $0 == " " || $0 == "-" }.count
                let rest = raw.dropFirst(indent)
                let bare = rest.hasPrefix("\"") || rest.hasPrefix("'") ? rest.dropFirst().prefix(key.count) : rest.prefix(key.count)
                guard bare == key else { continue }
                let after = rest.dropFirst(bare.count + (rest.hasPrefix("\"") || rest.hasPrefix("'") ? 2 : 0)).drop { $0 == " " }
                guard after.hasPrefix(":") else { continue }
                if let f = first, f.indent == indent {
                    found.append(Diagnostic(at: SourceLocation(file: file, line: k + 1, column: indent + 1),
                                            Texts.current(.ymKeyTwice, key, String(f.line)), fix: Texts.current(.ymKeepOne)))
                    break
                }
                if first == nil { first = (k + 1, indent) }
            }
        }
        if found.isEmpty {
            found.append(Diagnostic(at: SourceLocation(file: file, line: line), Texts.current(.ymSomeKeyTwice, keys.sorted().joined(separator: ", ")),
                                    fix: Texts.current(.ymKeepOne)))
        }
        return found
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(at: SourceLocation(file: file, line: mark.line, column: mark.column), Texts.current(.ymSyntax, problem),
                              fix: Texts.current(.ymSyntaxFix))
        case .reader(let problem, _, _, _):
            return Diagnostic(at: SourceLocation(file: file), Texts.current(.ymCannotRead, problem), fix: Texts.current(.ymCannotReadFix))
        default:
            return Diagnostic(at: SourceLocation(file: file), Texts.current(.ymCannotRead, "\(error)"))
        }
    }

    /// `overlay` merged over `self`: mappings merge key by key, recursively; anything else is replaced.
    public func merged(with overlay: YAMLNode) -> YAMLNode {
        guard case .mapping(var base, let location) = self, case .mapping(let top, _) = overlay else { return overlay }
        for entry in top {
            if let i = base.firstIndex(where: { $0.key == entry.key }) {
                base[i] = YAMLEntry(key: entry.key, keyLocation: entry.keyLocation, value: base[i].value.merged(with: entry.value))
            } else {
                base.append(entry)
            }
        }
        return .mapping(base, location)
    }

    /// The value under `key` of a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let entries, _) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }
}

/// One `key: value` pair of a mapping.
public struct YAMLEntry: Sendable {
    public let key: String
    public let keyLocation: SourceLocation
    public let value: YAMLNode
}
