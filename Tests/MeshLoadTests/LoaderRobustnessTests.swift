import Foundation
import MeshModel
import MeshTestSupport
import XCTest
@testable import MeshLoad
#if canImport(Glibc)
import Glibc
#endif

/// Broken files in a real mesh folder: each is one located diagnostic, and the rest still loads.
final class LoaderRobustnessTests: XCTestCase {
    static let manifest = "apiVersion: v1.0.0\nkind: DataProduct\nid: p\nname: P\nstatus: active\n"

    func load(_ files: [String: String], bytes: [String: [UInt8]] = [:]) throws -> MeshLoader.Result {
        let mesh = try TemporaryMesh(files.merging(["mesh.yaml": "title: T\nsources:\n  - path: repo\n"]) { a, _ in a })
        for (path, data) in bytes {
            let url = mesh.url(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(data).write(to: url)
        }
        return try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
    }

    func testByteOrderMarkAndCRLFManifestLoads() throws {
        let text = "\u{FEFF}" + Self.manifest.replacingOccurrences(of: "\n", with: "\r\n") + "outputPorts:\r\n  - name: out\r\n"
        let result = try load(["repo/product.yaml": text])
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.mesh.products.first?.outputPorts.first?.location,
                       SourceLocation(file: "repo/product.yaml", line: 7, column: 5))
        let markdown = try load(["repo/README.md": "\u{FEFF}# Title\r\n\r\nSee [x](x.md).\r\n"])
        XCTAssertEqual(markdown.mesh.documents.first?.title, "Title")
        XCTAssertEqual(markdown.mesh.documents.first?.links.first?.location.line, 3)
    }

    func testInvalidUTF8IsLocatedInYAMLAndMarkdown() throws {
        let result = try load(["repo/ok.yaml": Self.manifest], bytes: [
            "repo/bad.yaml": Array("kind: DataContract\nid: caf".utf8) + [0xE9, 0x0A],
            "repo/docs/bad.md": Array("# Title\n\nNa".utf8) + [0xEF, 0xBF] + Array("ve\n".utf8),
        ])
        let diagnostics = result.diagnostics.sortedForReport()
        XCTAssertEqual(diagnostics.map(\.rule), ["input.encoding", "input.encoding"])
        XCTAssertEqual(diagnostics.map(\.location), [SourceLocation(file: "repo/bad.yaml", line: 2, column: 8),
                                                      SourceLocation(file: "repo/docs/bad.md", line: 3, column: 3)])
        XCTAssertEqual(result.mesh.products.count, 1)
    }

    func testEmptyFilesAreNotInputs() throws {
        let result = try load(["repo/empty.yaml": "", "repo/blank.yml": "  \n\t\n", "repo/empty.json": "",
                               "repo/docs/empty.md": "", "repo/product.yaml": Self.manifest])
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.mesh.products.count, 1)
        XCTAssertEqual(result.mesh.documents.map(\.file), ["repo/docs/empty.md"])
        XCTAssertNil(result.mesh.documents.first?.title)
    }

    func testOversizedFilesAreRefusedUnread() throws {
        let padding = String(repeating: "# padding padding padding padding\n", count: InputLimits.maxFileBytes / 34 + 1)
        let result = try load(["repo/big.yaml": Self.manifest + padding, "repo/docs/big.md": "# Big\n" + padding])
        let diagnostics = result.diagnostics.sortedForReport()
        XCTAssertEqual(diagnostics.map(\.rule), ["input.tooLarge", "input.tooLarge"])
        XCTAssertEqual(diagnostics.map(\.location), [SourceLocation(file: "repo/big.yaml", line: 1, column: 1),
                                                      SourceLocation(file: "repo/docs/big.md", line: 1, column: 1)])
        XCTAssertTrue(diagnostics[0].message.contains("8 MiB"), diagnostics[0].message)
        XCTAssertTrue(result.mesh.products.isEmpty && result.mesh.documents.isEmpty)
    }

    func testYAMLProblemsInInputsAreLocated() throws {
        let result = try load([
            "repo/tab.yaml": Self.manifest + "outputPorts:\n\t- name: out\n",
            "repo/dup.yaml": Self.manifest + "id: q\n",
            "repo/deep.yaml": "kind: DataContract\nid: x\nschema: " + String(repeating: "[", count: 5_000) + "\n",
        ])
        let diagnostics = result.diagnostics.sortedForReport()
        XCTAssertEqual(diagnostics.map(\.rule), ["yaml.tooDeep", "yaml.key.duplicate", "yaml.tab"])
        XCTAssertEqual(diagnostics.map(\.location), [SourceLocation(file: "repo/deep.yaml", line: 3, column: 108),
                                                      SourceLocation(file: "repo/dup.yaml", line: 6, column: 1),
                                                      SourceLocation(file: "repo/tab.yaml", line: 7, column: 1)])
        XCTAssertEqual(diagnostics[1].notes.first?.location, SourceLocation(file: "repo/dup.yaml", line: 3, column: 1))
    }

    func testBrokenYAMLThatIsNoMeshportInputStaysSilent() throws {
        let helm = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Values.name }}\n{{- if .Values.x }}\nspec: {}\n{{- end }}\n"
        let result = try load(["repo/chart/templates/deployment.yaml": helm, "repo/product.yaml": Self.manifest])
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.mesh.products.count, 1)
    }

    func testMeshYamlProblemsAreConfigurationErrors() throws {
        let mesh = try TemporaryMesh(["mesh.yaml": "title: T\nsources:\n\t- path: repo\n", "repo/x.md": "# x"])
        XCTAssertThrowsError(try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()) { error in
            let d = (error as? MeshLoader.ConfigurationError)?.diagnostics.first
            XCTAssertEqual(d?.rule, "yaml.tab")
            XCTAssertEqual(d?.location, SourceLocation(file: "mesh.yaml", line: 3, column: 1))
        }
        let bom = try TemporaryMesh(["mesh.yaml": "\u{FEFF}title: T\nsources:\n  - path: repo\n", "repo/x.md": "# x"])
        XCTAssertEqual(try MeshLoader(meshDirectory: bom.root, schemaCheck: .none).load().mesh.config.title, "T")
    }

    func testNamedPipesAreNotReadSoNothingBlocks() throws {
        let mesh = try TemporaryMesh(["mesh.yaml": "title: T\nsources:\n  - path: repo\n", "repo/product.yaml": Self.manifest])
        XCTAssertEqual(mkfifo(mesh.url("repo/pipe.yaml").path, 0o644), 0)
        XCTAssertEqual(mkfifo(mesh.url("repo/pipe.svg").path, 0o644), 0)
        let result = try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
        XCTAssertEqual(result.diagnostics.map(\.rule), ["input.unreadable"])
        XCTAssertEqual(result.diagnostics.first?.location, SourceLocation(file: "repo/pipe.yaml", line: 1, column: 1))
        XCTAssertEqual(result.mesh.products.count, 1)
        XCTAssertTrue(result.mesh.assets.isEmpty)
    }
}
