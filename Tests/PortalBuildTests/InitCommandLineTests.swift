import Foundation
import MeshTestSupport
import XCTest

/// `meshport init`: what it writes passes `meshport check` as it is, and it never replaces a file.
final class InitCommandLineTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("meshport-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testAProductInAFreshRepositoryPassesCheck() throws {
        let made = try MeshportProcess.run(["init", "product", "--path", folder.path, "--name", "Order Events: EU & \"UK\"",
                                            "--domain", "Sales", "--owner", "Commerce Platform"])
        XCTAssertEqual(made.status, 0, made.stderr)
        for file in ["product.odps.yaml", "contracts/order_events_eu_uk.odcs.yaml", "docs/README.md"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("products/order-events-eu-uk/" + file).path), file)
        }
        let check = try MeshportProcess.run(["check", folder.path])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stderr.contains("checked 1 product: 0 errors, 0 warnings"), check.stderr)
    }

    func testADomainThenAProductTakeTheDomainAndOwnerFromTheCatalog() throws {
        XCTAssertEqual(try MeshportProcess.run(["init", "domain", "--path", folder.path, "--name", "Sales", "--owner", "Commerce Platform"]).status, 0)
        let made = try MeshportProcess.run(["init", "product", "--path", folder.path, "--name", "Returns"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let manifest = try String(contentsOf: folder.appendingPathComponent("products/returns/product.odps.yaml"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("domain: \"sales\"") && manifest.contains("name: \"commerce-platform\""), manifest)
        let check = try MeshportProcess.run(["check", folder.path])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertEqual(check.stderr, "checked 1 product: 0 errors, 0 warnings\n", "no notes either: domain and team are declared")
    }

    func testItNeverReplacesAFileAndNeedsFlagsWithoutATerminal() throws {
        let arguments = ["init", "product", "--path", folder.path, "--name", "Orders", "--domain", "sales", "--owner", "sales-team"]
        XCTAssertEqual(try MeshportProcess.run(arguments).status, 0)
        let readme = folder.appendingPathComponent("products/orders/docs/README.md")
        try Data("# Mine\n".utf8).write(to: readme)
        let again = try MeshportProcess.run(arguments)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("products/orders/docs/README.md exists; init never replaces a file"), again.stderr)
        XCTAssertEqual(try String(contentsOf: readme, encoding: .utf8), "# Mine\n")

        let unasked = try MeshportProcess.run(["init", "product", "--path", folder.path, "--domain", "sales", "--owner", "x"])
        XCTAssertEqual(unasked.status, 2)
        XCTAssertTrue(unasked.stderr.contains("--name is needed"), unasked.stderr)
    }

    func testAProductAddedToSampleMeshLinksIntoIt() throws {
        let mesh = folder.appendingPathComponent("mesh")
        try FileManager.default.copyItem(at: Repository.sampleMesh, to: mesh)
        let made = try MeshportProcess.run(["init", "product", "--path", mesh.appendingPathComponent("domains/sales").path, "--name", "Order Audit"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let check = try MeshportProcess.run(["check", mesh.path])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stderr.contains("checked 20 products: 0 errors"), check.stderr)
        let own = check.stderr.split(separator: "\n").filter { $0.hasPrefix("domains/sales/products/order-audit/") }
        XCTAssertEqual(own.filter { $0.contains(": error:") }, [], check.stderr)
    }
}
