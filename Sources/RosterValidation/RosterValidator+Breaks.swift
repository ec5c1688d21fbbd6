import Core

/// The break rules: each break that applies to the shift's length is taken exactly once, on the
/// interval grid, inside its window and the shift, and breaks do not overlap.
extension RosterValidator {
    static func checkBreaks(_ shift: ResolvedShift, _ context: Context, _ bag: inout DiagnosticBag) {
        guard let breaks = shift.breaks else { return }
        let location = shift.row.breaks.location
        let interval = context.scenario.grid.intervalMinutes
        let weekMidnight = context.scenario.grid.weekStart.daysSinceEpoch * 1440
        let rules = context.breakRules(forShiftMinutes: shift.lengthMinutes)
        let on = Texts.current(.rvOn, who(shift), Wording.shift(shift))

        // Shape of each break on its own.
        var usable: [ResolvedBreak] = []
        var outside: Set<ResolvedBreak> = []
        for b in breaks {
            guard b.end > b.start else {
                bag.error(location, Texts.current(.rvBreakBackwards, on, "\(b.span)"), fix: Texts.current(.rvBreakBackwardsFix))
                continue
            }
            usable.append(b)
            if b.start < shift.startMinute || b.end > shift.endMinute {
                outside.insert(b)
                bag.error(location, Texts.current(.rvBreakOutside, on, "\(b.span)"), fix: Texts.current(.rvBreakOutsideFix, Wording.hours(of: shift)))
                continue
            }
            let offGrid = ((b.start - weekMidnight) % interval + interval) % interval
            if offGrid != 0 {
                bag.error(location, Texts.current(.rvBreakGrid, on, "\(b.span)", String(interval)),
                          fix: Texts.current(.rvStartItEither, Wording.clock(b.start - offGrid), Wording.clock(b.start - offGrid + interval)))
            }
        }
        for (previous, next) in zip(usable, usable.dropFirst()) where next.start < previous.end {
            bag.error(location, Texts.current(.rvBreaksOverlap, on, "\(previous.span)", "\(next.span)"), fix: Texts.current(.rvBreaksOverlapFix))
        }

        guard !rules.isEmpty else {
            let shortest = context.shifts.breaks.map(\.minShiftMinutes).min()
            for b in usable {
                let why = shortest.map { Texts.current(.rvBreaksFrom, Wording.duration($0)) } ?? Texts.current(.rvNoBreaksDefined)
                bag.error(location, Texts.current(.rvNoBreakTaken, on, "\(b.span)", Wording.duration(shift.lengthMinutes), why),
                          fix: Texts.current(.rvNoBreakTakenFix))
            }
            return
        }

        // Each applicable rule is taken once: match breaks to rules by duration, and by window when durations tie.
        let fits = { (b: ResolvedBreak, r: BreakRule) in
            b.start >= shift.startMinute + r.earliestAfterMinutes && b.end <= shift.endMinute - r.latestBeforeEndMinutes
        }
        let match = BreakMatching.assign(usable, to: rules, sameKind: { $0.minutes == $1.minutes }, prefer: fits)
        var leftoverBreaks = usable.indices.filter { match.ruleOfBreak[$0] == nil }
        var leftoverRules = rules.indices.filter { match.breakOfRule[$0] == nil }

        for (bi, ri) in match.pairs {
            let b = usable[bi]
            let rule = rules[ri]
            guard !outside.contains(b) else { continue }
            let earliest = shift.startMinute + rule.earliestAfterMinutes
            if b.start < earliest {
                bag.error(location,
                          Texts.current(.rvBreakEarly, on, rule.name, "\(b.span)", Wording.duration(b.start - shift.startMinute), Wording.duration(rule.earliestAfterMinutes)),
                          fix: Texts.current(.rvStartItLater, Wording.clock(earliest)))
            }
            let latest = shift.endMinute - rule.latestBeforeEndMinutes
            if b.end > latest {
                bag.error(location,
                          Texts.current(.rvBreakLate, on, rule.name, "\(b.span)", Wording.duration(shift.endMinute - b.end), Wording.duration(rule.latestBeforeEndMinutes)),
                          fix: Texts.current(.rvEndBy, Wording.clock(latest)))
            }
        }

        // A break of the wrong length where a rule is missing: one finding, not two.
        let wrongLength = leftoverBreaks.filter { bi in !rules.contains { $0.minutes == usable[bi].minutes } }
        for (bi, ri) in zip(wrongLength, leftoverRules) {
            let b = usable[bi]
            let rule = rules[ri]
            bag.error(location,
                      Texts.current(.rvBreakLength, on, "\(b.span)", Wording.duration(b.minutes), rule.name, Wording.duration(rule.minutes)),
                      fix: Texts.current(.rvMakeIt, Wording.clock(b.start), Wording.clock(b.start + rule.minutes)))
            leftoverBreaks.removeAll { $0 == bi }
            leftoverRules.removeAll { $0 == ri }
        }
        for bi in leftoverBreaks {
            let b = usable[bi]
            if let ri = match.pairs.first(where: { rules[$0.1].minutes == b.minutes })?.1, let taken = match.breakOfRule[ri] {
                bag.error(location,
                          Texts.current(.rvBreakExtra, on, "\(b.span)", rules[ri].name, "\(usable[taken].span)"),
                          fix: Texts.current(.rvRemove, "\(b.span)"))
            } else {
                let kinds = rules.map { "\($0.name) \(Wording.duration($0.minutes))" }.joined(separator: Texts.current(.listComma))
                bag.error(location, Texts.current(.rvBreakUnmatched, on, "\(b.span)", Wording.duration(b.minutes), kinds),
                          fix: Texts.current(.rvBreakUnmatchedFix))
            }
        }
        for ri in leftoverRules {
            let rule = rules[ri]
            let suggestion = slot(for: rule, in: shift, avoiding: usable, interval: interval, weekMidnight: weekMidnight)
            bag.error(location,
                      Texts.current(.rvBreakMissing, on, rule.name, Wording.duration(rule.minutes), Texts.current(rule.paid ? .rvPaidBreak : .rvUnpaidBreak),
                                    Wording.duration(rule.minShiftMinutes)),
                      fix: suggestion.map { Texts.current(.rvBreakMissingAddFix, $0) } ?? Texts.current(.rvBreakMissingFix, Wording.duration(rule.minutes)))
        }
    }

    /// The first grid-aligned place for `rule` inside its window that overlaps no other break.
    static func slot(for rule: BreakRule, in shift: ResolvedShift, avoiding taken: [ResolvedBreak], interval: Int, weekMidnight: Int) -> String? {
        let first = shift.startMinute + rule.earliestAfterMinutes
        var start = first + ((weekMidnight - first) % interval + interval) % interval
        while start + rule.minutes <= shift.endMinute - rule.latestBeforeEndMinutes {
            if !taken.contains(where: { $0.start < start + rule.minutes && start < $0.end }) {
                return "\(Wording.clock(start))-\(Wording.clock(start + rule.minutes))"
            }
            start += interval
        }
        return nil
    }
}

/// Pairs breaks with break rules: the most pairs of the same kind, then the most that fit their window.
enum BreakMatching {
    struct Result {
        /// (break index, rule index).
        var pairs: [(Int, Int)]
        var ruleOfBreak: [Int: Int]
        var breakOfRule: [Int: Int]
    }

    /// Exhaustive over the few breaks of one shift; beyond `exhaustiveLimit` breaks, first come first served.
    static let exhaustiveLimit = 6

    static func assign<B, R>(_ breaks: [B], to rules: [R], sameKind: (B, R) -> Bool, prefer: (B, R) -> Bool) -> Result {
        var best: (score: (Int, Int), pairs: [(Int, Int)]) = ((0, 0), [])
        if breaks.count <= exhaustiveLimit && rules.count <= exhaustiveLimit {
            var used = Array(repeating: false, count: rules.count)
            var current: [(Int, Int)] = []
            func search(_ i: Int, _ score: (Int, Int)) {
                if score > best.score { best = (score, current) }
                guard i < breaks.count else { return }
                for r in rules.indices where !used[r] && sameKind(breaks[i], rules[r]) {
                    used[r] = true
                    current.append((i, r))
                    search(i + 1, (score.0 + 1, score.1 + (prefer(breaks[i], rules[r]) ? 1 : 0)))
                    current.removeLast()
                    used[r] = false
                }
                search(i + 1, score)
            }
            search(0, (0, 0))
        } else {
            var used = Set<Int>()
            for (i, b) in breaks.enumerated() {
                let candidates = rules.indices.filter { !used.contains($0) && sameKind(b, rules[$0]) }
                if let r = candidates.first(where: { prefer(b, rules[$0]) }) ?? candidates.first {
                    used.insert(r)
                    best.pairs.append((i, r))
                }
            }
        }
        var result = Result(pairs: best.pairs.sorted { $0.0 < $1.0 }, ruleOfBreak: [:], breakOfRule: [:])
        for (b, r) in result.pairs {
            result.ruleOfBreak[b] = r
            result.breakOfRule[r] = b
        }
        return result
    }
}
