import SearchIndex
import XCTest

final class TokenizerTests: XCTestCase {
    func testSnakeCamelAndDottedNamesGiveTheirPartsAndTheWhole() {
        XCTAssertEqual(Tokenizer.terms("customer_id"), ["customer", "id", "customer_id"])
        XCTAssertEqual(Tokenizer.terms("customerId"), ["customer", "id", "customer_id"])
        XCTAssertEqual(Tokenizer.terms("HTTPServer"), ["http", "server", "http_server"])
        XCTAssertEqual(Tokenizer.terms("orders.customer_id"), ["orders", "customer", "id", "customer_id", "orders.customer_id"])
        XCTAssertEqual(Tokenizer.terms("order-events"), ["order", "events", "order_events"])
    }

    func testPlainTextIsLowerCasedFoldedAndSplitAtPunctuation() {
        XCTAssertEqual(Tokenizer.terms("Café Orders, (daily)!"), ["cafe", "orders", "daily"])
        XCTAssertEqual(Tokenizer.terms("a b see."), ["see"])
        XCTAssertEqual(Tokenizer.canonicalWords("Order Events"), ["order", "events"])
    }

    func testWordOffsetsCountScalars() {
        var offsets: [Int] = []
        Tokenizer.forEachWord("é ab  cd_e") { offsets.append($0.offset) }
        XCTAssertEqual(offsets, [0, 2, 6])
    }
}
