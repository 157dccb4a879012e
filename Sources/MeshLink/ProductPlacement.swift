import MeshModel

/// Decides each product's domain and slug, reporting what would make two products share a URL.
enum ProductPlacement {
    static func place(_ loaded: LoadedMesh, catalog: CatalogIndex, diagnostics: inout [Diagnostic]) -> [Product] {
        var byID: [String: ProductManifest] = [:]
        var candidates: [(domain: String, manifest: ProductManifest)] = []
        for manifest in loaded.products {
            if let first = byID[manifest.id] {
                diagnostics.append(.error("product.id.duplicate", "product id '\(manifest.id)' is used twice",
                                          at: manifest.valueLocations.id ?? manifest.location,
                                          notes: [.init("first used here", at: first.valueLocations.id ?? first.location)]))
                continue
            }
            byID[manifest.id] = manifest
            guard let domainName = domainName(of: manifest, loaded: loaded, catalog: catalog, diagnostics: &diagnostics) else {
                continue
            }
            candidates.append((Slug.make(domainName), manifest))
        }
        // Products whose names give the same slug in one domain: the one whose folder is named after
        // that slug keeps it, the others take their folder's name, so links like
        // product:<domain>/<folder> keep working. Only a clash that remains is an error.
        var nameCount: [String: Int] = [:]
        for c in candidates { nameCount[c.domain + "/" + Slug.make(c.manifest.name), default: 0] += 1 }
        var placed: [Product] = []
        var byKey: [String: ProductManifest] = [:]
        for (domain, manifest) in candidates {
            let nameSlug = Slug.make(manifest.name)
            let folderSlug = Slug.make(manifest.folder.lastPathComponent)
            var slug = nameSlug
            if nameCount[domain + "/" + nameSlug, default: 0] > 1, folderSlug != nameSlug {
                slug = folderSlug
                diagnostics.append(.warning("product.slug.shared",
                    "another product in domain '\(domain)' is also named '\(manifest.name)'; this one is published as products/\(domain)/\(slug)/ after its folder",
                    at: manifest.valueLocations.name ?? manifest.location))
            }
            let key = domain + "/" + slug
            if let first = byKey[key] {
                diagnostics.append(.error("product.slug.duplicate",
                    "product '\(manifest.name)' would have the same URL as '\(first.name)' (products/\(key)/); rename one",
                    at: manifest.valueLocations.name ?? manifest.location,
                    notes: [.init("the other product is here", at: first.valueLocations.name ?? first.location)]))
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
