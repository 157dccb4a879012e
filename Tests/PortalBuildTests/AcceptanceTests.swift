#if canImport(FoundationXML)
import FoundationXML
#endif
import MeshTestSupport
import XCTest

/// The end-to-end acceptance points of the portal, checked on the built SampleMesh.
final class AcceptanceTests: XCTestCase {
    func testSampleMeshPortalHasEveryKindOfPage() throws {
        let site = try SiteFixture.site(Repository.sampleMesh)
        let paths = site.paths
        for required in ["index.html", "404.html", "sitemap.xml", "api/mesh.json", "assets/style.css"] {
            XCTAssertNotNil(site.files[required], required)
        }
        let domainPages = paths.filter { $0.hasPrefix("domains/") && $0.hasSuffix("/index.html") }
        let productPages = paths.filter { $0.hasPrefix("products/") && $0.hasSuffix("/index.html") }
        let teamPages = paths.filter { $0.hasPrefix("teams/") && $0.hasSuffix("/index.html") }
        let docPages = paths.filter { $0.hasPrefix("products/") && $0.hasSuffix(".html") && !$0.hasSuffix("/index.html") }
        XCTAssertGreaterThanOrEqual(domainPages.count, 4)
        XCTAssertGreaterThanOrEqual(productPages.count, 12)
        XCTAssertGreaterThanOrEqual(teamPages.count, 6)
        XCTAssertGreaterThanOrEqual(docPages.count, 12)
        for page in productPages {
            let html = SiteFixture.text(site, page)
            XCTAssertTrue(html.contains("<table class=\"data-table schema\">"), "\(page) has no schema table")
            XCTAssertTrue(html.contains("href=\"../../../domains/"), "\(page) does not link to its domain")
            XCTAssertTrue(html.contains("href=\"../../../teams/"), "\(page) does not link to its team")
            XCTAssertEqual(html.components(separatedBy: "<h1").count - 1, 1, "\(page) needs exactly one <h1>")
        }
    }

    func testSampleMeshShowsLineageAcrossDomainsAndExternalUpstreams() throws {
        let site = try SiteFixture.site(Repository.sampleMesh)
        let json = try JSONSerialization.jsonObject(with: Data(site.files["api/mesh.json"]!)) as! [String: Any]
        let lineage = json["lineage"] as! [[String: Any]]
        XCTAssertGreaterThanOrEqual(lineage.count, 15)
        let crossing = lineage.filter { edge in
            let up = (edge["upstream"] as! [String: String])["product"]!, down = (edge["downstream"] as! [String: String])["product"]!
            return up.split(separator: "/")[0] != down.split(separator: "/")[0]
        }
        XCTAssertGreaterThanOrEqual(crossing.count, 3)
        let products = json["products"] as! [[String: Any]]
        let externalInputs = products.flatMap { ($0["inputPorts"] as! [[String: Any]]).filter { $0["external"] as! Bool } }
        XCTAssertGreaterThanOrEqual(externalInputs.count, 1)
        XCTAssertTrue(site.paths.contains { SiteFixture.text(site, $0).contains("<span class=\"badge external\">external</span>") })
    }

    func testNoPageLoadsAnythingFromOutside() throws {
        let site = try SiteFixture.site(Repository.sampleMesh)
        for page in site.paths where page.hasSuffix(".html") {
            let html = SiteFixture.text(site, page)
            XCTAssertTrue(html.contains("http-equiv=\"Content-Security-Policy\""), page)
            // Scripts only from the site's own files (search), never inline: the CSP allows 'self' only.
            let scripts = html.components(separatedBy: "<script").count - 1
            let ownScripts = html.components(separatedBy: "<script src=\"").count - 1
            XCTAssertEqual(scripts, ownScripts, "\(page) has an inline script")
            XCTAssertNil(html.range(of: "<script src=\"(https?:)?//", options: .regularExpression), "\(page) loads a script from outside")
            XCTAssertNil(html.range(of: "src=\"(https?:)?//", options: .regularExpression), "\(page) loads from outside")
        }
    }
}

/// Lineage diagrams: every product page has one that parses as XML and links its direct neighbours.
final class LineageDiagramTests: XCTestCase {
    func testEveryProductPageLinksItsDirectUpstreamAndDownstream() throws {
        let site = try SiteFixture.site(Repository.sampleMesh)
        let json = try JSONSerialization.jsonObject(with: Data(site.files["api/mesh.json"]!)) as! [String: Any]
        let products = json["products"] as! [[String: Any]]
        let lineage = json["lineage"] as! [[String: Any]]
        for product in products {
            let key = product["key"] as! String
            let page = product["url"] as! String
            let html = SiteFixture.text(site, page)
            let svg = try XCTUnwrap(Self.firstSVG(in: html), "\(page) has no lineage SVG")
            let parser = XMLParser(data: Data(svg.utf8))
            XCTAssertTrue(parser.parse(), "\(page): the SVG does not parse as XML: \(String(describing: parser.parserError))")
            XCTAssertTrue(svg.contains("role=\"group\" aria-labelledby=") && svg.contains("<title"), "\(page): SVG needs a role and a name")
            let neighbours = lineage.compactMap { edge -> String? in
                let up = (edge["upstream"] as! [String: String])["product"]!, down = (edge["downstream"] as! [String: String])["product"]!
                return up == key ? down : down == key ? up : nil
            }
            // Where the SVG's links lead, resolved against the page.
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            let targets = Set(SiteLinkChecker.references(in: svg).map { SiteLinkChecker.normalise(folder + "/" + $0.2) })
            for neighbour in Set(neighbours) {
                let target = products.first { $0["key"] as? String == neighbour }!["url"] as! String
                XCTAssertTrue(targets.contains(target), "\(page) does not link \(neighbour)")
            }
        }
        let whole = SiteFixture.text(site, "lineage/index.html")
        for product in products {
            XCTAssertTrue(whole.contains("href=\"../\(product["url"] as! String)\""), "lineage page misses \(product["key"]!)")
        }
    }

    func testLineageIsDeterministic() throws {
        let mesh = try TemporaryMesh(MiniMesh.files)
        let a = try SiteFixture.site(mesh.root), b = try SiteFixture.site(mesh.root)
        XCTAssertEqual(a.files["lineage/index.html"], b.files["lineage/index.html"])
    }

    static func firstSVG(in html: String) -> String? {
        guard let start = html.range(of: "<svg "), let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

}
