import MeshModel

/// The Link stage: gives every entity its slug and URL, joins ports to contracts, builds lineage,
/// ownership and backlinks, and resolves every link in the docs. Pure: no disk access.
public enum MeshLinker {
    public static func link(_ loaded: LoadedMesh) -> (LinkedMesh, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let catalog = CatalogIndex(loaded.entities, diagnostics: &diagnostics)
        let contracts = uniqueContracts(loaded.contracts, diagnostics: &diagnostics)
        var products = ProductPlacement.place(loaded, catalog: catalog, diagnostics: &diagnostics)
        let edges = LineageLinker.link(&products, contracts: contracts, diagnostics: &diagnostics)
        let (domains, teams) = OwnershipLinker.link(products: &products, catalog: catalog, edges: edges)
        var mesh = LinkedMesh(config: loaded.config, domains: domains, teams: teams, products: products,
                              contracts: contracts, edges: edges, docs: [], assets: [])
        mesh.origins = loaded.origins
        DocLinker.link(&mesh, documents: loaded.documents, assets: loaded.assets, sourceRoots: loaded.sourceRoots,
                       diagnostics: &diagnostics)
        return (mesh, diagnostics)
    }

    /// Contracts sorted by id; a second contract with an id already taken is reported and dropped.
    static func uniqueContracts(_ contracts: [DataContract], diagnostics: inout [Diagnostic]) -> [DataContract] {
        var byID: [String: DataContract] = [:]
        for contract in contracts {
            if let first = byID[contract.id] {
                diagnostics.append(.error("contract.id.duplicate", "contract id '\(contract.id)' is used twice",
                                          at: contract.idLocation ?? contract.location,
                                          notes: [.init("first used here", at: first.idLocation ?? first.location)]))
            } else {
                byID[contract.id] = contract
            }
        }
        return byID.values.sorted { $0.id < $1.id }
    }
}
