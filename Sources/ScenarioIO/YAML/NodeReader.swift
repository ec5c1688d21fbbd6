public import Core

/// Reads typed values out of a YAML mapping, collecting every problem instead of stopping at the first.
///
/// Each getter returns nil after recording an error (wrong type, out of range, missing when required).
public struct NodeReader {
    public let node: YAMLNode
    /// The dotted path of this mapping (`staffing`, `shifts.breaks[0]`), for messages.
    public let path: String

    public init(_ node: YAMLNode, path: String) {
        self.node = node
        self.path = path
    }

    /// Opens `node` as a mapping with the given known keys, reporting unknown keys with a did-you-mean.
    public static func mapping(_ node: YAMLNode, path: String, known: [String], bag: inout DiagnosticBag) -> NodeReader? {
        guard case .mapping(let entries, _) = node else {
            bag.error(node.location, Texts.current(.errMapping, path, node.kindName), fix: Texts.current(.errMappingFix, path))
            return nil
        }
        for entry in entries where !known.contains(entry.key) {
            let hint = closestMatch(to: entry.key, in: known).map { Texts.current(.errDidYouMean, $0) }
                ?? Texts.current(.errKnownKeys, known.joined(separator: ", "))
            bag.error(entry.keyLocation, Texts.current(.errUnknownKey, qualified(path, entry.key)), fix: hint)
        }
        return NodeReader(node, path: path)
    }

    static func qualified(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    func name(_ key: String) -> String { NodeReader.qualified(path, key) }

    /// The value node of `key`, or nil (with an error when `required`).
    public func value(_ key: String, required: Bool, bag: inout DiagnosticBag) -> YAMLNode? {
        guard let v = node[key], !v.isNull else {
            if required {
                bag.error(node.location, Texts.current(.errMissingKey, name(key)), fix: Texts.current(.errMissingKeyFix, key))
            }
            return nil
        }
        return v
    }

    /// The key's location (falls back to the mapping's).
    public func keyLocation(_ key: String) -> SourceLocation {
        if case .mapping(let entries, _) = node, let e = entries.first(where: { $0.key == key }) { return e.keyLocation }
        return node.location
    }

    /// A scalar's text.
    public func string(_ key: String, required: Bool = false, bag: inout DiagnosticBag) -> (text: String, location: SourceLocation)? {
        guard let v = value(key, required: required, bag: &bag) else { return nil }
        guard case .scalar(let text, _, let location) = v else {
            bag.error(v.location, Texts.current(.errSingleValue, name(key), v.kindName))
            return nil
        }
        return (text, location)
    }

    /// A required name that is not empty or blank (a component's, pool's, honour's or deduction's).
    public func nonEmptyName(_ key: String, bag: inout DiagnosticBag) -> (text: String, location: SourceLocation)? {
        guard let found = string(key, required: true, bag: &bag) else { return nil }
        guard found.text.contains(where: { !$0.isWhitespace }) else {
            bag.error(found.location, Texts.current(.errEmptyName, name(key)), fix: Texts.current(.errEmptyNameFix))
            return nil
        }
        return found
    }

    /// An earnings code: 1–30 letters, digits, `_`, `-` or `.`, starting with a letter or digit
    /// (payroll systems take nothing else, and a code is written into every payroll row).
    public func earningsCode(_ key: String, required: Bool = false, bag: inout DiagnosticBag) -> (text: String, location: SourceLocation)? {
        guard let (text, location) = string(key, required: required, bag: &bag) else { return nil }
        let allowed = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)) }
        let first = text.unicodeScalars.first.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) } ?? false
        guard allowed, first, text.count <= 30 else {
            bag.error(location, Texts.current(.ymEarningsCode, name(key), String(text.debugDescription.dropFirst().dropLast())), fix: Texts.current(.ymEarningsCodeFix))
            return nil
        }
        return (text, location)
    }

    /// A currency: a three-letter ISO 4217 code such as CNY.
    public func currency(_ key: String, required: Bool = false, bag: inout DiagnosticBag) -> (text: String, location: SourceLocation)? {
        guard let (text, location) = string(key, required: required, bag: &bag) else { return nil }
        guard text.unicodeScalars.count == 3, text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            bag.error(location, Texts.current(.ymCurrency, name(key), String(text.debugDescription.dropFirst().dropLast())), fix: Texts.current(.ymCurrencyFix))
            return nil
        }
        return (text, location)
    }

    /// An exact decimal within `range` (inclusive bounds unless stated).
    public func decimal(_ key: String, required: Bool = false, min: ExactDecimal? = nil, max: ExactDecimal? = nil,
                        minExclusive: Bool = false, maxExclusive: Bool = false, bag: inout DiagnosticBag) -> ExactDecimal? {
        guard let (text, location) = string(key, required: required, bag: &bag) else { return nil }
        return NodeReader.decimal(text, at: location, name: name(key), min: min, max: max,
                                  minExclusive: minExclusive, maxExclusive: maxExclusive, bag: &bag)
    }

    /// The largest magnitude of a number in a YAML file.
    public static let magnitudeLimit = ExactDecimal(1_000_000_000)
    /// The most decimals a number in a YAML file may have.
    public static let maxDecimals = 6

    static func decimal(_ text: String, at location: SourceLocation, name: String, min: ExactDecimal?, max: ExactDecimal?,
                        minExclusive: Bool, maxExclusive: Bool, bag: inout DiagnosticBag) -> ExactDecimal? {
        guard let value = ExactDecimal(text) else {
            bag.error(location, Texts.current(.errNumber, name, text), fix: Texts.numberFix(text, else: Texts.current(.errNumberFix)))
            return nil
        }
        // Every number in a YAML file is bounded, so the exact arithmetic built on it cannot overflow.
        if value.normalized.scale > maxDecimals || value > magnitudeLimit || value < -magnitudeLimit {
            bag.error(location, Texts.current(.ymOutside, name, text, "\(magnitudeLimit)", String(maxDecimals)), fix: Texts.current(.ymOutsideFix))
            return nil
        }
        var bad = false
        if let min, minExclusive ? value <= min : value < min { bad = true }
        if let max, maxExclusive ? value >= max : value > max { bad = true }
        if bad {
            let lower = min.map { (minExclusive ? "> " : "≥ ") + $0.description }
            let upper = max.map { (maxExclusive ? "< " : "≤ ") + $0.description }
            let range = [lower, upper].compactMap { $0 }.joined(separator: Texts.current(.rangeAnd))
            bag.error(location, Texts.current(.errRange, name, text, range), fix: Texts.current(.errRangeFix, range))
            return nil
        }
        return value
    }

    /// A whole number within range.
    public func integer(_ key: String, required: Bool = false, min: Int? = nil, max: Int? = nil, bag: inout DiagnosticBag) -> Int? {
        guard let (text, location) = string(key, required: required, bag: &bag) else { return nil }
        guard let value = ExactDecimal(text)?.intValue else {
            bag.error(location, Texts.current(.errWhole, name(key), text), fix: Texts.numberFix(text, else: Texts.current(.errWholeFix)))
            return nil
        }
        if let min, value < min {
            bag.error(location, Texts.current(.errAtLeast, name(key), String(value), String(min)), fix: Texts.current(.errAtLeastFix, String(min)))
            return nil
        }
        if let max, value > max {
            bag.error(location, Texts.current(.errAtMost, name(key), String(value), String(max)), fix: Texts.current(.errAtMostFix, String(max)))
            return nil
        }
        return value
    }

    /// Hours given as a decimal (`2.5`) converted to whole minutes; refuses fractions of a minute.
    public func minutes(fromHours key: String, required: Bool = false, min: Int = 0, bag: inout DiagnosticBag) -> Int? {
        guard let (text, location) = string(key, required: required, bag: &bag) else { return nil }
        return NodeReader.minutes(fromHours: text, at: location, name: name(key), min: min, bag: &bag)
    }

    static func minutes(fromHours text: String, at location: SourceLocation, name: String, min: Int, bag: inout DiagnosticBag) -> Int? {
        guard let hours = ExactDecimal(text), hours.normalized.scale <= maxDecimals, !(hours > magnitudeLimit), !(hours < -magnitudeLimit) else {
            bag.error(location, Texts.current(.ymHours, name, text), fix: Texts.numberFix(text, else: Texts.current(.ymHoursFix)))
            return nil
        }
        guard let minutes = (hours * 60).intValue else {
            bag.error(location, Texts.current(.ymWholeMinutes, name, text), fix: Texts.current(.ymWholeMinutesFix))
            return nil
        }
        guard minutes >= min else {
            let least = min % 60 == 0 ? Texts.current(.unitHours, String(min / 60)) : Texts.current(min == 1 ? .ymMinute : .ymMinutes, String(min))
            bag.error(location, Texts.current(.ymAtLeastHours, name, text, least), fix: Texts.current(.ymAtLeastHoursFix))
            return nil
        }
        return minutes
    }

    /// `true`/`false` (also yes/no).
    public func bool(_ key: String, bag: inout DiagnosticBag) -> Bool? {
        guard let (text, location) = string(key, bag: &bag) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            bag.error(location, Texts.current(.errBool, name(key), text))
            return nil
        }
    }

    /// A clock time `HH:MM`: a time of day (before 24:00) unless `maxHours` allows later ends such as `26:00`.
    public func clock(_ key: String, required: Bool = false, maxHours: Int? = nil, bag: inout DiagnosticBag) -> ClockTime? {
        guard let (text, location) = string(key, required: required, bag: &bag) else { return nil }
        let parsed = maxHours.map { ClockTime(text: text, maxHours: $0) } ?? ClockTime(timeOfDay: text)
        guard let time = parsed else {
            let range = maxHours.map { Texts.current(.ymUpTo, String($0)) } ?? "00:00–23:59"
            bag.error(location, Texts.current(.ymClock, name(key), range, text), fix: Texts.current(.ymClockFix))
            return nil
        }
        return time
    }

    /// A list node's items.
    public func list(_ key: String, required: Bool = false, bag: inout DiagnosticBag) -> [YAMLNode]? {
        guard let v = value(key, required: required, bag: &bag) else { return nil }
        guard case .sequence(let items, _) = v else {
            bag.error(v.location, Texts.current(.errList, name(key), v.kindName), fix: Texts.current(.errListFix))
            return nil
        }
        return items
    }

    /// A nested mapping.
    public func child(_ key: String, known: [String], required: Bool = false, bag: inout DiagnosticBag) -> NodeReader? {
        guard let v = value(key, required: required, bag: &bag) else { return nil }
        return NodeReader.mapping(v, path: name(key), known: known, bag: &bag)
    }
}
