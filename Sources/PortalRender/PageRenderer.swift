import MeshLink
import MeshModel
import SearchIndex

/// The files of one mesh's site, rendered one at a time, in any order, from any thread: what
/// `meshport serve` uses to render only the pages an edit changed. `SiteRenderer.render` renders all.
public struct PageRenderer: Sendable {
    /// The site's files that are not pages.
    public enum Supplement: Sendable, Hashable, CaseIterable {
        /// `search/*.js`, the index the search page loads.
        case searchIndex
        case sitemap
        /// `api/mesh.json`
        case meshJSON
        /// `api/governance.json`
        case governanceJSON
        /// Images the docs use, and the theme's `assets/`.
        case assets
    }

    public let mesh: LinkedMesh
    public let governance: GovernanceReport
    let pages: SitePageRenderer

    public init(_ renderer: SiteRenderer, mesh: LinkedMesh, governance: GovernanceReport) {
        self.mesh = mesh
        self.governance = governance
        pages = SitePageRenderer(mesh: mesh, governance: governance, renderer: renderer)
    }

    public func render(_ page: SitePage) -> [UInt8] {
        pages.render(page)
    }

    /// Where a page is written, relative to the site root, without rendering it.
    public static func path(of page: SitePage, in mesh: LinkedMesh) -> String {
        switch page {
        case .home: SiteURL.home
        case .domain(let d): mesh.domains[d].url
        case .team(let t): mesh.teams[t].url
        case .product(let p): mesh.products[p].url
        case .doc(let d): mesh.docs[d].url
        case .lineage: SiteURL.lineage
        case .governance: SiteURL.governance
        case .search: SearchIndexBuilder.pageURL
        case .notFound: SiteURL.notFound
        }
    }

    /// The pages a sitemap lists: all but the search page and the 404 page.
    public static func isCrawlable(_ page: SitePage) -> Bool {
        page != .search && page != .notFound
    }

    /// A supplement's files, handed to `deliver` as they are made: the search index a few megabytes at a
    /// time (it is never whole in memory), the others at once.
    public func files<Failure: Error>(_ supplement: Supplement,
                                      deliver: ([String: [UInt8]]) throws(Failure) -> Void) throws(Failure) {
        if supplement == .searchIndex {
            try SearchIndexBuilder().build(mesh, deliver: deliver)
        } else {
            try deliver(files(supplement))
        }
    }

    public func files(_ supplement: Supplement) -> [String: [UInt8]] {
        switch supplement {
        case .searchIndex:
            return SearchIndexBuilder().build(mesh)
        case .sitemap:
            let crawlable = SiteRenderer.pages(mesh).filter(Self.isCrawlable).map { Self.path(of: $0, in: mesh) }.sorted()
            return ["sitemap.xml": Array(Sitemap.xml(pages: crawlable, baseURL: mesh.config.baseURL).utf8)]
        case .meshJSON:
            return ["api/mesh.json": MeshAPI(mesh).json()]
        case .governanceJSON:
            return ["api/governance.json": MeshAPI.encode(governance)]
        case .assets:
            var files: [String: [UInt8]] = [:]
            for asset in mesh.assets { files[asset.path] = asset.bytes }
            for (path, bytes) in pages.theme.assets { files["assets/" + path] = bytes }
            return files
        }
    }
}
