import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Core
import LinearModel
import Rostering
import ScenarioIO
import Store
import Testing
import TestSupport
@testable import WebApp

/// The web application over HTTP (SPEC §11): the CSRF rule, escaping, no path to the file system,
/// request limits, the check and save of an edited roster, and approval of a payout run. The roster
/// and payout runs are made by the real binary; the pages are asked for through the router.
@Suite(.serialized) struct WebAppTests {
    /// A database with one roster run of the tiny fixture (agent A3 named with markup) and the fixture folder.
    static func rosterDatabase() throws -> (db: String, fixture: ScenarioFixture, run: Int) {
        let agents = ScenarioFixture.agents.replacingOccurrences(of: "Omar Haddad", with: "<script>alert(1)</script>")
        let fixture = try ScenarioFixture(overrides: ["agents.csv": agents])
        let db = fixture.path("runs.sqlite")
        let result = try CommandRunner.run(["roster", fixture.scenario, "--db", db, "--out", fixture.path("out")])
        #expect(result.status == 0, "\(result.stderr)")
        let run = try #require(result.stdout.split(separator: "\n").compactMap { $0.hasPrefix("run ") ? Int($0.dropFirst(4)) : nil }.first)
        return (db, fixture, run)
    }

    static let token = String(repeating: "ab", count: 32)

    static func app(_ db: String) -> some ApplicationProtocol {
        Application(router: WebServer(database: db, token: token).router())
    }

    static func post(_ client: some TestClientProtocol, _ uri: String, body: String, token: String? = WebAppTests.token) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "text/csv"]
        if let token, let name = HTTPField.Name("X-CSRF-Token") { headers[name] = token }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
    }

    /// Every POST without the page's token, or with another, is 403 and changes nothing.
    @Test func postsNeedThePagesToken() async throws {
        let (db, _, run) = try Self.rosterDatabase()
        let roster = try String(contentsOfFile: try Self.rosterDatabaseFile(db, run), encoding: .utf8)
        try await Self.app(db).test(.router) { client in
            for action in ["check", "save", "approve", "void", "export"] {
                let missing = try await Self.post(client, "/api/runs/\(run)/\(action)", body: roster, token: nil)
                #expect(missing.status == .forbidden, "\(action) without a token")
                let wrong = try await Self.post(client, "/api/runs/\(run)/\(action)", body: roster, token: String(repeating: "cd", count: 32))
                #expect(wrong.status == .forbidden, "\(action) with another token")
            }
            // The refusal is worded in the request's language.
            let chinese = try await client.execute(uri: "/api/runs/\(run)/check?lang=zh-CN", method: .post, body: ByteBuffer(string: roster))
            #expect(chinese.status == .forbidden && String(buffer: chinese.body).contains("令牌"))
            let page = try await client.execute(uri: "/", method: .get)
            #expect(String(buffer: page.body).contains("<meta name=\"csrf-token\" content=\"\(Self.token)\">"))
        }
        #expect(try Store.open(db).runs().count == 1, "nothing was recorded")
    }

    /// The run's roster.csv, written to a file for reading back.
    static func rosterDatabaseFile(_ db: String, _ run: Int) throws -> String {
        let content = try #require(try Store.open(db).run(run).results.first { $0.name == "roster.csv" }?.content)
        let path = db + ".roster.csv"
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The roster as recorded holds every hard rule, and its labour term is Σ paid hours × the agent's
    /// hourly cost, summed here by hand from the roster's cells and the fixture's costs.
    @Test func checkOfTheRecordedRosterAndAMoveIntoAViolation() async throws {
        let (db, _, run) = try Self.rosterDatabase()
        let roster = try String(contentsOfFile: try Self.rosterDatabaseFile(db, run), encoding: .utf8)
        let cost: [String: Decimal] = ["A1": Decimal(string: "35.50")!, "A2": 36, "A3": 28]
        let labour = roster.split(separator: "\n").dropFirst().reduce(Decimal(0)) { sum, line in
            let cells = WebCSV.split(String(line))
            return sum + Decimal(string: cells[5])! * cost[cells[0]]!
        }
        try await Self.app(db).test(.router) { client in
            let ok = try Self.object(try await Self.post(client, "/api/runs/\(run)/check", body: roster))
            #expect((ok["violations"] as? [Any])?.isEmpty == true, "\(ok)")
            let terms = try #require(ok["objective_terms"] as? [String: Any])
            let measures = try #require(ok["measures"] as? [String: Any])
            let paid = roster.split(separator: "\n").dropFirst().reduce(Decimal(0)) { $0 + Decimal(string: WebCSV.split(String($1))[5])! }
            #expect((measures["paid_hours"] as? NSNumber)?.decimalValue == paid, "\(measures)")
            #expect((terms["labour cost"] as? NSNumber)?.decimalValue == labour, "\(terms)")

            // A1's first shift moved to 05:00, three hours before the earliest start.
            var lines = roster.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let i = try #require(lines.firstIndex { $0.hasPrefix("A1,") })
            var cells = WebCSV.split(lines[i])
            let day = String(cells[3].prefix(10))
            cells[3] = day + "T05:00"
            cells[4] = day + "T13:00"
            cells[6] = ""
            lines[i] = cells.joined(separator: ",")
            let moved = lines.joined(separator: "\n")
            let bad = try Self.object(try await Self.post(client, "/api/runs/\(run)/check", body: moved))
            let violations = try #require(bad["violations"] as? [[String: Any]])
            #expect(!violations.isEmpty)
            #expect(violations.allSatisfy { $0["agent_id"] as? String == "A1" }, "\(violations)")

            // The coverage charts beneath follow the edit: A1 moved to 05:00 changes them.
            let chartsBefore = try Self.object(try await Self.post(client, "/api/runs/\(run)/coverage", body: roster))["html"] as? String
            let chartsAfter = try Self.object(try await Self.post(client, "/api/runs/\(run)/coverage", body: moved))["html"] as? String
            #expect(chartsBefore?.contains("<svg") == true && chartsAfter?.contains("<svg") == true)
            #expect(chartsBefore != chartsAfter)

            // Saving it is refused and records nothing; saving the recorded roster records a new run.
            let refused = try await Self.post(client, "/api/runs/\(run)/save", body: moved)
            #expect(refused.status == .unprocessableContent)
            #expect(try Store.open(db).runs().count == 1)
            let unchanged = try await Self.post(client, "/api/runs/\(run)/save", body: roster)
            #expect(unchanged.status == .unprocessableContent, "the run's own roster is nothing to save")
            var legal: String?
            for minutes in [30, -30] {
                let candidate = try Self.moved(roster, by: minutes, pin: false).csv
                if (try Self.object(try await Self.post(client, "/api/runs/\(run)/check", body: candidate))["violations"] as? [Any])?.isEmpty == true {
                    legal = candidate
                    break
                }
            }
            let saved = try Self.object(try await Self.post(client, "/api/runs/\(run)/save", body: try #require(legal)))
            let newRun = try #require(saved["run"] as? Int, "\(saved)")
            let stored = try Store.open(db).run(newRun)
            #expect(stored.summary.outcome == "edited" && stored.summary.kind == .roster)
            #expect(stored.inputs.map(\.sha256) == (try Store.open(db).run(run)).inputs.map(\.sha256), "the same recorded inputs")
        }
    }

    /// The roster with A1's first shift moved by `minutes` (breaks with it), and a `pinned` column marking that row.
    static func moved(_ roster: String, by minutes: Int, pin: Bool) throws -> (csv: String, row: [String]) {
        var lines = roster.split(separator: "\n").map(String.init)
        let i = try #require(lines.firstIndex { $0.hasPrefix("A1,") })
        var cells = WebCSV.split(lines[i])
        func shift(_ hm: Substring) -> String {
            let m = (Int(hm.prefix(2))! * 60 + Int(hm.suffix(2))! + minutes + 1440) % 1440
            return String(format: "%02d:%02d", m / 60, m % 60)
        }
        cells[3] = cells[3].prefix(11) + shift(cells[3].suffix(5))
        cells[4] = cells[4].prefix(11) + shift(cells[4].suffix(5))
        cells[6] = cells[6].split(separator: ";").map { span in span.split(separator: "-").map(shift).joined(separator: "-") }.joined(separator: ";")
        lines[i] = cells.joined(separator: ",")
        if pin { lines = lines.enumerated().map { $0.offset == 0 ? $0.element + ",pinned" : $0.element + ($0.offset == i ? ",yes" : ",") } }
        return (lines.joined(separator: "\n") + "\n", cells)
    }

    /// Re-solving around an edit keeps the edited shift exactly; a pin that breaks the window is refused and records nothing.
    @Test func resolveAroundAnEdit() async throws {
        let (db, _, run) = try Self.rosterDatabase()
        let roster = try String(contentsOfFile: try Self.rosterDatabaseFile(db, run), encoding: .utf8)
        try await Self.app(db).test(.router) { client in
            // A move the validator accepts (half an hour later, else earlier).
            var chosen: (csv: String, row: [String])?
            for minutes in [30, -30] {
                let candidate = try Self.moved(roster, by: minutes, pin: false)
                let check = try Self.object(try await Self.post(client, "/api/runs/\(run)/check", body: candidate.csv))
                if (check["violations"] as? [Any])?.isEmpty == true { chosen = try Self.moved(roster, by: minutes, pin: true); break }
            }
            let edit = try #require(chosen)
            let answer = try Self.object(try await Self.post(client, "/api/runs/\(run)/resolve", body: edit.csv))
            let newRun = try #require(answer["run"] as? Int, "\(answer)")
            let stored = try Store.open(db).run(newRun)
            let newRoster = try #require(stored.results.first { $0.name == "roster.csv" }?.content)
            #expect(newRoster.split(separator: "\n").contains { WebCSV.split(String($0)) == edit.row }, "the pinned shift is kept exactly")
            #expect(stored.parameters.contains("\"resolved_from\":\"\(run)\""))
            #expect(stored.inputs.last?.role == "pins" && stored.inputs.last?.content == Array(edit.csv.utf8))

            let before = try Store.open(db).runs().count
            let impossible = try Self.moved(roster, by: -6 * 60, pin: true)
            let refused = try await Self.post(client, "/api/runs/\(run)/resolve", body: impossible.csv)
            #expect(refused.status == .unprocessableContent, "\(String(buffer: refused.body))")
            // The solver's diagnosis names the pinned agent.
            #expect(((try Self.object(refused))["error"] as? String)?.contains("A1") == true, "\(String(buffer: refused.body))")
            #expect(try Store.open(db).runs().count == before)
        }
    }

    /// A run made with `--baseline` and `--pin` is read back with both: its own roster checks clean with the same
    /// change term its summary reports (at least one change, since the pin differs from the baseline), moving the
    /// pinned shift is a violation, and a re-solve keeps the run's pin and the edit's and records the edits' bytes.
    @Test func baselineAndPinsOfTheRunAreKept() async throws {
        let yaml = ScenarioFixture.yaml + "\n  change_weight: 20\n"
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": yaml])
        let week = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"]
        try fixture.write("baseline.csv", "agent_id,name,date,start,end,paid_hours,breaks\n"
            + week.map { "A1,Ana Silva,\($0),\($0)T08:00,\($0)T16:00,7.50,12:00-12:30\n" }.joined())
        let pinned = "A1,Ana Silva,2026-11-30,2026-11-30T09:00,2026-11-30T17:00,7.50,12:00-12:30"
        try fixture.write("pins.csv", "agent_id,name,date,start,end,paid_hours,breaks\n" + pinned + "\n")
        let db = fixture.path("runs.sqlite")
        let result = try CommandRunner.run(["roster", fixture.scenario, "--db", db, "--out", fixture.path("out"),
                                            "--baseline", fixture.path("baseline.csv"), "--pin", fixture.path("pins.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        let run = try #require(result.stdout.split(separator: "\n").compactMap { $0.hasPrefix("run ") ? Int($0.dropFirst(4)) : nil }.first)
        let source = try Store.open(db).run(run)
        #expect(source.inputs.map(\.role).suffix(2) == ["baseline", "pins"])
        let roster = try #require(source.results.first { $0.name == "roster.csv" }?.content)
        #expect(roster.contains(pinned))
        let summaryText = try #require(source.results.first { $0.name == "summary.json" }?.content)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(summaryText.utf8)) as? [String: Any])
        let summaryChange = try #require((summary["objective_terms"] as? [String: Any])?["changes from baseline"] as? NSNumber)
        try await Self.app(db).test(.router) { client in
            let ok = try Self.object(try await Self.post(client, "/api/runs/\(run)/check", body: roster))
            #expect((ok["violations"] as? [Any])?.isEmpty == true, "\(ok)")
            let change = try #require((ok["objective_terms"] as? [String: Any])?["changes from baseline"] as? NSNumber)
            #expect(change.decimalValue >= 20 && change.decimalValue == summaryChange.decimalValue, "\(change) vs \(summaryChange)")

            // The pinned shift moved back to the baseline's 08:00–16:00 breaks the pin.
            let unpinned = roster.replacingOccurrences(of: pinned, with: "A1,Ana Silva,2026-11-30,2026-11-30T08:00,2026-11-30T16:00,7.50,12:00-12:30")
            let badAnswer = try Self.object(try await Self.post(client, "/api/runs/\(run)/check", body: unpinned))
            let bad = try #require(badAnswer["violations"] as? [[String: Any]])
            #expect(bad.contains { $0["agent_id"] as? String == "A1" }, "\(bad)")

            // Re-solve pinning A2's first shift as it is: both pins hold in the new roster.
            var lines = roster.split(separator: "\n").map(String.init)
            let i = try #require(lines.firstIndex { $0.hasPrefix("A2,") })
            let edited = lines[i]
            lines = lines.enumerated().map { $0.offset == 0 ? $0.element + ",pinned" : $0.element + ($0.offset == i ? ",yes" : ",") }
            let edits = lines.joined(separator: "\n") + "\n"
            let answer = try Self.object(try await Self.post(client, "/api/runs/\(run)/resolve", body: edits))
            let newRun = try #require(answer["run"] as? Int, "\(answer)")
            let stored = try Store.open(db).run(newRun)
            let newRoster = try #require(stored.results.first { $0.name == "roster.csv" }?.content)
            #expect(newRoster.contains(pinned) && newRoster.contains(edited))
            #expect(stored.inputs.map(\.role).suffix(3) == ["baseline", "pins", "pins"])
            #expect(stored.inputs.last?.content == Array(edits.utf8), "the edits are kept as the new run's pins")

            // The run's pinned shift deleted: its pin goes with it, in the re-solve and when the new run is read back.
            let without = edits.split(separator: "\n").filter { !$0.hasPrefix(pinned) }.joined(separator: "\n") + "\n"
            let second = try Self.object(try await Self.post(client, "/api/runs/\(run)/resolve", body: without))
            let secondRun = try #require(second["run"] as? Int, "\(second)")
            let secondRoster = try #require(try Store.open(db).run(secondRun).results.first { $0.name == "roster.csv" }?.content)
            #expect(secondRoster.contains(edited))
            let reread = try Self.object(try await Self.post(client, "/api/runs/\(secondRun)/check", body: secondRoster))
            #expect((reread["violations"] as? [Any])?.isEmpty == true, "\(reread)")
        }
    }

    /// An agent named with markup stays text on every page and in the script data.
    @Test func userTextIsEscaped() async throws {
        let (db, _, run) = try Self.rosterDatabase()
        try await Self.app(db).test(.router) { client in
            for lang in ["en", "zh-CN"] {
                let response = try await client.execute(uri: "/runs/\(run)?lang=\(lang)", method: .get)
                let page = String(buffer: response.body)
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the agents table shows the name as text")
                #expect(!page.contains("<script>alert(1)"), "never as markup")
                #expect(page.contains("<html lang=\"\(lang)\""))
                // The page's one inline script carries the nonce the policy names; the others are data or the server's files.
                let policy = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
                let nonce = try #require(policy.components(separatedBy: "'nonce-").dropFirst().first?.split(separator: "'").first.map(String.init))
                #expect(page.components(separatedBy: "<script nonce=\"\(nonce)\">").count == 2)
                #expect(page.components(separatedBy: "<script").count == 4, "the inline script, the editor's data and its file")
                #expect(policy.contains("script-src 'self' 'nonce-") && !policy.contains("script-src 'self' 'unsafe-inline'"))
            }
        }
    }

    /// No request path reaches a file: unknown assets, dotted paths and encoded slashes are 404.
    @Test func noPathReachesTheFileSystem() async throws {
        let (db, _, _) = try Self.rosterDatabase()
        try await Self.app(db).test(.router) { client in
            for uri in ["/static/../../../etc/passwd", "/static/..%2F..%2F..%2Fetc%2Fpasswd", "/static/%2e%2e%2fPackage.swift", "/static/web.css/../editor.js.map",
                        "/runs/..%2F..%2Fetc%2Fpasswd", "/runs/999999", "/etc/passwd"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
                #expect(!String(buffer: response.body).contains("root:"), "\(uri)")
            }
            #expect(try await client.execute(uri: "/static/editor.js", method: .get).status == .ok)
        }
    }

    /// A body above the limit is refused with 413 before any work.
    @Test func oversizedBodiesAreRefused() async throws {
        let (db, _, run) = try Self.rosterDatabase()
        try await Self.app(db).test(.router) { client in
            let huge = String(repeating: "A1,x,2026-11-30,2026-11-30T09:00,2026-11-30T17:00,7.50,\n", count: WebServer.maxBody / 50)
            let response = try await Self.post(client, "/api/runs/\(run)/check", body: huge)
            #expect(response.status == .contentTooLarge)
        }
    }

    /// The page reads the scenario the run recorded, not today's files: deleting them changes nothing.
    @Test func theRunsScenarioComesFromItsRecordedCopies() async throws {
        let (db, fixture, run) = try Self.rosterDatabase()
        for name in ["tiny.yaml", "forecast.csv", "agents.csv"] { try FileManager.default.removeItem(atPath: fixture.path(name)) }
        try await Self.app(db).test(.router) { client in
            let response = try await client.execute(uri: "/runs/\(run)", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("id=\"timeline\""))
        }
        // The temporary layout is gone and forgotten: a server does not remember one per request.
        #expect(!InputDigests.paths.contains { $0.contains("/shiftwise-run-") }, "\(InputDigests.paths)")
        // A copy changed by hand (a valid agents file, one name changed) no longer matches its SHA-256: it is not what
        // the run read, the page does not show it and says which file lacks its copy.
        let changed = ScenarioFixture.agents.replacingOccurrences(of: "Ana Silva", with: "Ana Changed")
        let hex = changed.utf8.map { String(format: "%02x", $0) }.joined()
        try Store.open(db).executeRaw("""
            UPDATE run_input_copies SET content = x'\(hex)' WHERE run_id = \(run)
              AND position = (SELECT position FROM run_inputs WHERE run_id = \(run) AND path LIKE '%agents.csv')
            """)
        try await Self.app(db).test(.router) { client in
            let response = try await client.execute(uri: "/runs/\(run)", method: .get)
            let body = String(buffer: response.body)
            #expect(response.status != .ok)
            #expect(!body.contains("Ana Changed"))
            #expect(body.contains("agents.csv") && body.contains("no copy to trust"), "\(body)")
        }
    }

    /// A scenario that names its agents file by an absolute path reads back from the copy too (the file gone).
    @Test func anAbsolutePathReadsBackFromItsCopy() async throws {
        let probe = try ScenarioFixture()
        let yaml = ScenarioFixture.yaml.replacingOccurrences(of: "agents: agents.csv", with: "agents: \(probe.path("agents.csv"))")
        let fixture = try ScenarioFixture(overrides: ["tiny.yaml": yaml])
        try fixture.write("agents.csv", ScenarioFixture.agents)
        let db = fixture.path("runs.sqlite")
        let result = try CommandRunner.run(["roster", fixture.scenario, "--db", db, "--out", fixture.path("out")])
        #expect(result.status == 0, "\(result.stderr)")
        let run = try #require(result.stdout.split(separator: "\n").compactMap { $0.hasPrefix("run ") ? Int($0.dropFirst(4)) : nil }.first)
        #expect(try Store.open(db).run(run).inputs.contains { $0.path == probe.path("agents.csv") })
        try FileManager.default.removeItem(atPath: probe.path("agents.csv"))
        try await Self.app(db).test(.router) { client in
            let response = try await client.execute(uri: "/runs/\(run)", method: .get)
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            #expect(String(buffer: response.body).contains("Ana Silva"))
        }
    }

    /// A run without copies (recorded before they were kept) opens while its files are byte for byte the ones it read, and not after.
    @Test func aRunWithoutCopiesOpensOnlyFromUnchangedFiles() async throws {
        let (db, fixture, run) = try Self.rosterDatabase()
        try Store.open(db).executeRaw("DELETE FROM run_input_copies")
        let forecast = fixture.path("forecast.csv")
        try await Self.app(db).test(.router) { client in
            #expect(try await client.execute(uri: "/runs/\(run)", method: .get).status == .ok)
            try Data((ScenarioFixture.forecast + "2026-12-01T09:30,25,300\n").utf8).write(to: URL(fileURLWithPath: forecast))
            let changed = try await client.execute(uri: "/runs/\(run)", method: .get)
            #expect(changed.status == .unprocessableContent)
            #expect(String(buffer: changed.body).contains("SHA-256 differs"))
        }
    }

    /// Approve a payout run through the API: the second approval is a conflict.
    @Test func approveAPayoutRun() async throws {
        let root = Fixtures.packageRoot
        let db = NSTemporaryDirectory() + "shiftwise-web-\(UUID().uuidString).sqlite"
        let out = NSTemporaryDirectory() + "shiftwise-web-\(UUID().uuidString)"
        let result = try CommandRunner.run(["bonus", root + "/scenarios/rules/bonus-2026.yaml", root + "/scenarios/data/metrics-2026-11.csv", "--period", "2026-11",
                                            "--agents", root + "/scenarios/data/agents.csv", "--db", db, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let run = try #require(result.stdout.split(separator: "\n").compactMap { $0.hasPrefix("run ") ? Int($0.dropFirst(4)) : nil }.first)
        try await Self.app(db).test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/runs/\(run)?lang=zh-CN", method: .get).body)
            #expect(page.contains("id=\"approve\"") && page.contains("草稿"))
            #expect(try await Self.post(client, "/api/runs/\(run)/approve", body: "{}").status == .ok)
            #expect(try Store.open(db).run(run).summary.status == "approved")
            #expect(try await Self.post(client, "/api/runs/\(run)/approve", body: "{}").status == .conflict)
            let after = String(buffer: try await client.execute(uri: "/runs/\(run)", method: .get).body)
            #expect(!after.contains("id=\"approve\"") && after.contains("id=\"export\""))
        }
    }

    /// A comparison's page is the one the run wrote, in the language asked for, with its charts.
    @Test func comparePageInBothLanguages() async throws {
        let fixture = try ScenarioFixture()
        let db = fixture.path("runs.sqlite")
        let result = try CommandRunner.run(["compare", fixture.scenario, "--vary", "staffing.service_level=0.8,0.9", "--db", db, "--out", fixture.path("cmp")])
        #expect(result.status == 0, "\(result.stderr)")
        let run = try #require(try Store.open(db).runs().first { $0.kind == .compare }?.id)
        let written = try String(contentsOfFile: fixture.path("cmp/compare.html"), encoding: .utf8)
        try await Self.app(db).test(.router) { client in
            let en = String(buffer: try await client.execute(uri: "/runs/\(run)?lang=en", method: .get).body)
            #expect(en.contains("<html lang=\"en\"") && en.contains("<svg") && en.contains("csrf-token"))
            // The page is the command's own page, with the navigation added.
            #expect(en.contains(String(written.split(separator: "<body>")[1].prefix(200))))
            let zh = String(buffer: try await client.execute(uri: "/runs/\(run)?lang=zh-CN", method: .get).body)
            #expect(zh.contains("<html lang=\"zh-CN\"") && zh.contains("<svg"))
        }
    }

    /// Void needs a reason and retires the draft; export follows approval, in the generic format without a map.
    @Test func voidAndExportThroughTheAPI() async throws {
        let root = Fixtures.packageRoot
        let folder = NSTemporaryDirectory() + "shiftwise-web-\(UUID().uuidString)"
        let db = folder + "/runs.sqlite"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var made: [Int] = []
        for _ in 0..<2 {
            let result = try CommandRunner.run(["bonus", root + "/scenarios/rules/bonus-2026.yaml", root + "/scenarios/data/metrics-2026-11.csv", "--period", "2026-11",
                                                "--agents", root + "/scenarios/data/agents.csv", "--db", db, "--out", folder + "/out"])
            #expect(result.status == 0, "\(result.stderr)")
            made.append(try #require(result.stdout.split(separator: "\n").compactMap { $0.hasPrefix("run ") ? Int($0.dropFirst(4)) : nil }.first))
        }
        let runs = made
        let app = Application(router: WebServer(database: db, token: Self.token, exportFolder: folder + "/exports").router())
        try await app.test(.router) { client in
            // The first draft is superseded by the second: void it, with a reason.
            #expect(try await Self.post(client, "/api/runs/\(runs[0])/void", body: "{}").status == .badRequest)
            #expect(try await Self.post(client, "/api/runs/\(runs[0])/void", body: #"{"reason": "  "}"#).status == .badRequest)
            #expect(try await Self.post(client, "/api/runs/\(runs[0])/void", body: #"{"reason": "wrong metrics file"}"#).status == .ok)
            #expect(try Store.open(db).run(runs[0]).summary.status == "void")
            #expect(try await Self.post(client, "/api/runs/\(runs[0])/approve", body: "{}").status == .conflict, "a void run is never approved")
            // Export before approval is refused; after it, the generic file is written; ADP needs a map.
            #expect(try await Self.post(client, "/api/runs/\(runs[1])/export", body: #"{"format": "generic"}"#).status != .ok)
            #expect(try await Self.post(client, "/api/runs/\(runs[1])/approve", body: "{}").status == .ok)
            #expect(try await Self.post(client, "/api/runs/\(runs[1])/export", body: #"{"format": "adp"}"#).status == .badRequest)
            #expect(try await Self.post(client, "/api/runs/\(runs[1])/export", body: #"{"format": "excel"}"#).status == .badRequest)
            let exported = try Self.object(try await Self.post(client, "/api/runs/\(runs[1])/export", body: #"{"format": "generic"}"#))
            let files = try #require(exported["files"] as? [String])
            #expect(files.contains { $0.hasSuffix("payroll-\(runs[1]).csv") } && files.allSatisfy { $0.hasPrefix(folder + "/exports") }, "\(files)")
            #expect(try Store.open(db).run(runs[1]).summary.status == "exported")
        }
    }

    /// A POST from another origin, unknown routes and methods, a re-solve without pins, an
    /// overlong void reason, and a database removed while serving: each refused with its own status, nothing recorded.
    @Test func hostileRequestsAreRefused() async throws {
        let (db, _, run) = try Self.rosterDatabase()
        let roster = try String(contentsOfFile: try Self.rosterDatabaseFile(db, run), encoding: .utf8)
        try await Self.app(db).test(.router) { client in
            // (A page under a foreign Host name, 421, is tested over real HTTP in Tests/browser/test_web.py.)
            var foreign: HTTPFields = [.origin: "http://attacker.example", HTTPField.Name("Host")!: "127.0.0.1:8080"]
            if let name = HTTPField.Name("X-CSRF-Token") { foreign[name] = Self.token }
            let crossSite = try await client.execute(uri: "/api/runs/\(run)/check", method: .post, headers: foreign, body: ByteBuffer(string: roster))
            #expect(crossSite.status == .forbidden, "a POST from another site, token or not")
            let unknown = try await client.execute(uri: "/api/nothing", method: .get)
            #expect(unknown.status == .notFound && String(buffer: unknown.body).contains("\"error\""))
            #expect(unknown.headers[HTTPField.Name("Content-Security-Policy")!] != nil, "the router's own answers carry the headers too")
            #expect(try await client.execute(uri: "/api/runs/\(run)/check", method: .get).status != .ok)
            let unpinned = try await Self.post(client, "/api/runs/\(run)/resolve", body: roster)
            #expect(unpinned.status == .unprocessableContent, "a re-solve needs the pinned column")
            #expect(try await Self.post(client, "/api/runs/\(run)/void", body: #"{"reason": "line one\nline two"}"#).status == .badRequest)
            let before = try Store.open(db).runs().count
            #expect(before == 1)
            try FileManager.default.removeItem(atPath: db)
            let gone = try await client.execute(uri: "/api/runs", method: .get)
            #expect(gone.status == .serviceUnavailable)
            #expect(try await client.execute(uri: "/", method: .get).status == .serviceUnavailable)
            #expect(!FileManager.default.fileExists(atPath: db), "a database removed while serving is not created anew")
        }
    }

    /// Serving every network, the pages answer to this machine's addresses and the `--allowed-host` names and
    /// refuse any other name (a DNS name rebound to this machine's address), over real HTTP.
    @Test func foreignHostNamesAreRefused() async throws {
        let (db, _, _) = try Self.rosterDatabase()
        let server = WebServer(database: db, token: Self.token, host: "0.0.0.0", allowedHosts: ["Rota.Example.com"])
        #expect(server.allowedHosts.isSuperset(of: ["127.0.0.1", "localhost", "::1", "0.0.0.0", "rota.example.com"]))
        #expect(!server.allowedHosts.contains("attacker.example"))
        let app = Application(router: server.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            #expect(try Self.rawGet(port: port, host: "rota.example.com:8080").hasPrefix("HTTP/1.1 200"))
            #expect(try Self.rawGet(port: port, host: "127.0.0.1").hasPrefix("HTTP/1.1 200"))
            #expect(try Self.rawGet(port: port, host: "[::1]:8080").hasPrefix("HTTP/1.1 200"))
            let refused = try Self.rawGet(port: port, host: "attacker.example:8080")
            #expect(refused.hasPrefix("HTTP/1.1 421"), "\(refused)")
            #expect(refused.contains("(start it with --allowed-host attacker.example to serve that name)"))
        }
        let local = WebServer(database: db, token: Self.token)
        #expect(local.allowedHosts == ["127.0.0.1", "localhost", "::1"], "on this machine only, its loopback names only")
    }

    /// `GET /api/runs` over a plain socket with the given `Host` header (an HTTP client would write its own); the whole answer.
    static func rawGet(port: Int, host: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
        let request = Array("GET /api/runs HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
        try #require(send(fd, request, request.count, 0) == request.count)
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            answer += buffer[0..<n]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    /// The answer's status follows what failed: the database locked or gone 503, a run's unusable input 422, a failure
    /// inside the program (the solver finding no roster in time, an unexpected error) 500.
    @Test func errorStatusesFollowTheFailure() {
        struct Unexpected: Error {}
        #expect(WebAPI.status(of: StoreError.busy(path: "db", seconds: 5)) == .serviceUnavailable)
        #expect(WebAPI.status(of: StoreError.missing(path: "db")) == .serviceUnavailable)
        #expect(WebAPI.status(of: StoreError.unknownRun(path: "db", id: 9)) == .notFound)
        #expect(WebAPI.status(of: StoreError.payoutState(path: "db", message: "m")) == .conflict)
        #expect(WebAPI.status(of: StoreError.failed(path: "db", message: "disk I/O error")) == .internalServerError)
        #expect(WebAPI.status(of: InputError([Diagnostic(at: SourceLocation(file: "roster.csv", line: 2), "bad")])) == .unprocessableContent)
        #expect(WebAPI.status(of: RosterFailure.infeasible(["A1: pinned twice"])) == .unprocessableContent)
        #expect(WebAPI.status(of: RosterFailure.noRoster(status: .timeLimitWithoutSolution)) == .internalServerError)
        #expect(WebAPI.status(of: Unexpected()) == .internalServerError)
    }

    /// Every web text in both languages.
    @Test func everyWebTextInBothLanguages() {
        for key in WebText.allCases {
            #expect(WebText.english[key] != nil, "\(key) missing in English")
            #expect(WebText.chinese[key] != nil, "\(key) missing in Chinese")
        }
        // Every objective term the solver names has a label.
        for name in ["labour cost", "understaffing", "overstaffing", "preferred days off worked", "preferred start", "fairness", "changes from baseline"] {
            #expect(WebText.terms[name] != nil, "\(name)")
        }
    }
}
