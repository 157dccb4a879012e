import Foundation
import MeshModel
import SchemaValidation

/// Validation of every product, contract and Backstage entity against its official JSON Schema
/// (bundled, see Schemas/README.md). Each violation is a diagnostic at the offending key or value.
enum SchemaChecks {
    static let odps = "odps/odps-json-schema-v1.0.0.json"
    static let odcs31 = "odcs/odcs-json-schema-v3.1.0.json"
    static let odcs32 = "odcs/odcs-json-schema-v3.2.0-DRAFT.json"
    static let dcs = "dcs/datacontract.schema.json"

    /// Compiled once per process: every schema, and a validator for each document kind.
    static let validators: [String: JSONSchemaValidator] = {
        guard let registry = try? SchemaRegistry(documents: StandardSchemas.files) else { return [:] }
        var out: [String: JSONSchemaValidator] = [:]
        for name in [odps, odcs31, odcs32, dcs] + ["Domain", "Group", "User", "System", "Component", "Resource"].map({ $0 + "V1alpha1" }) {
            out[name] = try? JSONSchemaValidator(registry: registry, schema: name)
        }
        return out
    }()

    /// The findings Load kept of a mesh's documents: products first, then contracts, then entities.
    static func run(_ mesh: LoadedMesh) -> [Diagnostic] {
        mesh.products.flatMap(\.schemaFindings) + mesh.contracts.flatMap(\.schemaFindings)
            + mesh.entities.flatMap(\.schemaFindings)
    }

    /// What is wrong with one document as `format`, each violation a diagnostic (see `SchemaCheck`).
    static func findings(_ node: YAMLNode, as format: SchemaCheck.Format) -> [Diagnostic] {
        let schema: String
        switch format {
        case .product: schema = odps
        case .contract(let apiVersion): schema = apiVersion.hasPrefix("v3.2") ? odcs32 : odcs31
        case .contractSpecification: schema = dcs
        case .entity(let kind): schema = kind + "V1alpha1"
        }
        guard let validator = validators[schema] else { return [] }
        return validator.validate(node).compactMap { diagnostic(for: $0, schema: schema) }
    }

    static func diagnostic(for v: SchemaViolation, schema: String) -> Diagnostic? {
        let rule: String
        var severity = Diagnostic.Severity.error
        switch v.kind {
        case .unknownKey: rule = "schema.key.unknown"
        case .missingKey:
            // A product without status is reported by its own, more specific rule.
            if schema == odps && v.path == "status" { return nil }
            rule = "schema.key.missing"
        case .wrongType where v.suggestion?.hasPrefix("\"") == true:
            rule = "schema.type.quote"
            severity = .warning
        case .wrongType: rule = "schema.type"
        case .notInEnum, .constMismatch: rule = "schema.enum"
        default: rule = "schema.value"
        }
        return Diagnostic(severity, rule, v.message, at: v.location, suggestion: v.suggestion)
    }
}

extension SchemaCheck {
    /// Each document against its format's official JSON Schema, bundled in this module (Schemas/README.md).
    public static let officialSchemas = SchemaCheck(SchemaChecks.findings)
}
