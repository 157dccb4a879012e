/// Checks one structured document against the official JSON Schema of its format. Load runs it on
/// each document while the document's YAML tree is in hand and keeps only what it found: the trees
/// are most of a loaded mesh's memory, and nothing after Load needs them.
/// The schemas and their rules live in MeshCheck (`SchemaCheck.officialSchemas`).
public struct SchemaCheck: Sendable {
    /// The format a document was read as, which names the schema it is checked against.
    public enum Format: Sendable, Hashable {
        /// A Bitol ODPS product manifest.
        case product
        /// A Bitol ODCS contract; its `apiVersion` picks the schema version.
        case contract(apiVersion: String)
        /// A Data Contract Specification contract.
        case contractSpecification
        /// A Backstage catalog entity of this kind.
        case entity(kind: String)
    }

    private let check: @Sendable (YAMLNode, Format) -> [Diagnostic]

    public init(_ check: @escaping @Sendable (YAMLNode, Format) -> [Diagnostic]) {
        self.check = check
    }

    /// What is wrong with `node` as a document of `format`, in the order it was found.
    public func findings(_ node: YAMLNode, as format: Format) -> [Diagnostic] {
        check(node, format)
    }

    /// No check: for loads whose schema findings nobody reads (scaffolding, tests of reading alone).
    public static let none = SchemaCheck { _, _ in [] }
}
