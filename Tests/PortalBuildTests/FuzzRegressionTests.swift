import Foundation
import MeshFuzz
import MeshTestSupport
import XCTest

/// Every input in Tests/Fixtures/Fuzz/<target>/ (what fuzzing found, and hand-made hostile inputs
/// for the same readers) goes through its fuzz target again: no crash, no hang, no unsafe output.
final class FuzzRegressionTests: XCTestCase {
    func testEveryRegressionInputRunsCleanly() throws {
        let folder = Repository.root.appendingPathComponent("Tests/Fixtures/Fuzz")
        var replayed = 0
        for target in FuzzHarness.Target.allCases {
            let harness = try FuzzHarness(target: target, baseMesh: Repository.root.appendingPathComponent("Tests/Fixtures/Base"),
                                          theme: Repository.defaultTheme)
            let inputs = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target.rawValue).path)) ?? []
            for name in inputs.sorted() {
                let data = try Data(contentsOf: folder.appendingPathComponent(target.rawValue).appendingPathComponent(name))
                let started = Date()
                XCTAssertEqual(harness.run([UInt8](data)), [], "\(target.rawValue)/\(name)")
                XCTAssertLessThan(Date().timeIntervalSince(started), 10, "\(target.rawValue)/\(name) is slow")
                replayed += 1
            }
        }
        XCTAssertGreaterThanOrEqual(replayed, 5)
    }
}
