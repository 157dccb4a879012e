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

    func testAnEditedDocRendersOnlyWhatItFeedsAndTheSiteEqualsAFullBuild() throws {
        let mesh = try TemporaryMesh(MiniMesh.files)
        let out = mesh.url("site"), cache = mesh.url(".cache"), full = mesh.url("full")
        let arguments = ["build", mesh.root.path, "--out", out.path, "--cache", cache.path]
        let first = try MeshportProcess.run(arguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertFalse(first.stdout.contains("reused"), "nothing to reuse the first time: \(first.stdout)")
        let before = stamps(out)

        let usage = mesh.url("domains/sales/products/orders/docs/usage.md")
        try (String(contentsOf: usage, encoding: .utf8) + "\nA sentence added by the test.\n").write(to: usage, atomically: false, encoding: .utf8)
        let edited = try MeshportProcess.run(arguments)
        XCTAssertEqual(edited.status, 0, edited.stderr)
        let counts = try XCTUnwrap(edited.stdout.firstMatch(of: /\((\d+) rendered, (\d+) reused;/), edited.stdout)
        let rendered = Int(counts.1)!, reused = Int(counts.2)!
        XCTAssertEqual(rendered + reused, before.count)
        XCTAssertLessThan(rendered, reused, "only the doc's page and what lists or indexes it: \(edited.stdout)")
        // Carried-over files keep their inode and time; the site equals a build from scratch, byte for byte.
        let after = stamps(out)
        XCTAssertEqual(after["products/sales/orders/index.html"], before["products/sales/orders/index.html"])
        XCTAssertNotEqual(after["products/sales/orders/usage.html"], before["products/sales/orders/usage.html"])
        // Rendered: the doc's page and the search index, which holds the docs' text. Not api/mesh.json,
        // which lists docs by title and source only (an unchanged file keeps its stamp even when rendered,
        // so the count tells).
        let searchFiles = after.keys.filter { $0.hasPrefix("search/") && !$0.hasSuffix(".html") }.count
        XCTAssertEqual(rendered, searchFiles + 1, edited.stdout)
        XCTAssertEqual(try MeshportProcess.run(["build", mesh.root.path, "--out", full.path]).status, 0)
        XCTAssertEqual(Set(after.keys), Set(stamps(full).keys))
        for path in after.keys {
            XCTAssertEqual(FileManager.default.contents(atPath: out.appendingPathComponent(path).path),
                           FileManager.default.contents(atPath: full.appendingPathComponent(path).path), path)
        }

        // A site changed by hand is not vouched for: everything is rendered again.
        try Data("x".utf8).write(to: out.appendingPathComponent("products/sales/orders/index.html"))
        try (String(contentsOf: usage, encoding: .utf8) + "\nAnother sentence.\n").write(to: usage, atomically: false, encoding: .utf8)
        let repaired = try MeshportProcess.run(arguments)
        XCTAssertEqual(repaired.status, 0, repaired.stderr)
        XCTAssertFalse(repaired.stdout.contains("reused"), repaired.stdout)
        XCTAssertNotEqual(try String(contentsOf: out.appendingPathComponent("products/sales/orders/index.html"), encoding: .utf8), "x")
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
