import PortalBuild
import PortalRender

/// The site `serve` answers from, in memory: the latest good generation and the bytes of every file
/// rendered so far, each with the fingerprint it was rendered at. A new generation keeps the bytes of
/// files whose fingerprint did not change; the others are rendered again when asked for (or by
/// `renderAll`, in the background), so an edit costs only the pages it changed.
public actor SiteStore {
    struct Rendered {
        var fingerprint: UInt64
        var bytes: [UInt8]
    }

    public private(set) var generation: IncrementalBuild.Generation?
    /// Generations published so far; a render started under an older one is not kept.
    public private(set) var number = 0
    private var pages: [String: SitePage] = [:]
    private var rendered: [String: Rendered] = [:]
    private var supplementFiles: [PageRenderer.Supplement: (fingerprint: UInt64, files: [String: [UInt8]])] = [:]
    private var rendering: [String: Task<[UInt8], Never>] = [:]
    private var renderingSupplements: [PageRenderer.Supplement: Task<[String: [UInt8]], Never>] = [:]
    /// Pages rendered since the store was made (for tests and benchmarks: what an edit cost).
    public private(set) var renderCount = 0

    public init() {}

    /// Makes `generation` the site. Returns the pages whose fingerprint changed (all, the first time).
    @discardableResult
    public func publish(_ generation: IncrementalBuild.Generation) -> Set<String> {
        let previous = self.generation?.fingerprints.byPath ?? [:]
        self.generation = generation
        number += 1
        rendering = [:]
        renderingSupplements = [:]
        pages = Dictionary(generation.fingerprints.pages.map { ($0.path, $0.page) }, uniquingKeysWith: { a, _ in a })
        var changed = Set<String>()
        for (path, fingerprint) in generation.fingerprints.byPath where previous[path] != fingerprint { changed.insert(path) }
        // A page that is gone changed too: open, it reloads into the 404 page.
        for path in previous.keys where generation.fingerprints.byPath[path] == nil { changed.insert(path) }
        for path in rendered.keys where pages[path] == nil { rendered[path] = nil }
        // Images and theme assets are copied, not rendered: take them at once.
        let assets = generation.fingerprints.supplements[.assets] ?? 0
        if supplementFiles[.assets]?.fingerprint != assets {
            supplementFiles[.assets] = (assets, generation.renderer.files(.assets))
        }
        return changed
    }

    /// Whether the site has this file; a page or supplement need not be rendered to be known.
    public func contains(_ path: String) -> Bool {
        guard generation != nil else { return false }
        return pages[path] != nil || supplement(of: path).map { kind in
            kind == .searchIndex || supplementFiles[kind].map { $0.files[path] != nil } ?? true
        } ?? false
    }

    /// The bytes of a file of the site, rendered now if its fingerprint is new; nil when there is no such file.
    /// With the ETag: the file's fingerprint, which changes whenever its bytes may.
    public func file(_ path: String) async -> (bytes: [UInt8], etag: UInt64)? {
        guard let generation else { return nil }
        if let page = pages[path], let fingerprint = generation.fingerprints.byPath[path] {
            if let done = rendered[path], done.fingerprint == fingerprint { return (done.bytes, fingerprint) }
            let task = rendering[path] ?? Task.detached(priority: .userInitiated) { generation.renderer.render(page) }
            rendering[path] = task
            let bytes = await task.value
            if self.generation?.fingerprints.byPath[path] == fingerprint {
                rendered[path] = Rendered(fingerprint: fingerprint, bytes: bytes)
                renderCount += 1
            }
            if rendering[path] == task { rendering[path] = nil }
            return (bytes, fingerprint)
        }
        guard let kind = supplement(of: path), let fingerprint = generation.fingerprints.supplements[kind] else { return nil }
        let files = await supplementFiles(kind, fingerprint: fingerprint, generation: generation)
        var etag = StableHash()
        etag.combine(fingerprint)
        etag.combine(path)
        return files[path].map { ($0, etag.value) }
    }

    /// Renders every page whose bytes are not current, `first` first: after an edit, the pages open in
    /// a browser are ready before the rest. Stops early when a newer generation is published.
    public func renderAll(first: [String] = []) async {
        let start = number
        let order = first + (generation?.fingerprints.pages.map(\.path) ?? [])
        for path in order where number == start && !Task.isCancelled {
            guard let fingerprint = generation?.fingerprints.byPath[path], rendered[path]?.fingerprint != fingerprint else { continue }
            _ = await file(path)
        }
    }

    private func supplementFiles(_ kind: PageRenderer.Supplement, fingerprint: UInt64,
                                 generation: IncrementalBuild.Generation) async -> [String: [UInt8]] {
        if let done = supplementFiles[kind], done.fingerprint == fingerprint { return done.files }
        let task = renderingSupplements[kind] ?? Task.detached(priority: .userInitiated) { generation.renderer.files(kind) }
        renderingSupplements[kind] = task
        let files = await task.value
        if self.generation?.fingerprints.supplements[kind] == fingerprint { supplementFiles[kind] = (fingerprint, files) }
        if renderingSupplements[kind] == task { renderingSupplements[kind] = nil }
        return files
    }

    /// Which supplement a path that is not a page belongs to.
    private func supplement(of path: String) -> PageRenderer.Supplement? {
        switch path {
        case "sitemap.xml": return .sitemap
        case "api/mesh.json": return .meshJSON
        case "api/governance.json": return .governanceJSON
        case _ where path.hasPrefix("search/"): return .searchIndex
        default: return supplementFiles[.assets]?.files[path] != nil ? .assets : nil
        }
    }
}
