import Foundation
import MeshModel
import SchemaValidation
import XCTest

/// Building the registry: lookups by name and `$id`, and schema problems that must fail early.
final class RegistryTests: XCTestCase {
    func testSchemasAreFoundByNameAndByID() throws {
        let registry = SchemaFixtures.standardRegistry
        XCTAssertEqual(registry.documentNames, SchemaFixtures.schemaNames)
        for name in ["odps/odps-json-schema-v1.0.0.json", "GroupV1alpha1", "backstage/kinds/Group.v1alpha1.schema.json",
                     "Entity", "EntityMeta", "common", "common#reference", "common#/definitions/relation"] {
            XCTAssertTrue(registry.contains(name), name)
            XCTAssertNoThrow(try JSONSchemaValidator(registry: registry, schema: name), name)
        }
        XCTAssertFalse(registry.contains("Nope"))
        XCTAssertFalse(registry.contains("common#nope"))
    }

    func testUnknownSchemaIsAnError() {
        XCTAssertThrowsError(try JSONSchemaValidator(registry: SchemaFixtures.standardRegistry, schema: "odcs-v9.json")) {
            XCTAssertEqual($0 as? SchemaError, .unknownSchema("odcs-v9.json"))
        }
    }

    func testBrokenSchemasFailWhenTheRegistryIsBuilt() {
        XCTAssertThrowsError(try SchemaFixtures.registry([("bad.json", "{\"type\": ")])) {
            guard case .invalidJSON(let document, _)? = $0 as? SchemaError else { return XCTFail("\($0)") }
            XCTAssertEqual(document, "bad.json")
        }
        XCTAssertThrowsError(try SchemaFixtures.registry([("a.json", ##"{"properties": {"x": {"$ref": "#/$defs/Missing"}}}"##)])) {
            XCTAssertEqual($0 as? SchemaError, .unresolvableReference("#/$defs/Missing", in: "a.json#/properties/x"))
        }
        XCTAssertThrowsError(try SchemaFixtures.registry([("a.json", #"{"$ref": "Elsewhere"}"#)]))
        XCTAssertThrowsError(try SchemaFixtures.registry([("a.json", #"{"pattern": "([a-z"}"#)])) {
            guard case .invalidPattern("([a-z", _, _)? = $0 as? SchemaError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try SchemaFixtures.registry([("a.json", #"{"$id": "X"}"#), ("b.json", #"{"$id": "X"}"#)])) {
            XCTAssertEqual($0 as? SchemaError, .duplicateIdentifier("X", documents: ["a.json", "b.json"]))
        }
    }

    func testRelativeReferencesAgainstAbsoluteIDs() throws {
        let address = #"{"$id": "https://example.com/schemas/address.json", "type": "object", "required": ["city"]}"#
        let person = #"{"$id": "https://example.com/schemas/person.json", "properties": {"home": {"$ref": "address.json"}}}"#
        let registry = try SchemaFixtures.registry([("person", person), ("address", address)])
        let found = try SchemaFixtures.validate("home: {street: x}", against: "https://example.com/schemas/person.json", registry: registry)
        XCTAssertEqual(SchemaFixtures.summary(found), ["1:7 missingKey home.city"])
    }

    func testAnchors() throws {
        let schema = ##"{"$defs": {"n": {"$anchor": "name", "type": "string"}}, "properties": {"a": {"$ref": "#name"}}}"##
        XCTAssertEqual(SchemaFixtures.summary(try SchemaFixtures.check(schema: schema, "a: 1")), ["1:4 wrongType a"])
    }
}
