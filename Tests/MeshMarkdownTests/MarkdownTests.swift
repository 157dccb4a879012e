import XCTest
@testable import MeshMarkdown

final class MarkdownTests: XCTestCase {
    func testHeadingAnchorsMatchGitHub() {
        var anchors = HeadingAnchor()
        XCTAssertEqual(anchors.next(for: "Getting Started"), "getting-started")
        XCTAssertEqual(anchors.next(for: "What's new in v2.0?"), "whats-new-in-v20")
        XCTAssertEqual(anchors.next(for: "Getting Started"), "getting-started-1")
        XCTAssertEqual(anchors.next(for: "Getting Started"), "getting-started-2")
        XCTAssertEqual(anchors.next(for: "snake_case & more"), "snake_case--more")
        XCTAssertEqual(anchors.next(for: "Überblick"), "überblick")
    }

    func testOutlineHasTitleHeadingsAndLocatedLinks() {
        let doc = MarkdownOutline.read("# Orders\n\nSee [usage](usage.md#x) and ![img](a.png).\n\n## Usage `sql`\n", file: "d/README.md")
        XCTAssertEqual(doc.title, "Orders")
        XCTAssertEqual(doc.headings.map(\.anchor), ["orders", "usage-sql"])
        XCTAssertEqual(doc.links.map(\.destination), ["usage.md#x", "a.png"])
        XCTAssertEqual(doc.links.first?.location.line, 3)
        XCTAssertEqual(doc.links.first?.location.column, 5)
    }

    func testRendersGFMAndDropsRawHTML() {
        let html = MarkdownRenderer.render("""
            # Title

            | a | b |
            |---|---|
            | 1 | 2 |

            ~~old~~ https://example.com

            - [x] done

            <script>alert(1)</script>

            <b onclick="x()">bold</b>
            """) { _, _ in .keep }
        XCTAssertTrue(html.contains("<h1 id=\"title\">Title</h1>"))
        XCTAssertTrue(html.contains("<div class=\"table-wrap\"><table>"))
        XCTAssertTrue(html.contains("<del>old</del>"))
        XCTAssertTrue(html.contains("<a href=\"https://example.com\">"))
        XCTAssertTrue(html.contains("type=\"checkbox\""))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("onclick"))
    }

    func testRewritesLinksAndImages() {
        let html = MarkdownRenderer.render("[a](usage.md#q) ![i](img/x.png) [e](https://e.example)") { dest, isImage in
            dest == "usage.md#q" ? .target("usage.html#q") : isImage ? .target("img/x.png?v") : .keep
        }
        XCTAssertTrue(html.contains("href=\"usage.html#q\""))
        XCTAssertTrue(html.contains("src=\"img/x.png?v\""))
        XCTAssertTrue(html.contains("href=\"https://e.example\""))
    }

    func testJavascriptLinksAreNeutralised() {
        let html = MarkdownRenderer.render("[x](javascript:alert(1))") { _, _ in .keep }
        XCTAssertFalse(html.contains("javascript:"))
    }
}

final class EmbeddedMarkdownTests: XCTestCase {
    func testLandingDocLosesItsTitleAndNestsUnderThePageSection() {
        let html = MarkdownRenderer.render("# Orders\n\nIntro.\n\n## Usage\n\n### Detail\n",
                                           options: .init(dropLeadingTitle: true, headingShift: 1)) { _, _ in .keep }
        XCTAssertFalse(html.contains("Orders"))
        XCTAssertTrue(html.contains("<h3 id=\"usage\">Usage</h3>"), html)
        XCTAssertTrue(html.contains("<h4 id=\"detail\">Detail</h4>"), html)
    }

    func testATitleAfterTextIsKept() {
        let html = MarkdownRenderer.render("Intro.\n\n# Orders\n", options: .init(dropLeadingTitle: true)) { _, _ in .keep }
        XCTAssertTrue(html.contains("<h1 id=\"orders\">Orders</h1>"), html)
    }
}
