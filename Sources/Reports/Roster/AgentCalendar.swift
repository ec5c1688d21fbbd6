public import Core
public import Rostering

/// `calendars/<agent_id>.ics`: an agent's shifts as an RFC 5545 calendar that a calendar can take
/// again as an update.
///
/// Times are floating local times (no time zone), like the roster itself. Each event's `UID` is
/// stable per agent and day (`<date>-<16 hex of SHA-256(agent id)>@shiftwise`, whatever the
/// scenario is called), so a re-rostered week replaces the same events. `SEQUENCE` is the roster's
/// generation: 0 for a first roster, one more than the baseline's run for a `--baseline` re-roster.
/// `DTSTAMP`, which RFC 5545 requires, is the week's start at midnight UTC plus one minute per
/// generation, so it grows with `SEQUENCE` and the same inputs give the same bytes. A shift the
/// baseline had and the new roster drops is sent as `STATUS:CANCELLED`.
public enum AgentCalendar {
    public static func ics(agentIndex: Int, roster: Roster, scenario: Scenario, sequence: Int = 0) -> String {
        let agent = scenario.agents[agentIndex]
        let grid = scenario.grid
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Shiftwise//Roster//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape("Shifts \(agent.name) (\(scenario.name))"),
        ]
        let stamp = compact(LocalDateTime(date: grid.weekStart, minuteOfDay: sequence)) + "Z"
        let agentHash = String(SHA256.hex(Array(agent.id.utf8)).prefix(16))
        func uid(_ day: Int) -> String { "UID:\(compactDate(grid.date(ofDay: day)))-\(agentHash)@shiftwise" }
        var worked = Set<Int>()
        for shift in roster.shifts where shift.agentIndex == agentIndex {
            worked.insert(shift.day)
            let dayStart = LocalDateTime(date: grid.date(ofDay: shift.day), minuteOfDay: 0)
            let start = dayStart.adding(minutes: shift.startMinute)
            let end = dayStart.adding(minutes: shift.startMinute + shift.lengthMinutes)
            var description = "Paid hours: \(RosterSheets.hours(shift.paidMinutes))"
            if !shift.breaks.isEmpty {
                let breaks = shift.breaks.sorted { $0.offsetMinutes < $1.offsetMinutes }.map {
                    "\($0.name) \(ClockTime(minutes: shift.startMinute + $0.offsetMinutes).wallClock)-\(ClockTime(minutes: shift.startMinute + $0.offsetMinutes + $0.minutes).wallClock)\($0.paid ? " (paid)" : "")"
                }
                description += "\nBreaks: " + breaks.joined(separator: ", ")
            }
            lines += [
                "BEGIN:VEVENT",
                uid(shift.day),
                "SEQUENCE:\(sequence)",
                "DTSTAMP:" + stamp,
                "DTSTART:" + compact(start),
                "DTEND:" + compact(end),
                "STATUS:CONFIRMED",
                "SUMMARY:" + escape("Shift \(RosterSheets.shiftText(shift))"),
                "DESCRIPTION:" + escape(description),
                "END:VEVENT",
            ]
        }
        // Shifts the baseline had on days now off: cancelled, under the same UID.
        for before in (scenario.baseline ?? []).filter({ $0.agentID == agent.id && !worked.contains($0.day) }).sorted(by: { $0.day < $1.day }) {
            let dayStart = LocalDateTime(date: grid.date(ofDay: before.day), minuteOfDay: 0)
            lines += [
                "BEGIN:VEVENT",
                uid(before.day),
                "SEQUENCE:\(sequence)",
                "DTSTAMP:" + stamp,
                "DTSTART:" + compact(dayStart.adding(minutes: before.startMinute)),
                "DTEND:" + compact(dayStart.adding(minutes: before.startMinute + before.lengthMinutes)),
                "STATUS:CANCELLED",
                "SUMMARY:" + escape("Cancelled: shift \(before.hoursText)"),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compactDate(_ d: LocalDate) -> String { "\(pad(d.year, 4))\(pad(d.month, 2))\(pad(d.day, 2))" }

    /// The calendar file name of every agent, one-to-one (SPEC §3: an agent id never becomes a path).
    ///
    /// An id of letters, digits, `-`, `_` and `.` (not starting with `.`) keeps its own name, `A001.ics`;
    /// any other id, and ids that differ only in letter case (which some file systems do not tell
    /// apart), become their safe characters followed by `~` and 16 hex digits of the id's SHA-256:
    /// `a/b` → `a_b~<hash>.ics`. No plain name holds `~`, so the two kinds never meet.
    ///
    /// - Complexity: O(total length of the ids).
    public static func fileNames(for agentIDs: [String], extension ext: String = "ics") -> [String: String] {
        func isPlain(_ id: String) -> Bool {
            !id.isEmpty && !id.hasPrefix(".") && id.unicodeScalars.allSatisfy { s in
                s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_" || s == ".")
            }
        }
        var byFolded: [String: Int] = [:]
        for id in Set(agentIDs) where isPlain(id) { byFolded[id.lowercased(), default: 0] += 1 }
        var names: [String: String] = [:]
        for id in agentIDs where names[id] == nil {
            if isPlain(id), byFolded[id.lowercased()] == 1 {
                names[id] = id + "." + ext
                continue
            }
            let safe = String(String(id.unicodeScalars.map { s -> Character in
                s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_") ? Character(s) : "_"
            }).prefix(40))
            names[id] = safe + "~" + String(SHA256.hex(Array(id.utf8)).prefix(16)) + "." + ext
        }
        return names
    }

    static func compact(_ t: LocalDateTime) -> String {
        let d = t.date
        return "\(pad(d.year, 4))\(pad(d.month, 2))\(pad(d.day, 2))T\(pad(t.minuteOfDay / 60, 2))\(pad(t.minuteOfDay % 60, 2))00"
    }

    /// TEXT value escaping (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.append(ch)
            }
        }
        return out
    }

    /// Folds a content line at 75 octets, never inside a UTF-8 sequence (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                result += "\r\n "
                count = 1
            }
            result.unicodeScalars.append(scalar)
            count += size
        }
        return result
    }
}
