import MeshModel
import SchemaValidation
import XCTest

/// Every violation points at the exact file:line:column a person has to edit.
final class PositionTests: XCTestCase {
    private let schema = #"""
    {"type": "object", "required": ["id"], "additionalProperties": false,
     "properties": {
       "id": {"type": "string"},
       "status": {"type": "string"},
       "tags": {"type": "array", "items": {"type": "string"}},
       "owner": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}}}}
    """#

    func testUnknownKeyPointsAtTheKey() throws {
        let found = try SchemaFixtures.check(schema: schema, "id: a\n  # comment\nextra:\n  nested: 1\n")
        XCTAssertEqual(found.map(\.location), [SourceLocation(file: "test.yaml", line: 3, column: 1)])
        XCTAssertEqual(found.map(\.path), ["extra"])
    }

    func testWrongValuePointsAtTheValue() throws {
        let found = try SchemaFixtures.check(schema: schema, "id: a\nstatus:   7\ntags:\n  - ok\n  - 3\n")
        XCTAssertEqual(SchemaFixtures.summary(found), ["2:11 wrongType status", "5:5 wrongType tags[1]"])
    }

    func testEmptyValuePointsAtTheEndOfItsKey() throws {
        let found = try SchemaFixtures.check(schema: schema, "id: a\nstatus:\n")
        XCTAssertEqual(SchemaFixtures.summary(found), ["2:8 wrongType status"])
        XCTAssertEqual(found.first?.message, "'status' must be a string, found an empty value")
    }

    func testMissingKeyPointsAtTheMappingThatLacksIt() throws {
        let found = try SchemaFixtures.check(schema: schema, "id: a\nowner:\n    email: x@example.com\n")
        XCTAssertEqual(SchemaFixtures.summary(found), ["3:5 missingKey owner.name"])
        XCTAssertEqual(found.first?.message, "missing required key 'name' in owner")
    }

    func testFlowStyleCollections() throws {
        let found = try SchemaFixtures.check(schema: schema, "{id: a, tags: [x, 1], owner: {name: 2}}")
        XCTAssertEqual(SchemaFixtures.summary(found), ["1:19 wrongType tags[1]", "1:37 wrongType owner.name"])
    }

    func testQuotedAndBlockScalars() throws {
        let found = try SchemaFixtures.check(schema: schema, "id: \"a\"\nstatus: |\n  active\ntags: ['1', \"2\", 3]\n")
        XCTAssertEqual(SchemaFixtures.summary(found), ["4:18 wrongType tags[2]"])
    }

    func testLaterDocumentsOfAMultiDocumentFileKeepTheirLines() throws {
        let yaml = "id: a\n---\nid: b\n---\n# third\nid: 3\n"
        let found = try SchemaFixtures.check(schema: schema, yaml)
        XCTAssertEqual(SchemaFixtures.summary(found), ["6:5 wrongType id"])
    }

    func testTheFileNameIsTheOneTheReaderWasGiven() throws {
        let registry = try SchemaFixtures.registry([("main", schema)])
        let found = try SchemaFixtures.validate("id: 1", against: "main", registry: registry, file: "domains/sales/product.yaml")
        XCTAssertEqual(found.map(\.location.description), ["domains/sales/product.yaml:1:5"])
    }

    func testViolationsComeInReadingOrder() throws {
        let yaml = "tags: [1]\nowner: {}\nextra: x\nstatus: 2\n"
        let found = try SchemaFixtures.check(schema: schema, yaml)
        XCTAssertEqual(SchemaFixtures.summary(found), [
            "1:1 missingKey id", "1:8 wrongType tags[0]", "2:8 missingKey owner.name", "3:1 unknownKey extra", "4:9 wrongType status",
        ])
        XCTAssertEqual(found, found.sorted { ($0.location, $0.path) < ($1.location, $1.path) })
    }
}
