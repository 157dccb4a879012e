@testable import SearchIndex
import XCTest

final class TermTableTests: XCTestCase {
    private func number(_ table: inout TermTable, _ term: String, fold: Bool = false) -> (Int32, Bool) {
        var term = term
        return term.withUTF8 { table.number(of: $0, foldCase: fold) }
    }

    func testEveryTermKeepsItsNumberThroughGrowth() {
        var table = TermTable()
        let terms = (0..<5_000).map { "term\($0)" }
        for (i, term) in terms.enumerated() {
            let (n, isNew) = number(&table, term)
            XCTAssertEqual(n, Int32(i))
            XCTAssertTrue(isNew)
        }
        for (i, term) in terms.enumerated() {
            let (n, isNew) = number(&table, term)
            XCTAssertEqual(n, Int32(i))
            XCTAssertFalse(isNew)
            XCTAssertEqual(table.term(i), term)
        }
        XCTAssertEqual(table.count, terms.count)
    }

    func testFoldedPlainWordsMeetTheirLowerCaseTerms() {
        var table = TermTable()
        XCTAssertEqual(number(&table, "customer").0, 0)
        XCTAssertEqual(number(&table, "Customer", fold: true).0, 0)
        XCTAssertEqual(number(&table, "CUSTOMER", fold: true).0, 0)
        // Without folding, case matters; a prefix is another term.
        XCTAssertEqual(number(&table, "Customer").0, 1)
        XCTAssertEqual(number(&table, "custom").0, 2)
        XCTAssertEqual(table.term(0), "customer")
    }
}
