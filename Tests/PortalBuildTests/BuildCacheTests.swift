import Foundation
import MeshTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `build --cache DIR`: an unchanged build touches nothing and says so; any change to the inputs or to
/// the published site by hand makes a real build.
final class BuildCacheTests: XCTestCase {
    /// inode and modification time of every file under `root`.
    func stamps(_ root: URL) -> [String: String] {
        var out: [String: String] = [:]
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let path = walker?.nextObject() as? String {
            var info = stat()
            if lstat(root.appendingPathComponent(path).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                out[path] = "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            }
        }
        return out
    }

    func testAnUnchangedBuildRewritesNothingAndRepeatsItsDiagnostics() throws {
        let scratch = try TemporaryMesh([:])
        let out = scratch.url("site"), cache = scratch.url("cache")
        let arguments = ["build", Repository.sampleMesh.path, "--out", out.path, "--cache", cache.path]
        let first = try MeshportProcess.run(arguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.hasPrefix("built "), first.stdout)
        XCTAssertTrue(first.stderr.contains("warning:"), "SampleMesh has warnings to repeat: \(first.stderr)")
        let before = stamps(out)
        XCTAssertGreaterThan(before.count, 100)

        let second = try MeshportProcess.run(arguments)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("unchanged: nothing rewritten"), second.stdout)
        XCTAssertEqual(second.stderr, first.stderr, "the same diagnostics, in the same words")
        XCTAssertEqual(stamps(out), before, "no file of the site may be rewritten")

        let strict = try MeshportProcess.run(arguments + ["--warnings-as-errors"])
        XCTAssertEqual(strict.status, 1, "cached warnings still count as errors when asked: \(strict.stderr)")
    }

    func testAnEditedInputOrAnEditedSiteMakesARealBuild() throws {
        let mesh = try TemporaryMesh(MiniMesh.files)
        let out = mesh.url("site"), cache = mesh.url(".cache")
        let arguments = ["build", mesh.root.path, "--out", out.path, "--cache", cache.path]
        XCTAssertEqual(try MeshportProcess.run(arguments).status, 0)
        XCTAssertTrue(try MeshportProcess.run(arguments).stdout.contains("nothing rewritten"))

        let usage = mesh.url("domains/sales/products/orders/docs/usage.md")
        try (String(contentsOf: usage, encoding: .utf8) + "\nA sentence added by the test.\n").write(to: usage, atomically: false, encoding: .utf8)
        let edited = try MeshportProcess.run(arguments)
        XCTAssertEqual(edited.status, 0, edited.stderr)
        XCTAssertFalse(edited.stdout.contains("nothing rewritten"), edited.stdout)
        let page = try String(contentsOf: out.appendingPathComponent("products/sales/orders/usage.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("A sentence added by the test."))

        try FileManager.default.removeItem(at: out.appendingPathComponent("products/sales/orders/usage.html"))
        let repaired = try MeshportProcess.run(arguments)
        XCTAssertFalse(repaired.stdout.contains("nothing rewritten"), "a site changed by hand is built again: \(repaired.stdout)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("products/sales/orders/usage.html").path))
    }
}
