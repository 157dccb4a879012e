@testable import PortalRender
import XCTest

/// Escaping works on bytes, not Characters: a quote or `<` followed by a combining mark is one
/// Character that equals neither, and must still be escaped.
final class EscapingTests: XCTestCase {
    func testMarkupCharactersFollowedByCombiningMarksAreEscaped() {
        let hostile = "\"\u{301} onmouseover=alert(1) <\u{301}svg '\u{301} &\u{301}"
        let expected = "&quot;\u{301} onmouseover=alert(1) &lt;\u{301}svg &#39;\u{301} &amp;\u{301}"
        // The one escape of theme text, the lineage SVG and the sitemap.
        XCTAssertEqual(HTMLText.escape(hostile), expected)
    }
}
