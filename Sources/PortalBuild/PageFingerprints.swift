import MeshLink
import MeshModel
import PortalRender

/// A fingerprint for every file of the site: one hash of everything that feeds it. Two builds that
/// give a page the same fingerprint give it the same bytes, so `meshport serve` renders again only
/// the pages whose fingerprint an edit changed (and a cache on disk can key pages by it).
///
/// Fingerprints are made of the hashes of the input files (what Load parsed each value from, and their
/// last change when git history is read), of where the sources come from, of
/// what Link made of them (slugs, URLs, anchors, ports joined, lineage, resolved doc links), of the
/// governance outcomes, and of the render settings (theme, footer date, configuration). A page that
/// starts showing something new needs it added here; `IncrementalSiteTests` compares rebuilds after
/// many kinds of edit with full builds, byte for byte.
public struct PageFingerprints: Sendable {
    /// Every page of the site with its path, in `SiteRenderer.pages` order.
    public let pages: [(page: SitePage, path: String)]
    /// Path -> fingerprint.
    public let byPath: [String: UInt64]
    public let supplements: [PageRenderer.Supplement: UInt64]
    /// What the fingerprints were made of, kept to update them after an edit of docs only.
    let digests: EntityDigests

    /// `files`: path (relative to the mesh folder) -> hash of the file, for every file Load read.
    /// `settings`: see `PageFingerprints.settings`.
    public init(mesh: LinkedMesh, governance: GovernanceReport, files: [String: UInt64], settings: UInt64) {
        let d = EntityDigests(mesh: mesh, governance: governance, files: files, settings: settings)
        digests = d
        pages = SiteRenderer.pages(mesh).map { ($0, PageRenderer.path(of: $0, in: mesh)) }
        let pages = self.pages
        let values = parallelMap(pages.count) { d.fingerprint(pages[$0].page) }
        var byPath: [String: UInt64] = Dictionary(minimumCapacity: pages.count)
        for (entry, value) in zip(pages, values) { byPath[entry.path] = value }
        self.byPath = byPath
        supplements = Self.supplements(d, pages: pages)
    }

    private static func supplements(_ d: EntityDigests, pages: [(page: SitePage, path: String)]) -> [PageRenderer.Supplement: UInt64] {
        var supplements: [PageRenderer.Supplement: UInt64] = [:]
        for supplement in PageRenderer.Supplement.allCases { supplements[supplement] = d.fingerprint(supplement, pages: pages) }
        return supplements
    }

    private init(pages: [(page: SitePage, path: String)], byPath: [String: UInt64],
                 supplements: [PageRenderer.Supplement: UInt64], digests: EntityDigests) {
        self.pages = pages
        self.byPath = byPath
        self.supplements = supplements
        self.digests = digests
    }

    /// What every page depends on besides the mesh: the theme, the footer's date, and meshport's own
    /// rendering (`formatVersion`, raised when a change to meshport changes pages).
    public static func settings(theme: Theme, generatedAt: String?, formatVersion: String = "1") -> UInt64 {
        var hash = StableHash()
        hash.combine(formatVersion)
        hash.combine(generatedAt ?? "")
        hash.combine(theme.stableDigest)
        return hash.value
    }
}

extension Theme {
    /// One stable hash of every template and asset, by name.
    public var stableDigest: UInt64 {
        var hash = StableHash()
        for name in templates.keys.sorted() {
            hash.combine(name)
            hash.combine(templates[name]!)
        }
        for name in assets.keys.sorted() {
            hash.combine(name)
            hash.combine(assets[name]!)
        }
        return hash.value
    }
}

extension PageFingerprints {
    /// The fingerprints after an edit that changed only the text of the docs in `files` (see
    /// `MeshLinker.relinking`): the mesh keeps its shape, so only those docs' pages and the supplements
    /// are hashed again. `digests`: every file's hash now.
    public func updating(docs changed: Set<String>, in mesh: LinkedMesh, digests files: [String: UInt64]) -> PageFingerprints {
        var d = digests
        d.mesh = mesh
        d.files = files
        var byPath = self.byPath
        for (i, doc) in mesh.docs.enumerated() where changed.contains(doc.document.file) {
            d.docs[i] = d.docDigest(doc)
            let page: SitePage = doc.isLanding ? .product(doc.product) : .doc(i)
            byPath[PageRenderer.path(of: page, in: mesh)] = d.fingerprint(page)
        }
        return PageFingerprints(pages: pages, byPath: byPath, supplements: Self.supplements(d, pages: pages), digests: d)
    }

    /// The fingerprints after an edit of manifests or contracts that `MeshLinker.relinking` took in
    /// (`products` and `contracts` as it reports them; `governance` the report now): the site has the same
    /// pages, every page but the docs' is hashed again from the updated digests (cheap: the docs' own
    /// digests are most of the work), and a doc's page when its product's diagram label changed.
    public func updating(products: Set<Int>, contracts: Set<Int>, in mesh: LinkedMesh, governance: GovernanceReport,
                         digests files: [String: UInt64]) -> PageFingerprints {
        var d = digests
        let relabelled = d.update(products: products, contracts: contracts, mesh: mesh, governance: governance, files: files)
        var byPath = self.byPath
        for (page, path) in pages {
            if case .doc(let i) = page, !relabelled.contains(mesh.docs[i].product) { continue }
            byPath[path] = d.fingerprint(page)
        }
        return PageFingerprints(pages: pages, byPath: byPath, supplements: Self.supplements(d, pages: pages), digests: d)
    }
}
