import MeshModel
import MeshTestSupport
import XCTest
@testable import MeshLoad

/// Foreign data-product formats are named and skipped, never misread; unrelated YAML stays silent.
final class InputFormatTests: XCTestCase {
    /// Loads one file as the only input of a mesh and returns what came of it.
    func load(_ text: String, path: String = "repo/input.yaml") throws -> MeshLoader.Result {
        let mesh = try TemporaryMesh(["mesh.yaml": "title: T\nsources:\n  - path: repo\n", path: text])
        return try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
    }

    func assertForeign(_ text: String, line: Int, column: Int, mentions: String, _ sourceLine: UInt = #line) throws {
        let result = try load(text)
        XCTAssertEqual(result.diagnostics.map(\.rule), ["input.format.foreign"], line: sourceLine)
        let d = result.diagnostics.first
        XCTAssertEqual(d?.severity, .warning, line: sourceLine)
        XCTAssertEqual(d?.location, SourceLocation(file: "repo/input.yaml", line: line, column: column), line: sourceLine)
        XCTAssertTrue(d?.message.contains(mentions) == true, d?.message ?? "", line: sourceLine)
        XCTAssertTrue(d?.message.contains("skipped") == true, d?.message ?? "", line: sourceLine)
        XCTAssertTrue(result.mesh.products.isEmpty && result.mesh.contracts.isEmpty, line: sourceLine)
    }

    func testLinuxFoundationOpenDataProductSpecificationIsNamed() throws {
        try assertForeign("""
            schema: https://opendataproducts.org/v4.1/schema/odps.yaml
            version: '4.1'
            product:
              details:
                en:
                  name: City Events
                  productID: city-events
            """, line: 1, column: 1, mentions: "opendataproducts.org v4.1) for 'City Events'")
        try assertForeign("version: 3.1\nproduct:\n  details:\n    en: {name: X}\n", line: 2, column: 1,
                          mentions: "Open Data Product Specification")
    }

    func testDataHubDataProductIsNamed() throws {
        try assertForeign("""
            id: pet_of_the_week
            domain: urn:li:domain:marketing
            display_name: Pet of the Week
            description: About pets.
            assets:
              - urn:li:dataset:(urn:li:dataPlatform:snowflake,long_tail.pets,PROD)
            """, line: 5, column: 1, mentions: "DataHub data product ('Pet of the Week')")
    }

    func testWitboostDescriptorIsNamed() throws {
        try assertForeign("""
            id: urn:dmb:dp:finance:cashflow:0
            name: Cashflow
            domain: finance
            kind: dataproduct
            dataProductOwner: user:john.doe
            components: []
            """, line: 4, column: 1, mentions: "Witboost")
    }

    func testDataProductLikeKindsOfOtherAPIsAreNamed() throws {
        try assertForeign("apiVersion: datamesh.acme.io/v1\nkind: DataProduct\nmetadata:\n  name: orders\n",
                          line: 2, column: 7, mentions: "kind 'DataProduct' with apiVersion 'datamesh.acme.io/v1'")
        try assertForeign("apiVersion: v1\nkind: DataContractTemplate\n", line: 2, column: 7, mentions: "DataContractTemplate")
    }

    func testKubernetesManifestsAndUnusedBackstageKindsStaySilent() throws {
        let kubernetes = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: product-api
              labels: {product: orders}
            ---
            apiVersion: v1
            kind: ConfigMap
            data:
              assets: "a, b"
            """
        XCTAssertEqual(try load(kubernetes).diagnostics, [])
        for kind in ["System", "Component", "API", "Resource"] {
            let result = try load("apiVersion: backstage.io/v1alpha1\nkind: \(kind)\nmetadata:\n  name: x\nspec:\n  owner: team-a\n")
            XCTAssertEqual(result.diagnostics, [], kind)
            XCTAssertEqual(result.mesh.entities.map(\.kind), [kind], "kept for schema validation only")
        }
    }

    func testBitolStandardsAreStillReadAsThemselves() throws {
        let product = try load("apiVersion: v1.0.0\nkind: DataProduct\nid: p\nname: P\nstatus: active\n")
        XCTAssertEqual(product.mesh.products.map(\.id), ["p"])
        XCTAssertEqual(product.diagnostics, [])
        let contract = try load("apiVersion: v3.1.0\nkind: DataContract\nid: c\nschema: []\n")
        XCTAssertEqual(contract.mesh.contracts.map(\.id), ["c"])
        XCTAssertEqual(InputKind.classify(YAMLNode(.mapping([]), at: SourceLocation(file: "x"))), .unrelated)
    }

    func testImportedStandardsLoadThroughTheLoader() throws {
        let dcs = try load(ImportedStandardsTests.dcs)
        XCTAssertEqual(dcs.mesh.contracts.map(\.apiVersion), ["dcs-1.1.0"])
        XCTAssertEqual(dcs.diagnostics.map(\.rule), ["input.format.imported"])
        let dpds = try load(ImportedStandardsTests.dpds, path: "repo/orders.dpd.yaml")
        XCTAssertEqual(dpds.mesh.products.map(\.apiVersion), ["dpds-1.0.0"])
        XCTAssertEqual(dpds.diagnostics.map(\.rule), ["input.format.imported"])
    }
}
