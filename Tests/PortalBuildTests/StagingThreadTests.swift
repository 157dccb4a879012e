import Foundation
import MeshTestSupport
import PortalBuild
import PortalRender
import XCTest

/// Writing on a thread of its own while the next batch renders: every batch handed on is in the
/// published site, and a failed write reaches the caller without publishing anything.
final class StagingThreadTests: XCTestCase {
    private func file(_ path: String, _ text: String) -> SiteFile { SiteFile(path: path, bytes: Array(text.utf8)) }

    func testEveryBatchHandedOnIsPublished() throws {
        let scratch = try TemporaryMesh([:])
        let out = scratch.url("site")
        let staging = StagingThread(SiteWriter(output: out).begin(), depth: 1)
        for batch in 0..<50 {
            try staging.add((0..<20).map { file("b\(batch)/p\($0).html", "batch \(batch) page \($0)") })
        }
        var staged = try staging.finish()
        XCTAssertEqual(staged.fileCount, 1000)
        XCTAssertEqual(try staged.finish().written, 1000)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("b49/p19.html"), encoding: .utf8), "batch 49 page 19")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).count, 50)
    }

    func testAFailedWriteReachesTheCallerAndPublishesNothing() throws {
        let scratch = try TemporaryMesh([:])
        let out = scratch.url("site")
        try SiteWriter(output: out).write(RenderedSite(files: ["index.html": Array("home".utf8)]))
        let staging = StagingThread(SiteWriter(output: out).begin())
        try staging.add([file("index.html", "home, changed")])
        try staging.add([file("index.html", "home, again")])
        // The failure surfaces at a later hand-on or at the end, whichever comes first.
        var failure: Error?
        do {
            for batch in 0..<100 { try staging.add([file("more/\(batch).html", "x")]) }
            _ = try staging.finish()
        } catch { failure = error }
        XCTAssertTrue("\(failure.map { "\($0)" } ?? "no error")".contains("two files for one path (index.html)"))
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8), "home")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.root.path), ["site"])
    }
}
