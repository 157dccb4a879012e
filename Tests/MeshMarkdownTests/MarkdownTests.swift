import Foundation
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

    func testSectionsHoldThePlainTextUnderEachHeading() {
        let text = """
            Lead <b>in</b> &amp; out.

            # Orders

            Intro with a [link](https://x.example/y) and `code`.

            ## Columns

            ```sql
            # not a heading
            select customer_id from orders
            ```

            | col | meaning |
            |-----|---------|
            | id  | key     |

            Setext heading
            --------------
            Body **bold**,
            next line.
            """
        let doc = MarkdownOutline.read(text, file: "a.md")
        XCTAssertEqual(doc.headings.map(\.text), ["Orders", "Columns", "Setext heading"])
        XCTAssertEqual(doc.sections.map(\.heading), [nil, 0, 1, 2])
        XCTAssertEqual(doc.sections.map(\.text), [
            "Lead in & out.",
            "Intro with a link and code.",
            "# not a heading select customer_id from orders col meaning id key",
            "Body bold, next line.",
        ])
    }

    func testAnEmptyHeadingStillHasASection() {
        let doc = MarkdownOutline.read("# A\n\n# B\n\ntext\n", file: "a.md")
        XCTAssertEqual(doc.sections, [.init(heading: 0, text: ""), .init(heading: 1, text: "text")])
    }

    /// cmark-gfm toggles its extensions' special characters in a global table while it parses, so
    /// documents parsed at once on several threads lost strikethrough and autolinks at random.
    func testDocumentsParsedOnManyThreadsKeepTheirExtensions() {
        let text = "Some ~~old~~ text, see www.example.com and ~~more~~.\n\n| a | b |\n|---|---|\n| ~~x~~ | y |\n"
        let count = 4000
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
        defer { results.deallocate() }
        results.initialize(repeating: false)
        nonisolated(unsafe) let shared = results
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let html = MarkdownRenderer.render(text) { _, _ in .keep }
            let outline = MarkdownOutline.read(text, file: "d\(i).md")
            shared[i] = html.components(separatedBy: "<del>").count == 4 && html.contains("href=\"http://www.example.com\"")
                && outline.links.count == 1
        }
        XCTAssertEqual(results.filter { !$0 }.count, 0, "every document keeps its strikethrough and autolink")
    }
}
