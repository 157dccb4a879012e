import MeshLink
import MeshModel
import SearchIndex

/// Renders one page of the site: builds its template context, renders it and wraps it in the layout.
/// Holds only immutable views of the mesh, so many pages render at once.
struct SitePageRenderer {
    let mesh: LinkedMesh
    let governance: GovernanceReport
    /// Each product's compliance by "<domain>/<product>", looked up once per product page.
    let compliance: [String: GovernanceReport.Product]
    let theme: Theme
    let chrome: PageChrome
    let lineage: LineageViews
    let renderer: SiteRenderer

    init(mesh: LinkedMesh, governance: GovernanceReport, renderer: SiteRenderer) {
        self.mesh = mesh
        self.governance = governance
        compliance = Dictionary(governance.products.map { ($0.key, $0) }) { first, _ in first }
        self.theme = renderer.theme
        self.renderer = renderer
        chrome = PageChrome(mesh: mesh, generatedAt: renderer.generatedAt)
        lineage = LineageViews(mesh: mesh)
    }

    private static let home: (String, String?) = ("Home", SiteURL.home)

    /// The page's bytes; where it goes is `PageRenderer.path(of:in:)`.
    func render(_ page: SitePage) -> [UInt8] {
        let home = Self.home
        switch page {
        case .home:
            return wrap(SiteURL.home, "home", HomePage(mesh: mesh).context(), title: mesh.config.title, section: "home",
                        crumbs: [home])
        case .domain(let d):
            let domain = mesh.domains[d]
            var context = DomainPage(mesh: mesh, domain: domain).context()
            context["lineage"] = lineage.domain(domain)
            return wrap(domain.url, "domain", context, title: domain.title, section: "domain",
                        crumbs: [home, (domain.title, nil)], description: domain.description)
        case .team(let t):
            let team = mesh.teams[t]
            return wrap(team.url, "team", TeamPage(mesh: mesh, team: team).context(), title: team.displayName,
                        section: "team", crumbs: [home, (team.displayName, nil)], description: team.description)
        case .product(let i):
            let product = mesh.products[i]
            let landingHTML = product.landingDoc.map {
                renderer.markdown(mesh.docs[$0], options: .init(dropLeadingTitle: true, headingShift: 1))
            }
            var context = ProductPage(mesh: mesh, index: i, landingHTML: landingHTML,
                                      compliance: compliance["\(mesh.products[i].domain)/\(mesh.products[i].slug)"]).context()
            context["lineage"] = lineage.product(i)
            context["columnLineage"] = lineage.columns(i) as Any
            return wrap(product.url, "product", context, title: product.name, section: "product",
                        crumbs: [home, domainCrumb(product), (product.name, nil)], description: product.manifest.description.purpose)
        case .doc(let d):
            let doc = mesh.docs[d]
            let product = mesh.products[doc.product]
            return wrap(doc.url, "doc", DocPageView(mesh: mesh, doc: doc, html: renderer.markdown(doc)).context(), title: doc.title,
                        section: "product", crumbs: [home, domainCrumb(product), (product.name, product.url), (doc.title, nil)])
        case .lineage:
            return wrap(SiteURL.lineage, "lineage", lineage.whole(), title: "Lineage", section: "lineage",
                        crumbs: [home, ("Lineage", nil)])
        case .governance:
            return wrap(SiteURL.governance, "governance", GovernancePage(mesh: mesh, report: governance).context(),
                        title: "Governance", section: "governance", crumbs: [home, ("Governance", nil)])
        case .search:
            let root = SiteURL.root(from: SearchIndexBuilder.pageURL)
            return wrap(SearchIndexBuilder.pageURL, "search", ["root": root, "homeHref": root + SiteURL.home],
                        title: "Search", section: "search", crumbs: [home, ("Search", nil)])
        case .notFound:
            return notFound()
        }
    }

    private func domainCrumb(_ product: Product) -> (String, String?) {
        (mesh.domain(product.domain)?.title ?? product.domain, SiteURL.domain(product.domain))
    }

    private func wrap(_ url: String, _ template: String, _ context: [String: Any], title: String, section: String,
                      crumbs: [(String, String?)], description: String? = nil) -> [UInt8] {
        let content = theme.render(template, context)
        var layout = chrome.layout(url: url, title: title, content: content, section: section,
                                   breadcrumbs: crumbs, description: description)
        // Diagram styles only where there are diagrams, so pages like search load less.
        layout["lineageStyles"] = ["product", "domain", "lineage"].contains(template)
        return Array(theme.render("layout", layout).utf8)
    }

    /// 404.html is served for any missing path, so it links from the base URL, not relatively.
    private func notFound() -> [UInt8] {
        let base = mesh.config.baseURL.hasSuffix("/") ? mesh.config.baseURL : mesh.config.baseURL + "/"
        let content = theme.render("notfound", ["homeHref": base + SiteURL.home])
        let context = chrome.layout(url: SiteURL.notFound, title: "Page not found", content: content, section: "",
                                    breadcrumbs: [], absoluteRoot: base)
        return Array(theme.render("layout", context).utf8)
    }
}
