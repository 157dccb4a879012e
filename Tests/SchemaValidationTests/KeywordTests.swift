import MeshModel
import SchemaValidation
import XCTest

/// One test per keyword (or keyword family), against small inline schemas.
final class KeywordTests: XCTestCase {
    private let draft2019 = #""$schema": "https://json-schema.org/draft/2019-09/schema""#
    private let draft07 = #""$schema": "http://json-schema.org/draft-07/schema""#

    private func check(_ schema: String, _ yaml: String, others: [(String, String)] = []) throws -> [SchemaViolation] {
        try SchemaFixtures.check(schema: schema, yaml, others: others)
    }

    private func summary(_ schema: String, _ yaml: String, others: [(String, String)] = []) throws -> [String] {
        SchemaFixtures.summary(try check(schema, yaml, others: others))
    }

    // MARK: - type

    func testTypeStringAcceptsOnlyStrings() throws {
        let schema = #"{"type": "string"}"#
        XCTAssertEqual(try summary(schema, "hello"), [])
        XCTAssertEqual(try summary(schema, "'1.0'"), [])
        XCTAssertEqual(try summary(schema, "2023-01-15"), [], "an unquoted date is a string")
        XCTAssertEqual(try summary(schema, "1.0"), ["1:1 wrongType "])
        XCTAssertEqual(try summary(schema, "true"), ["1:1 wrongType "])
        XCTAssertEqual(try summary(schema, "~"), ["1:1 wrongType "])
        XCTAssertEqual(try summary(schema, "[a]"), ["1:1 wrongType "])
        XCTAssertEqual(try summary(schema, "{a: 1}"), ["1:1 wrongType "])
    }

    func testIntegerAndNumber() throws {
        let integer = #"{"type": "integer"}"#
        let number = #"{"type": "number"}"#
        XCTAssertEqual(try summary(integer, "3"), [])
        XCTAssertEqual(try summary(integer, "3.0"), [], "a float without fraction is an integer (drafts 06+)")
        XCTAssertEqual(try summary(integer, "3.5"), ["1:1 wrongType "])
        XCTAssertEqual(try summary(integer, "'3'"), ["1:1 wrongType "])
        XCTAssertEqual(try summary(number, "3"), [], "an integer is a number")
        XCTAssertEqual(try summary(number, "3.5"), [])
        XCTAssertEqual(try summary(number, "0x1F"), [])
        XCTAssertEqual(try summary(number, "true"), ["1:1 wrongType "])
    }

    func testTypeArraysAndNullAndBoolean() throws {
        let schema = #"{"type": ["string", "null"]}"#
        XCTAssertEqual(try summary(schema, "x"), [])
        XCTAssertEqual(try summary(schema, "~"), [])
        XCTAssertEqual(try summary(schema, "1"), ["1:1 wrongType "])
        XCTAssertEqual(try summary(#"{"type": "boolean"}"#, "yes"), [], "YAML's yes is a boolean")
        XCTAssertEqual(try summary(#"{"type": "boolean"}"#, "'true'"), ["1:1 wrongType "])
        let violation = try XCTUnwrap(try check(schema, "1").first)
        XCTAssertEqual(violation.message, "the document must be a string or empty (null), found the number 1; quote it to keep it as text: \"1\"")
    }

    func testNumberWhereStringIsWantedSuggestsQuotes() throws {
        let schema = #"{"properties": {"version": {"type": "string"}}}"#
        let violation = try XCTUnwrap(try check(schema, "version: 1.0").first)
        XCTAssertEqual(violation.kind, .wrongType)
        XCTAssertEqual(violation.suggestion, "\"1.0\"")
        XCTAssertEqual(violation.message, "'version' must be a string, found the number 1.0; quote it to keep it as text: \"1.0\"")
        XCTAssertEqual(violation.path, "version")
    }

    func testStringWhereNumberIsWantedSuggestsUnquoting() throws {
        let schema = #"{"properties": {"port": {"type": "integer"}, "on": {"type": "boolean"}, "tags": {"type": "array"}}}"#
        let violations = try check(schema, "port: '5432'\non: 'true'\ntags: finance\n")
        XCTAssertEqual(violations.map(\.suggestion), ["5432", "true", "[finance]"])
        XCTAssertEqual(violations.map(\.kind), [.wrongType, .wrongType, .wrongType])
        XCTAssertEqual(violations[0].message, "'port' must be a whole number, found the string '5432'; remove the quotes to make it a number")
    }

    // MARK: - enum and const

    func testEnumWithSuggestion() throws {
        let schema = #"{"properties": {"status": {"enum": ["active", "draft", "retired"]}}}"#
        XCTAssertEqual(try summary(schema, "status: draft"), [])
        let violation = try XCTUnwrap(try check(schema, "status: actve").first)
        XCTAssertEqual(violation.kind, .notInEnum)
        XCTAssertEqual(violation.suggestion, "active")
        XCTAssertEqual(violation.message, "'status' must be one of 'active', 'draft', 'retired', found the string 'actve'; did you mean 'active'?")
        XCTAssertEqual(try check(schema, "status: Active").first?.suggestion, "active", "case slips are suggested too")
        XCTAssertNil(try check(schema, "status: unknown").first?.suggestion)
    }

    func testEnumComparesByJSONValue() throws {
        let schema = #"{"enum": [1, "1.0", true, null, [1, 2], {"a": 1}]}"#
        for accepted in ["1", "1.0", "'1.0'", "true", "~", "[1, 2]", "{a: 1}"] {
            XCTAssertEqual(try summary(schema, accepted), [], accepted)
        }
        for rejected in ["'1'", "2", "false", "[2, 1]", "{a: 2}", "'true'"] {
            XCTAssertEqual(try summary(schema, rejected), ["1:1 notInEnum "], rejected)
        }
        // A number that is allowed only as text: suggest quoting it.
        let versions = #"{"enum": ["1.0", "2.0"]}"#
        XCTAssertEqual(try check(versions, "2.0").first?.suggestion, "\"2.0\"")
    }

    func testConst() throws {
        let schema = #"{"properties": {"kind": {"const": "DataContract"}}}"#
        XCTAssertEqual(try summary(schema, "kind: DataContract"), [])
        let violation = try XCTUnwrap(try check(schema, "kind: Datacontract").first)
        XCTAssertEqual(violation.kind, .constMismatch)
        XCTAssertEqual(violation.suggestion, "DataContract")
        XCTAssertEqual(violation.message, "'kind' must be 'DataContract', found the string 'Datacontract'; did you mean 'DataContract'?")
    }

    // MARK: - strings and numbers

    func testMinLengthAndMaxLengthCountCharacters() throws {
        let schema = #"{"properties": {"name": {"minLength": 1}, "code": {"minLength": 3, "maxLength": 3}}}"#
        XCTAssertEqual(try summary(schema, "name: x\ncode: äöü"), [], "three characters, six bytes")
        let violations = try check(schema, "name: ''\ncode: ab")
        XCTAssertEqual(SchemaFixtures.summary(violations), ["1:7 tooShort name", "2:7 tooShort code"])
        XCTAssertEqual(violations[0].message, "'name' must not be empty")
        XCTAssertEqual(violations[1].message, "'code' must be at least 3 characters long, found 2")
        XCTAssertEqual(try summary(schema, "code: abcd"), ["1:7 other code"])
    }

    func testPatternIsUnanchoredAndAppliesToStringsOnly() throws {
        let schema = #"{"properties": {"id": {"pattern": "^[a-z0-9_-]+$"}, "word": {"pattern": "ab"}}}"#
        XCTAssertEqual(try summary(schema, "id: orders_v2\nword: xxabxx"), [])
        XCTAssertEqual(try summary(schema, "id: 12"), [], "pattern ignores numbers")
        let violation = try XCTUnwrap(try check(schema, "id: Orders V2").first)
        XCTAssertEqual(violation.kind, .pattern)
        XCTAssertEqual(violation.message, "'id' must match the pattern '^[a-z0-9_-]+$', found 'Orders V2'")
    }

    func testNumericRanges() throws {
        let schema = #"""
        {"properties": {
          "a": {"minimum": 1}, "b": {"maximum": 10}, "c": {"exclusiveMinimum": 0},
          "d": {"exclusiveMaximum": 5}, "e": {"multipleOf": 0.5}}}
        """#
        XCTAssertEqual(try summary(schema, "a: 1\nb: 10\nc: 0.1\nd: 4.9\ne: 2.5"), [])
        let violations = try check(schema, "a: 0\nb: 11\nc: 0\nd: 5\ne: 2.2")
        XCTAssertEqual(violations.map(\.kind), Array(repeating: .outOfRange, count: 5))
        XCTAssertEqual(violations.map(\.message), [
            "'a' must be at least 1, found the number 0",
            "'b' must be at most 10, found the number 11",
            "'c' must be greater than 0, found the number 0",
            "'d' must be less than 5, found the number 5",
            "'e' must be a multiple of 0.5, found the number 2.2",
        ])
        XCTAssertEqual(try summary(schema, "a: '0'"), [], "ranges ignore strings")
    }

    // MARK: - arrays

    func testItemsMinItemsAndUniqueItems() throws {
        let schema = #"{"properties": {"tags": {"type": "array", "items": {"type": "string"}, "minItems": 1, "uniqueItems": true}}}"#
        XCTAssertEqual(try summary(schema, "tags: [a, b]"), [])
        XCTAssertEqual(try summary(schema, "tags: []"), ["1:7 tooFewItems tags"])
        XCTAssertEqual(try summary(schema, "tags: [a, 2]"), ["1:11 wrongType tags[1]"])
        let duplicate = try check(schema, "tags:\n  - a\n  - b\n  - a\n")
        XCTAssertEqual(SchemaFixtures.summary(duplicate), ["4:5 duplicateItems tags[2]"])
        XCTAssertEqual(duplicate.first?.message, "duplicate item 'a' in 'tags': it repeats item 0")
        let mappings = try check(#"{"uniqueItems": true}"#, "[{a: 1, b: 2}, {b: 2, a: 1}]")
        XCTAssertEqual(SchemaFixtures.summary(mappings), ["1:16 duplicateItems [1]"], "key order does not matter")
    }

    func testTupleItemsAndMaxItems() throws {
        let schema = #"{"items": [{"type": "string"}, {"type": "integer"}], "additionalItems": false, "maxItems": 3}"#
        XCTAssertEqual(try summary(schema, "[a, 1]"), [])
        XCTAssertEqual(try summary(schema, "[1, a]"), ["1:2 wrongType [0]", "1:5 wrongType [1]"])
        XCTAssertEqual(try summary(schema, "[a, 1, x]"), ["1:8 other [2]"])
        XCTAssertEqual(try summary(schema, "[a, 1, x, y]"), ["1:1 other ", "1:8 other [2]", "1:11 other [3]"])
    }

    func testContains() throws {
        let schema = #"{"contains": {"const": "owner"}}"#
        XCTAssertEqual(try summary(schema, "[reader, owner]"), [])
        XCTAssertEqual(try summary(schema, "[reader]"), ["1:1 other "])
    }

    // MARK: - objects

    func testRequiredAndUnknownKeyWithSuggestion() throws {
        let schema = #"{"type": "object", "required": ["status", "id"], "additionalProperties": false,"#
            + #" "properties": {"status": {"type": "string"}, "id": {"type": "string"}, "name": {"type": "string"}}}"#
        let violations = try check(schema, "kind: DataProduct\nid: x\nstaus: active\n")
        XCTAssertEqual(SchemaFixtures.summary(violations), ["1:1 unknownKey kind", "1:1 missingKey status", "3:1 unknownKey staus"])
        XCTAssertEqual(violations[0].message, "unknown key 'kind' in the data product (allowed: id, name, status)")
        XCTAssertEqual(violations[1].message,
                       "missing required key 'status' in the data product; is 'staus' a misspelling of 'status'?")
        XCTAssertNil(violations[1].suggestion)
        XCTAssertEqual(violations[2].message, "unknown key 'staus' in the data product; did you mean 'status'?")
        XCTAssertEqual(violations[2].suggestion, "status")
    }

    func testAdditionalPropertiesAsSchemaAndPatternProperties() throws {
        let schema = #"""
        {"properties": {"name": {"type": "string"}},
         "patternProperties": {"^x-": {"type": "string"}},
         "additionalProperties": {"type": "integer"}}
        """#
        XCTAssertEqual(try summary(schema, "name: a\nx-team: b\ncount: 3"), [])
        XCTAssertEqual(try summary(schema, "name: a\nx-team: 1\ncount: c"), ["2:9 wrongType x-team", "3:8 wrongType count"])
        let patternsOnly = #"{"patternProperties": {"^[a-z]+$": true}, "additionalProperties": false}"#
        let violation = try XCTUnwrap(try check(patternsOnly, "ok: 1\nNot-OK: 2").first)
        XCTAssertEqual(violation.kind, .unknownKey)
        XCTAssertEqual(violation.message, "key 'Not-OK' in the document does not match the allowed key pattern '^[a-z]+$'")
    }

    func testPropertyCountsNamesAndDependencies() throws {
        let schema = #"""
        {"minProperties": 1, "maxProperties": 3, "propertyNames": {"pattern": "^[a-z]+$"},
         "dependentRequired": {"host": ["port"]}, "dependentSchemas": {"user": {"required": ["password"]}}}
        """#
        XCTAssertEqual(try summary(schema, "host: h\nport: 1"), [])
        XCTAssertEqual(try summary(schema, "{}"), ["1:1 other "])
        XCTAssertEqual(try summary(schema, "host: h"), ["1:1 missingKey port"])
        XCTAssertEqual(try summary(schema, "user: u"), ["1:1 missingKey password"])
        XCTAssertEqual(try summary(schema, "Bad: 1"), ["1:1 pattern Bad"])
        let draft07Dependencies = #"{\#(draft07), "dependencies": {"host": ["port"], "user": {"required": ["password"]}}}"#
        XCTAssertEqual(try summary(draft07Dependencies, "host: h\nuser: u"), ["1:1 missingKey password", "1:1 missingKey port"])
    }

    // MARK: - unevaluatedProperties (draft 2019-09)

    func testUnevaluatedPropertiesSeesThroughAllOfAndRef() throws {
        let schema = #"""
        {\#(draft2019),
         "$defs": {"Base": {"properties": {"id": {"type": "string"}}}},
         "$ref": "#/$defs/Base",
         "allOf": [{"properties": {"name": {"type": "string"}}}],
         "properties": {"kind": {"type": "string"}},
         "unevaluatedProperties": false}
        """#
        XCTAssertEqual(try summary(schema, "id: a\nname: b\nkind: c"), [])
        let violation = try XCTUnwrap(try check(schema, "id: a\nnmae: b").first)
        XCTAssertEqual(violation.kind, .unknownKey)
        XCTAssertEqual(violation.suggestion, "name", "suggestions come from every subschema's properties")
        XCTAssertEqual(try summary(schema, "id: 1"), ["1:5 wrongType id"],
                       "a key whose value is wrong is not reported a second time as unevaluated")
    }

    func testUnevaluatedPropertiesWithConditionalsAndAlternatives() throws {
        let schema = #"""
        {\#(draft2019),
         "properties": {"type": {"enum": ["a", "b"]}},
         "if": {"properties": {"type": {"const": "a"}}},
         "then": {"properties": {"onlyA": true}},
         "else": {"properties": {"onlyB": true}},
         "anyOf": [{"properties": {"x": true}}, {"properties": {"y": true}}],
         "unevaluatedProperties": false}
        """#
        XCTAssertEqual(try summary(schema, "type: a\nonlyA: 1\nx: 1\ny: 2"), [], "every valid anyOf branch counts")
        XCTAssertEqual(try summary(schema, "type: b\nonlyB: 1"), [])
        XCTAssertEqual(try summary(schema, "type: b\nonlyA: 1"), ["2:1 unknownKey onlyA"], "then does not apply when if fails")
        XCTAssertEqual(try summary(schema, "type: a\nonlyB: 1"), ["2:1 unknownKey onlyB"])
    }

    func testUnevaluatedPropertiesIsIgnoredInDraft07() throws {
        let schema = #"{\#(draft07), "properties": {"a": true}, "unevaluatedProperties": false}"#
        XCTAssertEqual(try summary(schema, "a: 1\nb: 2"), [])
    }

    func testUnevaluatedPropertiesAsSchema() throws {
        let schema = #"{\#(draft2019), "properties": {"a": true}, "unevaluatedProperties": {"type": "string"}}"#
        XCTAssertEqual(try summary(schema, "a: 1\nb: x"), [])
        XCTAssertEqual(try summary(schema, "a: 1\nb: 2"), ["2:4 wrongType b"])
    }

    // MARK: - combinators

    func testAllOf() throws {
        let schema = #"{"allOf": [{"required": ["a"]}, {"properties": {"a": {"type": "string"}}}]}"#
        XCTAssertEqual(try summary(schema, "a: x"), [])
        XCTAssertEqual(try summary(schema, "a: 1"), ["1:4 wrongType a"])
        XCTAssertEqual(try summary(schema, "b: 1"), ["1:1 missingKey a"])
    }

    func testAnyOfReportsTheClosestBranch() throws {
        let schema = #"""
        {"anyOf": [
          {"type": "array"},
          {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "size": {"type": "integer"}}}]}
        """#
        XCTAssertEqual(try summary(schema, "[1]"), [])
        XCTAssertEqual(try summary(schema, "name: a\nsize: 2"), [])
        // The mapping branch got furthest: its error is the one worth reading.
        XCTAssertEqual(try summary(schema, "name: a\nsize: big"), ["2:7 wrongType size"])
        // Every branch fails on the value's own type: one violation naming the accepted forms.
        let violation = try XCTUnwrap(try check(schema, "hello").first)
        XCTAssertEqual(violation.kind, .noMatchingAlternative)
        XCTAssertEqual(violation.message, "the document must be a mapping or a list, found the string 'hello'")
    }

    func testOneOfNeedsExactlyOne() throws {
        let schema = #"{"oneOf": [{"type": "integer"}, {"type": "number"}, {"type": "string", "pattern": "^v"}]}"#
        XCTAssertEqual(try summary(schema, "1.5"), [])
        XCTAssertEqual(try summary(schema, "v1"), [])
        let both = try check(schema, "2")
        XCTAssertEqual(SchemaFixtures.summary(both), ["1:1 other "])
        XCTAssertEqual(both.first?.message, "the document fits more than one of the allowed forms (a whole number and a number); it must fit exactly one")
        let none = try check(schema, "x1")
        XCTAssertEqual(none.first?.message, "the document must be a whole number, a number or a string matching '^v', found the string 'x1'")
    }

    func testOneOfWhereEveryBranchLacksAKey() throws {
        let schema = #"{"oneOf": [{"required": ["mustBe"]}, {"required": ["mustNotBe"]}]}"#
        let violation = try XCTUnwrap(try check(schema, "query: q").first)
        XCTAssertEqual(violation.kind, .missingKey)
        XCTAssertEqual(violation.message, "missing key in the document: it needs one of 'mustBe' or 'mustNotBe'")
    }

    func testNot() throws {
        let schema = #"{"properties": {"a": {"not": {"type": "string"}}}, "not": {"required": ["from"]}}"#
        XCTAssertEqual(try summary(schema, "a: 1"), [])
        XCTAssertEqual(try summary(schema, "a: x"), ["1:4 other a"])
        let violation = try XCTUnwrap(try check(schema, "to: x\nfrom: y").first)
        XCTAssertEqual(SchemaFixtures.summary([violation]), ["2:1 unknownKey from"])
        XCTAssertEqual(violation.message, "key 'from' is not allowed in the document")
    }

    func testIfThenElse() throws {
        let schema = #"""
        {"if": {"properties": {"kind": {"const": "table"}}, "required": ["kind"]},
         "then": {"required": ["columns"]},
         "else": {"properties": {"columns": false}}}
        """#
        XCTAssertEqual(try summary(schema, "kind: table\ncolumns: []"), [])
        XCTAssertEqual(try summary(schema, "kind: table"), ["1:1 missingKey columns"])
        XCTAssertEqual(try summary(schema, "kind: view"), [])
        XCTAssertEqual(try summary(schema, "kind: view\ncolumns: []"), ["2:10 other columns"])
    }

    // MARK: - $ref and booleans

    func testRefsWithinTheDocument() throws {
        let schema = #"""
        {"properties": {"a": {"$ref": "#/$defs/Name"}, "b": {"$ref": "#/definitions/Count"},
                        "c": {"$ref": "#/properties/a"}, "d": {"$ref": "#/$defs/a~1b"}},
         "$defs": {"Name": {"type": "string"}, "a/b": {"type": "boolean"}},
         "definitions": {"Count": {"type": "integer"}}}
        """#
        XCTAssertEqual(try summary(schema, "a: x\nb: 1\nc: y\nd: true"), [])
        XCTAssertEqual(try summary(schema, "a: 1\nb: x\nc: 2\nd: 3"),
                       ["1:4 wrongType a", "2:4 wrongType b", "3:4 wrongType c", "4:4 wrongType d"])
    }

    func testRecursiveRef() throws {
        let schema = ##"{"$defs": {"Node": {"properties": {"name": {"type": "string"}, "children": {"items": {"$ref": "#/$defs/Node"}}}}}, "$ref": "#/$defs/Node"}"##
        let yaml = "name: a\nchildren:\n  - name: b\n    children:\n      - name: 3\n"
        XCTAssertEqual(try summary(schema, yaml), ["5:15 wrongType children[0].children[0].name"])
    }

    func testRefsAcrossDocumentsByID() throws {
        let common = ##"{\##(draft07), "$id": "common", "definitions": {"ref": {"$id": "#reference", "type": "string", "minLength": 1}}}"##
        let entity = #"{\#(draft07), "$id": "Entity", "properties": {"owner": {"$ref": "common#reference"}, "self": {"$ref": "Entity"}}}"#
        let main = #"{\#(draft07), "$id": "Kind", "allOf": [{"$ref": "Entity"}]}"#
        let others = [("shared/common.json", common), ("Entity.schema.json", entity)]
        XCTAssertEqual(try summary(main, "owner: team-a", others: others), [])
        XCTAssertEqual(try summary(main, "owner: ''", others: others), ["1:8 tooShort owner"])
        XCTAssertEqual(try summary(main, "self: {owner: 1}", others: others), ["1:15 wrongType self.owner"])
        // A validator can start from any $id, with or without a fragment.
        let registry = try SchemaFixtures.registry([("main", main)] + others)
        let byID = try JSONSchemaValidator(registry: registry, schema: "common#reference")
        let nodes = try SchemaFixtures.documents("7")
        XCTAssertEqual(byID.validate(nodes[0]).map(\.kind), [.wrongType])
    }

    func testDraft07RefIgnoresSiblings() throws {
        let draft07Schema = ##"{\##(draft07), "$defs": {"S": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/S", "minLength": 5}}}"##
        XCTAssertEqual(try summary(draft07Schema, "a: abc"), [])
        let draft2019Schema = ##"{\##(draft2019), "$defs": {"S": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/S", "minLength": 5}}}"##
        XCTAssertEqual(try summary(draft2019Schema, "a: abc"), ["1:4 tooShort a"])
    }

    func testBooleanSchemas() throws {
        XCTAssertEqual(try summary("true", "anything: [1, 2]"), [])
        XCTAssertEqual(try summary("false", "x"), ["1:1 other "])
        XCTAssertEqual(try summary(#"{"properties": {"gone": false}}"#, "gone: 1"), ["1:7 other gone"])
    }

    func testFormatAndUnknownKeywordsAreIgnored() throws {
        let schema = #"{"properties": {"when": {"type": "string", "format": "date-time", "x-custom": {"type": "integer"}}}}"#
        XCTAssertEqual(try summary(schema, "when: not a date"), [])
    }
}
