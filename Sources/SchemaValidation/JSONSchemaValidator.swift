import MeshModel

/// Validates position-carrying YAML against one schema of a `SchemaRegistry`
/// (JSON Schema drafts 07 and 2019-09), so every violation points at the key or value at fault.
///
/// The schema tree is compiled when the registry is built; a validator is a cheap handle on it
/// and can be shared across threads.
public struct JSONSchemaValidator: Sendable {
    let program: SchemaProgram
    let root: Int

    /// `schema` is a document name given to the registry or a `$id`.
    public init(registry: SchemaRegistry, schema: String) throws {
        guard let location = registry.index.location(ofSchema: schema) else {
            throw SchemaError.unknownSchema(schema)
        }
        if let compiled = registry.program.indexByLocation[location] {
            program = registry.program
            root = compiled
        } else {
            // A fragment nobody referenced yet ("common#reference"): compile it on top.
            var compiler = SchemaCompiler(index: registry.index, program: registry.program)
            root = try compiler.compile(location)
            program = compiler.program
        }
    }

    /// All violations, sorted by location then path; the same input always gives the same list.
    public func validate(_ node: YAMLNode) -> [SchemaViolation] {
        var evaluator = Evaluator(program: program, documentName: Wording.documentName(node))
        _ = evaluator.evaluate(node, against: root)
        var found = evaluator.violations
        if let abandoned = evaluator.abandoned {
            found.append(SchemaViolation(kind: .other, message: abandoned.reason, location: abandoned.location,
                                         path: abandoned.path))
        }
        return Self.withoutRepeats(found).sorted(by: SchemaViolation.readingOrder)
    }

    /// One problem, one violation. The same key can be rejected by several subschemas (ODCS applies
    /// every `then` when `logicalType` is absent); the first report, in schema order, is kept.
    static func withoutRepeats(_ violations: [SchemaViolation]) -> [SchemaViolation] {
        struct Key: Hashable {
            var kind: SchemaViolation.Kind
            var location: SourceLocation
            var path: String
            var message: String
        }
        var seen = Set<Key>()
        return violations.filter { violation in
            let samePlaceIsEnough: Set<SchemaViolation.Kind> = [.unknownKey, .missingKey, .wrongType]
            let message = samePlaceIsEnough.contains(violation.kind) ? "" : violation.message
            return seen.insert(Key(kind: violation.kind, location: violation.location, path: violation.path,
                                   message: message)).inserted
        }
    }
}
