import Foundation
import MeshBundle
import MeshLoad
import MeshModel
import MeshTestSupport
import PortalBuild
import PortalRender
import XCTest

/// `build --bundles`: a portal assembled from per-repository bundles is the portal built from the
/// repositories themselves, byte for byte; bundles that cannot take their place stop the run.
final class BundleAssemblyTests: XCTestCase {
    static let domains = ["customer", "finance", "logistics", "marketing", "sales"]

    /// A folder with SampleMesh's mesh.yaml, the named domain folders copied, and bundles of the others.
    func assembly(onDisk: [String], bundled: [String]) throws -> TemporaryMesh {
        let mesh = try TemporaryMesh(["mesh.yaml": try String(contentsOf: Repository.sampleMesh.appendingPathComponent("mesh.yaml"), encoding: .utf8)])
        let fm = FileManager.default
        try fm.createDirectory(at: mesh.url("domains"), withIntermediateDirectories: true)
        try fm.createDirectory(at: mesh.url("bundles/nested"), withIntermediateDirectories: true)
        for domain in onDisk {
            try fm.copyItem(at: Repository.sampleMesh.appendingPathComponent("domains/\(domain)"), to: mesh.url("domains/\(domain)"))
        }
        for (i, domain) in bundled.enumerated() {
            let (outcome, bundle) = try MeshBuilder.bundle(Repository.sampleMesh.appendingPathComponent("domains/\(domain)"),
                                                           source: "domains/\(domain)", meshportVersion: "test")
            XCTAssertFalse(outcome.diagnostics.hasErrors, domain)
            // Artifact downloads put bundles in folders of their own: they are found below the folder too.
            let file = mesh.url(i.isMultiple(of: 2) ? "bundles/\(domain).meshport-bundle" : "bundles/nested/\(domain).meshport-bundle")
            try Data(try XCTUnwrap(bundle).encoded()).write(to: file)
        }
        return mesh
    }

    func build(_ mesh: TemporaryMesh) throws -> MeshBuilder.Outcome {
        try MeshBuilder(meshDirectory: mesh.root, defaultTheme: Repository.defaultTheme, bundleDirectory: mesh.url("bundles")).build()
    }

    func assertSameSite(_ assembled: MeshBuilder.Outcome, _ direct: MeshBuilder.Outcome, file: StaticString = #filePath, line: UInt = #line) throws {
        let a = try XCTUnwrap(assembled.site, "the assembled build renders", file: file, line: line)
        let d = try XCTUnwrap(direct.site, file: file, line: line)
        XCTAssertGreaterThan(d.files.count, 150, file: file, line: line)
        XCTAssertEqual(a.paths, d.paths, "the same files", file: file, line: line)
        for path in d.paths where a.files[path] != d.files[path] {
            XCTFail("\(path) differs: \(GoldenSiteTests.firstDifference(d.files[path]!, a.files[path] ?? []))", file: file, line: line)
        }
        XCTAssertEqual(assembled.diagnostics, direct.diagnostics, "the same diagnostics, at the same places", file: file, line: line)
    }

    /// The build stops before anything is read with exactly one diagnostic: `rule`, saying `message`.
    func assertConfigurationError(_ mesh: TemporaryMesh, _ rule: String, _ message: String, line: UInt = #line) {
        XCTAssertThrowsError(try build(mesh), line: line) { error in
            let diagnostics = (error as? MeshLoader.ConfigurationError)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.map(\.rule), [rule], line: line)
            XCTAssertEqual(diagnostics.first?.message, message, line: line)
        }
    }

    func testPortalFromBundlesOfEveryRepositoryIsByteIdenticalToADirectBuild() throws {
        let direct = try SiteFixture.build(Repository.sampleMesh)
        try assertSameSite(try build(try assembly(onDisk: [], bundled: Self.domains)), direct)
    }

    func testPortalFromBundlesMixedWithFoldersIsByteIdenticalToADirectBuild() throws {
        let direct = try SiteFixture.build(Repository.sampleMesh)
        try assertSameSite(try build(try assembly(onDisk: ["customer", "logistics"], bundled: ["finance", "marketing", "sales"])), direct)
    }

    func testARepositoryBothOnDiskAndBundledIsAConfigurationError() throws {
        let mesh = try assembly(onDisk: ["customer", "finance", "logistics", "marketing", "sales"], bundled: ["sales"])
        assertConfigurationError(mesh, "config.bundle.conflict",
                                 "'domains/sales' is both a folder of the mesh and the bundle bundles/sales.meshport-bundle; remove the folder or the bundle")
    }

    func testTwoBundlesOfOneRepositoryAreAConfigurationError() throws {
        let mesh = try assembly(onDisk: ["customer", "finance", "logistics", "marketing"], bundled: ["sales"])
        try FileManager.default.copyItem(at: mesh.url("bundles/sales.meshport-bundle"), to: mesh.url("bundles/sales-again.meshport-bundle"))
        assertConfigurationError(mesh, "config.bundle.conflict",
                                 "bundles/sales.meshport-bundle and bundles/sales-again.meshport-bundle are both bundles of 'domains/sales'; keep one")
    }

    func testABundleNoSourceNamesIsAConfigurationError() throws {
        let mesh = try assembly(onDisk: Self.domains, bundled: [])
        let (_, bundle) = try MeshBuilder.bundle(Repository.sampleMesh.appendingPathComponent("domains/sales"), source: nil, meshportVersion: "test")
        XCTAssertEqual(bundle?.header.source, "sales", "the default source is the repository folder's name")
        try Data(try XCTUnwrap(bundle).encoded()).write(to: mesh.url("bundles/sales.meshport-bundle"))
        assertConfigurationError(mesh, "config.bundle.source",
                                 "bundles/sales.meshport-bundle is a bundle of 'sales', which no source in mesh.yaml "
                                     + "names (bundle it with --source set to a path mesh.yaml's sources match)")
    }

    func testASourceMatchedOnlyByABundleIsFound() throws {
        // `domains/*` matches no folder at all here; the bundle alone satisfies it.
        let mesh = try assembly(onDisk: [], bundled: ["sales"])
        let outcome = try build(mesh)
        XCTAssertEqual(outcome.mesh?.products.map(\.manifest.file).allSatisfy { $0.hasPrefix("domains/sales/") }, true)
        XCTAssertEqual(outcome.mesh?.products.count, 4)
    }
}
