import Foundation
import MeshTestSupport
import XCTest

/// The real binary with git sources: exit statuses, located diagnostics, the cache and --offline.
final class GitSourceCommandLineTests: XCTestCase {
    var git: GitFixture!

    override func setUpWithError() throws {
        git = try GitFixture()
    }

    /// MiniMesh with its two domains in bare repositories; returns the mesh and the sales repository.
    func salesMesh() throws -> (TemporaryMesh, GitFixture.Repository) {
        let folders = try TemporaryMesh(MiniMesh.files)
        let sales = try git.repository("sales"), finance = try git.repository("finance")
        try sales.commitTree(folders.url("domains/sales"))
        try finance.commitTree(folders.url("domains/finance"))
        let mesh = try TemporaryMesh(["mesh.yaml": "title: Mini\nsources:\n  - git: \(sales.url)\n    ref: main\n  - git: \(finance.url)\n"])
        return (mesh, sales)
    }

    func testAMissingRepositoryIsALocatedConfigurationError() throws {
        let missing = "file://" + git.root.appendingPathComponent("nothing.git").path
        let mesh = try TemporaryMesh(["mesh.yaml": "title: Sales\nsources:\n  - path: .\n  - git: \(missing)\n"])
        let run = try MeshportProcess.run(["build", mesh.root.path, "--out", mesh.url("site").path])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("mesh.yaml:4:10: error: cannot fetch \(missing): fatal:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("nothing.git' does not appear to be a git repository"), "git's own message: \(run.stderr)")
        XCTAssertTrue(run.stderr.contains("[config.source.git.fetch]"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: mesh.url("site").path))
    }

    func testWithACachedCopyAFailedFetchIsAWarningAndOfflineIsQuiet() throws {
        let (mesh, sales) = try salesMesh()
        let site = mesh.url("site")
        let first = try MeshportProcess.run(["build", mesh.root.path, "--out", site.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        let cached = mesh.url(".meshport-cache/git")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cached.path).count, 2, "the default cache is in the mesh folder")
        let page = try String(contentsOf: site.appendingPathComponent("products/sales/orders/index.html"), encoding: .utf8)

        try FileManager.default.removeItem(at: sales.bare)
        let stale = try MeshportProcess.run(["build", mesh.root.path, "--out", site.path])
        XCTAssertEqual(stale.status, 0, stale.stderr)
        XCTAssertTrue(stale.stderr.contains("mesh.yaml:3:10: warning: cannot fetch \(sales.url) (ref 'main'): fatal:"), stale.stderr)
        XCTAssertTrue(stale.stderr.contains("building from the cached copy at commit"), stale.stderr)
        XCTAssertTrue(stale.stderr.contains("[config.source.git.stale]"), stale.stderr)
        XCTAssertTrue(stale.stderr.contains("/products/orders/product.odps.yaml:10:5: warning: input port 'crm'"), stale.stderr)
        XCTAssertTrue(stale.stderr.contains("note: in \(sales.url) at commit "), "a file in the cache is named by repository: \(stale.stderr)")
        XCTAssertTrue(stale.stderr.contains(": products/orders/product.odps.yaml\n"), stale.stderr)
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("products/sales/orders/index.html"), encoding: .utf8), page)

        let offline = try MeshportProcess.run(["build", mesh.root.path, "--out", site.path, "--offline"])
        XCTAssertEqual(offline.status, 0, offline.stderr)
        XCTAssertFalse(offline.stderr.contains("config.source.git"), offline.stderr)
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("products/sales/orders/index.html"), encoding: .utf8), page)

        let strict = try MeshportProcess.run(["build", mesh.root.path, "--out", site.path, "--warnings-as-errors"])
        XCTAssertEqual(strict.status, 2, "a stale copy fails a run that treats warnings as errors: \(strict.stderr)")
        XCTAssertTrue(strict.stderr.contains("error: cannot fetch"), strict.stderr)
    }

    func testOfflineWithoutACachedCopyFailsAndTheCacheFolderCanBeChosen() throws {
        let (mesh, _) = try salesMesh()
        let offline = try MeshportProcess.run(["check", mesh.root.path, "--offline"])
        XCTAssertEqual(offline.status, 2, offline.stderr)
        XCTAssertTrue(offline.stderr.contains("--offline: nothing is fetched"), offline.stderr)

        let elsewhere = git.root.appendingPathComponent("ci-cache")
        let run = try MeshportProcess.run(["build", mesh.root.path, "--out", mesh.url("site").path, "--cache", elsewhere.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.appendingPathComponent("git").path).count, 2)
        XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent(".gitignore").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: mesh.url(".meshport-cache").path))
        let check = try MeshportProcess.run(["check", mesh.root.path, "--cache", elsewhere.path, "--offline"])
        XCTAssertEqual(check.status, 0, check.stderr)
    }

    func testTheCacheIsNeverReadAsInput() throws {
        let (mesh, _) = try salesMesh()
        // A folder source over the whole mesh folder and a glob, a cache inside it under a visible
        // name: the fetched copies are read once, as git sources, not again through the folder.
        let yaml = try String(contentsOf: mesh.url("mesh.yaml"), encoding: .utf8) + "  - path: .\n  - path: '*'\n"
        try Data(yaml.utf8).write(to: mesh.url("mesh.yaml"))
        try FileManager.default.createDirectory(at: mesh.url("notes"), withIntermediateDirectories: true)
        try Data("# Notes\n".utf8).write(to: mesh.url("notes/README.md"))
        let run = try MeshportProcess.run(["check", mesh.root.path, "--cache", mesh.url("cache").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stderr.contains("duplicate"), run.stderr)
        XCTAssertTrue(run.stderr.contains("checked 2 products"), run.stderr)
    }
}
