import Foundation
import MeshLoad
import MeshModel
import MeshTestSupport
import PortalBuild
import PortalRender
import XCTest

/// Meshes whose sources are git repositories: local bare repositories reached by file:// URLs,
/// with known commit dates and authors. No network.
final class GitSourceBuildTests: XCTestCase {
    var git: GitFixture!
    var cache: URL { git.root.appendingPathComponent("cache") }

    override func setUpWithError() throws {
        git = try GitFixture()
    }

    /// MiniMesh's two domains, each committed to its own bare repository.
    func domainRepositories() throws -> (mesh: TemporaryMesh, sales: GitFixture.Repository, finance: GitFixture.Repository) {
        let mesh = try TemporaryMesh(MiniMesh.files)
        let sales = try git.repository("sales"), finance = try git.repository("finance")
        try sales.commitTree(mesh.url("domains/sales"), author: "Ada Abara", date: "2024-01-02T03:04:05Z")
        try finance.commitTree(mesh.url("domains/finance"), author: "Bo Brant", date: "2024-02-03T04:05:06Z")
        return (mesh, sales, finance)
    }

    func gitMesh(_ sources: String) throws -> TemporaryMesh {
        try TemporaryMesh(["mesh.yaml": "title: Mini Mesh\nsources:\n" + sources + "governance:\n  rules:\n    product.description.required: error\n"])
    }

    func build(_ mesh: TemporaryMesh, offline: Bool = false) throws -> MeshBuilder.Outcome {
        try MeshBuilder(meshDirectory: mesh.root, defaultTheme: Repository.defaultTheme,
                        sourceOptions: SourceOptions(cacheDirectory: cache, offline: offline)).build()
    }

    func site(_ mesh: TemporaryMesh, file: StaticString = #filePath, line: UInt = #line) throws -> RenderedSite {
        let outcome = try build(mesh)
        XCTAssertEqual(outcome.diagnostics.filter { $0.severity == .error }.map(\.message), [], file: file, line: line)
        return try XCTUnwrap(outcome.site, file: file, line: line)
    }

    /// A page without its provenance lines, an api file without the keys that name files and commits.
    static func withoutProvenance(_ path: String, _ bytes: [UInt8]) throws -> String {
        if path.hasSuffix(".json") {
            func strip(_ value: Any) -> Any {
                if let object = value as? [String: Any] {
                    return object.filter { !["source", "file", "provenance", "sources"].contains($0.key) }.mapValues(strip)
                }
                if let array = value as? [Any] { return array.map(strip) }
                return value
            }
            let data = try JSONSerialization.data(withJSONObject: strip(try JSONSerialization.jsonObject(with: Data(bytes))), options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.replacingOccurrences(of: #"<footer class="page-source">[\s\S]*?</footer>"#, with: "", options: .regularExpression)
    }

    /// The issue's acceptance: SampleMesh's five domains as five repositories build SampleMesh's portal.
    func testGitSourcesBuildTheSamePortalAsFolderSourcesApartFromProvenance() throws {
        let domains = try FileManager.default.contentsOfDirectory(atPath: Repository.sampleMesh.appendingPathComponent("domains").path)
            .filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(domains.count, 5)
        var sources = ""
        for domain in domains {
            let repository = try git.repository(domain)
            try repository.commitTree(Repository.sampleMesh.appendingPathComponent("domains/" + domain))
            sources += "  - git: \(repository.url)\n"
        }
        let config = try String(contentsOf: Repository.sampleMesh.appendingPathComponent("mesh.yaml"), encoding: .utf8)
        XCTAssertTrue(config.contains("  - path: domains/*\n"))
        let mesh = try TemporaryMesh(["mesh.yaml": config.replacingOccurrences(of: "  - path: domains/*\n", with: sources)])
        let fromFolders = try SiteFixture.site(Repository.sampleMesh)
        let fromGit = try site(mesh)
        XCTAssertEqual(fromGit.files.keys.sorted(), fromFolders.files.keys.sorted())
        var provenanceLines = 0
        for (path, bytes) in fromFolders.files {
            let gitBytes = try XCTUnwrap(fromGit.files[path])
            if bytes != gitBytes { provenanceLines += 1 }
            XCTAssertEqual(try Self.withoutProvenance(path, gitBytes), try Self.withoutProvenance(path, bytes), path)
        }
        let pages = fromFolders.files.keys.filter { ($0.hasPrefix("products/") || $0.hasPrefix("domains/")) && $0.hasSuffix(".html") }
        XCTAssertEqual(provenanceLines, pages.count + 2, "every product, doc and domain page, and the two api files, say where they come from")
    }

    func testPagesShowLastChangeCommitAndEditLinks() throws {
        let (_, sales, finance) = try domainRepositories()
        let usageFile = sales.work.appendingPathComponent("products/orders/docs/usage.md")
        let changed = try sales.commit(["products/orders/docs/usage.md": try String(contentsOf: usageFile, encoding: .utf8) + "\nUpdated daily.\n"],
                                       author: "Cy Cole", date: "2024-05-06T07:08:09Z")
        let mesh = try gitMesh("""
              - git: \(sales.url)
                repoURL: https://github.com/acme/sales
              - git: \(finance.url)
                ref: main
                editURL: https://gitlab.com/acme/finance/-/edit/{ref}/{path}

            """)
        let site = try site(mesh)
        let usage = SiteFixture.text(site, "products/sales/orders/usage.html")
        XCTAssertTrue(usage.contains(#"Last changed <time datetime="2024-05-06T07:08:09Z">2024-05-06</time> by Cy Cole"#), usage)
        XCTAssertTrue(usage.contains(#"<a href="https://github.com/acme/sales/edit/main/products/orders/docs/usage.md">Edit this page</a>"#), usage)
        XCTAssertTrue(usage.contains(#"at commit <code title="\#(changed)">\#(changed.prefix(7))</code>"#), usage)
        XCTAssertTrue(usage.contains(#"<a href="https://github.com/acme/sales">\#(sales.url)</a>"#), usage)

        let orders = SiteFixture.text(site, "products/sales/orders/index.html")
        XCTAssertTrue(orders.contains(#"<code>products/orders/product.odps.yaml</code> at commit"#), orders)
        XCTAssertTrue(orders.contains(#"Last changed <time datetime="2024-01-02T03:04:05Z">2024-01-02</time> by Ada Abara"#),
                      "the manifest was not touched by the later commit: \(orders)")
        XCTAssertTrue(orders.contains("https://github.com/acme/sales/edit/main/products/orders/docs/README.md"), "the landing doc has its own line")

        let revenue = SiteFixture.text(site, "products/finance/revenue/index.html")
        XCTAssertTrue(revenue.contains(#"<a href="https://gitlab.com/acme/finance/-/edit/main/products/revenue/product.odps.yaml">Edit this page</a>"#), revenue)
        XCTAssertTrue(revenue.contains("by Bo Brant"), revenue)
        let domain = SiteFixture.text(site, "domains/sales/index.html")
        XCTAssertTrue(domain.contains("<code>catalog-info.yaml</code>"), domain)

        let api = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(site.files["api/mesh.json"]))) as? [String: Any])
        let sources = try XCTUnwrap(api["sources"] as? [[String: Any]])
        XCTAssertEqual(sources.map { $0["git"] as? String }, [sales.url, finance.url])
        XCTAssertEqual(sources.map { $0["ref"] as? String }, [nil, "main"])
        XCTAssertEqual(sources.first?["commit"] as? String, changed)
        let products = try XCTUnwrap(api["products"] as? [[String: Any]])
        let ordersEntry = try XCTUnwrap(products.first { $0["key"] as? String == "sales/orders" })
        let provenance = try XCTUnwrap(ordersEntry["provenance"] as? [String: Any])
        XCTAssertEqual(provenance["path"] as? String, "products/orders/product.odps.yaml")
        XCTAssertEqual((provenance["lastChanged"] as? [String: Any])?["date"] as? String, "2024-01-02T03:04:05Z")
        XCTAssertEqual(provenance["editURL"] as? String, "https://github.com/acme/sales/edit/main/products/orders/product.odps.yaml")
    }

    func testASwitchedRefBuildsThatRefsFiles() throws {
        let (_, sales, finance) = try domainRepositories()
        try sales.tag("v1")
        let manifest = try String(contentsOf: sales.work.appendingPathComponent("products/orders/product.odps.yaml"), encoding: .utf8)
        let later = manifest.replacingOccurrences(of: "purpose: Every order.", with: "purpose: Every order, now with returns.")
        XCTAssertNotEqual(later, manifest)
        try sales.commit(["products/orders/product.odps.yaml": later], date: "2024-06-01T00:00:00Z")
        let page = "products/sales/orders/index.html"
        let onMain = SiteFixture.text(try site(try gitMesh("  - git: \(sales.url)\n  - git: \(finance.url)\n")), page)
        XCTAssertTrue(onMain.contains("now with returns"), onMain)
        let atTag = SiteFixture.text(try site(try gitMesh("  - git: \(sales.url)\n    ref: v1\n  - git: \(finance.url)\n")), page)
        XCTAssertFalse(atTag.contains("now with returns"), atTag)
        XCTAssertTrue(atTag.contains("2024-01-02"), atTag)
        let back = SiteFixture.text(try site(try gitMesh("  - git: \(sales.url)\n  - git: \(finance.url)\n")), page)
        XCTAssertEqual(back, onMain, "switching back gives the branch's files again")
    }

    func testSubpathsOfOneRepositoryAreSourcesOfTheirOwn() throws {
        let folders = try TemporaryMesh(MiniMesh.files)
        let mono = try git.repository("mono")
        try mono.commitTree(folders.url("domains"), date: "2024-01-02T03:04:05Z")
        let site = try site(try gitMesh("  - git: \(mono.url)\n    subpath: sales\n  - git: \(mono.url)\n    subpath: finance\n"))
        let orders = SiteFixture.text(site, "products/sales/orders/index.html")
        XCTAssertTrue(orders.contains("<code>sales/products/orders/product.odps.yaml</code>"), "the path inside the repository: \(orders)")

        XCTAssertThrowsError(try build(try gitMesh("  - git: \(mono.url)\n    subpath: marketing\n"))) { error in
            let diagnostics = (error as? MeshLoader.ConfigurationError)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.map(\.rule), ["config.source.git.subpath"])
            XCTAssertEqual(diagnostics.first?.location?.description, "mesh.yaml:3:10")
        }
    }

    func testAFolderSourceThatIsItsOwnRepositoryHasHistoryUnlessItIsAShallowClone() throws {
        let (mesh, sales, _) = try domainRepositories()
        try sales.commit(["products/orders/docs/usage.md": "# Usage\n\n## Querying\n"], author: "Cy Cole", date: "2024-05-06T07:08:09Z")
        try FileManager.default.removeItem(at: mesh.url("domains/sales"))
        try GitFixture.clone(sales.url, into: mesh.url("domains/sales"))
        let full = try build(mesh)
        XCTAssertEqual(full.diagnostics.filter { $0.rule.hasPrefix("config.") }.map(\.message), [])
        let usage = SiteFixture.text(try XCTUnwrap(full.site), "products/sales/orders/usage.html")
        XCTAssertTrue(usage.contains("<code>products/orders/docs/usage.md</code> at commit"), usage)
        XCTAssertTrue(usage.contains(#"<time datetime="2024-05-06T07:08:09Z">2024-05-06</time> by Cy Cole"#), usage)

        try FileManager.default.removeItem(at: mesh.url("domains/sales"))
        try GitFixture.clone(sales.url, into: mesh.url("domains/sales"), depth: 1)
        let shallow = try build(mesh)
        let warning = try XCTUnwrap(shallow.diagnostics.first { $0.rule == "config.source.history" })
        XCTAssertTrue(warning.message.contains("'domains/sales' is a shallow clone"), warning.message)
        XCTAssertEqual(warning.location?.description, "mesh.yaml:3:11")
        let page = SiteFixture.text(try XCTUnwrap(shallow.site), "products/sales/orders/usage.html")
        XCTAssertTrue(page.contains("at commit"), page)
        XCTAssertFalse(page.contains("Last changed"), "a shallow clone's dates would all be its one commit's: \(page)")
    }

    func testAFolderSourceHasHistoryOnlyAtItsRepositoryRootOrWhenAsked() throws {
        let mesh = try TemporaryMesh(MiniMesh.files)
        // The mesh folder is a repository; the domains are folders inside it, as SampleMesh is in meshport's.
        let identity = ["-c", "user.name=Dee Dunn", "-c", "user.email=d@example.com"]
        for step in [["init", "--quiet"], ["add", "-A"], ["commit", "--quiet", "--no-gpg-sign", "-m", "Mesh"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git"] + identity + ["-C", mesh.root.path] + step
            process.environment = ProcessInfo.processInfo.environment.merging(["GIT_AUTHOR_DATE": "2024-07-08T09:10:11Z",
                                                                              "GIT_COMMITTER_DATE": "2024-07-08T09:10:11Z"]) { _, new in new }
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
        }
        let plain = SiteFixture.text(try SiteFixture.site(mesh.root), "products/sales/orders/index.html")
        XCTAssertFalse(plain.contains("at commit"), "a folder inside a working tree has no history unless asked: \(plain)")
        XCTAssertTrue(plain.contains("<code>domains/sales/products/orders/product.odps.yaml</code>"), plain)

        try Data("title: Mini Mesh\nsources:\n  - path: domains/*\n    history: true\n".utf8).write(to: mesh.url("mesh.yaml"))
        let asked = SiteFixture.text(try SiteFixture.site(mesh.root), "products/sales/orders/index.html")
        XCTAssertTrue(asked.contains(#"<code>domains/sales/products/orders/product.odps.yaml</code> at commit"#), asked)
        XCTAssertTrue(asked.contains(#"<time datetime="2024-07-08T09:10:11Z">2024-07-08</time> by Dee Dunn"#), asked)
    }
}
