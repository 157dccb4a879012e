@testable import SearchIndex
import XCTest

final class IndexEncodingTests: XCTestCase {
    func testDecimalDigits() {
        for value in [0, 7, 10, 99, 100, 12_345, 1_000_000] {
            var out: [UInt8] = []
            IndexEncoding.decimal(value, into: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), String(value))
        }
    }
}
