/// What the Load stage read: every recognised input, each with its position, before any linking.
public struct LoadedMesh: Sendable {
    public var config: MeshConfig
    public var products: [ProductManifest]
    public var contracts: [DataContract]
    public var entities: [CatalogEntity]
    public var documents: [MarkdownDocument]
    public var assets: [AssetFile]
    /// Folders of the source repositories, relative to the mesh folder.
    public var sourceRoots: [String]
    /// Where each source root's files come from (repository, commit, last changes), in `sourceRoots` order.
    public var origins: [SourceOrigin] = []
    /// Each repository's own `meshport.yaml`, where it has one.
    public var domainConfigs: [DomainConfig] = []

    public init(config: MeshConfig, products: [ProductManifest] = [], contracts: [DataContract] = [],
                entities: [CatalogEntity] = [], documents: [MarkdownDocument] = [], assets: [AssetFile] = [],
                sourceRoots: [String] = []) {
        self.config = config
        self.products = products
        self.contracts = contracts
        self.entities = entities
        self.documents = documents
        self.assets = assets
        self.sourceRoots = sourceRoots
    }

    /// Adds what another load read (one file's worth), after what this one holds.
    public mutating func append(_ other: LoadedMesh) {
        products += other.products
        contracts += other.contracts
        entities += other.entities
        documents += other.documents
        assets += other.assets
        domainConfigs += other.domainConfigs
    }
}
