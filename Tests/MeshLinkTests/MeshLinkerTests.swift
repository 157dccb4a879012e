import MeshLoad
import MeshTestSupport
@testable import MeshModel
import XCTest
@testable import MeshLink

final class MeshLinkerTests: XCTestCase {
    func link(_ files: [String: String]) throws -> (LinkedMesh, [Diagnostic]) {
        let mesh = try TemporaryMesh(files)
        let loaded = try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
        return MeshLinker.link(loaded.mesh)
    }

    func product(_ mesh: LinkedMesh, _ key: String) throws -> Product {
        try XCTUnwrap(mesh.products.first { "\($0.domain)/\($0.slug)" == key })
    }

    func testLineageEdgesBacklinksAndExternalUpstreams() throws {
        let (mesh, diagnostics) = try link(MiniMesh.files)
        XCTAssertEqual(mesh.products.map { "\($0.domain)/\($0.slug)" }, ["finance/revenue", "sales/orders"])
        XCTAssertEqual(mesh.edges.count, 1)
        let edge = try XCTUnwrap(mesh.edges.first)
        XCTAssertEqual(mesh.products[edge.upstream.product].slug, "orders")
        XCTAssertEqual(edge.upstream.port, "orders_v1")
        XCTAssertEqual(mesh.products[edge.downstream.product].slug, "revenue")
        let orders = try product(mesh, "sales/orders")
        XCTAssertEqual(orders.outputPorts.first?.consumers.map { mesh.products[$0.product].slug }, ["revenue"])
        XCTAssertNil(orders.inputPorts.first?.upstream, "an unpublished contract is an external upstream")
        XCTAssertEqual(diagnostics.map(\.rule), ["lineage.upstream.unknown"])
        XCTAssertEqual(diagnostics.first?.location?.file, "domains/sales/products/orders/product.odps.yaml")
    }

    func testOwnershipJoinsBackstageDomainsGroupsAndUsers() throws {
        let (mesh, _) = try link(MiniMesh.files)
        let sales = try XCTUnwrap(mesh.domain("sales"))
        XCTAssertEqual(sales.ownerTeam, "sales-team")
        XCTAssertEqual(sales.downstreamDomains, ["finance"])
        XCTAssertEqual(mesh.domain("finance")?.upstreamDomains, ["sales"])
        XCTAssertEqual(mesh.domain("finance")?.title, "Finance")
        let team = try XCTUnwrap(mesh.team("sales-team"))
        XCTAssertEqual(team.displayName, "Sales Team")
        XCTAssertEqual(team.members.map(\.label), ["Ada Abara"])
        XCTAssertEqual(team.ownedDomains, ["sales"])
        // A team only a manifest names still gets a page, with the manifest's members.
        XCTAssertEqual(mesh.team("finance-team")?.members.map(\.label), ["Bo Berg"])
    }

    func testDocsArePlacedAndLinksResolved() throws {
        let (mesh, _) = try link(MiniMesh.files)
        let orders = try product(mesh, "sales/orders")
        let docs = orders.docs.map { mesh.docs[$0] }
        XCTAssertEqual(docs.map(\.url), ["products/sales/orders/index.html", "products/sales/orders/usage.html"])
        XCTAssertTrue(docs[0].isLanding)
        XCTAssertEqual(docs[0].links["usage.md#querying"], .site(path: "products/sales/orders/usage.html", fragment: "querying"))
        XCTAssertEqual(docs[0].links["product:finance/revenue"], .site(path: "products/finance/revenue/index.html", fragment: nil))
        XCTAssertEqual(docs[0].links["images/flow.svg"], .site(path: "products/sales/orders/images/flow.svg", fragment: nil))
        XCTAssertEqual(docs[1].links["team:sales-team"], .site(path: "teams/sales-team/index.html", fragment: nil))
        XCTAssertEqual(mesh.assets.map(\.path), ["products/sales/orders/images/flow.svg"])
        // A landing page at the product folder's root works as well as docs/README.md.
        let revenue = try product(mesh, "finance/revenue")
        XCTAssertEqual(revenue.landingDoc.map { mesh.docs[$0].url }, "products/finance/revenue/index.html")
        XCTAssertEqual(mesh.docs[revenue.landingDoc!].links["product:sales/orders#port-orders-v1"],
                       .site(path: "products/sales/orders/index.html", fragment: "port-orders-v1"))
    }

    func testBrokenLinksAreLocatedErrors() throws {
        var files = MiniMesh.files
        files["domains/sales/products/orders/docs/usage.md"] = """
            # Usage

            [a](missing.md) [b](product:sales/ordrs) [c](README.md#nope)
            [d](domain:nowhere) [e](team:nobody) [f](/abs/path.md)
            """
        let (_, diagnostics) = try link(files)
        let broken = diagnostics.filter { $0.severity == .error && $0.location?.file.hasSuffix("usage.md") == true }
        XCTAssertEqual(broken.map(\.rule), ["link.doc.broken", "link.product.unknown", "link.anchor.broken",
                                            "link.domain.unknown", "link.team.unknown", "link.absolute"])
        XCTAssertEqual(broken.map { $0.location?.line }, [3, 3, 3, 4, 4, 4])
        XCTAssertEqual(broken[1].notes.first?.message, "did you mean 'sales/orders'?")
        // The README's link to the heading that usage.md no longer has is caught too.
        XCTAssertTrue(diagnostics.contains { $0.rule == "link.anchor.broken" && $0.location?.file.hasSuffix("README.md") == true })
    }

    func testUnsafeSchemesAreDroppedWithAWarningInEveryDisguise() throws {
        var files = MiniMesh.files
        files["domains/sales/products/orders/docs/usage.md"] = """
            # Usage

            [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](<java\tscript:alert(1)>) [d](&#106;avascript:alert(1))
            ![e](data:image/svg+xml,x) [f][ref] <vbscript:msgbox(1)> [g](file:///etc/passwd) [h](https://ok.example)

            [ref]: javascript&colon;alert(1)
            """
        let (mesh, diagnostics) = try link(files)
        let unsafe = diagnostics.filter { $0.rule == "link.scheme.unsafe" }
        XCTAssertEqual(unsafe.count, 8, diagnostics.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(unsafe.allSatisfy { $0.severity == .warning && $0.location?.file.hasSuffix("usage.md") == true })
        XCTAssertEqual(unsafe.map { $0.location?.line }, [3, 3, 3, 3, 4, 4, 4, 4])
        let usage = try XCTUnwrap(mesh.docs.first { $0.document.file.hasSuffix("usage.md") })
        XCTAssertEqual(usage.links["javascript:alert(1)"], .dropped)
        XCTAssertEqual(usage.links["https://ok.example"], .external("https://ok.example"))
    }

    func testLinksOutOfTheirRepositoryAreErrorsAndNothingIsPublished() throws {
        var files = MiniMesh.files
        files["domains/sales/products/orders/docs/usage.md"] = """
            # Usage

            ![secret](../../../../../../../../etc/passwd.png) [other repo](../../../../finance/products/revenue/README.md)
            ![mesh file](../../../../../mesh.yaml) [inside](../product.odps.yaml)
            """
        let (mesh, diagnostics) = try link(files)
        let outside = diagnostics.filter { $0.rule == "link.outside.repository" }
        XCTAssertEqual(outside.map { $0.location?.line }, [3, 3, 4], diagnostics.map(\.message).joined(separator: "\n"))
        XCTAssertEqual(outside.map { $0.location?.column }, [1, 51, 1])
        XCTAssertTrue(outside[0].message.contains("leads out of the repository 'domains/sales'"), outside[0].message)
        // A link that stays inside its repository is judged as before (not a doc: broken).
        XCTAssertTrue(diagnostics.contains { $0.rule == "link.doc.broken" && $0.location?.line == 4 })
        XCTAssertEqual(mesh.assets.map(\.path), ["products/sales/orders/images/flow.svg"])
    }

    func testSharedNamesFallBackToFolderAndRealClashesAreErrors() throws {
        var files = MiniMesh.files
        // Same slug as "Orders", but its folder gives it a URL of its own: a warning.
        files["domains/sales/products/orders-copy/product.odps.yaml"] = """
            apiVersion: v1.0.0
            kind: DataProduct
            id: p-orders-2
            name: "ORDERS!"
            domain: sales
            status: active
            """
        // Same name and same folder name in another repository of the same domain: a real clash.
        files["domains/sales-eu/products/orders/product.odps.yaml"] = """
            apiVersion: v1.0.0
            kind: DataProduct
            id: p-orders-eu
            name: Orders
            domain: sales
            status: active
            """
        files["domains/sales/products/zz-dup/product.odps.yaml"] = """
            apiVersion: v1.0.0
            kind: DataProduct
            id: p-orders
            name: Something else
            domain: sales
            status: active
            """
        let (mesh, diagnostics) = try link(files)
        XCTAssertEqual(Set(diagnostics.filter { $0.severity == .error }.map(\.rule)), ["product.slug.duplicate", "product.id.duplicate"])
        XCTAssertEqual(diagnostics.filter { $0.rule == "product.slug.shared" }.map { $0.location?.file },
                       ["domains/sales/products/orders-copy/product.odps.yaml"])
        XCTAssertEqual(mesh.products.map { "\($0.domain)/\($0.slug)" }, ["finance/revenue", "sales/orders", "sales/orders-copy"],
                       "the clashing products are left out, the rest still links")
    }

    func testSlugsAreStableAndReadable() {
        XCTAssertEqual(Slug.make("Customer 360"), "customer-360")
        XCTAssertEqual(Slug.make("  Orders & Returns (EU) "), "orders-returns-eu")
        XCTAssertEqual(Slug.make("Café Ventes"), "cafe-ventes")
        // A slug is a file name: long names are cut, at a word boundary where there is one.
        let long = Slug.make(String(repeating: "<script>alert(1)</script> ", count: 20))
        XCTAssertEqual(long.count, 78)
        XCTAssertTrue(long.hasPrefix("script-alert-1-script-") && !long.hasSuffix("-"), long)
        XCTAssertEqual(Slug.make(String(repeating: "x", count: 200)), String(repeating: "x", count: Slug.maxLength))
        XCTAssertEqual(SiteURL.relative(from: "products/a/b/index.html", to: "teams/t/index.html"), "../../../teams/t/index.html")
        XCTAssertEqual(SiteURL.relative(from: "products/a/b/index.html", to: "products/a/b/usage.html"), "usage.html")
        XCTAssertEqual(SiteURL.relative(from: "index.html", to: "domains/d/index.html"), "domains/d/index.html")
    }

    /// The byte-level path for ASCII names must give what the Unicode rule gives.
    func testASCIISlugsFollowTheUnicodeRule() {
        let printable = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) }.joined()
        let names = ["", "  ", "---", "A", "Customer_ID", "orders.v2", "x\r\ny", "\t Tab\u{7F}bed ", "ABC-def 123",
                     printable, String(printable.reversed()), "--a--b--", "zZ09"]
        for name in names {
            XCTAssertNotNil(Slug.makeASCII(name))
            XCTAssertEqual(Slug.make(name), Slug.makeUnicode(name), "slug of \(name.debugDescription)")
        }
        XCTAssertNil(Slug.makeASCII("Café"), "non-ASCII names take the Unicode path")
    }
}
