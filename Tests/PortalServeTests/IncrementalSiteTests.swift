import Foundation
import MeshTestSupport
import PortalBuild
import PortalRender
import XCTest
@testable import PortalServe

/// The site `serve` keeps, re-rendering only pages whose fingerprint changed, must be byte for byte
/// the site a full build makes of the same files, after every kind of edit; and an edit must cost
/// only the pages it changed.
final class IncrementalSiteTests: XCTestCase {
    var copy: TemporaryCopy!
    var mesh: URL { copy.root }

    override func setUpWithError() throws {
        copy = try TemporaryCopy()
    }

    var builder: MeshBuilder { MeshBuilder(meshDirectory: mesh, defaultTheme: Repository.defaultTheme) }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let url = mesh.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(changed, text, "the edit of \(path) changes nothing")
        try Data(changed.utf8).write(to: url)
    }

    /// Publishes the build's generation and compares every file the store serves with a full build.
    /// Returns the number of pages the store rendered for it.
    @discardableResult
    func assertMatchesFullBuild(_ store: SiteStore, _ outcome: IncrementalBuild.Outcome, _ step: String,
                                file: StaticString = #filePath, line: UInt = #line) async throws -> Int {
        let generation = try XCTUnwrap(outcome.generation, "\(step): \(outcome.diagnostics.filter { $0.severity == .error })",
                                       file: file, line: line)
        await store.publish(generation)
        let before = await store.renderCount
        let built = try builder.build()
        XCTAssertEqual(outcome.diagnostics, built.diagnostics, "\(step): diagnostics", file: file, line: line)
        let full = try XCTUnwrap(built.site, step, file: file, line: line)
        for path in full.paths {
            let served = await store.file(path)
            XCTAssertNotNil(served, "\(step): \(path) is missing", file: file, line: line)
            if let served, served.bytes != full.files[path] {
                let a = served.bytes, b = full.files[path]!
                let at = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                let around = { (x: [UInt8]) in String(decoding: x[max(0, at - 80)..<min(x.count, at + 80)], as: UTF8.self) }
                XCTFail("\(step): \(path) differs from a full build at byte \(at): served …\(around(a))… full …\(around(b))…",
                        file: file, line: line)
            }
        }
        let pages = Set(generation.fingerprints.pages.map(\.path))
        XCTAssertTrue(pages.isSubset(of: Set(full.paths)), "\(step): pages a full build does not have", file: file, line: line)
        return await store.renderCount - before
    }

    func testEditsGiveTheSiteAFullBuildGivesAndRenderOnlyWhatChanged() async throws {
        var build = IncrementalBuild(builder: builder, baseURL: nil)
        let store = SiteStore()
        let first = try await assertMatchesFullBuild(store, build.start(), "first build")
        XCTAssertGreaterThan(first, 50)

        let orders = "domains/sales/products/order-events"
        try edit("\(orders)/docs/usage.md") { $0.replacingOccurrences(of: "always filter on it", with: "always filter on it first") }
        let docText = build.update(["\(orders)/docs/usage.md"])
        XCTAssertTrue(docText.timings.contains { $0.stage == "link docs+validate" }, "only the doc is linked again")
        var rendered = try await assertMatchesFullBuild(store, docText, "doc text")
        XCTAssertEqual(rendered, 1, "a doc's text shows on its own page only")

        try edit("\(orders)/docs/usage.md") { $0.replacingOccurrences(of: "# Using Order Events", with: "# Reading Order Events") }
        rendered = try await assertMatchesFullBuild(store, build.update(["\(orders)/docs/usage.md"]), "doc title")
        XCTAssertEqual(rendered, 4, "a doc's title shows in its product's navigation: the product page and its three doc pages")

        // A broken link while typing: the same errors a full check gives, then mended.
        try edit("\(orders)/docs/usage.md") { $0.replacingOccurrences(of: "always filter on it first", with: "see [x](product:sales/nope)") }
        let broken = build.update(["\(orders)/docs/usage.md"])
        XCTAssertNil(broken.generation)
        XCTAssertEqual(broken.diagnostics, try MeshBuilder.check(mesh).diagnostics)
        XCTAssertTrue(broken.diagnostics.contains { $0.rule == "link.product.unknown" && $0.location?.file == "\(orders)/docs/usage.md" })
        try edit("\(orders)/docs/usage.md") { $0.replacingOccurrences(of: "see [x](product:sales/nope)", with: "always filter on it first") }
        rendered = try await assertMatchesFullBuild(store, build.update(["\(orders)/docs/usage.md"]), "link mended")
        XCTAssertEqual(rendered, 0, "back to the page already rendered")

        // A doc that starts using an image: the image becomes a file of the site.
        try edit("\(orders)/docs/usage.md") { $0 + "\n![Pipeline](images/pipeline.svg)\n" }
        try await assertMatchesFullBuild(store, build.update(["\(orders)/docs/usage.md"]), "image used")

        try edit("\(orders)/docs/README.md") { $0 + "\nOne more line on the landing page.\n" }
        rendered = try await assertMatchesFullBuild(store, build.update(["\(orders)/docs/README.md"]), "landing doc")
        XCTAssertEqual(rendered, 1, "the landing doc shows on the product page only")

        try edit("\(orders)/product.odps.yaml") { $0.replacingOccurrences(of: "The system of record", with: "The record") }
        rendered = try await assertMatchesFullBuild(store, build.update(["\(orders)/product.odps.yaml"]), "manifest purpose")
        XCTAssertLessThan(rendered, first / 2)

        try edit("\(orders)/product.odps.yaml") { $0.replacingOccurrences(of: "name: Order Events", with: "name: ORDER EVENTS") }
        try await assertMatchesFullBuild(store, build.update(["\(orders)/product.odps.yaml"]), "product renamed")

        try edit("\(orders)/product.odps.yaml") { $0.replacingOccurrences(of: "status: active", with: "status: deprecated") }
        try await assertMatchesFullBuild(store, build.update(["\(orders)/product.odps.yaml"]), "product deprecated")

        try edit("\(orders)/contracts/orders.odcs.yaml") { $0.replacingOccurrences(of: "name: Orders\n", with: "name: All orders\n") }
        try await assertMatchesFullBuild(store, build.update(["\(orders)/contracts/orders.odcs.yaml"]), "contract")

        try edit("domains/sales/catalog-info.yaml") { $0.replacingOccurrences(of: "title: Sales & Orders", with: "title: Sales") }
        try await assertMatchesFullBuild(store, build.update(["domains/sales/catalog-info.yaml"]), "domain title")

        try edit("domains/sales/catalog-info.yaml") {
            $0.replacingOccurrences(of: "displayName: Commerce Platform Engineering", with: "displayName: Commerce Platform")
        }
        try await assertMatchesFullBuild(store, build.update(["domains/sales/catalog-info.yaml"]), "team name")

        try edit("domains/finance/meshport.yaml") { $0.replacingOccurrences(of: "product.description.length: error", with: "product.description.length: warning") }
        try await assertMatchesFullBuild(store, build.update(["domains/finance/meshport.yaml"]), "domain policy")

        // A new product that reads Order Events' contract: a new page, a new edge, new neighbours.
        let copy = "domains/sales/products/order-audit"
        try FileManager.default.createDirectory(at: mesh.appendingPathComponent(copy + "/docs"), withIntermediateDirectories: true)
        try Data("""
            apiVersion: v1.0.0
            kind: DataProduct
            id: order-audit
            name: Order Audit
            status: active
            domain: sales
            description:
              purpose: Every change to an order, kept for the auditors who ask about it years later.
            inputPorts:
              - name: orders
                version: 1.0.0
                contractId: sales.orders
            team:
              name: commerce-platform
            support:
              - channel: audit
                url: https://chat.example/audit
            """.utf8).write(to: mesh.appendingPathComponent(copy + "/product.odps.yaml"))
        try Data("# Order Audit\n\nSee [Order Events](product:sales/order-events).\n".utf8)
            .write(to: mesh.appendingPathComponent(copy + "/docs/README.md"))
        try await assertMatchesFullBuild(store, build.update([copy]), "product added")

        try FileManager.default.removeItem(at: mesh.appendingPathComponent(copy))
        try await assertMatchesFullBuild(store, build.update([copy]), "product removed")

        try edit("mesh.yaml") { $0.replacingOccurrences(of: "Northwind Outfitters Data Mesh", with: "Northwind Data Mesh") }
        rendered = try await assertMatchesFullBuild(store, build.update(["mesh.yaml"]), "mesh title")
        XCTAssertEqual(rendered, first, "the title is on every page")

        rendered = try await assertMatchesFullBuild(store, build.update(["mesh.yaml"]), "nothing changed")
        XCTAssertEqual(rendered, 0)
    }

    /// How the build linked: "link+validate", "link docs+validate" or "relink manifests+validate".
    func linkStage(_ outcome: IncrementalBuild.Outcome) -> String? {
        outcome.timings.map(\.stage).first { $0.contains("validate") }
    }

    func testManifestEditsThatKeepTheMeshsShapeAreRelinkedAndTheOthersLinkedInFull() async throws {
        var build = IncrementalBuild(builder: builder, baseURL: nil)
        let store = SiteStore()
        let first = try await assertMatchesFullBuild(store, build.start(), "first build")
        let orders = "domains/sales/products/order-events/product.odps.yaml"
        let fx = "domains/finance/products/fx-rates/product.odps.yaml"
        let contract = "domains/sales/products/order-events/contracts/orders.odcs.yaml"
        func step(_ path: String, _ name: String, relinked: Bool, line: UInt = #line,
                  _ change: (String) -> String) async throws -> IncrementalBuild.Outcome {
            try edit(path, change)
            let outcome = build.update([path])
            XCTAssertEqual(linkStage(outcome), relinked ? "relink manifests+validate" : "link+validate", name, line: line)
            if outcome.generation != nil {
                try await assertMatchesFullBuild(store, outcome, name, line: line)
            } else {
                XCTAssertEqual(outcome.diagnostics, try MeshBuilder.check(mesh).diagnostics, "\(name): diagnostics", line: line)
            }
            return outcome
        }

        var outcome = try await step(orders, "tags and a line more above the ports", relinked: true) {
            $0.replacingOccurrences(of: "  - streaming\n", with: "  - streaming\n  - events\n")
        }
        let rendered = await store.renderCount
        outcome = try await step(orders, "a port's description", relinked: true) {
            $0.replacingOccurrences(of: "typically within seconds.", with: "typically within a second.")
        }
        let renderedNow = await store.renderCount
        XCTAssertLessThan(renderedNow - rendered, first / 4, "the product page, its neighbours, the indexes")
        let consumedDeprecated = { (outcome: IncrementalBuild.Outcome) in
            outcome.diagnostics.filter { $0.rule == "lineage.deprecated.consumed" }.count
        }
        let deprecatedBefore = consumedDeprecated(outcome)
        outcome = try await step(fx, "deprecated: its consumers' findings change", relinked: true) {
            $0.replacingOccurrences(of: "status: active", with: "status: deprecated")
        }
        XCTAssertGreaterThan(consumedDeprecated(outcome), deprecatedBefore)
        outcome = try await step(fx, "active again", relinked: true) {
            $0.replacingOccurrences(of: "status: deprecated", with: "status: active")
        }
        XCTAssertEqual(consumedDeprecated(outcome), deprecatedBefore)
        outcome = try await step(contract, "contract description", relinked: true) {
            $0.replacingOccurrences(of: "name: Orders\n", with: "name: All orders\n")
        }

        // A validation error while typing (finance requires a purpose of 40 characters), then mended.
        outcome = try await step(fx, "error introduced", relinked: true) {
            $0.replacingOccurrences(of: "The company's official daily foreign exchange rates to USD, plus monthly\n"
                + "    average and month-end rates, as approved by treasury for accounting.", with: "FX rates.")
        }
        XCTAssertNil(outcome.generation)
        XCTAssertTrue(outcome.diagnostics.contains { $0.severity == .error && $0.rule == "product.description.length" && $0.location?.file == fx })
        outcome = try await step(fx, "error mended", relinked: true) {
            $0.replacingOccurrences(of: "FX rates.", with: "The company's official daily foreign exchange rates to USD, approved by treasury.")
        }
        XCTAssertNotNil(outcome.generation)

        // Edits that change what Link makes of the mesh: a full link.
        outcome = try await step(orders, "port added", relinked: false) {
            $0.replacingOccurrences(of: "\nsupport:", with: "  - name: orders-archive\n    contractId: sales.orders-archive\n\nsupport:")
        }
        outcome = try await step(orders, "port removed", relinked: false) {
            $0.replacingOccurrences(of: "  - name: orders-archive\n    contractId: sales.orders-archive\n", with: "")
        }
        outcome = try await step(orders, "owner team", relinked: false) {
            $0.replacingOccurrences(of: "name: commerce-platform", with: "name: order-management")
        }
        outcome = try await step(contract, "column renamed", relinked: false) {
            $0.replacingOccurrences(of: "name: order_number", with: "name: order_no")
        }
        outcome = try await step(orders, "broken YAML", relinked: false) {
            $0.replacingOccurrences(of: "kind: DataProduct", with: "kind: DataProduct\nname: [broken")
        }
        XCTAssertNil(outcome.generation)
        outcome = try await step(orders, "YAML mended", relinked: false) {
            $0.replacingOccurrences(of: "kind: DataProduct\nname: [broken", with: "kind: DataProduct")
        }
        XCTAssertNotNil(outcome.generation)
        outcome = try await step(orders, "and relinked again after a full link", relinked: true) {
            $0.replacingOccurrences(of: "  - events\n", with: "")
        }
    }

    func testAnInputWithErrorsGivesNoGenerationAndMendingGivesOneAgain() async throws {
        var build = IncrementalBuild(builder: builder, baseURL: nil)
        XCTAssertNotNil(build.start().generation)
        let manifest = "domains/sales/products/order-events/product.odps.yaml"
        let original = try String(contentsOf: mesh.appendingPathComponent(manifest), encoding: .utf8)
        try edit(manifest) { $0.replacingOccurrences(of: "kind: DataProduct", with: "kind: DataProduct\nname: [broken") }
        let broken = build.update([manifest])
        XCTAssertNil(broken.generation)
        XCTAssertTrue(broken.diagnostics.contains { $0.severity == .error && $0.location?.file == manifest })
        try Data(original.utf8).write(to: mesh.appendingPathComponent(manifest))
        XCTAssertNotNil(build.update([manifest]).generation)
    }
}
