import MeshModel

/// Decides each product's domain and slug, reporting what would make two products share a URL.
enum ProductPlacement {
    static func place(_ loaded: LoadedMesh, catalog: CatalogIndex, diagnostics: inout [Diagnostic]) -> [Product] {
        var placed: [Product] = []
        var byKey: [String: ProductManifest] = [:]
        var byID: [String: ProductManifest] = [:]
        for manifest in loaded.products {
            if let first = byID[manifest.id] {
                diagnostics.append(.error("product.id.duplicate", "product id '\(manifest.id)' is used twice",
                                          at: manifest.node["id"]?.location ?? manifest.location,
                                          notes: [.init("first used here", at: first.node["id"]?.location ?? first.location)]))
                continue
            }
            byID[manifest.id] = manifest
            guard let domainName = domainName(of: manifest, loaded: loaded, catalog: catalog, diagnostics: &diagnostics) else {
                continue
            }
            let domain = Slug.make(domainName)
            let slug = Slug.make(manifest.name)
            let key = domain + "/" + slug
            if let first = byKey[key] {
                diagnostics.append(.error("product.slug.duplicate",
                    "product '\(manifest.name)' would have the same URL as '\(first.name)' (products/\(key)/); rename one",
                    at: manifest.node["name"]?.location ?? manifest.location,
                    notes: [.init("the other product is here", at: first.node["name"]?.location ?? first.location)]))
                continue
            }
            byKey[key] = manifest
            placed.append(Product(slug: slug, domain: domain, manifest: manifest,
                                  team: manifest.team?.name.map(Slug.make), outputPorts: [], inputPorts: [],
                                  docs: [], landingDoc: nil, anchors: []))
        }
        return placed.sorted { ($0.domain, $0.slug) < ($1.domain, $1.slug) }
    }

    /// The manifest's `domain`, or else the one Domain its repository declares.
    static func domainName(of manifest: ProductManifest, loaded: LoadedMesh, catalog: CatalogIndex,
                           diagnostics: inout [Diagnostic]) -> String? {
        if let domain = manifest.domain { return domain }
        if let root = loaded.sourceRoots.first(where: { manifest.file.hasPrefix($0 + "/") }) {
            let declared = catalog.domains(declaredUnder: root)
            if declared.count == 1 { return declared[0].name }
        }
        diagnostics.append(.error("product.domain.missing",
            "data product '\(manifest.name)' has no 'domain', and its repository declares no single Backstage Domain",
            at: manifest.location))
        return nil
    }
}
