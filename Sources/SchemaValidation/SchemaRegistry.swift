/// The schemas meshport validates against, parsed and compiled once.
///
/// Documents are found by the name they were given (`"odcs/odcs-json-schema-v3.1.0.json"`) or by
/// their `$id` (`"GroupV1alpha1"`), which is also how cross-document `$ref`s (`"Entity"`,
/// `"common#relation"`) find each other. Building the registry compiles every document, so a
/// schema with an unresolvable `$ref` or a bad pattern fails here, not while validating.
public struct SchemaRegistry: Sendable {
    let index: SchemaIndex
    let program: SchemaProgram

    /// Parses every schema document once (JSON bytes), indexes it by `name` and by its `$id` (and nested `$id`s).
    public init(documents: [(name: String, bytes: [UInt8])]) throws {
        index = try SchemaIndex(documents: documents)
        var compiler = SchemaCompiler(index: index)
        for document in index.documents.indices {
            _ = try compiler.compile(SchemaLocation(document: document, pointer: []))
        }
        program = compiler.program
    }

    /// The names the registry was given, in that order.
    public var documentNames: [String] { index.documents.map(\.name) }

    /// Whether `schema` (a document name or an `$id`, optionally with a `#fragment`) is known.
    public func contains(_ schema: String) -> Bool {
        index.location(ofSchema: schema) != nil
    }
}
