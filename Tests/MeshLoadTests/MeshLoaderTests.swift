import MeshModel
import MeshTestSupport
import XCTest
@testable import MeshLoad

final class MeshLoaderTests: XCTestCase {
    func testLoadsEveryKindOfInputFromGlobbedSources() throws {
        let mesh = try TemporaryMesh(MiniMesh.files)
        let result = try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
        XCTAssertEqual(result.mesh.sourceRoots, ["domains/finance", "domains/sales"])
        XCTAssertEqual(result.mesh.products.map(\.id).sorted(), ["p-orders", "p-revenue"])
        XCTAssertEqual(result.mesh.contracts.map(\.id).sorted(), ["c-orders", "c-revenue"])
        XCTAssertEqual(result.mesh.entities.count, 3)
        XCTAssertEqual(result.mesh.documents.count, 3)
        XCTAssertEqual(result.mesh.assets.map(\.file), ["domains/sales/products/orders/docs/images/flow.svg"])
        XCTAssertEqual(result.diagnostics, [])
    }

    func testEveryBrokenFileIsReportedInOneRun() throws {
        var files = MiniMesh.files
        files["domains/sales/products/orders/product.odps.yaml"] = "apiVersion: v1.0.0\nkind: DataProduct\nid: [unclosed\n"
        files["domains/finance/products/revenue/contract.yaml"] = "kind: DataContract\n  id: x\n bad"
        let mesh = try TemporaryMesh(files)
        let result = try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
        let files2 = Set(result.diagnostics.filter { $0.severity == .error }.compactMap { $0.location?.file })
        XCTAssertEqual(files2, ["domains/sales/products/orders/product.odps.yaml", "domains/finance/products/revenue/contract.yaml"])
    }

    func testMissingMeshYamlIsAConfigurationError() throws {
        let mesh = try TemporaryMesh(["README.md": "# nothing"])
        XCTAssertThrowsError(try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()) { error in
            XCTAssertEqual((error as? MeshLoader.ConfigurationError)?.diagnostics.first?.rule, "config.missing")
        }
    }

    func testSourceThatMatchesNothingIsLocated() throws {
        let mesh = try TemporaryMesh(["mesh.yaml": "title: X\nsources:\n  - path: nowhere/*\n"])
        XCTAssertThrowsError(try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()) { error in
            let d = (error as? MeshLoader.ConfigurationError)?.diagnostics.first
            XCTAssertEqual(d?.rule, "config.source.notFound")
            XCTAssertEqual(d?.location, SourceLocation(file: "mesh.yaml", line: 3, column: 11))
        }
    }
}
