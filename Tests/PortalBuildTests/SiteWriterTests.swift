import Foundation
import MeshTestSupport
import PortalBuild
import PortalRender
import XCTest

/// The Write stage on its own: unchanged files keep their inode and modification time, changed
/// ones are new files, leftovers of killed builds are cleared, and the output stays whole.
final class SiteWriterTests: XCTestCase {
    func site(_ files: [String: String]) -> RenderedSite {
        RenderedSite(files: files.mapValues { Array($0.utf8) })
    }

    /// Files written, files kept, and 1 when nothing was touched.
    func counts(_ publication: SiteWriter.Publication) -> [Int] {
        [publication.written, publication.kept, publication.unchanged ? 1 : 0]
    }

    let first = ["index.html": "home", "api/mesh.json": "{}", "products/a/index.html": "a", "products/b/index.html": "b"]

    /// Inode and modification time (to the nanosecond) of every entry below `root`, and of `root`.
    func identities(_ root: URL) -> [String: String] {
        var out: [String: String] = [:]
        var paths = [""]
        if let walker = FileManager.default.enumerator(atPath: root.path) {
            while let path = walker.nextObject() as? String { paths.append(path) }
        }
        for path in paths {
            var info = stat()
            XCTAssertEqual(lstat(root.appendingPathComponent(path).path, &info), 0)
            out[path] = "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return out
    }

    func testUnchangedRebuildTouchesNothing() throws {
        let scratch = try TemporaryMesh([:])
        let writer = SiteWriter(output: scratch.url("site"))
        XCTAssertEqual(counts(try writer.write(site(first))), [4, 0, 0])
        let before = identities(scratch.url("site"))
        usleep(20_000)
        XCTAssertEqual(counts(try writer.write(site(first))), [0, 4, 1])
        XCTAssertEqual(identities(scratch.url("site")), before, "no file or folder may be rewritten")
    }

    func testOnlyChangedFilesAreWritten() throws {
        let scratch = try TemporaryMesh([:])
        let out = scratch.url("site")
        let writer = SiteWriter(output: out)
        try writer.write(site(first))
        let before = identities(out)
        usleep(20_000)
        var second = first
        second["products/a/index.html"] = "a, changed"
        second["products/b/index.html"] = nil
        second["products/c/index.html"] = "c"
        XCTAssertEqual(counts(try writer.write(site(second))), [2, 2, 0])
        let after = identities(out)
        for path in ["index.html", "api/mesh.json"] { XCTAssertEqual(after[path], before[path], "\(path) is unchanged") }
        XCTAssertNotEqual(after["products/a/index.html"], before["products/a/index.html"])
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("products/a/index.html"), encoding: .utf8), "a, changed")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("products/b").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path), ["site"], "no staging folder is left")
    }

    func file(_ path: String, _ text: String) -> SiteFile { SiteFile(path: path, bytes: Array(text.utf8)) }

    func stagingFolders(_ scratch: TemporaryMesh) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.root.path).filter { $0.contains("meshport-staging") }
    }

    /// Files come in batches as they are rendered: nothing is staged while they all equal the previous
    /// site's, and the unchanged ones taken in before the first change are still hard-linked.
    func testStreamedFilesAreStagedFromTheFirstChangeAndKeepTheUnchangedOnes() throws {
        let scratch = try TemporaryMesh([:])
        let out = scratch.url("site")
        try SiteWriter(output: out).write(site(first))
        let before = identities(out)
        var staged = SiteWriter(output: out).begin()
        try staged.add([file("index.html", "home"), file("api/mesh.json", "{}")])
        XCTAssertEqual(try stagingFolders(scratch), [], "nothing differs yet: nothing is staged")
        try staged.add([file("products/a/index.html", "a, changed")])
        XCTAssertEqual(try stagingFolders(scratch).count, 1)
        try staged.add([file("products/b/index.html", "b")])
        XCTAssertEqual(staged.fileCount, 4)
        XCTAssertEqual(counts(try staged.finish()), [1, 3, 0])
        let after = identities(out)
        for path in ["index.html", "api/mesh.json", "products/b/index.html"] { XCTAssertEqual(after[path], before[path], path) }
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("products/a/index.html"), encoding: .utf8), "a, changed")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path), ["site"])
    }

    /// A second file for a path fails the write; the previous site's file of that name (hard-linked
    /// into the staging folder) is never written through, and the staging folder goes.
    func testASecondFileForOnePathFailsAndLeavesThePreviousSiteWhole() throws {
        let scratch = try TemporaryMesh([:])
        let out = scratch.url("site")
        try SiteWriter(output: out).write(site(first))
        var staged = SiteWriter(output: out).begin()
        try staged.add([file("products/a/index.html", "a, changed"), file("index.html", "home")])
        XCTAssertThrowsError(try staged.add([file("index.html", "home, again")])) { error in
            XCTAssertTrue("\(error)".contains("two files for one path (index.html)"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8), "home")
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("products/a/index.html"), encoding: .utf8), "a")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path), ["site"])
    }

    func testAFileAddedToTheOutputIsRemovedByTheNextBuild() throws {
        let scratch = try TemporaryMesh([:])
        let out = scratch.url("site")
        try SiteWriter(output: out).write(site(first))
        try Data("stray".utf8).write(to: out.appendingPathComponent("products/stray.html"))
        XCTAssertEqual(try SiteWriter(output: out).write(site(first)).unchanged, false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("products/stray.html").path))
    }

    func testLeftoversOfKilledBuildsAreRemoved() throws {
        let scratch = try TemporaryMesh([:])
        // A process number no process has: the build that made these folders is gone.
        var dead: Int32 = 4_000_000
        while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
        for name in [".site.meshport-staging-\(dead)", ".site.meshport-old-\(dead)"] {
            try FileManager.default.createDirectory(at: scratch.url(name + "/products"), withIntermediateDirectories: true)
        }
        // A staging folder of a build still running (this process's parent) is left alone.
        let alive = ".site.meshport-staging-\(getppid())"
        try FileManager.default.createDirectory(at: scratch.url(alive), withIntermediateDirectories: true)
        try SiteWriter(output: scratch.url("site")).write(site(first))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path).sorted(), [alive, "site"])
        // Also when the site did not change and nothing else is written.
        try FileManager.default.createDirectory(at: scratch.url(".site.meshport-staging-\(dead)"), withIntermediateDirectories: true)
        XCTAssertTrue(try SiteWriter(output: scratch.url("site")).write(site(first)).unchanged)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path).sorted(), [alive, "site"])
    }

    func testAnOutputThatIsALinkIsPublishedWhereItPoints() throws {
        let scratch = try TemporaryMesh([:])
        try FileManager.default.createDirectory(at: scratch.url("releases/current"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.url("site").path, withDestinationPath: "releases/current")
        try SiteWriter(output: scratch.url("site")).write(site(first))
        var second = first
        second["index.html"] = "home, changed"
        try SiteWriter(output: scratch.url("site")).write(site(second))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.url("site").path), "releases/current")
        XCTAssertEqual(try String(contentsOf: scratch.url("releases/current/index.html"), encoding: .utf8), "home, changed")
    }
}
