import Foundation
import MeshTestSupport
import PortalBuild
import XCTest
@testable import PortalServe

/// The real server on a free port, spoken to over a socket.
final class PreviewServerTests: XCTestCase {
    var mesh: TemporaryMesh!
    var session: PreviewSession!
    var server: Task<Void, Error>!
    var http: RawHTTP!
    let product = "/products/sales/orders/"
    let manifest = "domains/sales/products/orders/product.odps.yaml"

    override func setUp() async throws {
        mesh = try TemporaryMesh(MiniMesh.files)
        session = PreviewSession(build: IncrementalBuild(builder: MeshBuilder(meshDirectory: mesh.root, defaultTheme: Repository.defaultTheme))) {
            "{\"diagnostics\": \($0.map { "\"\($0.location?.description ?? ""): \($0.message)\"" })}"
        }
        let report = await session.start()
        XCTAssertTrue(report.published, "\(report.diagnostics)")
        let (ports, bound) = AsyncStream<Int>.makeStream()
        let session = self.session!
        server = Task { try await PreviewServer(session: session, port: 0).run { bound.yield($0) } }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next()
        http = RawHTTP(port: try XCTUnwrap(port))
    }

    override func tearDown() async throws {
        server.cancel()
        _ = try? await server.value
    }

    func edit(_ path: String, _ change: (String) -> String) async throws -> PreviewSession.Report {
        let url = mesh.url(path)
        try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        return await session.apply([url])
    }

    func testPagesComeWithTheirTypeAnETagAnd304WhenUnchanged() throws {
        let page = try http.send("GET", product)
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(page.text.contains("<h1") && page.text.contains("Orders"))
        let etag = try XCTUnwrap(page.headers["etag"])
        XCTAssertEqual(try http.send("GET", product, headers: ["If-None-Match": etag]).status, 304)
        XCTAssertEqual(try http.send("GET", product, headers: ["If-None-Match": "\"other\""]).status, 200)
        XCTAssertEqual(try http.send("GET", "/assets/style.css").headers["content-type"], "text/css; charset=utf-8")
        XCTAssertEqual(try http.send("GET", "/api/mesh.json").headers["content-type"], "application/json")
        let search = try http.send("GET", "/search/manifest.js")
        XCTAssertEqual(search.status, 200, "the search index is built when first asked for")
        let head = try http.send("HEAD", product)
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.headers["content-length"], page.headers["content-length"])
        XCTAssertEqual(try http.send("POST", product).status, 405)
    }

    func testAFolderNamedWithoutItsSlashRedirects() throws {
        let response = try http.send("GET", "/products/sales/orders")
        XCTAssertEqual(response.status, 301)
        XCTAssertEqual(response.headers["location"], "/products/sales/orders/")
    }

    func testMissingPathsGetThePortals404Page() throws {
        let response = try http.send("GET", "/products/sales/nothing-here/")
        XCTAssertEqual(response.status, 404)
        XCTAssertTrue(response.text.contains("Page not found"), response.text)
    }

    func testPathsLeavingTheSiteAreRefusedAndNothingElseIsRead() throws {
        for target in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/products/../../../etc/passwd",
                       "/..%2f..%2fetc%2fpasswd", "/%2E%2E/%2E%2E/etc/hostname", "/assets/..%5c..%5cetc%5cpasswd",
                       "/" + mesh.url("mesh.yaml").path, "/domains/sales/catalog-info.yaml"] {
            let response = try http.send("GET", target)
            XCTAssertEqual(response.status, 404, target)
            XCTAssertFalse(response.text.contains("root:"), target)
            XCTAssertFalse(response.text.contains("apiVersion"), "\(target) served a source file")
        }
    }

    func testServedPagesLoadTheLiveReloadScriptAndBuiltPagesDoNot() throws {
        let served = try http.send("GET", product).text
        XCTAssertTrue(served.contains("<script src=\"/__meshport/live-reload.js\" defer></script></head>"))
        let script = try http.send("GET", "/__meshport/live-reload.js")
        XCTAssertEqual(script.status, 200)
        XCTAssertEqual(script.headers["content-type"], "text/javascript; charset=utf-8")
        XCTAssertTrue(script.text.contains("EventSource"))
        let built = try XCTUnwrap(MeshBuilder(meshDirectory: mesh.root, defaultTheme: Repository.defaultTheme).build().site)
        XCTAssertFalse(built.files.values.contains { String(decoding: $0, as: UTF8.self).contains("__meshport") },
                       "build output never has the live-reload script")
    }

    func testAnEditIsOnTheNextRequestAndTheOpenPageIsToldToReload() async throws {
        let stream = try RawHTTP.Connection(port: http.port)
        defer { stream.close() }
        try stream.write(http.request("GET", "/__meshport/events?page=" + product, headers: [:]))
        _ = try stream.read(until: "event: hello\ndata: products/sales/orders/index.html\n\n")

        let report = try await edit(manifest) { $0.replacingOccurrences(of: "purpose: Every order.", with: "purpose: Every single order.") }
        XCTAssertTrue(report.published)
        XCTAssertEqual(report.reloaded, 1)
        XCTAssertEqual(report.change.read, [manifest])
        _ = try stream.read(until: "event: reload\ndata: products/sales/orders/index.html\n\n")
        XCTAssertTrue(try http.send("GET", product).text.contains("Every single order."))
    }

    func testBrokenYAMLShowsItsProblemOnOpenPagesKeepsTheLastGoodSiteAndMendingIsPickedUp() async throws {
        let stream = try RawHTTP.Connection(port: http.port)
        defer { stream.close() }
        try stream.write(http.request("GET", "/__meshport/events?page=/index.html", headers: [:]))
        _ = try stream.read(until: "event: hello")
        let original = try String(contentsOf: mesh.url(manifest), encoding: .utf8)

        let broken = try await edit(manifest) { $0.replacingOccurrences(of: "name: Orders", with: "name: [Orders") }
        XCTAssertFalse(broken.published)
        _ = try stream.read(until: "event: problems")
        let problems = try stream.read(until: "\n\n")
        XCTAssertTrue(problems.contains("\(manifest):"), "located at the file: \(problems)")
        let page = try http.send("GET", product)
        XCTAssertEqual(page.status, 200, "the last good site is still served")
        XCTAssertTrue(page.text.contains("Every order."))

        // A page opened while the input is broken is shown the problems at once.
        let late = try RawHTTP.Connection(port: http.port)
        defer { late.close() }
        try late.write(http.request("GET", "/__meshport/events?page=" + product, headers: [:]))
        XCTAssertTrue(try late.read(until: "event: problems").contains("event: hello"))

        try Data(original.replacingOccurrences(of: "purpose: Every order.", with: "purpose: Mended.").utf8).write(to: mesh.url(manifest))
        let mended = await session.apply([mesh.url(manifest)])
        XCTAssertTrue(mended.published)
        _ = try stream.read(until: "event: mended")
        _ = try late.read(until: "event: reload")
        XCTAssertTrue(try http.send("GET", product).text.contains("Mended."))
    }
}
