import MeshTestSupport
import PortalRender
import XCTest

final class SiteLinkTests: XCTestCase {
    func testNoBrokenInternalLinkOrAnchorInSampleMesh() throws {
        let site = try SiteFixture.site(Repository.sampleMesh)
        XCTAssertEqual(SiteLinkChecker(site: site).problems(), [])
    }

    func testNoBrokenInternalLinkInMiniMesh() throws {
        let mesh = try TemporaryMesh(MiniMesh.files)
        let site = try SiteFixture.site(mesh.root)
        XCTAssertEqual(SiteLinkChecker(site: site).problems(), [])
    }

    /// The checker itself must catch what it is for.
    func testCheckerFindsBrokenLinksAnchorsAndExternalLoads() {
        let page = """
            <a href="missing.html">x</a><a href="#nope">y</a><img src="https://cdn.example/x.png">
            <a href="other.html#there">z</a><link rel="stylesheet" href="//cdn.example/s.css">
            """
        let site = RenderedSite(files: ["index.html": Array(page.utf8), "other.html": Array("<h2 id=\"here\">".utf8)])
        let problems = SiteLinkChecker(site: site).problems()
        XCTAssertEqual(problems.count, 5, problems.joined(separator: "\n"))
    }
}
