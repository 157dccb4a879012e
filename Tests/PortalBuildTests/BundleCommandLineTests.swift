import Foundation
import MeshTestSupport
import XCTest

/// `meshport bundle` and `meshport build --bundles` through the real executable.
final class BundleCommandLineTests: XCTestCase {
    func meshport(_ arguments: [String]) throws -> MeshportProcess.Run {
        try MeshportProcess.run(arguments)
    }

    func files(_ root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let path = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[path] = try Data(contentsOf: url)
            }
        }
        return out
    }

    /// What a domain team's CI does, then the portal's assembly job: the site equals a direct build's.
    func testBundleEveryRepositoryThenAssembleGivesTheDirectBuildsSite() throws {
        let scratch = try TemporaryMesh(["portal/mesh.yaml": try String(contentsOf: Repository.sampleMesh.appendingPathComponent("mesh.yaml"), encoding: .utf8)])
        for domain in BundleAssemblyTests.domains {
            let out = scratch.url("bundles/\(domain).meshport-bundle")
            let run = try meshport(["bundle", Repository.sampleMesh.appendingPathComponent("domains/\(domain)").path,
                                    "--source", "domains/\(domain)", "--out", out.path])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stderr.contains("bundled "), run.stderr)
            let again = scratch.url("again.meshport-bundle")
            XCTAssertEqual(try meshport(["bundle", Repository.sampleMesh.appendingPathComponent("domains/\(domain)").path,
                                         "--source", "domains/\(domain)", "--out", again.path]).status, 0)
            XCTAssertEqual(try Data(contentsOf: again), try Data(contentsOf: out), "\(domain): the same repository gives the same bundle")
            try FileManager.default.removeItem(at: again)
        }
        let assembled = try meshport(["build", scratch.url("portal").path, "--bundles", scratch.url("bundles").path, "--out", scratch.url("assembled").path])
        XCTAssertEqual(assembled.status, 0, assembled.stderr)
        let direct = try meshport(["build", Repository.sampleMesh.path, "--out", scratch.url("direct").path])
        XCTAssertEqual(direct.status, 0, direct.stderr)
        let a = try files(scratch.url("assembled")), d = try files(scratch.url("direct"))
        XCTAssertGreaterThan(d.count, 150)
        XCTAssertEqual(a.keys.sorted(), d.keys.sorted())
        for (path, data) in d where a[path] != data { XCTFail("\(path) differs between the assembled and the direct build") }
    }

    func testInvalidRepositoryIsReportedWhereItIsAndWritesNoBundle() throws {
        var files: [String: String] = [:]
        for (path, text) in MiniMesh.files where path.hasPrefix("domains/sales/") { files[String(path.dropFirst("domains/sales/".count))] = text }
        files["products/orders/docs/usage.md"] = "# Usage\n\nSee [the guide](guide.md).\n"
        files["products/payments/contracts/broken.odcs.yaml"] = "apiVersion: v3.0.2\nkind: DataContract\nid: broken\nschema: [\n"
        let repository = try TemporaryMesh(files)
        let out = repository.url("sales.meshport-bundle")
        let run = try meshport(["bundle", repository.root.path, "--out", out.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("products/orders/docs/usage.md:3:5: error: "), run.stderr)
        XCTAssertTrue(run.stderr.contains("[link.doc.broken]"), run.stderr)
        XCTAssertTrue(run.stderr.contains("products/payments/contracts/broken.odcs.yaml:5:1: error: invalid YAML"), run.stderr)
        XCTAssertTrue(run.stderr.contains("; no bundle written"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "no bundle for a repository with errors")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: repository.root.path).filter { $0.hasPrefix(".") }, [],
                       "no staging file left behind")

        let github = try meshport(["bundle", repository.root.path, "--out", out.path, "--format", "github"])
        XCTAssertEqual(github.status, 1)
        XCTAssertTrue(github.stdout.contains("::error file=products/orders/docs/usage.md,line=3,col=5"), github.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testWarningsAsErrorsWritesNoBundle() throws {
        var files: [String: String] = [:]
        for (path, text) in MiniMesh.files where path.hasPrefix("domains/sales/") { files[String(path.dropFirst("domains/sales/".count))] = text }
        files["products/orders/product.odps.yaml"] = files["products/orders/product.odps.yaml"]!
            .replacingOccurrences(of: "description:\n  purpose: Every order.\n", with: "")
        let repository = try TemporaryMesh(files)
        let out = repository.url("sales.meshport-bundle")
        let lenient = try meshport(["bundle", repository.root.path, "--out", out.path])
        XCTAssertEqual(lenient.status, 0, lenient.stderr)
        XCTAssertTrue(lenient.stderr.contains("warning: data product 'Orders' has no 'description.purpose'"), lenient.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.path))
        try FileManager.default.removeItem(at: out)
        let strict = try meshport(["bundle", repository.root.path, "--out", out.path, "--warnings-as-errors"])
        XCTAssertEqual(strict.status, 1, strict.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testBundlingAMeshFolderIsAUsageError() throws {
        let mesh = try TemporaryMesh(MiniMesh.files)
        let run = try meshport(["bundle", mesh.root.path, "--out", mesh.url("x.meshport-bundle").path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("is a mesh folder (it has mesh.yaml); bundle each of its domain repositories instead"), run.stderr)
    }

    func testAssemblyRefusesABundleOfAnotherFormat() throws {
        let mesh = try TemporaryMesh(MiniMesh.files.filter { !$0.key.hasPrefix("domains/sales/") }
            .merging(["bundles/sales.meshport-bundle": #"{"format":"meshport-bundle","formatVersion":999,"meshportVersion":"9.9.9","source":"domains/sales"}"# + "\n{}"]) { a, _ in a })
        let run = try meshport(["build", mesh.root.path, "--bundles", mesh.url("bundles").path, "--out", mesh.url("site").path])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("is in bundle format 999, written by meshport 9.9.9; this meshport reads format 2 only"), run.stderr)
        XCTAssertTrue(run.stderr.contains("[config.bundle.version]"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: mesh.url("site").path))
    }
}
