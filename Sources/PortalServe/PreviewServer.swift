import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The HTTP side of `meshport serve` (Hummingbird, HTTP/1.1): files of the site from the store, with
/// content types, ETags and 304s, the portal's 404 page, and under `/__meshport/` the live-reload
/// script and its event stream. Only GET and HEAD; nothing is ever read from disk.
public struct PreviewServer: Sendable {
    public let session: PreviewSession
    public let host: String
    public let port: Int

    static let prefix = "/__meshport/"
    static let script = "<script src=\"\(prefix)live-reload.js\" defer></script>"

    public init(session: PreviewSession, host: String = "127.0.0.1", port: Int = 8000) {
        self.session = session
        self.host = host
        self.port = port
    }

    /// Serves until cancelled or, with `handleSignals`, until SIGINT or SIGTERM. `onReady` gets the
    /// port actually bound (port 0 picks a free one).
    public func run(handleSignals: Bool = false, onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        var logger = Logger(label: "meshport.serve")
        logger.logLevel = .critical
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in await self.respond(to: request) },
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in onReady(channel.localAddress?.port ?? port) },
            logger: logger)
        let streams = StreamCloser(hub: session.hub)
        let group = ServiceGroup(configuration: .init(services: [app, streams],
                                                      gracefulShutdownSignals: handleSignals ? [.sigint, .sigterm] : [],
                                                      logger: logger))
        try await withTaskCancellationHandler {
            try await group.run()
        } onCancel: {
            Task { await session.hub.finishAll() }
        }
    }

    func respond(to request: Request) async -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let raw = request.uri.path
        if raw.hasPrefix(Self.prefix) { return await own(String(raw.dropFirst(Self.prefix.count)), request: request) }
        guard case .file(let path) = RequestPath(raw: raw) else { return await notFound(request) }
        let store = session.store
        guard let (bytes, etag) = await store.file(path) else {
            // "products/sales/orders" names a folder page: send the browser to it, so relative links work.
            if await store.contains(path + "/index.html") {
                return Response(status: .movedPermanently, headers: [.location: raw + "/"])
            }
            return await notFound(request)
        }
        let tag = "\"\(String(etag, radix: 16))\""
        var headers: HTTPFields = [.contentType: ContentType.of(path), .eTag: tag, .cacheControl: "no-cache"]
        if request.headers[.ifNoneMatch] == tag { return Response(status: .notModified, headers: headers) }
        let body = path.hasSuffix(".html") ? Self.withLiveReload(bytes) : bytes
        headers[.contentLength] = String(body.count)
        return Response(status: .ok, headers: headers,
                        body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The portal's 404 page (or plain text before the first good build), always status 404.
    func notFound(_ request: Request) async -> Response {
        let page = await session.store.file("404.html")
        let body = page.map { Self.withLiveReload($0.bytes) } ?? Array("not found\n".utf8)
        return Response(status: .notFound,
                        headers: [.contentType: page == nil ? "text/plain; charset=utf-8" : "text/html; charset=utf-8",
                                  .cacheControl: "no-cache", .contentLength: String(body.count)],
                        body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// `/__meshport/…`: the client script and style, and the event stream of one page.
    func own(_ name: String, request: Request) async -> Response {
        switch name {
        case "live-reload.js", "live-reload.css":
            let bytes = name.hasSuffix(".js") ? PackageResources.live_reload_js : PackageResources.live_reload_css
            return Response(status: .ok, headers: [.contentType: ContentType.of(name), .cacheControl: "no-cache",
                                                   .contentLength: String(bytes.count)],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case "events":
            let page = request.uri.queryParameters["page"].map(String.init) ?? "/"
            guard case .file(let path) = RequestPath(raw: page.hasPrefix("/") ? page : "/" + page) else {
                return Response(status: .badRequest)
            }
            let events = await session.hub.listen(page: path)
            return Response(status: .ok,
                            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                            body: ResponseBody { writer in
                                // A comment line first, so the browser knows the stream is open.
                                try await writer.write(ByteBuffer(string: ": meshport\n\n"))
                                for await event in events { try await writer.write(ByteBuffer(string: event.wire)) }
                                try await writer.finish(nil)
                            })
        default:
            return await notFound(request)
        }
    }

    /// The page with the live-reload script before `</head>`: only served pages get it, never `build`'s.
    static func withLiveReload(_ html: [UInt8]) -> [UInt8] {
        let marker = Array("</head>".utf8)
        guard let at = html.firstRange(of: marker)?.lowerBound else { return html + Array(script.utf8) }
        return Array(html[..<at]) + Array(script.utf8) + Array(html[at...])
    }
}

/// Ends the open event streams when the server shuts down gracefully, which would otherwise wait for them.
private struct StreamCloser: Service {
    let hub: LiveReloadHub

    func run() async throws {
        try? await gracefulShutdown()
        await hub.finishAll()
    }
}
