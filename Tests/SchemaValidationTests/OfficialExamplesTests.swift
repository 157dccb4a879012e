import Foundation
import MeshModel
import SchemaValidation
import XCTest

/// The standards' own examples (in `<repo>/../shared/standards`) against the bundled schemas.
///
/// Known deviations, listed per file as "line:column kind path". There are none: every example
/// below was cross-checked with Python's `jsonschema` 4.26 (Draft201909Validator for ODPS/ODCS,
/// Draft7Validator with a `$id` registry for Backstage, YAML read without timestamp typing as
/// meshport's reader does) and it reports no error either. The traps the standards folder warns
/// about do not bite these files: the ODPS examples say `apiVersion: v0.9.0`, which the v1.0.0
/// schema's enum allows; the System example's `spec.type` is missing from the lagging kind schema,
/// which does not close `spec`, so it passes; the examples that fail their own schemas belong to
/// DPDS and opendataproducts.org, which meshport does not validate with these schemas.
final class OfficialExamplesTests: XCTestCase {
    private let knownDeviations: [String: [String]] = [:]

    private func examples(_ standard: String) throws -> [URL] {
        let folder = SchemaFixtures.standardsFolder.appendingPathComponent(standard).appendingPathComponent("examples")
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw XCTSkip("no official examples at \(folder.path)")
        }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Validates every document of every file; returns how many documents were checked.
    private func check(_ files: [URL], schema: (YAMLNode) -> String?) throws -> Int {
        var checked = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let name = file.lastPathComponent
            var found: [String] = []
            for document in try SchemaFixtures.documents(text, file: name) {
                let schemaName = try XCTUnwrap(schema(document), "\(name): no schema for this document")
                let validator = try JSONSchemaValidator(registry: SchemaFixtures.standardRegistry, schema: schemaName)
                let violations = validator.validate(document)
                found += SchemaFixtures.summary(violations)
                for violation in violations { print("\(violation.location): \(violation.message)") }
                checked += 1
            }
            XCTAssertEqual(found, knownDeviations[name] ?? [], name)
        }
        return checked
    }

    func testODPSExamples() throws {
        // Skips must be thrown from the test itself, not from inside an assertion's autoclosure.
        let files = try examples("odps-bitol")
        XCTAssertEqual(try check(files) { _ in SchemaFixtures.odps }, 2)
    }

    func testODCSExamplesAgainstVersion310() throws {
        let files = try examples("odcs-bitol")
        XCTAssertEqual(try check(files) { _ in SchemaFixtures.odcs }, 3)
    }

    func testODCSExamplesAgainstTheVersion320Draft() throws {
        let files = try examples("odcs-bitol")
        XCTAssertEqual(try check(files) { _ in SchemaFixtures.odcs32 }, 3)
    }

    /// Multi-document files; each entity is checked against its kind's schema.
    func testBackstageExamples() throws {
        let checked = try check(try examples("backstage-catalog")) { document in
            document["kind"]?.text.map { "\($0)V1alpha1" }
        }
        XCTAssertEqual(checked, 8)
    }
}
