import MeshModel
@testable import SearchIndex
import XCTest

final class MarkdownSectionsTests: XCTestCase {
    func testSectionsFollowHeadingsWithTheirAnchorsAndPlainText() {
        let text = """
            # Orders

            Intro with a [link](https://x.example/y) and `code`.

            ## Columns

            ```sql
            # not a heading
            select customer_id from orders
            ```

            Setext heading
            --------------
            Body **bold**.
            """
        let doc = MarkdownDocument(file: "a.md", text: text, title: "Orders", headings: [
            .init(level: 1, text: "Orders", anchor: "orders"), .init(level: 2, text: "Columns", anchor: "columns"),
            .init(level: 2, text: "Setext heading", anchor: "setext-heading"),
        ], links: [])
        let sections = MarkdownSections.split(doc)
        XCTAssertEqual(sections.map(\.heading), ["Orders", "Columns", "Setext heading"])
        XCTAssertEqual(sections.map(\.anchor), ["orders", "columns", "setext-heading"])
        XCTAssertEqual(sections[0].text, "Intro with a link and code .")
        XCTAssertEqual(sections[1].text, "not a heading select customer_id from orders")
        XCTAssertEqual(sections[2].text, "Body bold .")
    }
}
