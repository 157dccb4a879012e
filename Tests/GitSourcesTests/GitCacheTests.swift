import Foundation
import GitSources
import MeshModel
import MeshTestSupport
import XCTest

/// The cache against real bare repositories reached by file:// URLs.
final class GitCacheTests: XCTestCase {
    var fixture: GitFixture!
    var cacheFolder: URL { fixture.root.appendingPathComponent("cache") }

    override func setUpWithError() throws {
        fixture = try GitFixture()
    }

    func cache(offline: Bool = false) -> GitCache { GitCache(directory: cacheFolder, offline: offline) }

    func checkout(_ outcome: GitCache.Outcome?, file: StaticString = #filePath, line: UInt = #line) throws -> GitCache.Checkout {
        guard case .ready(let checkout)? = outcome else {
            XCTFail("expected a checkout, got \(String(describing: outcome))", file: file, line: line)
            throw CancellationError()
        }
        return checkout
    }

    func text(_ checkout: GitCache.Checkout, _ path: String) -> String? {
        try? String(contentsOf: checkout.folder.appendingPathComponent(path), encoding: .utf8)
    }

    func testFetchesTheDefaultBranchAndNamesIt() throws {
        let repo = try fixture.repository("sales", branch: "trunk")
        let commit = try repo.commit(["README.md": "# Sales\n", "products/orders/product.yaml": "id: orders\n"])
        let request = GitCache.Request(url: repo.url, ref: nil, history: true)
        let got = try checkout(cache().fetch([request])[request])
        XCTAssertEqual(got.commit, commit)
        XCTAssertEqual(got.branch, "trunk")
        XCTAssertEqual(text(got, "products/orders/product.yaml"), "id: orders\n")
        XCTAssertTrue(got.folder.path.hasPrefix(cacheFolder.appendingPathComponent("git").path), got.folder.path)
        XCTAssertEqual(try String(contentsOf: cacheFolder.appendingPathComponent(".gitignore"), encoding: .utf8).split(separator: "\n").last, "*",
                       "the cache keeps itself out of version control")
    }

    func testARefSwitchChecksOutTheOtherRefAndAMovedBranchIsFollowed() throws {
        let repo = try fixture.repository("sales")
        let first = try repo.commit(["a.md": "one\n", "old.md": "gone soon\n"], date: "2024-01-01T00:00:00Z")
        try repo.tag("v1")
        let second = try repo.commit(["a.md": "two\n", "old.md": nil], date: "2024-02-01T00:00:00Z")
        let tagged = GitCache.Request(url: repo.url, ref: "v1", history: true)
        let main = GitCache.Request(url: repo.url, ref: "main", history: true)
        let outcomes = cache().fetch([tagged, main])
        let atTag = try checkout(outcomes[tagged]), atMain = try checkout(outcomes[main])
        XCTAssertEqual(atTag.commit, first)
        XCTAssertEqual(text(atTag, "a.md"), "one\n")
        XCTAssertEqual(atMain.commit, second)
        XCTAssertEqual(text(atMain, "a.md"), "two\n")
        XCTAssertNil(text(atMain, "old.md"))
        XCTAssertNotEqual(atTag.folder, atMain.folder)

        let third = try repo.commit(["a.md": "three\n"], date: "2024-03-01T00:00:00Z")
        let again = try checkout(cache().fetch([main])[main])
        XCTAssertEqual(again.commit, third)
        XCTAssertEqual(again.folder.path, atMain.folder.path, "the same ref reuses its folder")
        XCTAssertEqual(text(again, "a.md"), "three\n")
    }

    func testAMissingRepositoryFailsWithGitsMessage() throws {
        let request = GitCache.Request(url: "file://" + fixture.root.appendingPathComponent("nothing.git").path, ref: nil, history: true)
        guard case .failed(let message)? = cache().fetch([request])[request] else { return XCTFail("expected a failure") }
        XCTAssertTrue(message.contains("nothing.git"), message)
    }

    func testAnUnknownRefFails() throws {
        let repo = try fixture.repository("sales")
        try repo.commit(["a.md": "one\n"])
        let request = GitCache.Request(url: repo.url, ref: "no-such-branch", history: true)
        guard case .failed(let message)? = cache().fetch([request])[request] else { return XCTFail("expected a failure") }
        XCTAssertTrue(message.contains("no-such-branch"), message)
    }

    func testWhenFetchingFailsTheCachedCopyIsUsedAndOfflineNeedsNoRemote() throws {
        let repo = try fixture.repository("sales")
        let commit = try repo.commit(["a.md": "one\n"])
        let request = GitCache.Request(url: repo.url, ref: nil, history: true)
        _ = try checkout(cache().fetch([request])[request])
        try FileManager.default.removeItem(at: repo.bare)

        guard case .cached(let cached, let fetchError)? = cache().fetch([request])[request] else { return XCTFail("expected the cached copy") }
        XCTAssertEqual(cached.commit, commit)
        XCTAssertFalse(fetchError.isEmpty)
        XCTAssertEqual(text(cached, "a.md"), "one\n")

        let offline = try checkout(cache(offline: true).fetch([request])[request])
        XCTAssertEqual(offline.commit, commit)
        XCTAssertEqual(offline.branch, "main", "the default branch's name is remembered for offline runs")
    }

    func testOfflineWithoutACachedCopyFails() throws {
        let repo = try fixture.repository("sales")
        try repo.commit(["a.md": "one\n"])
        let request = GitCache.Request(url: repo.url, ref: nil, history: true)
        guard case .failed(let message)? = cache(offline: true).fetch([request])[request] else { return XCTFail("expected a failure") }
        XCTAssertTrue(message.contains("--offline"), message)
        let made = (try? FileManager.default.contentsOfDirectory(atPath: cacheFolder.appendingPathComponent("git").path)) ?? []
        XCTAssertEqual(made, [], "an offline run makes nothing")
    }

    func testACachedCommitIdIsNotFetchedAgain() throws {
        let repo = try fixture.repository("sales")
        let commit = try repo.commit(["a.md": "one\n"])
        let request = GitCache.Request(url: repo.url, ref: commit, history: true)
        XCTAssertEqual(try checkout(cache().fetch([request])[request]).commit, commit)
        try FileManager.default.removeItem(at: repo.bare)
        XCTAssertEqual(try checkout(cache().fetch([request])[request]).commit, commit, "no fetch, so no warning either")
    }

    func testWithoutHistoryTheCopyIsShallow() throws {
        let repo = try fixture.repository("sales")
        try repo.commit(["a.md": "one\n"], date: "2024-01-01T00:00:00Z")
        try repo.commit(["a.md": "two\n"], date: "2024-02-01T00:00:00Z")
        let request = GitCache.Request(url: repo.url, ref: "main", history: false)
        let got = try checkout(cache().fetch([request])[request])
        let count = try GitRunner().run(["rev-list", "--count", "HEAD"], in: got.folder).output
        XCTAssertEqual(count.trimmingCharacters(in: .whitespacesAndNewlines), "1")
    }

    func testLastChangesComeFromHistoryBelowTheSubpath() throws {
        let repo = try fixture.repository("mono")
        try repo.commit(["domains/sales/a.md": "one\n", "domains/sales/b.md": "one\n", "other/c.md": "x\n"],
                        author: "Ada Abara", date: "2024-01-02T03:04:05Z")
        let second = try repo.commit(["domains/sales/b.md": "two\n", "other/c.md": "y\n"], author: "Bo Brant", date: "2024-02-03T04:05:06Z")
        let request = GitCache.Request(url: repo.url, ref: nil, history: true)
        let got = try checkout(cache().fetch([request])[request])
        let tree = GitHistory.WorkingTree(top: got.folder, prefix: "domains/sales/", commit: got.commit, isShallow: false)
        let changes = try GitHistory().lastChanges(in: tree).get()
        XCTAssertEqual(changes.keys.sorted(), ["a.md", "b.md"])
        XCTAssertEqual(changes["a.md"]?.author, "Ada Abara")
        XCTAssertEqual(changes["a.md"]?.time, 1_704_164_645)
        XCTAssertEqual(changes["b.md"], FileChange(commit: second, time: 1_706_933_106, author: "Bo Brant"))
    }
}
