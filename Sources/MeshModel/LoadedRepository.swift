/// What the Load stage read from one domain repository, with the problems it found there: the part
/// of a `LoadedMesh` one repository contributes. A bundle carries one, so a repository loaded in its
/// own CI job can join the mesh later exactly as if it had been read with the others.
public struct LoadedRepository: Sendable, Hashable, Codable {
    /// The repository's `meshport.yaml`, where it has one.
    public var domainConfig: DomainConfig?
    public var products: [ProductManifest]
    public var contracts: [DataContract]
    public var entities: [CatalogEntity]
    public var documents: [MarkdownDocument]
    public var assets: [AssetFile]
    /// The Load stage's diagnostics for these files (validation runs again on the whole mesh).
    public var diagnostics: [Diagnostic]

    public init(domainConfig: DomainConfig? = nil, products: [ProductManifest] = [], contracts: [DataContract] = [],
                entities: [CatalogEntity] = [], documents: [MarkdownDocument] = [], assets: [AssetFile] = [],
                diagnostics: [Diagnostic] = []) {
        self.domainConfig = domainConfig
        self.products = products
        self.contracts = contracts
        self.entities = entities
        self.documents = documents
        self.assets = assets
        self.diagnostics = diagnostics
    }

    enum CodingKeys: String, CodingKey { case domainConfig, products, contracts, entities, documents, assets, diagnostics }

    /// Locations move under the decoder's source root by themselves; the plain path fields are moved here.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let path = decoder.pathUnderSourceRoot
        domainConfig = try c.decodeIfPresent(DomainConfig.self, forKey: .domainConfig).map {
            DomainConfig(root: path($0.root), file: path($0.file), rules: $0.rules)
        }
        products = try c.decode([ProductManifest].self, forKey: .products).map { var p = $0; p.file = path(p.file); return p }
        contracts = try c.decode([DataContract].self, forKey: .contracts).map { var k = $0; k.file = path(k.file); return k }
        entities = try c.decode([CatalogEntity].self, forKey: .entities)
        documents = try c.decode([MarkdownDocument].self, forKey: .documents).map { var d = $0; d.file = path(d.file); return d }
        assets = try c.decode([AssetFile].self, forKey: .assets).map { var a = $0; a.file = path(a.file); return a }
        diagnostics = try c.decode([Diagnostic].self, forKey: .diagnostics)
    }
}
