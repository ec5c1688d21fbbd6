public import Core
import Foundation
public import Hummingbird
import HTTPTypes
import Logging
import Shiftwise
import Store

/// `shiftwise serve`: the runs of one database in a browser (SPEC §11). Every handler is thin: it reads
/// the request, calls the same use case the command line calls, and renders the answer.
///
/// Security: every POST must carry the token the pages carry (`<meta name="csrf-token">`, header
/// `X-CSRF-Token`), else 403; request bodies are limited to ``maxBody``; nothing is served from the
/// file system (pages, scripts and styles are built from the binary), so no path reaches a file.
public struct WebServer: Sendable {
    public let database: String
    /// The language of a request that names none (`?lang=` or the language cookie).
    public let defaultLanguage: Language
    /// The token every POST must carry; new for every start of the server.
    public let token: String
    /// The time limit of "re-solve around my edits" (nil: the scenario's own).
    public let resolveSeconds: Double?
    /// The payroll map (`--map`) that lets payout runs be exported for ADP, Paychex and Gusto too.
    public let payrollMap: String?
    /// Where exports go (nil: where `payouts export` writes them, `reports/payouts/<period>/` under the working folder).
    public let exportFolder: String?

    /// The largest request body read (a roster of 10,000 shifts is about 900 KB).
    public static let maxBody = 8 << 20

    public init(database: String, defaultLanguage: Language = .en, token: String = WebServer.newToken(), resolveSeconds: Double? = nil,
                payrollMap: String? = nil, exportFolder: String? = nil) {
        self.exportFolder = exportFolder
        self.resolveSeconds = resolveSeconds
        self.payrollMap = payrollMap
        self.database = database
        self.defaultLanguage = defaultLanguage
        self.token = token
    }

    /// 32 random bytes as hex, from the system's secure generator.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The application on `host:port`; `onRunning` gets the port actually bound (for `--port 0`).
    public func application(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        // The server's own log says only what went wrong; the command prints where it listens.
        var logger = Logger(label: "shiftwise.serve")
        logger.logLevel = .warning
        return Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "Shiftwise"),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }

    /// Serves until SIGINT or SIGTERM (then finishes the requests under way and returns).
    public func serve(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        try await application(host: host, port: port, onRunning: onRunning).runService()
    }

    /// Every route of the pages and the API.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let pages = WebPages(server: self)
        let api = WebAPI(server: self)
        router.get("/") { request, _ in pages.runs(request) }
        router.get("/runs/:id") { request, context in pages.run(request, id: context.parameters.get("id", as: Int.self)) }
        router.get("/runs/:id/agents/:agent") { request, context in
            pages.statement(request, id: context.parameters.get("id", as: Int.self), agent: context.parameters.get("agent") ?? "")
        }
        router.get("/static/:name") { _, context in WebAssets.response(named: context.parameters.get("name") ?? "") }
        router.get("/api/runs") { _, _ in api.runs() }
        router.get("/api/runs/:id/roster") { _, context in api.roster(id: context.parameters.get("id", as: Int.self)) }
        for (action, handler) in [("check", api.check), ("coverage", api.coverage), ("save", api.save), ("resolve", api.resolve), ("approve", api.approve), ("void", api.void), ("export", api.export)] {
            router.post("/api/runs/:id/\(action)") { request, context in
                let texts = WebRequest(request, server: self).texts
                guard let id = context.parameters.get("id", as: Int.self) else { return WebAPI.error(.notFound, texts(.wbNoSuchRun)) }
                guard self.allows(request) else {
                    return WebAPI.error(.forbidden, texts(.wbToken))
                }
                let body: ByteBuffer
                do {
                    body = try await request.body.collect(upTo: Self.maxBody)
                } catch {
                    return WebAPI.error(.contentTooLarge, texts(.wbTooLarge, "\(Self.maxBody / (1 << 20))"))
                }
                return handler(id, String(buffer: body), texts)
            }
        }
        return router
    }

    /// Whether a POST carries this server's token (compared in constant time).
    func allows(_ request: Request) -> Bool {
        guard let name = HTTPField.Name("X-CSRF-Token"), let sent = request.headers[name] else { return false }
        let a = Array(sent.utf8), b = Array(token.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}

/// What a request asks for beyond its path: the language (from `?lang=`, else the cookie, else the server's).
struct WebRequest {
    let texts: Texts
    /// True when `?lang=` chose the language (the answer then sets the cookie).
    let chosen: Bool

    init(_ request: Request, server: WebServer) {
        if let asked = request.uri.queryParameters.get("lang"), let language = Language(rawValue: asked) {
            texts = Texts(language)
            chosen = true
        } else if let cookie = request.headers[.cookie], let language = Self.cookieLanguage(cookie) {
            texts = Texts(language)
            chosen = false
        } else {
            texts = Texts(server.defaultLanguage)
            chosen = false
        }
    }

    static func cookieLanguage(_ header: String) -> Language? {
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0] == "shiftwise_lang" { return Language(rawValue: pair[1]) }
        }
        return nil
    }
}

/// Runs `body` with `Texts.current` set to `texts`: the readers deep inside the use cases word their
/// messages by it, and the server answers requests concurrently, so one request at a time holds it.
enum LanguageGate {
    private static let lock = NSLock()

    static func with<T>(_ texts: Texts, _ body: () throws -> T) rethrows -> T {
        lock.lock()
        let saved = Texts.current
        Texts.current = texts
        defer {
            Texts.current = saved
            lock.unlock()
        }
        return try body()
    }
}

/// The headers of every answer: no sniffing, no framing, no referrer, scripts and styles only from the page and this server.
enum WebHeaders {
    static func make(contentType: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        if let name = HTTPField.Name("X-Content-Type-Options") { headers[name] = "nosniff" }
        if let name = HTTPField.Name("X-Frame-Options") { headers[name] = "DENY" }
        if let name = HTTPField.Name("Referrer-Policy") { headers[name] = "no-referrer" }
        if let name = HTTPField.Name("Content-Security-Policy") {
            headers[name] = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        }
        return headers
    }

    static func response(_ status: HTTPResponse.Status, contentType: String, body: String, setLanguage: Language? = nil) -> Response {
        var headers = make(contentType: contentType)
        if let setLanguage { headers[.setCookie] = "shiftwise_lang=\(setLanguage.rawValue); Path=/; SameSite=Strict; Max-Age=31536000" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
