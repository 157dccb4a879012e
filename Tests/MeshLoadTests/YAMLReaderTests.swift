import MeshModel
import XCTest
@testable import MeshLoad

final class YAMLReaderTests: XCTestCase {
    func testKeepsLineAndColumnOfEveryKeyAndValue() throws {
        let text = "name: Orders\nports:\n  - name: a\n    version: 1.0\n"
        guard case .documents(let docs) = YAMLReader.read(text, file: "p.yaml") else { return XCTFail("parse failed") }
        let root = try XCTUnwrap(docs.first)
        XCTAssertEqual(root.pair("ports")?.key.location, SourceLocation(file: "p.yaml", line: 2, column: 1))
        let port = try XCTUnwrap(root["ports"]?.items.first)
        XCTAssertEqual(port["version"]?.location, SourceLocation(file: "p.yaml", line: 4, column: 14))
        // A plain 1.0 is a YAML float, but the reader keeps the text as written.
        XCTAssertEqual(port["version"]?.scalar, "1.0")
    }

    func testQuotedScalarsAreStrings() throws {
        guard case .documents(let docs) = YAMLReader.read("a: 'true'\nb: true\nc: ~\n", file: "x.yaml") else { return XCTFail() }
        XCTAssertNil(docs[0]["a"]?.bool)
        XCTAssertEqual(docs[0]["b"]?.bool, true)
        XCTAssertNil(docs[0]["c"]?.scalar)
    }

    func testReadsEveryDocumentOfAStream() {
        guard case .documents(let docs) = YAMLReader.read("kind: A\n---\nkind: B\n---\nkind: C\n", file: "x.yaml") else { return XCTFail() }
        XCTAssertEqual(docs.map { $0["kind"]?.text }, ["A", "B", "C"])
        XCTAssertEqual(docs[2].location.line, 5)
    }

    func testSyntaxErrorIsLocated() {
        guard case .failed(let diagnostic) = YAMLReader.read("name: a\nports: [a, b\nstatus: x\n", file: "bad.yaml") else {
            return XCTFail("expected a syntax error")
        }
        XCTAssertEqual(diagnostic.rule, "yaml.syntax")
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location?.file, "bad.yaml")
        XCTAssertEqual(diagnostic.location?.line, 3)
    }

    func testDuplicateKeyIsAnError() {
        guard case .failed(let diagnostic) = YAMLReader.read("id: a\nid: b\n", file: "dup.yaml") else {
            return XCTFail("expected a duplicate-key error")
        }
        XCTAssertEqual(diagnostic.rule, "yaml.key.duplicate")
    }

    func testNumbersAreTypedAsYamsTypesThem() {
        let expected: [(String, YAMLNode.ScalarKind)] = [
            ("0", .int), ("7", .int), ("-12", .int), ("+3", .int), ("123456789012345678", .int), ("1.0", .float),
            ("-0.5", .float), ("10.25", .float), ("01", .int), ("007", .int), ("1.", .float), (".5", .float),
            ("1e3", .float), ("1_000", .int), ("0x1F", .int), ("2024-01-01", .string), ("1.0.0", .string),
            ("12:30", .int), ("1234567890123456789012", .float), ("'1'", .string),
        ]
        for (text, kind) in expected {
            guard case .documents(let docs) = YAMLReader.read("v: \(text)\n", file: "n.yaml"),
                  case .scalar(_, let actual)? = docs.first?["v"]?.value else { return XCTFail(text) }
            XCTAssertEqual(actual, kind, text)
        }
    }

    func testManyDuplicatesStillEndInOneLocatedError() {
        let text = (1...20).map { "k: \($0)\n" }.joined()
        guard case .failed(let d) = YAMLReader.read(text, file: "dup.yaml") else { return XCTFail("expected a duplicate") }
        XCTAssertEqual(d.rule, "yaml.key.duplicate")
        XCTAssertGreaterThan(d.location?.line ?? 0, 1)
        XCTAssertEqual(d.notes.first?.location?.line, (d.location?.line ?? 0) - 1)
    }
}
