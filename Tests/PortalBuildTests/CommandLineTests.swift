import Foundation
import MeshLoad
import MeshTestSupport
import XCTest

/// Runs the real `meshport` executable: exit status, diagnostics, and what is (not) written.
final class CommandLineTests: XCTestCase {
    func meshport(_ arguments: [String], environment: [String: String] = [:]) throws -> MeshportProcess.Run {
        try MeshportProcess.run(arguments, environment: environment)
    }

    func tree(_ root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root.path) else { return out }
        while let path = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            let url = root.appendingPathComponent(path)
            if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue { out[path] = try Data(contentsOf: url) }
        }
        return out
    }

    func testTwoBuildsAreByteIdentical() throws {
        let scratch = try TemporaryMesh([:])
        let a = scratch.url("a"), b = scratch.url("b")
        XCTAssertEqual(try meshport(["build", Repository.sampleMesh.path, "--out", a.path]).status, 0)
        XCTAssertEqual(try meshport(["build", Repository.sampleMesh.path, "--out", b.path]).status, 0)
        let ta = try tree(a), tb = try tree(b)
        XCTAssertGreaterThan(ta.count, 40)
        XCTAssertEqual(ta.keys.sorted(), tb.keys.sorted())
        for (path, data) in ta { XCTAssertEqual(data, tb[path], path) }
    }

    func testSourceDateEpochAddsTheOnlyTimestamp() throws {
        let scratch = try TemporaryMesh(MiniMesh.files)
        let run = try meshport(["build", scratch.root.path, "--out", scratch.url("site").path], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let home = try String(contentsOf: scratch.url("site/index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("2023-11-14 22:13 UTC"))
    }

    func testUnparseableFileIsLocatedExitOneAndPreviousSiteUntouched() throws {
        let mesh = try TemporaryMesh(MiniMesh.files)
        let out = mesh.url("published")
        XCTAssertEqual(try meshport(["build", mesh.root.path, "--out", out.path]).status, 0)
        let before = try tree(out)
        try Data("apiVersion: v1.0.0\nkind: DataProduct\nid: p-orders\nname: [Orders\nstatus: active\n".utf8)
            .write(to: mesh.url("domains/sales/products/orders/product.odps.yaml"))
        let run = try meshport(["build", mesh.root.path, "--out", out.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("domains/sales/products/orders/product.odps.yaml:5:7: error: invalid YAML"), run.stderr)
        XCTAssertTrue(run.stderr.contains("[yaml.syntax]"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\n    status: active\n          ^"), "the source line and a caret: \(run.stderr)")
        XCTAssertEqual(try tree(out), before, "a failed build must leave the previous site as it was")
    }

    func testFailedFirstBuildWritesNothing() throws {
        var files = MiniMesh.files
        files["domains/sales/products/orders/docs/usage.md"] = "# Usage\n\n[gone](product:sales/nothing)\n"
        let mesh = try TemporaryMesh(files)
        let run = try meshport(["build", mesh.root.path, "--out", mesh.url("site").path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("domains/sales/products/orders/docs/usage.md:3:1: error: no product 'sales/nothing'"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: mesh.url("site").path))
    }

    func testConfigurationProblemsExitTwo() throws {
        let empty = try TemporaryMesh(["notes.txt": "hi"])
        let run = try meshport(["build", empty.root.path, "--out", empty.url("site").path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("no mesh.yaml"), run.stderr)
        XCTAssertEqual(try meshport(["build", "--no-such-flag"]).status, 2, "argument errors are usage errors")
    }

    func testRefusesToReplaceAFolderThatIsNotASite() throws {
        let mesh = try TemporaryMesh(MiniMesh.files.merging(["mine/notes.md": "keep me"]) { a, _ in a })
        let run = try meshport(["build", mesh.root.path, "--out", mesh.url("mine").path])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(try String(contentsOf: mesh.url("mine/notes.md"), encoding: .utf8), "keep me")
        XCTAssertEqual(try meshport(["build", mesh.root.path, "--out", mesh.root.path]).status, 2)
    }

    func testNothingOutsideARepositoryIsReadOrPublished() throws {
        var files = MiniMesh.files
        files["secret/notes.md"] = "# Secret notes\n\nThe CI token is hunter2.\n"
        files["secret/chart.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>hunter2</text></svg>"
        files["domains/sales/products/orders/docs/usage.md"] = """
            # Using orders

            ## Querying

            ![chart](../../../../../secret/chart.svg) and ![linked](images/linked.svg)
            """
        let mesh = try TemporaryMesh(files)
        try FileManager.default.createSymbolicLink(atPath: mesh.url("domains/sales/products/orders/docs/leak.md").path,
                                                   withDestinationPath: mesh.url("secret/notes.md").path)
        try FileManager.default.createSymbolicLink(atPath: mesh.url("domains/sales/products/orders/docs/images/linked.svg").path,
                                                   withDestinationPath: "../../../../../../secret/chart.svg")
        let out = mesh.url("site")
        let run = try meshport(["build", mesh.root.path, "--out", out.path])
        XCTAssertEqual(run.status, 1)
        for expected in [
            "domains/sales/products/orders/docs/usage.md:5:1: error: '../../../../../secret/chart.svg' leads out of the repository 'domains/sales'",
            "domains/sales/products/orders/docs/leak.md:1:1: error: this is a symbolic link to ",
            "domains/sales/products/orders/docs/images/linked.svg:1:1: error: this is a symbolic link to ",
        ] {
            XCTAssertTrue(run.stderr.contains(expected), "\(expected)\n\(run.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        // With the out-of-repository image gone the site builds, and neither secret is in it.
        try Data("# Using orders\n\n## Querying\n\nNothing here.\n".utf8).write(to: mesh.url("domains/sales/products/orders/docs/usage.md"))
        try FileManager.default.removeItem(at: mesh.url("domains/sales/products/orders/docs/leak.md"))
        try FileManager.default.removeItem(at: mesh.url("domains/sales/products/orders/docs/images/linked.svg"))
        XCTAssertEqual(try meshport(["build", mesh.root.path, "--out", out.path]).status, 0)
        for (path, data) in try tree(out) { XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("hunter2"), path) }
    }

    func testRefusesToWriteOverASourceOrTheHomeFolder() throws {
        // Even a source that looks like a site (it has api/mesh.json) is never replaced.
        let mesh = try TemporaryMesh(MiniMesh.files.merging(["domains/sales/api/mesh.json": "{}", "home/notes.md": "mine"]) { a, _ in a })
        let before = try tree(mesh.root)
        let source = try meshport(["build", mesh.root.path, "--out", mesh.url("domains/sales").path])
        XCTAssertEqual(source.status, 2)
        XCTAssertTrue(source.stderr.contains("it would replace the source repository domains/sales"), source.stderr)
        XCTAssertEqual(try meshport(["build", mesh.root.path, "--out", mesh.url("domains").path]).status, 2)
        let home = try meshport(["build", mesh.root.path, "--out", mesh.url("home").path], environment: ["HOME": mesh.url("home").path])
        XCTAssertEqual(home.status, 2)
        XCTAssertEqual(try tree(mesh.root), before)
    }
}

final class ThemeOverrideTests: XCTestCase {
    func testUserThemeOverridesTemplatesAndAssetsByName() throws {
        var files = MiniMesh.files
        files["mesh.yaml"]! += "\ntheme: my-theme\n"
        files["my-theme/templates/notfound.mustache"] = "<h1>Lost in the mesh</h1><a href=\"{{homeHref}}\">home</a>"
        files["my-theme/assets/extra.css"] = "body { color: red; }"
        let mesh = try TemporaryMesh(files)
        let site = try SiteFixture.site(mesh.root)
        XCTAssertTrue(SiteFixture.text(site, "404.html").contains("Lost in the mesh"))
        XCTAssertEqual(SiteFixture.text(site, "assets/extra.css"), "body { color: red; }")
        XCTAssertNotNil(site.files["assets/style.css"], "files the user theme does not override come from the default")
    }

    func testBrokenTemplateIsAConfigurationError() throws {
        var files = MiniMesh.files
        files["mesh.yaml"]! += "\ntheme: my-theme\n"
        files["my-theme/templates/home.mustache"] = "{{#unclosed}}"
        let mesh = try TemporaryMesh(files)
        XCTAssertThrowsError(try SiteFixture.build(mesh.root)) { error in
            XCTAssertEqual((error as? MeshLoader.ConfigurationError)?.diagnostics.first?.rule, "config.theme")
        }
    }
}
