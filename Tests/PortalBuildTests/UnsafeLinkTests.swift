import Foundation
import MeshTestSupport
import XCTest

/// Links and URLs whose scheme is not allowed never reach a page: Markdown links and images become
/// their text, manifest URLs are left out, and each is a warning where it was written.
final class UnsafeLinkTests: XCTestCase {
    func testUnsafeDocLinksAndImagesAreShownAsText() throws {
        var files = MiniMesh.files
        files["domains/sales/products/orders/docs/usage.md"] = """
            # Using orders

            ## Querying

            Press [the button](JaVaScRiPt:alert(1)) or <vbscript:msgbox(1)>, see ![the diagram](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+).
            Safe: [docs](https://docs.example/x) and [team](team:sales-team).
            """
        let mesh = try TemporaryMesh(files)
        let outcome = try SiteFixture.build(mesh.root)
        XCTAssertEqual(outcome.diagnostics.filter { $0.rule == "link.scheme.unsafe" }.map { $0.location?.description },
                       ["domains/sales/products/orders/docs/usage.md:5:7", "domains/sales/products/orders/docs/usage.md:5:44",
                        "domains/sales/products/orders/docs/usage.md:5:70"])
        let page = SiteFixture.text(try XCTUnwrap(outcome.site), "products/sales/orders/usage.html")
        XCTAssertTrue(page.contains("Press the button or vbscript:msgbox(1), see the diagram."), page)
        XCTAssertTrue(page.contains("<a href=\"https://docs.example/x\">docs</a>"))
        XCTAssertTrue(page.contains("<a href=\"../../../teams/sales-team/index.html\">team</a>"))
        for unsafe in ["javascript", "JaVaScRiPt", "<img", "data:image", "onload", "href=\"\""] {
            XCTAssertFalse(page.contains(unsafe), "\(unsafe) in the page")
        }
    }

    func testManifestURLsOtherThanWebAndMailAreLeftOut() throws {
        var files = MiniMesh.files
        files["domains/sales/products/orders/product.odps.yaml"]! += """

            support:
              - channel: Help desk
                url: " javascript:alert(document.domain)"
              - channel: Files
                url: file:///etc/passwd
              - channel: Chat
                url: https://chat.example/orders
              - channel: Mail
                url: mailto:orders@example.com
            """
        let mesh = try TemporaryMesh(files)
        let outcome = try SiteFixture.build(mesh.root)
        let warnings = outcome.diagnostics.filter { $0.rule == "url.scheme.unsafe" }
        XCTAssertEqual(warnings.map { $0.location?.description }, ["domains/sales/products/orders/product.odps.yaml:22:10",
                                                                    "domains/sales/products/orders/product.odps.yaml:24:10"])
        XCTAssertEqual(warnings.map(\.severity), [.warning, .warning])
        let site = try XCTUnwrap(outcome.site)
        let page = SiteFixture.text(site, "products/sales/orders/index.html")
        XCTAssertTrue(page.contains("<a href=\"https://chat.example/orders\" rel=\"noopener noreferrer\">Chat</a>"), page)
        XCTAssertTrue(page.contains("<a href=\"mailto:orders@example.com\" rel=\"noopener noreferrer\">Mail</a>"))
        for path in site.paths {
            let text = SiteFixture.text(site, path)
            XCTAssertFalse(text.contains("javascript:") || text.contains("file:///etc"), path)
        }
    }
}
