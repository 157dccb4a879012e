import Foundation
import MeshFuzz
import MeshTestSupport
import PortalRender
import XCTest

/// The rendered output as an attacker would read it: MarkupAudit (the fuzz targets' oracle) finds
/// injected markup, and finds none in SampleMesh's site or in the site of the hostile mesh that
/// Tests/browser/hostile_mesh.py writes (every free-text field and every doc full of payloads).
final class HostileOutputTests: XCTestCase {
    func testTheAuditFindsEveryKindOfInjection() {
        let injected = [
            "<p>x<script>alert(1)</script></p>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\" JaVa&#x09;ScRiPt:alert(1)\">x</a>", "<a href=\"java&Tab;script:alert(1)\">x</a>",
            "<iframe srcdoc=\"x\"></iframe>", "<svg><a xlink:href=\"data:text/html,x\"><text>x</text></a></svg>",
            "<div style=\"x\">", "<meta http-equiv=\"refresh\" content=\"0\">", "<script src=\"https://evil.example/x.js\"></script>",
            "<form><button formaction=\"javascript:alert(1)\">x</button></form>", "<math><mi>x</mi></math>",
            "<script src=\"assets/search-key.js\">alert(1)</script>", "<a\thref=vbscript:msgbox(1)>x</a>",
        ]
        for html in injected { XCTAssertFalse(MarkupAudit.problems(in: html, file: "t.html").isEmpty, html) }
        let clean = [
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1) javascript:alert(1)</p>",
            "<a href=\"https://x.example/?a=1&amp;b=2\" rel=\"noopener\">x</a>", "<a href=\"../index.html#a\">x</a>",
            "<img src=\"images/x.svg\" alt=\"&quot;&gt;&lt;script&gt;\">", "<!-- raw HTML omitted -->",
            "<script src=\"../assets/search-key.js\" defer></script>", "<a href=\"mailto:a@b.example\">a</a>",
        ]
        for html in clean { XCTAssertEqual(MarkupAudit.problems(in: html, file: "t.html"), [], html) }
    }

    func audit(_ site: RenderedSite) -> [String] {
        site.paths.filter { $0.hasSuffix(".html") }.flatMap { MarkupAudit.problems(in: SiteFixture.text(site, $0), file: $0) }
    }

    func testSampleMeshPassesTheAudit() throws {
        XCTAssertEqual(audit(try SiteFixture.site(Repository.sampleMesh)), [])
    }

    func testTheHostileMeshBuildsAndPassesTheAudit() throws {
        let mesh = try TemporaryMesh([:])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.root.appendingPathComponent("Tests/browser/hostile_mesh.py").path, "--out", mesh.root.path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let outcome = try SiteFixture.build(mesh.root)
        XCTAssertEqual(outcome.diagnostics.filter { $0.severity == .error }.map(\.message), [])
        XCTAssertGreaterThan(outcome.diagnostics.filter { $0.rule == "link.scheme.unsafe" }.count, 100)
        XCTAssertEqual(outcome.diagnostics.filter { $0.rule == "url.scheme.unsafe" }.count, 6)
        let site = try XCTUnwrap(outcome.site)
        XCTAssertEqual(audit(site), [])
        // The payloads are on the pages, as text.
        let home = SiteFixture.text(site, "index.html")
        XCTAssertTrue(home.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the mesh title carries payload 1")
    }
}
