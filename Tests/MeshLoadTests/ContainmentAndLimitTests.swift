import Foundation
import MeshModel
import MeshTestSupport
import XCTest
@testable import MeshLoad
import MeshMarkdown

/// Nothing outside a repository is read: symbolic links are followed only when their target stays
/// inside. And the limits on files and Markdown tables are located errors, never a hang.
final class ContainmentAndLimitTests: XCTestCase {
    static let manifest = "apiVersion: v1.0.0\nkind: DataProduct\nid: p\nname: P\nstatus: active\n"

    func mesh(_ files: [String: String]) throws -> TemporaryMesh {
        try TemporaryMesh(files.merging(["mesh.yaml": "title: T\nsources:\n  - path: repo\n"]) { a, _ in a })
    }

    func link(_ mesh: TemporaryMesh, _ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: mesh.url(path).path, withDestinationPath: target)
    }

    func testLinksInsideTheRepositoryAreFollowed() throws {
        let mesh = try mesh(["repo/product.yaml": Self.manifest, "repo/shared/faq.md": "# FAQ\n", "repo/shared/more/a.md": "# A\n"])
        try link(mesh, "repo/faq.md", to: "shared/faq.md")
        try link(mesh, "repo/docs", to: "shared/more")
        let result = try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
        XCTAssertEqual(result.diagnostics, [])
        // A folder is walked once, under the first path that reaches it.
        XCTAssertEqual(result.mesh.documents.map(\.file).sorted(), ["repo/docs/a.md", "repo/faq.md", "repo/shared/faq.md"])
    }

    func testLinksOutOfTheRepositoryAreLocatedErrorsAndNeverRead() throws {
        let mesh = try mesh(["repo/product.yaml": Self.manifest, "secret/notes.md": "# Top secret\n",
                             "secret/team.yaml": "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: leak\n"])
        try link(mesh, "repo/notes.md", to: "../secret/notes.md")
        try link(mesh, "repo/absolute.yaml", to: mesh.url("secret/team.yaml").path)
        try link(mesh, "repo/folder", to: "../secret")
        try link(mesh, "repo/gone.yaml", to: "nowhere.yaml")
        try link(mesh, "repo/run.sh", to: "/bin/sh")   // not an input: none of meshport's business
        let result = try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
        XCTAssertEqual(result.diagnostics.map(\.rule), Array(repeating: "input.symlink.outside", count: 4))
        XCTAssertEqual(result.diagnostics.map { $0.location?.file }, ["repo/absolute.yaml", "repo/folder", "repo/gone.yaml", "repo/notes.md"])
        XCTAssertTrue(result.diagnostics[0].message.contains("outside the repository 'repo'"), result.diagnostics[0].message)
        XCTAssertTrue(result.diagnostics[2].message.contains("to nothing"), result.diagnostics[2].message)
        XCTAssertTrue(result.mesh.documents.isEmpty && result.mesh.entities.isEmpty)
    }

    func testALinkLoopIsWalkedOnce() throws {
        let mesh = try mesh(["repo/product.yaml": Self.manifest, "repo/docs/a.md": "# A\n"])
        try link(mesh, "repo/docs/again", to: "..")
        let result = try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.mesh.products.count, 1)
        XCTAssertEqual(result.mesh.documents.map(\.file), ["repo/docs/a.md"])
    }

    func testTooManyFilesIsAnErrorAtTheFirstFileNotRead() throws {
        let mesh = try mesh(["repo/a.md": "# A\n", "repo/b.md": "# B\n", "repo/c.md": "# C\n", "repo/d.md": "# D\n"])
        var loader = MeshLoader(meshDirectory: mesh.root, schemaCheck: .none)
        loader.maxFiles = 3
        let result = try loader.load()
        XCTAssertEqual(result.diagnostics.map(\.rule), ["input.tooManyFiles"])
        XCTAssertEqual(result.diagnostics.first?.location, SourceLocation(file: "repo/d.md"))
        XCTAssertTrue(result.diagnostics[0].message.contains("more than 3 files"))
        XCTAssertEqual(result.mesh.documents.count, 3)
    }

    func testMarkdownTablesPastTheLimitsAreLocatedErrors() throws {
        let columns = MarkdownLimits.maxTableColumns + 1
        let wide = "# Wide\n\n" + "|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n"
        let longRow = "# Row\n\n| a | b |\n|---|---|\n| 1 | 2 |\n" + String(repeating: "x|", count: 5_000) + "\n"
        let tall = "# Tall\n\nText.\n\n| a | b |\n| --- | --- |\n" + String(repeating: "| 1 |\n", count: MarkdownLimits.maxTableCells / 2)
        let fine = "# Fine\n\nHeading\n---\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n" + String(repeating: "|", count: 5_000) + "\n"
        let mesh = try mesh(["repo/wide.md": wide, "repo/row.md": longRow, "repo/tall.md": tall, "repo/fine.md": fine])
        let started = Date()
        let result = try MeshLoader(meshDirectory: mesh.root, schemaCheck: .none).load()
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "refused before the table is built")
        XCTAssertEqual(result.diagnostics.map(\.rule), ["markdown.table.tooWide", "markdown.table.tooLarge", "markdown.table.tooWide"])
        XCTAssertEqual(result.diagnostics.map(\.location), [SourceLocation(file: "repo/row.md", line: 6, column: 1),
                                                            SourceLocation(file: "repo/tall.md", line: 5, column: 1),
                                                            SourceLocation(file: "repo/wide.md", line: 4, column: 1)])
        XCTAssertTrue(result.diagnostics[0].message.contains("at most \(MarkdownLimits.maxTableColumns) columns"))
        XCTAssertEqual(result.mesh.documents.map(\.file), ["repo/fine.md"])
    }

    func testTablesInDocsWithWindowsLineEndsAreCheckedLineByLine() throws {
        let columns = MarkdownLimits.maxTableColumns + 1
        let wide = "# Wide\r\n\r\n|" + String(repeating: "a|", count: columns) + "\r\n|" + String(repeating: "-|", count: columns) + "\r\n"
        XCTAssertEqual(MarkdownLimits.check(wide, file: "w.md")?.location, SourceLocation(file: "w.md", line: 4, column: 1))
        XCTAssertEqual(MarkdownLimits.check(wide.replacingOccurrences(of: "\r\n", with: "\r"), file: "w.md")?.location,
                       SourceLocation(file: "w.md", line: 4, column: 1))
        XCTAssertNil(MarkdownLimits.check("# Fine\r\n\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n", file: "f.md"))
    }

    func testBaseURLIsAWebAddressOrAPath() {
        for good in ["/", "/portal/", "https://data.example/", "HTTP://data.example"] {
            XCTAssertFalse(MeshConfigReader.read("baseURL: \"\(good)\"\nsources: [domains/*]\n").1.hasErrors, good)
        }
        for bad in ["javascript:alert(1)//", " JaVaScRiPt:alert(1)//", "data:text/html,x", "portal/", "file:///srv/site/"] {
            let (config, diagnostics) = MeshConfigReader.read("baseURL: \"\(bad)\"\nsources: [domains/*]\n")
            XCTAssertNil(config, bad)
            XCTAssertEqual(diagnostics.map(\.location), [SourceLocation(file: "mesh.yaml", line: 1, column: 10)], bad)
        }
    }
}
