/// One HTML page of the site, named by what it shows. The Render stage lists every page first and then
/// renders them in any order or in parallel: a page depends only on the linked mesh, never on another page.
public enum SitePage: Sendable, Hashable {
    case home
    case domain(Int)
    case team(Int)
    /// A product's page (with its landing doc).
    case product(Int)
    /// A doc page of a product other than its landing doc, by index into `LinkedMesh.docs`.
    case doc(Int)
    case lineage
    case governance
    case search
    case notFound
}

extension SitePage {
    /// The kind of page, for timings.
    var kind: String {
        switch self {
        case .home: "home"
        case .domain: "domain"
        case .team: "team"
        case .product: "product"
        case .doc: "doc"
        case .lineage: "lineage"
        case .governance: "governance"
        case .search: "search"
        case .notFound: "notFound"
        }
    }
}

