@testable import PortalRender
import XCTest

/// What a page leaves out stays out: swift-mustache looks a missing name up in the enclosing
/// contexts, which showed a schema's description and business name on each of its columns that had
/// none of their own.
final class TemplateContextTests: XCTestCase {
    private func render(_ template: String, _ context: [String: Any]) throws -> String {
        try Theme(templates: Dictionary(uniqueKeysWithValues: Theme.requiredTemplates.map { ($0, "") } + [("t", template)]),
                  assets: [:]).render("t", context)
    }

    func testANilValueIsNotTakenFromAnEnclosingContext() throws {
        let context: [String: Any] = [
            "description": "the schema",
            "columns": [["name": "a", "description": "column a"], ["name": "b", "description": nil as String? as Any]],
        ]
        XCTAssertEqual(try render("{{#columns}}[{{name}}:{{description}}]{{/columns}}", context), "[a:column a][b:]")
        XCTAssertEqual(try render("{{#columns}}{{#description}}<{{.}}>{{/description}}{{^description}}-{{/description}}{{/columns}}", context),
                       "<column a>-")
    }

    func testTextIsEscapedSortedAndTransformedAsAString() throws {
        let context: [String: Any] = ["name": "<b>&\"'", "tags": ["b", "a"], "empty": ""]
        XCTAssertEqual(try render("{{name}}|{{{name}}}|{{uppercased(name)}}", context), "&lt;b&gt;&amp;&quot;&#39;|<b>&\"'|&lt;B&gt;&amp;&quot;&#39;")
        XCTAssertEqual(try render("{{#sorted(tags)}}{{.}}{{/sorted(tags)}}|{{#empty(empty)}}none{{/empty(empty)}}", context), "ab|none")
    }
}
