public import Core
import Foundation
public import Hummingbird
import HTTPTypes
import Logging
import NIOCore
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
    /// The address the server listens on.
    public let host: String
    /// The names (lower case, without port) a request may address the server by: this machine's loopback names,
    /// the address it listens on, for every network (`0.0.0.0`, `::`) this machine's addresses and host name,
    /// and the names given by `--allowed-host`. Any other `Host` is refused (421), so a DNS name rebound to one of
    /// these addresses cannot reach the server from a web page.
    public let allowedHosts: Set<String>

    /// The largest request body read (a roster of 10,000 shifts is about 800 KB; 600 agents a week, 230 KB).
    public static let maxBody = 4 << 20

    public init(database: String, defaultLanguage: Language = .en, token: String = WebServer.newToken(), resolveSeconds: Double? = nil,
                payrollMap: String? = nil, exportFolder: String? = nil, host: String = "127.0.0.1", allowedHosts: [String] = []) {
        self.host = host
        self.allowedHosts = Self.allowed(host: host, extra: allowedHosts)
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
        // A connection idle for 60 s (a client that stopped sending) is closed.
        return Application(router: router(), server: .http1(configuration: .init(idleTimeout: .seconds(60))),
                           configuration: .init(address: .hostname(host, port: port), serverName: "Shiftwise"),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }

    /// Serves until SIGINT or SIGTERM (then finishes the requests under way and returns).
    public func serve(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        try await application(host: host, port: port, onRunning: onRunning).runService()
    }

    /// Every route of the pages and the API, behind ``WebGuard``.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: WebGuard(server: self))
        let pages = WebPages(server: self)
        let api = WebAPI(server: self)
        router.get("/") { request, _ in await self.work(request) { pages.runs(request) } }
        router.get("/runs/:id") { request, context in
            let id = context.parameters.get("id", as: Int.self)
            return await self.work(request) { pages.run(request, id: id) }
        }
        router.get("/runs/:id/agents/:agent") { request, context in
            let id = context.parameters.get("id", as: Int.self), agent = context.parameters.get("agent") ?? ""
            return await self.work(request) { pages.statement(request, id: id, agent: agent) }
        }
        router.get("/static/:name") { _, context in WebAssets.response(named: context.parameters.get("name") ?? "") }
        router.get("/favicon.ico") { _, _ in Response(status: .noContent, headers: WebHeaders.make(contentType: "image/x-icon")) }
        router.get("/api/runs") { request, _ in await self.work(request, api: true) { api.runs() } }
        router.get("/api/runs/:id/roster") { request, context in
            let id = context.parameters.get("id", as: Int.self)
            return await self.work(request, api: true) { api.roster(id: id, texts: Texts.current) }
        }
        let actions: [(String, @Sendable (Int, String, Texts) -> Response)] = [
            ("check", api.check), ("coverage", api.coverage), ("save", api.save), ("approve", api.approve), ("void", api.void), ("export", api.export),
        ]
        for (action, handler) in actions {
            router.post("/api/runs/:id/\(action)") { request, context in
                let id = context.parameters.get("id", as: Int.self)
                switch await self.accept(request) {
                case .refused(let response): return response
                case .body(let body):
                    return await self.work(request, api: true) {
                        guard let id else { return WebAPI.error(.notFound, Texts.current(.wbNoSuchRun)) }
                        return handler(id, body, Texts.current)
                    }
                }
            }
        }
        // Re-solving runs off the server's threads, one at a time.
        router.post("/api/runs/:id/resolve") { request, context in
            let id = context.parameters.get("id", as: Int.self)
            switch await self.accept(request) {
            case .refused(let response): return response
            case .body(let body):
                guard let id else { return await self.work(request, api: true) { WebAPI.error(.notFound, Texts.current(.wbNoSuchRun)) } }
                return await api.resolve(id: id, body: body, texts: WebRequest(request, server: self).texts)
            }
        }
        return router
    }

    enum Accepted {
        case body(String)
        case refused(Response)
    }

    /// A POST's body, once its token is checked and its size allowed (a declared length over the limit is refused before reading).
    func accept(_ request: Request) async -> Accepted {
        let texts = WebRequest(request, server: self).texts
        // These answers are worded from `texts` itself: no reader is involved, so the language gate is not needed.
        guard allows(request) else { return .refused(WebAPI.error(.forbidden, texts(.wbToken))) }
        let tooLarge = WebAPI.error(.contentTooLarge, texts(.wbTooLarge, "\(Self.maxBody / (1 << 20))"))
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > Self.maxBody { return .refused(tooLarge) }
        do {
            var text = String(buffer: try await request.body.collect(upTo: Self.maxBody))
            // A byte-order mark (Excel's UTF-8) is not part of the first column's name.
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return .body(text)
        } catch {
            return .refused(tooLarge)
        }
    }

    /// Runs a handler off the server's threads with the request's language and a database that still exists
    /// (a database removed while serving is an error, never created anew).
    func work(_ request: Request, api: Bool = false, _ body: @escaping @Sendable () -> Response) async -> Response {
        let database = self.database
        return await Self.gated(WebRequest(request, server: self).texts) { () -> Response in
            guard FileManager.default.fileExists(atPath: database) else {
                let message = StoreError.missing(path: database).description
                return api ? WebAPI.error(.serviceUnavailable, message)
                    : WebHeaders.response(.serviceUnavailable, contentType: "text/plain; charset=utf-8", body: message + "\n")
            }
            return body()
        }
    }

    /// `body` on a thread of its own (not the server's), with `texts` as that thread's language.
    static func gated<T: Sendable>(_ texts: Texts, _ body: @escaping @Sendable () -> T) async -> T {
        await offThread { Texts.with(texts, body) }
    }

    /// `body` on a thread of its own, so a long computation never holds up the server's threads.
    static func offThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
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

    /// See ``allowedHosts``.
    static func allowed(host: String, extra: [String]) -> Set<String> {
        var names: Set<String> = ["127.0.0.1", "localhost", "::1"]
        names.insert(WebGuard.hostName(host))
        if ["0.0.0.0", "::", ""].contains(host) {
            var buffer = [CChar](repeating: 0, count: 256)
            if gethostname(&buffer, buffer.count) == 0 {
                let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).lowercased()
                if !name.isEmpty { names.formUnion([name, name + ".local"]) }
            }
            names.formUnion(localAddresses())
        }
        names.formUnion(extra.map(WebGuard.hostName))
        return names
    }

    /// This machine's interface addresses as text (IPv4 and IPv6, scope suffixes dropped).
    static func localAddresses() -> [String] {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0, let first else { return [] }
        defer { freeifaddrs(first) }
        var found: [String] = []
        var next: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = next {
            next = entry.pointee.ifa_next
            guard let address = entry.pointee.ifa_addr else { continue }
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, length, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let name = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            found.append(String(name.prefix { $0 != "%" }).lowercased())
        }
        return found
    }
}

/// Before every route: a page asked for under a name not in ``WebServer/allowedHosts`` is refused (a rebound
/// DNS name cannot reach it); a POST from another origin is refused; and every answer, the
/// router's own 404 and 405 included, carries the security headers (JSON under `/api/`, a page elsewhere).
struct WebGuard: RouterMiddleware {
    typealias Context = BasicRequestContext
    let server: WebServer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let api = request.uri.path.hasPrefix("/api/")
        let texts = WebRequest(request, server: server).texts
        func refuse(_ status: HTTPResponse.Status, _ message: String) -> Response {
            api ? WebAPI.error(status, message) : WebHeaders.response(status, contentType: "text/plain; charset=utf-8", body: message + "\n")
        }
        let hostHeader = request.head.authority
        if let hostHeader, !server.allowedHosts.contains(Self.hostName(hostHeader)) {
            return refuse(.misdirectedRequest, texts(.wbForeignHost, Self.hostName(hostHeader)))
        }
        if request.method == .post, let origin = request.headers[.origin], let hostHeader, origin != "null" {
            let originHost = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
            if originHost.lowercased() != hostHeader.lowercased() { return refuse(.forbidden, texts(.wbForeignOrigin, origin)) }
        }
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            return refuse(error.status, error.status == .methodNotAllowed ? texts(.wbMethod, request.method.rawValue) : WebText.notFoundBody(texts))
        }
    }

    /// The name of a `Host` value or an address, lower case, without port or brackets (`[::1]:8080` → `::1`)
    /// and without a trailing dot.
    static func hostName(_ authority: String) -> String {
        var name = authority.lowercased()
        if name.hasPrefix("[") { name = String(name.prefix { $0 != "]" }.dropFirst()) }
        else if name.filter({ $0 == ":" }).count == 1, let colon = name.lastIndex(of: ":") { name = String(name[..<colon]) }
        if name.hasSuffix(".") { name.removeLast() }
        return name
    }
}

/// What a request asks for beyond its path: the language (from `?lang=`, else the cookie, else the server's).
struct WebRequest {
    let texts: Texts
    /// True when `?lang=` chose the language (the answer then sets the cookie).
    let chosen: Bool

    init(_ request: Request, server: WebServer) {
        if let asked = request.uri.queryParameters.get("lang"), let language = Language.allCases.first(where: { $0.rawValue.lowercased() == asked.lowercased() }) {
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

/// The headers of every answer: no sniffing, no framing, no referrer, scripts and styles only from the page and this server.
enum WebHeaders {
    static func make(contentType: String, nonce: String? = nil) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        if let name = HTTPField.Name("X-Content-Type-Options") { headers[name] = "nosniff" }
        if let name = HTTPField.Name("X-Frame-Options") { headers[name] = "DENY" }
        if let name = HTTPField.Name("Referrer-Policy") { headers[name] = "no-referrer" }
        if let name = HTTPField.Name("Content-Security-Policy") {
            // Scripts: the server's own files and the page's inline script carrying this answer's nonce, nothing else.
            let scripts = nonce.map { "'self' 'nonce-\($0)'" } ?? "'self'"
            headers[name] = "default-src 'none'; script-src \(scripts); style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        }
        return headers
    }

    static func response(_ status: HTTPResponse.Status, contentType: String, body: String, setLanguage: Language? = nil, nonce: String? = nil) -> Response {
        var headers = make(contentType: contentType, nonce: nonce)
        if let setLanguage { headers[.setCookie] = "shiftwise_lang=\(setLanguage.rawValue); Path=/; SameSite=Strict; Max-Age=31536000" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
