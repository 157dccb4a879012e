import MeshLink
import MeshMarkdown
import MeshModel
import SearchIndex

/// The Render stage: turns the linked mesh into every file of the site. Pure: no disk access.
public struct SiteRenderer: Sendable {
    public let theme: Theme
    /// Shown in the footer only when asked for (SOURCE_DATE_EPOCH), so builds stay reproducible.
    public let generatedAt: String?

    public init(theme: Theme, generatedAt: String? = nil) {
        self.theme = theme
        self.generatedAt = generatedAt
    }

    public func render(_ mesh: LinkedMesh, governance: GovernanceReport = GovernanceReport()) -> RenderedSite {
        let chrome = PageChrome(mesh: mesh, generatedAt: generatedAt)
        var site = RenderedSite()
        func page(_ url: String, _ template: String, _ context: [String: Any], title: String, section: String,
                  crumbs: [(String, String?)], description: String? = nil) {
            let content = theme.render(template, context)
            var layout = chrome.layout(url: url, title: title, content: content, section: section,
                                       breadcrumbs: crumbs, description: description)
            // Diagram styles only where there are diagrams, so pages like search load less.
            layout["lineageStyles"] = ["product", "domain", "lineage"].contains(template)
            let html = theme.render("layout", layout)
            site.files[url] = Array(html.utf8)
        }
        let home: (String, String?) = ("Home", SiteURL.home)
        let lineage = LineageViews(mesh: mesh)

        page(SiteURL.home, "home", HomePage(mesh: mesh).context(), title: mesh.config.title, section: "home", crumbs: [home])
        for domain in mesh.domains {
            var context = DomainPage(mesh: mesh, domain: domain).context()
            context["lineage"] = lineage.domain(domain)
            page(domain.url, "domain", context, title: domain.title,
                 section: "domain", crumbs: [home, (domain.title, nil)], description: domain.description)
        }
        for team in mesh.teams {
            page(team.url, "team", TeamPage(mesh: mesh, team: team).context(), title: team.displayName,
                 section: "team", crumbs: [home, (team.displayName, nil)], description: team.description)
        }
        for (i, product) in mesh.products.enumerated() {
            let domainCrumb = (mesh.domain(product.domain)?.title ?? product.domain, Optional(SiteURL.domain(product.domain)))
            let landingHTML = product.landingDoc.map {
                markdown(mesh.docs[$0], options: .init(dropLeadingTitle: true, headingShift: 1))
            }
            var context = ProductPage(mesh: mesh, index: i, landingHTML: landingHTML, governance: governance).context()
            context["lineage"] = lineage.product(i)
            context["columnLineage"] = lineage.columns(i) as Any
            page(product.url, "product", context,
                 title: product.name, section: "product", crumbs: [home, domainCrumb, (product.name, nil)],
                 description: product.manifest.description.purpose)
            for d in product.docs where !mesh.docs[d].isLanding {
                let doc = mesh.docs[d]
                page(doc.url, "doc", DocPageView(mesh: mesh, doc: doc, html: markdown(doc)).context(), title: doc.title,
                     section: "product", crumbs: [home, domainCrumb, (product.name, product.url), (doc.title, nil)])
            }
        }
        page(SiteURL.lineage, "lineage", lineage.whole(), title: "Lineage", section: "lineage", crumbs: [home, ("Lineage", nil)])
        page(SiteURL.governance, "governance", GovernancePage(mesh: mesh, report: governance).context(), title: "Governance",
             section: "governance", crumbs: [home, ("Governance", nil)])
        let pages = site.files.keys.sorted()
        // Search: the page (left out of the sitemap: it has nothing to crawl) and its index files.
        let searchRoot = SiteURL.root(from: SearchIndexBuilder.pageURL)
        page(SearchIndexBuilder.pageURL, "search", ["root": searchRoot, "homeHref": searchRoot + SiteURL.home], title: "Search", section: "search", crumbs: [home, ("Search", nil)])
        site.files.merge(SearchIndexBuilder().build(mesh)) { _, new in new }
        site.files[SiteURL.notFound] = notFound(chrome)
        site.files["sitemap.xml"] = Array(Sitemap.xml(pages: pages, baseURL: mesh.config.baseURL).utf8)
        site.files["api/mesh.json"] = MeshAPI(mesh).json()
        site.files["api/governance.json"] = MeshAPI.encode(governance)
        for asset in mesh.assets { site.files[asset.path] = asset.bytes }
        for (path, bytes) in theme.assets { site.files["assets/" + path] = bytes }
        return site
    }

    /// The Markdown of a doc with its links pointing at the pages they resolved to.
    public func markdown(_ doc: DocPage, options: MarkdownRenderer.Options = .init()) -> String {
        MarkdownRenderer.render(doc.document.text, options: options) { destination, _ in
            switch doc.links[destination] {
            case .site(let path, let fragment)?:
                let relative = path == doc.url ? "" : SiteURL.relative(from: doc.url, to: path)
                return .target(relative + (fragment.map { "#" + $0 } ?? ""))
            case .fragment(let fragment)?: return .target("#" + fragment)
            case .external?: return .keep
            // Unresolved links only reach here when the build has already failed (the fuzz targets
            // render anyway); they are shown as text like unsafe ones.
            case .dropped?, nil: return .unlink
            }
        }
    }

    /// 404.html is served for any missing path, so it links from the base URL, not relatively.
    func notFound(_ chrome: PageChrome) -> [UInt8] {
        let base = chrome.mesh.config.baseURL.hasSuffix("/") ? chrome.mesh.config.baseURL : chrome.mesh.config.baseURL + "/"
        let content = theme.render("notfound", ["homeHref": base + SiteURL.home])
        let context = chrome.layout(url: SiteURL.notFound, title: "Page not found", content: content, section: "",
                                    breadcrumbs: [], absoluteRoot: base)
        return Array(theme.render("layout", context).utf8)
    }
}
