import Foundation
import MeshCheck
import MeshLoad
import MeshModel
import MeshTestSupport
import XCTest
@testable import PortalBuild

/// After every kind of edit, the mesh kept file by file must equal a full load of the same folder.
final class IncrementalLoadTests: XCTestCase {
    func write(_ mesh: TemporaryMesh, _ path: String, _ text: String) throws {
        let url = mesh.url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func assertSameAsFullLoad(_ incremental: inout IncrementalLoad, _ mesh: TemporaryMesh, _ step: String,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let full = try MeshLoader(meshDirectory: mesh.root, schemaCheck: .officialSchemas).load()
        let (kept, schema) = incremental.assembled()
        XCTAssertEqual(kept.mesh.config, full.mesh.config, step, file: file, line: line)
        XCTAssertEqual(kept.mesh.sourceRoots, full.mesh.sourceRoots, step, file: file, line: line)
        XCTAssertEqual(kept.mesh.products, full.mesh.products, step, file: file, line: line)
        XCTAssertEqual(kept.mesh.contracts, full.mesh.contracts, step, file: file, line: line)
        XCTAssertEqual(kept.mesh.entities, full.mesh.entities, step, file: file, line: line)
        XCTAssertEqual(kept.mesh.documents, full.mesh.documents, step, file: file, line: line)
        XCTAssertEqual(kept.mesh.assets, full.mesh.assets, step, file: file, line: line)
        XCTAssertEqual(kept.mesh.domainConfigs, full.mesh.domainConfigs, step, file: file, line: line)
        XCTAssertEqual(kept.diagnostics, full.diagnostics, step, file: file, line: line)
        XCTAssertEqual(schema, MeshValidator.schemaDiagnostics(full.mesh), step, file: file, line: line)
    }

    func testEveryKindOfEditGivesWhatAFullLoadGives() throws {
        let mesh = try TemporaryMesh(MiniMesh.files)
        var load = try IncrementalLoad(loader: MeshLoader(meshDirectory: mesh.root, schemaCheck: .officialSchemas))
        try assertSameAsFullLoad(&load, mesh, "start")
        let orders = "domains/sales/products/orders"

        try write(mesh, "\(orders)/docs/usage.md", "# Using orders\n\n## Querying\n\nNew text.\n")
        var change = try load.update(["\(orders)/docs/usage.md"])
        XCTAssertEqual(change.read, ["\(orders)/docs/usage.md"])
        XCTAssertEqual(change.added + change.removed, [])
        try assertSameAsFullLoad(&load, mesh, "doc edited")

        let manifest = MiniMesh.files["\(orders)/product.odps.yaml"]!
        try write(mesh, "\(orders)/product.odps.yaml", manifest.replacingOccurrences(of: "status: active", with: "status: deprecated"))
        change = try load.update(["\(orders)/product.odps.yaml"])
        XCTAssertEqual(change.read, ["\(orders)/product.odps.yaml"])
        try assertSameAsFullLoad(&load, mesh, "manifest edited")

        try write(mesh, "\(orders)/product.odps.yaml", "kind: DataProduct\nname: [broken\n")
        _ = try load.update(["\(orders)/product.odps.yaml"])
        try assertSameAsFullLoad(&load, mesh, "manifest broken")
        XCTAssertTrue(load.assembled().result.diagnostics.hasErrors)

        try write(mesh, "\(orders)/product.odps.yaml", manifest)
        _ = try load.update(["\(orders)/product.odps.yaml"])
        try assertSameAsFullLoad(&load, mesh, "manifest mended")

        // A new product folder, created file by file, then announced as a folder.
        try write(mesh, "domains/sales/products/returns/product.odps.yaml",
                  manifest.replacingOccurrences(of: "p-orders", with: "p-returns").replacingOccurrences(of: "name: Orders", with: "name: Returns")
                      .replacingOccurrences(of: "c-orders", with: "c-returns"))
        try write(mesh, "domains/sales/products/returns/docs/README.md", "# Returns\n")
        change = try load.update(["domains/sales/products/returns"])
        XCTAssertEqual(change.added, ["domains/sales/products/returns/docs/README.md", "domains/sales/products/returns/product.odps.yaml"])
        try assertSameAsFullLoad(&load, mesh, "product added")

        // A doc removed, a folder renamed.
        try FileManager.default.removeItem(at: mesh.url("\(orders)/docs/usage.md"))
        change = try load.update(["\(orders)/docs/usage.md"])
        XCTAssertEqual(change.removed, ["\(orders)/docs/usage.md"])
        try assertSameAsFullLoad(&load, mesh, "doc removed")
        try FileManager.default.moveItem(at: mesh.url("domains/sales/products/returns"), to: mesh.url("domains/sales/products/refunds"))
        _ = try load.update(["domains/sales/products/returns", "domains/sales/products/refunds"])
        try assertSameAsFullLoad(&load, mesh, "folder renamed")

        // Hidden files and editors' swap files are not inputs.
        try write(mesh, "\(orders)/.product.odps.yaml.swp", "junk")
        change = try load.update(["\(orders)/.product.odps.yaml.swp"])
        XCTAssertTrue(change.isEmpty)

        // A repository configuration appears, then mesh.yaml changes.
        try write(mesh, "domains/finance/meshport.yaml", "governance:\n  rules:\n    contract.sla.required: error\n")
        change = try load.update(["domains/finance/meshport.yaml"])
        XCTAssertEqual(change.read, ["domains/finance/meshport.yaml"])
        try assertSameAsFullLoad(&load, mesh, "meshport.yaml added")
        try write(mesh, "mesh.yaml", MiniMesh.files["mesh.yaml"]!.replacingOccurrences(of: "Mini Mesh", with: "Midi Mesh"))
        change = try load.update(["mesh.yaml"])
        XCTAssertTrue(change.reloaded)
        try assertSameAsFullLoad(&load, mesh, "mesh.yaml edited")

        // A new repository that the sources glob now matches.
        try write(mesh, "domains/hr/products/people/product.odps.yaml",
                  manifest.replacingOccurrences(of: "p-orders", with: "p-people").replacingOccurrences(of: "domain: sales", with: "domain: hr")
                      .replacingOccurrences(of: "c-orders", with: "c-people"))
        change = try load.update(["domains/hr"])
        XCTAssertTrue(change.reloaded)
        try assertSameAsFullLoad(&load, mesh, "repository added")
    }

    func testASymbolicLinkOutOfTheRepositoryIsReportedAsInAFullLoad() throws {
        let mesh = try TemporaryMesh(MiniMesh.files)
        var load = try IncrementalLoad(loader: MeshLoader(meshDirectory: mesh.root, schemaCheck: .officialSchemas))
        let link = "domains/sales/products/orders/docs/shared"
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("meshport-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("# Not ours\n".utf8).write(to: outside.appendingPathComponent("notes.md"))
        let isReported = { (load: inout IncrementalLoad) in
            load.assembled().result.diagnostics.contains { $0.rule == "input.symlink.outside" && $0.location?.file == link }
        }

        try FileManager.default.createSymbolicLink(at: mesh.url(link), withDestinationURL: outside)
        _ = try load.update([link])
        try assertSameAsFullLoad(&load, mesh, "a link out of the repository")
        XCTAssertTrue(isReported(&load))

        try FileManager.default.removeItem(at: mesh.url(link))
        _ = try load.update([link])
        try assertSameAsFullLoad(&load, mesh, "the link removed")
        XCTAssertFalse(isReported(&load))

        // Judged against the whole repository, not the folder that holds it.
        try FileManager.default.createSymbolicLink(at: mesh.url(link), withDestinationURL: mesh.url("domains/sales/products/orders/contracts"))
        _ = try load.update([link])
        try assertSameAsFullLoad(&load, mesh, "a link inside the repository")
        XCTAssertFalse(isReported(&load))
    }

    func testAFileTouchedWithoutChangeKeepsItsDigest() throws {
        let mesh = try TemporaryMesh(MiniMesh.files)
        var load = try IncrementalLoad(loader: MeshLoader(meshDirectory: mesh.root, schemaCheck: .officialSchemas))
        let path = "domains/sales/products/orders/docs/usage.md"
        let before = try XCTUnwrap(load.digests[path])
        _ = try load.update([path])
        XCTAssertEqual(load.digests[path], before)
        try write(mesh, path, "# Changed\n")
        _ = try load.update([path])
        XCTAssertNotEqual(load.digests[path], before)
    }

    func testSourceOrderIsDepthFirstByteOrder() {
        XCTAssertTrue(SourceOrder.precedes("a/B", "a/a"), "upper case sorts first, as bytes do")
        XCTAssertTrue(SourceOrder.precedes("a/b", "a/b/c"))
        XCTAssertTrue(SourceOrder.precedes("a/b/z", "a/c"))
        XCTAssertFalse(SourceOrder.precedes("a/c", "a/b/z"))
    }
}
