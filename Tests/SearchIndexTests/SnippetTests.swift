@testable import SearchIndex
import XCTest

/// Snippets read ASCII text as bytes and other text as scalars; both must cut at the same places.
final class SnippetTests: XCTestCase {
    private let words = (0..<60).map { "word\($0)" }.joined(separator: " ")

    func testHeadKeepsShortTextAndCutsLongTextAtAWord() {
        XCTAssertEqual(Snippet.head("short", length: 10), "short")
        XCTAssertEqual(Snippet.head("one two three four", length: 10), "one two…")
        XCTAssertEqual(Snippet.head("óne two three four", length: 10), "óne two…")
        XCTAssertEqual(Snippet.head("exactly10!", length: 10), "exactly10!")
        XCTAssertEqual(Snippet.head("ab✓", length: 3), "ab✓")
    }

    func testAroundStartsAtAWordBeforeTheOffsetWhetherOrNotTheTextIsASCII() {
        let offset = (words as NSString).range(of: "word30").location
        let ascii = Snippet.around(words, offset: offset, length: 40)
        XCTAssertEqual(ascii, "…word29 word30 word31 word32 word33…")
        // One two-byte scalar in front moves every scalar offset by one, not by its byte count.
        let accented = Snippet.around("é" + words, offset: offset + 1, length: 40)
        XCTAssertEqual(accented, ascii)
        // Near the end the excerpt ends with the text.
        let last = (words as NSString).range(of: "word59").location
        XCTAssertEqual(Snippet.around(words, offset: last, length: 40), "…word55 word56 word57 word58 word59")
        XCTAssertEqual(Snippet.around("é" + words, offset: last + 1, length: 40), "…word55 word56 word57 word58 word59")
    }
}
