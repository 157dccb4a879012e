import MeshModel

/// Reads a Bitol ODPS manifest into the model. Missing essentials become diagnostics at the right key.
public enum ProductReader {
    public static let supportedVersions: Set<String> = ["v1.0.0", "v0.9.0"]

    public static func read(_ node: YAMLNode, file: String) -> (ProductManifest?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let apiVersion = node["apiVersion"]?.text ?? ""
        if !supportedVersions.contains(apiVersion) {
            diagnostics.append(.warning("product.apiVersion.unsupported",
                "ODPS apiVersion '\(apiVersion)' is not one meshport knows (v1.0.0, v0.9.0); reading it as v1.0.0",
                at: node["apiVersion"]?.location ?? node.location))
        }
        guard let id = node["id"]?.text else {
            diagnostics.append(.error("product.id.missing", "data product has no 'id'", at: node.location))
            return (nil, diagnostics)
        }
        let name: String
        if let given = node["name"]?.text {
            name = given
        } else {
            name = id
            diagnostics.append(.warning("product.name.missing",
                "data product '\(id)' has no 'name'; its id is used as its name", at: node.location))
        }
        let description = node["description"]
        let team = node["team"].map { teamNode in
            ProductManifest.Team(
                name: teamNode["name"]?.text,
                description: teamNode["description"]?.text,
                members: teamNode["members"]?.items.compactMap { m in
                    m["username"]?.text.map { .init(username: $0, name: m["name"]?.text, role: m["role"]?.text) }
                } ?? [],
                location: teamNode.location)
        }
        let product = ProductManifest(
            apiVersion: apiVersion, id: id, name: name,
            domain: node["domain"]?.text, status: node["status"]?.text, version: node["version"]?.text,
            tenant: node["tenant"]?.text,
            description: .init(purpose: description?["purpose"]?.text ?? (description?.isMapping == false ? description?.text : nil),
                               usage: description?["usage"]?.text,
                               limitations: description?["limitations"]?.text),
            tags: node["tags"]?.strings ?? [],
            inputPorts: (node["inputPorts"]?.items ?? []).enumerated().map { index, port in
                ProductManifest.InputPort(name: port["name"]?.text ?? "input-\(index + 1)",
                                          version: port["version"]?.text, contractId: port["contractId"]?.text,
                                          location: port.location)
            },
            outputPorts: (node["outputPorts"]?.items ?? []).enumerated().map { index, port in
                ProductManifest.OutputPort(name: port["name"]?.text ?? "output-\(index + 1)",
                                           description: port["description"]?.text, type: port["type"]?.text,
                                           version: port["version"]?.text, contractId: port["contractId"]?.text,
                                           inputContracts: port["inputContracts"]?.items.compactMap { $0["id"]?.text } ?? [],
                                           location: port.location)
            },
            support: (node["support"]?.items ?? []).compactMap { s in
                s["channel"]?.text.map {
                    .init(channel: $0, url: LinkURL.read(s["url"], what: "support URL", diagnostics: &diagnostics), tool: s["tool"]?.text, scope: s["scope"]?.text,
                          description: s["description"]?.text)
                }
            },
            team: team, file: file, location: node.location, valueLocations: .init(of: node))
        return (product, diagnostics)
    }
}
