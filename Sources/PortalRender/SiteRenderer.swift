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
        var site = RenderedSite()
        let pages = Self.pages(mesh)
        let renderer = PageRenderer(self, mesh: mesh, governance: governance)
        // Pages in parallel, bounded by the cores; results come back in list order.
        let rendered = parallelMap(pages.count) { renderer.render(pages[$0]) }
        for (page, bytes) in zip(pages, rendered) { site.files[PageRenderer.path(of: page, in: mesh)] = bytes }
        for supplement in PageRenderer.Supplement.allCases {
            site.files.merge(renderer.files(supplement)) { _, new in new }
        }
        return site
    }

    /// Every page of the site, in a fixed order.
    public static func pages(_ mesh: LinkedMesh) -> [SitePage] {
        var pages: [SitePage] = [.home]
        pages += mesh.domains.indices.map(SitePage.domain)
        pages += mesh.teams.indices.map(SitePage.team)
        for (i, product) in mesh.products.enumerated() {
            pages.append(.product(i))
            pages += product.docs.filter { !mesh.docs[$0].isLanding }.map(SitePage.doc)
        }
        return pages + [.lineage, .governance, .search, .notFound]
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
}
