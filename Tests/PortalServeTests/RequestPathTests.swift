import XCTest
@testable import PortalServe

final class RequestPathTests: XCTestCase {
    func testSitePathsAndFolders() {
        XCTAssertEqual(RequestPath(raw: "/"), .file("index.html"))
        XCTAssertEqual(RequestPath(raw: "/products/sales/orders/"), .file("products/sales/orders/index.html"))
        XCTAssertEqual(RequestPath(raw: "/products/sales/orders"), .file("products/sales/orders"))
        XCTAssertEqual(RequestPath(raw: "/assets/style.css"), .file("assets/style.css"))
        XCTAssertEqual(RequestPath(raw: "//assets/./style.css"), .file("assets/style.css"))
        XCTAssertEqual(RequestPath(raw: "/search/index.html"), .file("search/index.html"))
        XCTAssertEqual(RequestPath(raw: "/docs/caf%C3%A9.html"), .file("docs/café.html"))
    }

    func testAnythingThatLeavesTheRootIsRefused() {
        for raw in ["/../../etc/passwd", "/..", "/a/../../b", "/a/..", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/x",
                    "/a/%2e%2e/%2e%2e/etc/passwd", "/..%2fetc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                    "/a\\..\\..\\etc\\passwd", "/a%5c..%5cetc", "/a%00.html", "etc/passwd", "", "http://x/y",
                    "/%zz", "/%2", "/%ff%fe"] {
            XCTAssertEqual(RequestPath(raw: raw), .refused, raw)
        }
    }

    func testEncodingIsUndoneOnce() {
        // `%252e%252e` decodes to the literal name `%2e%2e`: no such file, but not a way out either.
        XCTAssertEqual(RequestPath(raw: "/%252e%252e/x"), .file("%2e%2e/x"))
    }
}
