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

    static func run(_ mesh: LoadedMesh) -> [Diagnostic] {
        var pending: [(schema: String, node: YAMLNode)] = []
        for product in mesh.products where product.node["dataProductDescriptor"] == nil {
            pending.append((odps, product.node))
        }
        for contract in mesh.contracts {
            let schema = contract.node["dataContractSpecification"] != nil ? dcs
                : contract.apiVersion.hasPrefix("v3.2") ? odcs32 : odcs31
            pending.append((schema, contract.node))
        }
        for entity in mesh.entities {
            if let node = entity.node { pending.append((entity.kind + "V1alpha1", node)) }
        }
        // Contracts take a fraction of a millisecond each; use every core.
        let jobs = pending
        let results = Locked(Array(repeating: [Diagnostic](), count: jobs.count))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            guard let validator = validators[jobs[i].schema] else { return }
            let found = validator.validate(jobs[i].node).compactMap { diagnostic(for: $0, schema: jobs[i].schema) }
            results.update { $0[i] = found }
        }
        return results.value.flatMap { $0 }
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

/// A value shared between concurrent iterations, guarded by a lock.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
