import MeshModel
import SchemaValidation
import XCTest

/// The mistakes data engineers actually make, against the real bundled schemas.
final class StandardSchemaTests: XCTestCase {
    private let product = """
        apiVersion: v1.0.0
        kind: DataProduct
        id: orders
        status: active
        name: Orders
        version: v1.0.0
        outputPorts:
          - name: orders
            version: 1.0.0
            contractId: orders-v1

        """

    private let contract = """
        apiVersion: v3.1.0
        kind: DataContract
        id: orders-v1
        version: 1.0.0
        status: active
        schema:
          - name: orders
            logicalType: object
            properties:
              - name: order_id
                logicalType: string
                logicalTypeOptions:
                  minLength: 3
              - name: quantity
                logicalType: integer

        """

    private func validate(_ yaml: String, _ schema: String) throws -> [SchemaViolation] {
        try SchemaFixtures.validate(yaml, against: schema)
    }

    func testTheBaseDocumentsAreValid() throws {
        XCTAssertEqual(try validate(product, SchemaFixtures.odps), [])
        XCTAssertEqual(try validate(contract, SchemaFixtures.odcs), [])
        XCTAssertEqual(try validate(contract, SchemaFixtures.odcs32), [])
    }

    func testMisspeltKeyInAProduct() throws {
        let yaml = product.replacingOccurrences(of: "status: active", with: "staus: active")
        let violations = try validate(yaml, SchemaFixtures.odps)
        XCTAssertEqual(SchemaFixtures.summary(violations), ["1:1 missingKey status", "4:1 unknownKey staus"])
        XCTAssertEqual(violations[0].message,
                       "missing required key 'status' in the data product; is 'staus' a misspelling of 'status'?")
        XCTAssertEqual(violations[1].message, "unknown key 'staus' in the data product; did you mean 'status'?")
        XCTAssertEqual(violations[1].suggestion, "status")
    }

    func testMisspeltKeyInAnOutputPort() throws {
        let yaml = product.replacingOccurrences(of: "    contractId: orders-v1", with: "    descripton: Orders\n    contractId: orders-v1")
        let violations = try validate(yaml, SchemaFixtures.odps)
        XCTAssertEqual(SchemaFixtures.summary(violations), ["10:5 unknownKey outputPorts[0].descripton"])
        XCTAssertEqual(violations.first?.message, "unknown key 'descripton' in outputPorts[0]; did you mean 'description'?")
    }

    func testNumberWhereTheSchemaWantsAString() throws {
        let yaml = product.replacingOccurrences(of: "version: v1.0.0", with: "version: 1.0")
        let violations = try validate(yaml, SchemaFixtures.odps)
        XCTAssertEqual(SchemaFixtures.summary(violations), ["6:10 wrongType version"])
        XCTAssertEqual(violations.first?.message, "'version' must be a string, found the number 1.0; quote it to keep it as text: \"1.0\"")
        XCTAssertEqual(violations.first?.suggestion, "\"1.0\"")
    }

    func testValueOutsideAnEnum() throws {
        let yaml = product.replacingOccurrences(of: "apiVersion: v1.0.0", with: "apiVersion: v1.0")
        let violations = try validate(yaml, SchemaFixtures.odps)
        XCTAssertEqual(SchemaFixtures.summary(violations), ["1:13 notInEnum apiVersion"])
        XCTAssertEqual(violations.first?.message,
                       "'apiVersion' must be one of 'v0.9.0', 'v1.0.0', found the string 'v1.0'; did you mean 'v1.0.0'?")
        XCTAssertEqual(violations.first?.suggestion, "v1.0.0")
    }

    func testMissingRequiredKeyInAContract() throws {
        let yaml = contract.replacingOccurrences(of: "status: active\n", with: "")
        let violations = try validate(yaml, SchemaFixtures.odcs)
        XCTAssertEqual(SchemaFixtures.summary(violations), ["1:1 missingKey status"])
        XCTAssertEqual(violations.first?.message, "missing required key 'status' in the data contract")
        let nameless = contract.replacingOccurrences(of: "      - name: quantity\n        logicalType: integer\n",
                                                    with: "      - logicalType: integer\n")
        XCTAssertEqual(SchemaFixtures.summary(try validate(nameless, SchemaFixtures.odcs)),
                       ["14:9 missingKey schema[0].properties[1].name"])
    }

    /// ODCS closes schema properties with `unevaluatedProperties: false`; the allowed keys come from
    /// SchemaBaseProperty and SchemaElement through `$ref` and `allOf`.
    func testUnknownKeyInsideASchemaProperty() throws {
        let yaml = contract.replacingOccurrences(of: "        logicalType: integer\n",
                                                 with: "        logicalType: integer\n        colour: red\n        descripton: How many\n")
        let violations = try validate(yaml, SchemaFixtures.odcs)
        XCTAssertEqual(SchemaFixtures.summary(violations), [
            "16:9 unknownKey schema[0].properties[1].colour",
            "17:9 unknownKey schema[0].properties[1].descripton",
        ])
        XCTAssertEqual(violations[0].message, "unknown key 'colour' in schema[0].properties[1]")
        XCTAssertEqual(violations[1].message, "unknown key 'descripton' in schema[0].properties[1]; did you mean 'description'?")
        XCTAssertEqual(violations[1].suggestion, "description")
    }

    /// ODCS: `if: {properties: {logicalType: {const: integer}}} then: {logicalTypeOptions: {additionalProperties: false …}}`.
    /// minLength is a string option; an integer column may not have it.
    func testLogicalTypeOptionsDependOnTheLogicalType() throws {
        let yaml = contract.replacingOccurrences(of: "        logicalType: integer\n",
                                                 with: "        logicalType: integer\n        logicalTypeOptions:\n          minLength: 1\n          minimum: 0\n")
        let violations = try validate(yaml, SchemaFixtures.odcs)
        XCTAssertEqual(SchemaFixtures.summary(violations), ["17:11 unknownKey schema[0].properties[1].logicalTypeOptions.minLength"])
        XCTAssertEqual(violations.first?.message, "unknown key 'minLength' in schema[0].properties[1].logicalTypeOptions "
                       + "(allowed: exclusiveMaximum, exclusiveMinimum, format, maximum, minimum, multipleOf)")
        // The same option is fine on the string column (line 13), and a wrong value type there is reported.
        let badLength = contract.replacingOccurrences(of: "minLength: 3", with: "minLength: three")
        XCTAssertEqual(SchemaFixtures.summary(try validate(badLength, SchemaFixtures.odcs)),
                       ["13:22 wrongType schema[0].properties[0].logicalTypeOptions.minLength"])
    }

    func testTeamObjectWithAMisspeltKeyIsNotReportedAsNotAList() throws {
        let yaml = contract + "team:\n  name: sales\n  membrs: []\n"
        let violations = try validate(yaml, SchemaFixtures.odcs)
        XCTAssertEqual(SchemaFixtures.summary(violations), ["18:3 unknownKey team.membrs"])
        XCTAssertEqual(violations.first?.suggestion, "members")
        let scalarTeam = try validate(contract + "team: sales\n", SchemaFixtures.odcs)
        XCTAssertEqual(SchemaFixtures.summary(scalarTeam), ["16:7 noMatchingAlternative team"])
        XCTAssertEqual(scalarTeam.first?.message, "'team' must be a mapping or a list, found the string 'sales'")
    }

    func testQualityRuleNeedsAnOperator() throws {
        let yaml = contract + "    quality:\n      - metric: rowCount\n        mustBeGreaterThan: '5'\n      - metric: rowCount\n"
        let violations = try validate(yaml, SchemaFixtures.odcs)
        XCTAssertEqual(SchemaFixtures.summary(violations), [
            "18:28 wrongType schema[0].quality[0].mustBeGreaterThan",
            "19:9 missingKey schema[0].quality[1]",
        ])
        XCTAssertEqual(violations[0].suggestion, "5")
        XCTAssertTrue(violations[1].message.hasPrefix("missing key in schema[0].quality[1]: it needs one of 'mustBe', 'mustNotBe'"),
                      violations[1].message)
    }

    func testAnyOfOverPlainTypesNamesTheTypesOnce() throws {
        let violations = try validate(contract + "slaProperties:\n  - property: latency\n    value: [4, d]\n", SchemaFixtures.odcs)
        XCTAssertEqual(SchemaFixtures.summary(violations), ["18:12 noMatchingAlternative slaProperties[0].value"])
        XCTAssertEqual(violations.first?.message, "'value' must be a string, a number, a boolean or empty (null), found a list")
    }

    func testBackstageGroupWithWrongTypes() throws {
        let yaml = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: team-a
            spec:
              type: team
              profile:
                email: 42
              children: team-b

            """
        let violations = try validate(yaml, "GroupV1alpha1")
        XCTAssertEqual(SchemaFixtures.summary(violations), ["8:12 wrongType spec.profile.email", "9:13 wrongType spec.children"])
        XCTAssertEqual(violations[1].message,
                       "'children' must be a list, found the string 'team-b'; write a list, even of one item: [team-b]")
        XCTAssertEqual(violations[1].suggestion, "[team-b]")
        XCTAssertEqual(violations[0].suggestion, "\"42\"")
    }

    func testBackstageEnvelopeComesFromTheSharedEntitySchema() throws {
        let yaml = """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: ''
            sepc:
              type: team
              children: []
            relations:
              - type: ownedBy
                target: {kind: group, name: x}

            """
        let violations = try validate(yaml, "GroupV1alpha1")
        XCTAssertEqual(SchemaFixtures.summary(violations), [
            "1:1 missingKey spec",
            "4:9 tooShort metadata.name",
            "5:1 unknownKey sepc",
            "10:13 missingKey relations[0].target.namespace",
        ])
        XCTAssertEqual(violations[0].message, "missing required key 'spec' in the group; is 'sepc' a misspelling of 'spec'?")
        XCTAssertEqual(violations[2].suggestion, "spec")
    }

    /// The stored kind schemas lag Backstage's docs (no Domain.subdomainOf/type, no System.type),
    /// but they leave `spec` open, so the newer fields pass.
    func testNewerBackstageFieldsPass() throws {
        let domain = "apiVersion: backstage.io/v1alpha1\nkind: Domain\nmetadata:\n  name: playback\n"
            + "spec:\n  owner: team-a\n  subdomainOf: media\n  type: product-area\n"
        XCTAssertEqual(try validate(domain, "DomainV1alpha1"), [])
        let system = "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: audio\n"
            + "spec:\n  owner: team-a\n  domain: playback\n  type: feature-set\n"
        XCTAssertEqual(try validate(system, "SystemV1alpha1"), [])
    }

    func testKindOfADifferentEntityIsRejected() throws {
        let yaml = "apiVersion: backstage.io/v1alpha1\nkind: Grup\nmetadata:\n  name: a\nspec:\n  type: team\n  children: []\n"
        let violations = try validate(yaml, "GroupV1alpha1")
        XCTAssertEqual(SchemaFixtures.summary(violations), ["2:7 notInEnum kind"])
        XCTAssertEqual(violations.first?.message, "'kind' must be 'Group', found the string 'Grup'; did you mean 'Group'?")
    }

    /// One of every common mistake in one contract: each reported once, where it is written,
    /// in reading order, with no cascade of follow-up errors.
    func testEveryMistakeInOneContract() throws {
        let violations = try validate(BrokenContract.yaml, SchemaFixtures.odcs)
        XCTAssertEqual(violations.map { "\($0.location.line):\($0.location.column) \($0.message)" }, [
            "1:1 missing required key 'status' in the data contract; is 'staus' a misspelling of 'status'?",
            "4:10 'version' must be a string, found the number 1.0; quote it to keep it as text: \"1.0\"",
            "5:1 unknown key 'staus' in the data contract; did you mean 'status'?",
            "8:3 unknown key 'membrs' in team; did you mean 'members'?",
            "13:5 unknown key 'descripton' in schema[0]; did you mean 'description'?",
            "18:11 unknown key 'minLength' in schema[0].properties[0].logicalTypeOptions "
                + "(allowed: exclusiveMaximum, exclusiveMinimum, format, maximum, minimum, multipleOf)",
            "20:9 unknown key 'colour' in schema[0].properties[0]",
            #"26:17 'to' must be a string matching '^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$' or a string "#
                + #"matching '^(?:(?:https?:\/\/)?[A-Za-z0-9._\-\/]+\.yaml#...' or a list, found the string 'bad ref!'"#,
            "27:13 key 'from' is not allowed in schema[0].properties[1].relationships[0]",
            "29:22 'logicalType' must be one of 'string', 'date', 'timestamp', 'time', 'number', 'integer', 'object', "
                + "'array', 'boolean', found the string 'strng'; did you mean 'string'?",
            "31:13 missing key in schema[0].properties[2].quality[0]: it needs one of 'mustBe', 'mustNotBe', "
                + "'mustBeGreaterThan', 'mustBeGreaterOrEqualTo', 'mustBeLessThan', 'mustBeLessOrEqualTo', "
                + "'mustBeBetween' or 'mustNotBeBetween'",
            "32:20 'query' must be a string, found the number 1; quote it to keep it as text: \"1\"",
            "34:32 'mustBeGreaterThan' must be a number, found the string '5'; remove the quotes to make it a number",
            "36:5 missing required key 'database' in servers[0]",
            "36:5 missing required key 'schema' in servers[0]",
            "39:11 'port' must be a whole number, found the string '5432'; remove the quotes to make it a number",
        ])
        XCTAssertEqual(violations.map(\.kind), [
            .missingKey, .wrongType, .unknownKey, .unknownKey, .unknownKey, .unknownKey, .unknownKey,
            .noMatchingAlternative, .unknownKey, .notInEnum, .missingKey, .wrongType, .wrongType, .missingKey,
            .missingKey, .wrongType,
        ])
    }
}
