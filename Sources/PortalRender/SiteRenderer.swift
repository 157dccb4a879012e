import Foundation
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

    /// Pages rendered at once: enough to keep every core busy, few enough that a batch's bytes stay small.
    public static let batchSize = 256

    /// The whole site in memory.
    public func render(_ mesh: LinkedMesh, governance: GovernanceReport = GovernanceReport()) -> RenderedSite {
        var site = RenderedSite()
        render(mesh, governance: governance) { site.add($0) }
        return site
    }

    /// Every file of the site, handed to `deliver` a batch at a time and kept by nothing else, so what
    /// stays in memory is the caller's choice: the pages in `pages` order, `batchSize` at a time (each
    /// batch rendered over the cores), then each supplement on its own, its files by path (the search
    /// index in several batches, as its files are made).
    /// `reusing`: pages (by path) and supplements not to render, because the caller has their files
    /// from an earlier build (`build --cache`).
    public func render<Failure: Error>(_ mesh: LinkedMesh, governance: GovernanceReport = GovernanceReport(),
                                       batchSize: Int = Self.batchSize, reusing: Reuse = Reuse(),
                                       deliver: ([SiteFile]) throws(Failure) -> Void) throws(Failure) {
        let all = reusing.pages.isEmpty ? Self.pages(mesh)
            : Self.pages(mesh).filter { !reusing.pages.contains(PageRenderer.path(of: $0, in: mesh)) }
        let renderer = PageRenderer(self, mesh: mesh, governance: governance)
        let timed = ProcessInfo.processInfo.environment["MESHPORT_TIMINGS"] != nil
        // The pages about the whole mesh and the API files are made beside the batches (see AsideWork).
        let asidePages = all.filter(Self.isAside)
        let asideSupplements = Self.asideSupplements.filter { !reusing.supplements.contains($0) }
        let aside = AsideWork {
            asidePages.map { SiteFile(path: PageRenderer.path(of: $0, in: mesh), bytes: renderer.render($0)) }
                + asideSupplements.flatMap { supplement in
                    renderer.files(supplement).sorted { $0.key < $1.key }.map {
                        SiteFile(path: $0.key, bytes: $0.value, supplement: supplement)
                    }
                }
        }
        let pages = all.filter { !Self.isAside($0) }
        var kindTimes: [String: (count: Int, took: Duration)] = [:]
        for start in stride(from: 0, to: pages.count, by: max(1, batchSize)) {
            let batch = pages[start..<min(pages.count, start + max(1, batchSize))]
            // Results come back in list order, whatever the scheduling.
            let rendered = parallelMap(batch.count) { i -> ([UInt8], Duration) in
                let begun = ContinuousClock.now
                return (renderer.render(batch[start + i]), ContinuousClock.now - begun)
            }
            if timed {
                for (page, (_, took)) in zip(batch, rendered) {
                    kindTimes[page.kind, default: (0, .zero)].count += 1
                    kindTimes[page.kind, default: (0, .zero)].took += took
                    if took > .milliseconds(250) {
                        FileHandle.standardError.write(Data("slow page: \(PageRenderer.path(of: page, in: mesh)) \(took)\n".utf8))
                    }
                }
            }
            try deliver(zip(batch, rendered).map { SiteFile(path: PageRenderer.path(of: $0, in: mesh), bytes: $1.0) })
            if let files = aside.take() { try deliver(files) }
        }
        try deliver(aside.wait())
        for (kind, times) in kindTimes.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(Data("pages \(kind): \(times.count), \(times.took) on all cores\n".utf8))
        }
        for supplement in PageRenderer.Supplement.allCases
            where !reusing.supplements.contains(supplement) && !Self.asideSupplements.contains(supplement) {
            let begun = ContinuousClock.now
            try renderer.files(supplement) { (files) throws(Failure) in
                try deliver(files.sorted { $0.key < $1.key }.map { SiteFile(path: $0.key, bytes: $0.value, supplement: supplement) })
            }
            if timed { FileHandle.standardError.write(Data("supplement \(supplement), handed on: \(ContinuousClock.now - begun)\n".utf8)) }
        }
    }

    private static func isAside(_ page: SitePage) -> Bool {
        switch page {
        case .home, .lineage, .governance: return true
        default: return false
        }
    }

    private static let asideSupplements: [PageRenderer.Supplement] = [.meshJSON, .governanceJSON, .sitemap]

    /// What a render leaves out because the caller already has it.
    public struct Reuse: Sendable {
        public var pages: Set<String>
        public var supplements: Set<PageRenderer.Supplement>
        public init(pages: Set<String> = [], supplements: Set<PageRenderer.Supplement> = []) {
            self.pages = pages
            self.supplements = supplements
        }
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
