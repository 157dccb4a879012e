import Foundation
import MeshTestSupport
import XCTest

/// Every file of the SampleMesh portal against a checked-in copy. A change to the output shows
/// up here as a diff; re-record deliberately with MESHPORT_RECORD_GOLDEN=1 (that run fails on purpose).
final class GoldenSiteTests: XCTestCase {
    static let golden = Repository.root.appendingPathComponent("Tests/Golden/SampleMesh")

    func testSampleMeshMatchesGoldenFiles() throws {
        let site = try SiteFixture.site(Repository.sampleMesh)
        let fm = FileManager.default
        if ProcessInfo.processInfo.environment["MESHPORT_RECORD_GOLDEN"] == "1" {
            try? fm.removeItem(at: Self.golden)
            for (path, bytes) in site.files {
                let url = Self.golden.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
            XCTFail("recorded \(site.files.count) golden files into \(Self.golden.path); run again without MESHPORT_RECORD_GOLDEN")
            return
        }
        var recorded: Set<String> = []
        if let walker = fm.enumerator(atPath: Self.golden.path) {
            while let path = walker.nextObject() as? String {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: Self.golden.appendingPathComponent(path).path, isDirectory: &isDir), !isDir.boolValue {
                    recorded.insert(path)
                }
            }
        }
        XCTAssertFalse(recorded.isEmpty, "no golden files; record them with MESHPORT_RECORD_GOLDEN=1")
        XCTAssertEqual(Set(site.files.keys).subtracting(recorded).sorted(), [], "files the build makes that are not recorded")
        XCTAssertEqual(recorded.subtracting(site.files.keys).sorted(), [], "recorded files the build no longer makes")
        for path in site.paths where recorded.contains(path) {
            let expected = try [UInt8](Data(contentsOf: Self.golden.appendingPathComponent(path)))
            if expected != site.files[path]! {
                XCTFail("\(path) differs from its golden file: \(Self.firstDifference(expected, site.files[path]!))")
            }
        }
    }

    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        let la = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let lb = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? String(la[i]) : "<end>", y = i < lb.count ? String(lb[i]) : "<end>"
            if x != y { return "line \(i + 1)\n  golden: \(x.prefix(200))\n  built:  \(y.prefix(200))" }
        }
        return "same lines, different bytes"
    }
}
