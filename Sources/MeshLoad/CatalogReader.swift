import MeshModel

/// Reads the Backstage entities meshport uses for ownership: Domain, Group and User.
/// Other kinds (System, Component, API, …) are valid Backstage but not portal input; they are skipped.
public enum CatalogReader {
    public static func read(_ node: YAMLNode, kind: String, file: String) -> (CatalogEntity?, [Diagnostic]) {
        let metadata = node["metadata"]
        let spec = node["spec"]
        guard let name = metadata?["name"]?.text else {
            if ["Domain", "Group", "User"].contains(kind) {
                return (nil, [.error("catalog.name.missing", "Backstage \(kind) has no 'metadata.name'",
                                     at: (metadata ?? node).location)])
            }
            return (nil, [])
        }
        let location = metadata?.pair("name")?.value.location ?? node.location
        let profile = spec?["profile"]
        switch kind {
        case "Domain":
            return (.domain(CatalogDomain(name: name, title: metadata?["title"]?.text,
                                          description: metadata?["description"]?.text,
                                          owner: spec?["owner"]?.text?.entityName, location: location)), [])
        case "Group":
            return (.group(CatalogGroup(name: name, displayName: profile?["displayName"]?.text ?? metadata?["title"]?.text,
                                        description: metadata?["description"]?.text, email: profile?["email"]?.text,
                                        type: spec?["type"]?.text, parent: spec?["parent"]?.text?.entityName,
                                        children: (spec?["children"]?.strings ?? []).map(\.entityName),
                                        members: (spec?["members"]?.strings ?? []).map(\.entityName),
                                        location: location)), [])
        case "User":
            return (.user(CatalogUser(name: name, displayName: profile?["displayName"]?.text,
                                      email: profile?["email"]?.text,
                                      memberOf: (spec?["memberOf"]?.strings ?? []).map(\.entityName),
                                      location: location)), [])
        default:
            return (.other(kind: kind, location: location, schemaFindings: []), [])
        }
    }
}
