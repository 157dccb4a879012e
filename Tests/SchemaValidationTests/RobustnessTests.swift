import Foundation
import MeshModel
import SchemaValidation
import XCTest

/// Any input gives an answer: no crash, no hang, the same answer every time, from any thread.
final class RobustnessTests: XCTestCase {
    func testDeepNestingGivesUpWithOneViolation() throws {
        let schema = ##"{"type": "array", "items": {"$ref": "#"}}"##
        // Built directly: YAMLReader refuses text nested this deep (yaml.tooDeep) before it gets here.
        let depth = 300
        var node = YAMLNode(.sequence([]), at: SourceLocation(file: "test.yaml"))
        for _ in 1..<depth { node = YAMLNode(.sequence([node]), at: SourceLocation(file: "test.yaml")) }
        let found = try JSONSchemaValidator(registry: SchemaFixtures.registry([("main", schema)]), schema: "main").validate(node)
        XCTAssertEqual(found.map(\.kind), [.other])
        XCTAssertTrue(found[0].message.contains("nests too deeply"), found[0].message)
        XCTAssertEqual(try SchemaFixtures.check(schema: schema, "[[[[]]], []]"), [])
    }

    func testASchemaThatRefersToItselfForeverStops() throws {
        let schema = ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##
        let found = try SchemaFixtures.check(schema: schema, "x: 1")
        XCTAssertEqual(found.map(\.kind), [.other])
    }

    func testOddDocumentsDoNotCrash() throws {
        for yaml in ["", "~", "just text", "- a\n- b", "? [complex, key]\n: value", "1: one\ntrue: yes\n~: null",
                     "base: &b {name: x}\ncopy: *b", "tags: [1, 1.5, .inf, -.nan, 0x1F, 0o17, 1_000]"] {
            for schema in [SchemaFixtures.odps, SchemaFixtures.odcs, "GroupV1alpha1"] {
                _ = try SchemaFixtures.validate(yaml, against: schema)
            }
        }
    }

    func testNonStringKeysAreTreatedAsText() throws {
        let schema = #"{"properties": {"1": {"type": "string"}, "true": {"type": "string"}}, "additionalProperties": false}"#
        XCTAssertEqual(SchemaFixtures.summary(try SchemaFixtures.check(schema: schema, "1: x\ntrue: 2\n")), ["2:7 wrongType true"])
    }

    func testSameInputSameOutput() throws {
        let yaml = BrokenContract.yaml
        let first = try SchemaFixtures.validate(yaml, against: SchemaFixtures.odcs)
        XCTAssertGreaterThan(first.count, 10)
        for _ in 0..<5 {
            let documents = SchemaFixtures.schemaNames.map { name -> (name: String, bytes: [UInt8]) in
                (name, [UInt8](try! Data(contentsOf: SchemaFixtures.schemasFolder.appendingPathComponent(name))))
            }
            let registry = try SchemaRegistry(documents: documents)
            XCTAssertEqual(try SchemaFixtures.validate(yaml, against: SchemaFixtures.odcs, registry: registry), first)
        }
    }

    func testValidatorsAreSharedAcrossThreads() throws {
        let validator = try JSONSchemaValidator(registry: SchemaFixtures.standardRegistry, schema: SchemaFixtures.odcs)
        let yaml = BrokenContract.yaml
        let document = try SchemaFixtures.documents(yaml)[0]
        let expected = validator.validate(document)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            results.append(validator.validate(document))
        }
        XCTAssertEqual(results.all.count, 8)
        for found in results.all { XCTAssertEqual(found, expected) }
    }
}

/// Collects results from concurrent work.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[SchemaViolation]] = []

    func append(_ value: [SchemaViolation]) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }

    var all: [[SchemaViolation]] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
