import MeshModel

/// Validation of every product, contract and catalog entity against its official JSON Schema.
enum SchemaChecks {
    static func run(_ mesh: LoadedMesh) -> [Diagnostic] {
        []  // Wired to SchemaValidation once the validator lands.
    }
}
