import MeshModel

/// The Link stage's result: every entity with its slug, URL and resolved references.
/// Everything is sorted, so rendering the same input always gives the same bytes.
public struct LinkedMesh: Sendable {
    public var config: MeshConfig
    public let domains: [Domain]
    public let teams: [Team]
    public var products: [Product]
    public var contracts: [DataContract]
    public var edges: [LineageEdge]
    public var docs: [DocPage]
    public var assets: [PublishedAsset]
    /// Where each source folder's files come from, for provenance lines.
    public var origins: [SourceOrigin] = []

    public init(config: MeshConfig, domains: [Domain], teams: [Team], products: [Product],
                contracts: [DataContract], edges: [LineageEdge], docs: [DocPage], assets: [PublishedAsset]) {
        self.config = config
        self.domains = domains
        self.teams = teams
        self.products = products
        self.contracts = contracts
        self.edges = edges
        self.docs = docs
        self.assets = assets
        domainIndex = Dictionary(domains.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
        teamIndex = Dictionary(teams.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private let domainIndex: [String: Int]
    private let teamIndex: [String: Int]

    public func domain(_ slug: String) -> Domain? { domainIndex[slug].map { domains[$0] } }
    public func team(_ slug: String?) -> Team? { slug.flatMap { teamIndex[$0] }.map { teams[$0] } }

    /// Where a file (relative to the mesh folder) comes from: repository, path, commit, last change.
    public func provenance(of file: String) -> FileProvenance? { origins.provenance(of: file) }

    /// A domain page's provenance: its Backstage Domain's file, or else the source of its first product.
    public func provenance(of domain: Domain) -> FileProvenance? {
        if let file = domain.file { return provenance(of: file) }
        return domain.products.first.flatMap { provenance(of: products[$0].manifest.file) }
    }
}

public struct Domain: Sendable, Hashable {
    public var slug: String
    /// A Backstage Domain entity describes it (otherwise only products name it).
    public var declared: Bool
    public var name: String
    public var title: String
    public var description: String?
    public var ownerTeam: String?
    /// The file of the Backstage Domain entity, when one declares it.
    public var file: String?
    /// Indices into `LinkedMesh.products`.
    public var products: [Int]
    public var upstreamDomains: [String]
    public var downstreamDomains: [String]
    public var url: String { SiteURL.domain(slug) }
}

public struct Person: Sendable, Hashable {
    public var username: String
    public var displayName: String?
    public var email: String?
    public var role: String?
    public var label: String { displayName ?? username }
}

public struct Team: Sendable, Hashable {
    public var slug: String
    /// A Backstage Group describes it (otherwise only manifests name it).
    public var declared: Bool
    public var name: String
    public var displayName: String
    public var description: String?
    public var email: String?
    public var parent: String?
    public var children: [String]
    public var members: [Person]
    public var products: [Int]
    public var ownedDomains: [String]
    public var url: String { SiteURL.team(slug) }
}

/// A port of one product: which product, and the port's name.
public struct PortRef: Sendable, Hashable, Comparable {
    public var product: Int
    public var port: String
    public static func < (a: PortRef, b: PortRef) -> Bool { (a.product, a.port) < (b.product, b.port) }
}

public struct LinkedOutputPort: Sendable, Hashable {
    public var port: ProductManifest.OutputPort
    public var anchor: String
    /// Index into `LinkedMesh.contracts`.
    public var contract: Int?
    public var consumers: [PortRef]
    /// Anchors of the contract's schema objects and their columns on the product page, in contract order.
    public var schemaAnchors: [SchemaAnchors]
}

public struct SchemaAnchors: Sendable, Hashable {
    public var object: String
    public var columns: [String]
}

public struct LinkedInputPort: Sendable, Hashable {
    public var port: ProductManifest.InputPort
    public var anchor: String
    /// The output port that publishes this input's contract; nil means an external or unknown upstream.
    public var upstream: PortRef?
}

public struct Product: Sendable, Hashable {
    public var slug: String
    public var domain: String
    public var manifest: ProductManifest
    public var team: String?
    public var outputPorts: [LinkedOutputPort]
    public var inputPorts: [LinkedInputPort]
    /// Indices into `LinkedMesh.docs`, landing page first, then by path.
    public var docs: [Int]
    public var landingDoc: Int?
    /// Every id on the product page (sections, ports, schemas, columns), for checking `#anchor` links.
    public var anchors: Set<String>
    public var url: String { SiteURL.product(domain: domain, product: slug) }
    public var folderURL: String { SiteURL.productFolder(domain: domain, product: slug) }
    public var name: String { manifest.name }
    public var isDeprecated: Bool { ["deprecated", "retired"].contains(manifest.status?.lowercased() ?? "") }
}

public struct LineageEdge: Sendable, Hashable, Comparable {
    public var upstream: PortRef
    public var downstream: PortRef
    public var contractId: String
    public static func < (a: LineageEdge, b: LineageEdge) -> Bool {
        (a.upstream, a.downstream) < (b.upstream, b.downstream)
    }
}

public struct DocPage: Sendable, Hashable {
    public var product: Int
    public var document: MarkdownDocument
    /// Where the page is written, relative to the site root ("products/sales/orders/usage.html");
    /// for the landing page, the product page itself.
    public var url: String
    public var isLanding: Bool
    /// Each link destination in the Markdown -> its site-root-relative target ("#x" stays in the page).
    public var links: [String: ResolvedLink]
    public var title: String
}

public enum ResolvedLink: Sendable, Hashable {
    /// A page or file of this site, relative to the site root, with an optional fragment.
    case site(path: String, fragment: String?)
    /// An anchor on the same page.
    case fragment(String)
    /// Left as written (http, https, mailto).
    case external(String)
    /// Not a link any more: its target's scheme is not allowed, so the page shows only its text.
    case dropped
}

public struct PublishedAsset: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]
}
