import Foundation
import MeshLoad
import MeshModel
import SchemaValidation
import XCTest

/// The bundled official schemas (read from the source tree, next to this package's MeshCheck
/// target) and helpers to validate inline YAML.
enum SchemaFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemasFolder = repositoryRoot.appendingPathComponent("Sources/MeshCheck/Schemas")
    /// The official examples live beside the repository: `<repo>/../shared/standards`.
    static let standardsFolder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/standards")

    static let odps = "odps/odps-json-schema-v1.0.0.json"
    static let odcs = "odcs/odcs-json-schema-v3.1.0.json"
    static let odcs32 = "odcs/odcs-json-schema-v3.2.0-DRAFT.json"

    static let schemaNames = [
        odps, odcs, odcs32,
        "backstage/Entity.schema.json", "backstage/EntityMeta.schema.json", "backstage/shared/common.schema.json",
        "backstage/kinds/Component.v1alpha1.schema.json", "backstage/kinds/Domain.v1alpha1.schema.json",
        "backstage/kinds/Group.v1alpha1.schema.json", "backstage/kinds/Resource.v1alpha1.schema.json",
        "backstage/kinds/System.v1alpha1.schema.json", "backstage/kinds/User.v1alpha1.schema.json",
    ]

    /// Built once for all tests: it is immutable and Sendable.
    static let standardRegistry: SchemaRegistry = {
        let documents = schemaNames.map { name -> (name: String, bytes: [UInt8]) in
            let data = try! Data(contentsOf: schemasFolder.appendingPathComponent(name))
            return (name, [UInt8](data))
        }
        return try! SchemaRegistry(documents: documents)
    }()

    static func documents(_ yaml: String, file: String = "test.yaml") throws -> [YAMLNode] {
        switch YAMLReader.read(yaml, file: file) {
        case .documents(let documents): return documents
        case .failed(let diagnostic): throw NSError(domain: "yaml", code: 1, userInfo: [NSLocalizedDescriptionKey: diagnostic.message])
        }
    }

    static func validate(_ yaml: String, against schema: String, registry: SchemaRegistry = standardRegistry,
                         file: String = "test.yaml") throws -> [SchemaViolation] {
        let validator = try JSONSchemaValidator(registry: registry, schema: schema)
        let nodes = try documents(yaml, file: file)
        return nodes.flatMap(validator.validate)
    }

    /// A registry of inline schemas, for keyword tests: `[("main", "{...json...}")]`.
    static func registry(_ schemas: [(String, String)]) throws -> SchemaRegistry {
        try SchemaRegistry(documents: schemas.map { ($0.0, Array($0.1.utf8)) })
    }

    /// "line:column kind path", one per violation, for compact assertions.
    static func summary(_ violations: [SchemaViolation]) -> [String] {
        violations.map {
            "\($0.location.line):\($0.location.column) \($0.kind.rawValue) \($0.path)"
        }
    }
}

extension SchemaFixtures {
    /// Validates inline YAML against an inline schema registered as "main" (plus any `others`).
    static func check(schema: String, _ yaml: String, others: [(String, String)] = []) throws -> [SchemaViolation] {
        let registry = try registry([("main", schema)] + others)
        return try validate(yaml, against: "main", registry: registry)
    }
}
