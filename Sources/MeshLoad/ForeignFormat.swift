import MeshModel

/// A document in a data-product format meshport does not read. It is named in a warning and
/// skipped, never misread as one of the standards meshport does read.
public struct ForeignFormat: Sendable, Hashable {
    /// What the document seems to be, for the warning: "a DataHub data product ('orders')".
    public var description: String
    /// Why it is not what it may look like, when that is not obvious.
    public var hint: String?
    /// Where the evidence is: the key or value that gave the format away.
    public var location: SourceLocation

    public init(description: String, hint: String? = nil, location: SourceLocation) {
        self.description = description
        self.hint = hint
        self.location = location
    }

    /// Recognises the data-product formats that repositories commonly hold besides meshport's own.
    /// Called after the standards meshport reads have been ruled out. Other documents with an
    /// `apiVersion` and a `kind` (Kubernetes manifests, Argo workflows, Kustomizations, …) are common
    /// in repositories and are not data products: they stay silent unless the kind names a data
    /// product or contract, which is then worth a warning because someone meant it as one.
    static func recognise(_ node: YAMLNode) -> ForeignFormat? {
        let kind = node["kind"]?.text
        // The Linux Foundation "Open Data Product Specification" (opendataproducts.org) shares the
        // acronym ODPS with Bitol's: `schema: https://opendataproducts.org/…` and a `product:` block.
        let schema = node["schema"]?.text
        let product = node["product"]
        if schema?.contains("opendataproducts.org") == true || (product?.isMapping == true && product?["details"] != nil) {
            var what = "an Open Data Product Specification document (opendataproducts.org"
            if let version = node["version"]?.text { what += " v\(version)" }
            what += ")"
            if let name = product?["details"]?.pairs.lazy.compactMap({ $0.value["name"]?.text }).first {
                what += " for '\(name)'"
            }
            return ForeignFormat(description: what,
                                 hint: "it reads Bitol ODPS, a different standard that shares the acronym",
                                 location: node.pair(schema != nil ? "schema" : "product")?.key.location ?? node.location)
        }
        // DataHub data products: `id`, `domain` and `assets`, a list of DataHub URNs.
        if let assets = node["assets"], assets.isSequence,
           assets.items.contains(where: { $0.text?.hasPrefix("urn:li:") == true })
            || (node["id"] != nil && node["domain"] != nil && node["kind"] == nil) {
            let name = node["display_name"]?.text ?? node["id"]?.text
            return ForeignFormat(description: "a DataHub data product" + (name.map { " ('\($0)')" } ?? ""),
                                 location: node.pair("assets")?.key.location ?? node.location)
        }
        // Witboost (Agile Lab) descriptors: `kind: dataproduct` in lower case, `dataProductOwner`, `components`.
        if kind == "dataproduct" || node["dataProductOwner"] != nil {
            let name = node["name"]?.text ?? node["id"]?.text
            return ForeignFormat(description: "a Witboost (Agile Lab) data product descriptor" + (name.map { " ('\($0)')" } ?? ""),
                                 location: node.pair(kind != nil ? "kind" : "dataProductOwner")?.key.location ?? node.location)
        }
        if let kind, isDataProductLike(kind) {
            let apiVersion = node["apiVersion"]?.text
            let what = "a resource of kind '\(kind)'" + (apiVersion.map { " with apiVersion '\($0)'" } ?? "")
            return ForeignFormat(description: what,
                                 hint: "it reads kind DataProduct with apiVersion v1.0.0 (Bitol ODPS) and kind DataContract with apiVersion v3.x (Bitol ODCS)",
                                 location: node["kind"]?.location ?? node.location)
        }
        return nil
    }

    /// `DataProduct`, `data-product`, `DataContractTemplate`: a kind someone meant as a data product or contract.
    static func isDataProductLike(_ kind: String) -> Bool {
        let folded = String(kind.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " })
        return folded.contains("dataproduct") || folded.contains("datacontract")
    }
}
