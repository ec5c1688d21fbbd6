public import Core
public import Rostering

/// `calendars/<agent_id>.ics`: an agent's shifts as an RFC 5545 calendar.
///
/// Times are floating local times (no time zone), like the roster itself. `DTSTAMP`, which RFC 5545
/// requires, is the week's start at midnight UTC, so the same roster always gives the same bytes.
public enum AgentCalendar {
    public static func ics(agentIndex: Int, roster: Roster, scenario: Scenario) -> String {
        let agent = scenario.agents[agentIndex]
        let grid = scenario.grid
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Shiftwise//Roster//EN", "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:" + escape("Shifts \(agent.name) (\(scenario.name))"),
        ]
        let stamp = compact(LocalDateTime(date: grid.weekStart, minuteOfDay: 0)) + "Z"
        for shift in roster.shifts where shift.agentIndex == agentIndex {
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
                "UID:" + escape("\(scenario.name)-\(agent.id)-\(grid.date(ofDay: shift.day))@shiftwise"),
                "DTSTAMP:" + stamp,
                "DTSTART:" + compact(start),
                "DTEND:" + compact(end),
                "SUMMARY:" + escape("Shift \(RosterSheets.shiftText(shift))"),
                "DESCRIPTION:" + escape(description),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The calendar file name of every agent, one-to-one (SPEC §3: an agent id never becomes a path).
    ///
    /// An id of letters, digits, `-`, `_` and `.` (not starting with `.`) keeps its own name, `A001.ics`;
    /// any other id, and ids that differ only in letter case (which some file systems do not tell
    /// apart), become their safe characters followed by `~` and 16 hex digits of the id's SHA-256:
    /// `a/b` → `a_b~<hash>.ics`. No plain name holds `~`, so the two kinds never meet.
    ///
    /// - Complexity: O(total length of the ids).
    public static func fileNames(for agentIDs: [String]) -> [String: String] {
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
                names[id] = id + ".ics"
                continue
            }
            let safe = String(String(id.unicodeScalars.map { s -> Character in
                s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_") ? Character(s) : "_"
            }).prefix(40))
            names[id] = safe + "~" + String(SHA256.hex(Array(id.utf8)).prefix(16)) + ".ics"
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
