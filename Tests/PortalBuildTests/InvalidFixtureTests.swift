import DiagnosticOutput
import Foundation
import MeshCheck
import MeshLoad
import MeshModel
import MeshTestSupport
import PortalBuild
import XCTest

/// Each folder in Tests/Fixtures/Invalid is a case: files laid over the clean mesh in
/// Tests/Fixtures/Base (a `.remove` file lists base files to delete), and `expected.txt`, the exact
/// text output of `meshport check` on it followed by its exit status. Re-record deliberately with
/// MESHPORT_RECORD_FIXTURES=1 (that run fails on purpose).
final class InvalidFixtureTests: XCTestCase {
    static let fixtures = Repository.root.appendingPathComponent("Tests/Fixtures")
    static let recording = ProcessInfo.processInfo.environment["MESHPORT_RECORD_FIXTURES"] == "1"

    func testBaseMeshIsClean() throws {
        let (text, status) = try Self.check(Self.fixtures.appendingPathComponent("Base"))
        XCTAssertEqual(text, "")
        XCTAssertEqual(status, 0)
    }

    func testEveryInvalidCaseGivesItsExpectedDiagnostics() throws {
        let root = Self.fixtures.appendingPathComponent("Invalid")
        let cases = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 40)
        for name in cases {
            let folder = root.appendingPathComponent(name)
            let mesh = try Self.assemble(folder)
            let (text, status) = try Self.check(mesh.root)
            let actual = text + "exit: \(status)\n"
            let expectedURL = folder.appendingPathComponent("expected.txt")
            if Self.recording {
                try Data(actual.utf8).write(to: expectedURL)
                continue
            }
            let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? "<no expected.txt>"
            XCTAssertEqual(actual, expected, "case \(name)")
            XCTAssertTrue(text.contains(": error: ") || text.contains(": warning: "),
                          "case \(name): an invalid input must give at least one error or warning")
        }
        if Self.recording { XCTFail("recorded \(cases.count) expected outputs; run again without MESHPORT_RECORD_FIXTURES") }
    }

    /// The base mesh with the case's files laid over it, in a temporary folder.
    static func assemble(_ folder: URL) throws -> TemporaryMesh {
        var files: [String: String] = [:]
        try read(fixtures.appendingPathComponent("Base"), into: &files)
        var overlay: [String: String] = [:]
        try read(folder, into: &overlay)
        for line in (overlay.removeValue(forKey: ".remove") ?? "").split(separator: "\n") { files.removeValue(forKey: String(line)) }
        overlay.removeValue(forKey: "expected.txt")
        let mesh = try TemporaryMesh(files.merging(overlay) { _, new in new })
        // Bytes that are not valid UTF-8 cannot travel through a String: copy `*.bin` files verbatim.
        for (path, _) in overlay where path.hasSuffix(".bin") {
            let target = mesh.url(String(path.dropLast(4)))
            try? FileManager.default.removeItem(at: mesh.url(path))
            try Data(contentsOf: folder.appendingPathComponent(path)).write(to: target)
        }
        return mesh
    }

    static func read(_ root: URL, into files: inout [String: String]) throws {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return }
        while let path = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            let url = root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                files[path] = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            }
        }
    }

    /// `meshport check` in process: its text output and exit status.
    static func check(_ directory: URL) throws -> (String, Int32) {
        let diagnostics: [Diagnostic], status: Int32
        do {
            let outcome = try MeshBuilder.check(directory)
            diagnostics = outcome.diagnostics
            status = RuleCatalog.exitStatus(for: diagnostics)
        } catch {
            diagnostics = error.diagnostics
            status = 2
        }
        let lines = SourceLines(root: directory)
        let context = DiagnosticFormat.Context(sourceLine: { file, line in lines.line(file, line) })
        return (DiagnosticFormat.text.render(diagnostics, context: context), status)
    }
}
