import Foundation
import MeshLoad
import MeshModel
import MeshTestSupport
import XCTest
@testable import MeshBundle

/// The bundle file: exact round trips of the loaded model, the header, and what a bad file reports.
final class BundleCodingTests: XCTestCase {
    /// A stand-in for the schema check (MeshCheck's is not a dependency here): one finding per document,
    /// at its `id` or its start, so the bundle carries located findings to move under its source.
    static let schemaCheck = SchemaCheck { node, format in
        [.warning("schema.test", "checked as \(format)", at: node["id"]?.location ?? node.location)]
    }

    /// One SampleMesh repository, bundled on its own and read back under its source, is exactly what a
    /// build of the whole mesh loads from that folder.
    func testBundledRepositoryIsWhatTheMeshLoadsFromItsFolder() throws {
        let repository = Repository.sampleMesh.appendingPathComponent("domains/sales")
        let loaded = try MeshLoader.singleRepository(repository, schemaCheck: Self.schemaCheck).load()
        let bundle = RepositoryBundle(source: "domains/sales", meshportVersion: "test", loaded: loaded)
        let bytes = bundle.encoded()
        XCTAssertEqual(bytes, RepositoryBundle(source: "domains/sales", meshportVersion: "test",
                                               loaded: try MeshLoader.singleRepository(repository, schemaCheck: Self.schemaCheck).load()).encoded(),
                       "the same repository gives the same bytes")
        XCTAssertTrue(Gzip.isCompressed(bytes))

        let read = try RepositoryBundle.decode(bytes, origin: "sales.meshport-bundle")
        XCTAssertEqual(read.root, "domains/sales")
        let mesh = try MeshLoader(meshDirectory: Repository.sampleMesh, schemaCheck: Self.schemaCheck).load().mesh
        func inSales(_ file: String) -> Bool { file.hasPrefix("domains/sales/") }
        XCTAssertEqual(read.repository.products, mesh.products.filter { inSales($0.file) })
        XCTAssertEqual(read.repository.contracts, mesh.contracts.filter { inSales($0.file) })
        XCTAssertEqual(read.repository.entities, mesh.entities.filter { inSales($0.location.file) })
        XCTAssertEqual(read.repository.documents, mesh.documents.filter { inSales($0.file) })
        XCTAssertEqual(read.repository.assets, mesh.assets.filter { inSales($0.file) })
        XCTAssertEqual(read.repository.domainConfig, mesh.domainConfigs.first { $0.root == "domains/sales" })
        XCTAssertFalse(read.repository.products.isEmpty)
        XCTAssertFalse(read.repository.documents.isEmpty)
        XCTAssertEqual(read.repository.products.first?.schemaFindings.first?.location?.file, read.repository.products.first?.file,
                       "schema findings come back under the source, with the model")
        XCTAssertFalse(read.repository.entities.flatMap(\.schemaFindings).isEmpty)
    }

    func testAssetsAndDiagnosticsRoundTrip() throws {
        let repository = LoadedRepository(
            domainConfig: DomainConfig(root: "", file: "meshport.yaml",
                                       rules: [.init(rule: "contract.sla.required", severity: "error", location: SourceLocation(file: "meshport.yaml", line: 3, column: 5))]),
            assets: [AssetFile(file: "products/p/docs/a.png", bytes: [0, 1, 2, 255, 10, 13])],
            diagnostics: [.warning("input.format.foreign", "looks like something else", at: SourceLocation(file: "x.yaml", line: 2, column: 3),
                                   notes: [.init("here", at: SourceLocation(file: "y.yaml"))], suggestion: "z")])
        let bytes = RepositoryBundle(source: "./domains/p/", meshportVersion: "test", repository: repository).encoded()
        let read = try RepositoryBundle.decode(bytes, origin: "p.meshport-bundle")
        XCTAssertEqual(read.root, "domains/p", "the source is kept normalised")
        XCTAssertEqual(read.repository.assets, [AssetFile(file: "domains/p/products/p/docs/a.png", bytes: [0, 1, 2, 255, 10, 13])])
        XCTAssertEqual(read.repository.domainConfig?.root, "domains/p")
        XCTAssertEqual(read.repository.domainConfig?.file, "domains/p/meshport.yaml")
        XCTAssertEqual(read.repository.domainConfig?.rules.first?.location.file, "domains/p/meshport.yaml")
        XCTAssertEqual(read.repository.diagnostics.first?.location?.file, "domains/p/x.yaml")
        XCTAssertEqual(read.repository.diagnostics.first?.notes.first?.location?.file, "domains/p/y.yaml")
        XCTAssertEqual(read.repository.diagnostics.first?.suggestion, "z")
    }

    func testBundleOfAnotherFormatVersionSaysWhichAndWhatToDo() throws {
        let header = #"{"format":"meshport-bundle","formatVersion":99,"meshportVersion":"9.0.0","source":"domains/a"}"#
        let bytes = Gzip.compress(Array((header + "\n{\"shape\":\"unknown\"}").utf8))
        XCTAssertThrowsError(try RepositoryBundle.decode(bytes, origin: "bundles/a.meshport-bundle")) { error in
            let diagnostic = (error as! BundleError).diagnostic
            XCTAssertEqual(diagnostic.rule, "config.bundle.version")
            XCTAssertEqual(diagnostic.message, "bundles/a.meshport-bundle is in bundle format 99, written by meshport 9.0.0; "
                + "this meshport reads format \(RepositoryBundle.formatVersion) only: make the bundle again with the meshport "
                + "version that assembles the portal")
        }
    }

    func testFilesThatAreNotBundlesAreRefusedByName() throws {
        let good = RepositoryBundle(source: "a", meshportVersion: "test", repository: LoadedRepository()).encoded()
        let cases: [(String, [UInt8], String)] = [
            ("text", Array("hello".utf8), "x.meshport-bundle is not a meshport bundle (make one with 'meshport bundle')"),
            ("cut short", Array(good.prefix(good.count / 2)), "x.meshport-bundle cannot be unpacked: its compressed data is damaged or cut short"),
            ("other JSON", Array(#"{"format":"something-else","formatVersion":1,"meshportVersion":"1","source":"a"}"#.utf8),
             "x.meshport-bundle is not a meshport bundle (make one with 'meshport bundle')"),
        ]
        for (name, bytes, message) in cases {
            XCTAssertThrowsError(try RepositoryBundle.decode(bytes, origin: "x.meshport-bundle"), name) { error in
                XCTAssertEqual((error as! BundleError).diagnostic.rule, "config.bundle.invalid", name)
                XCTAssertEqual((error as! BundleError).message, message, name)
            }
        }
        let damaged = Array(#"{"format":"meshport-bundle","formatVersion":\#(RepositoryBundle.formatVersion),"meshportVersion":"1","source":"a"}"#.utf8)
            + Array("\n{\"products\": 3}".utf8)
        XCTAssertThrowsError(try RepositoryBundle.decode(damaged, origin: "x.meshport-bundle")) { error in
            XCTAssertTrue((error as! BundleError).message.hasPrefix("x.meshport-bundle is damaged: its content does not match bundle format \(RepositoryBundle.formatVersion)"),
                          (error as! BundleError).message)
        }
    }

    func testDecompressionStopsAtTheLimit() throws {
        let big = Gzip.compress([UInt8](repeating: 0x20, count: 5 << 20))
        XCTAssertLessThan(big.count, 64 << 10)
        XCTAssertThrowsError(try Gzip.decompress(big, limit: 2 << 20)) { error in
            XCTAssertEqual((error as! Gzip.Failure).reason, "it unpacks to more than 2 MiB")
        }
        XCTAssertEqual(try Gzip.decompress(big, limit: 8 << 20).count, 5 << 20)
    }
}
