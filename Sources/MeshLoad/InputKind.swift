import MeshModel

/// What a YAML/JSON document is, decided by its content, never by its file name.
public enum InputKind: Sendable, Hashable {
    case odpsProduct
    case odcsContract
    case backstageEntity(kind: String)
    /// The Data Contract Specification (deprecated), imported as a contract.
    case dataContractSpecification
    /// An Open Data Mesh Data Product Descriptor, imported as a product.
    case openDataMeshProduct
    /// A data-product format meshport does not read: warned about and skipped.
    case foreign(ForeignFormat)
    case unrelated

    public static func classify(_ node: YAMLNode) -> InputKind {
        guard node.isMapping else { return .unrelated }
        let kind = node["kind"]?.text
        let apiVersion = node["apiVersion"]?.text ?? ""
        if apiVersion.hasPrefix("backstage.io/"), let kind { return .backstageEntity(kind: kind) }
        if node["dataContractSpecification"] != nil { return .dataContractSpecification }
        if node["dataProductDescriptor"] != nil { return .openDataMeshProduct }
        // Bitol versions look like "v1.0.0"; "group/version" is a Kubernetes-style resource that
        // merely shares the kind's name, so it is not read as a Bitol document.
        let bitolVersion = !apiVersion.contains("/")
        if kind == "DataProduct", bitolVersion { return .odpsProduct }
        if kind == "DataContract", bitolVersion { return .odcsContract }
        if let foreign = ForeignFormat.recognise(node) { return .foreign(foreign) }
        return .unrelated
    }
}
