import Foundation
import MeshCheck
import MeshLink
import MeshLoad
import MeshModel
import PortalRender

/// The pipeline for `meshport serve`: Load kept per file (`IncrementalLoad`), then Link and Validate
/// again, then a fingerprint for every page instead of rendering them: whoever serves the site renders
/// a page when its fingerprint is new. A configuration problem does not end it; the next edit starts over.
public struct IncrementalBuild: Sendable {
    /// One version of the site, ready to render any of its files.
    public struct Generation: Sendable {
        public let renderer: PageRenderer
        public let fingerprints: PageFingerprints
        public var mesh: LinkedMesh { renderer.mesh }
    }

    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        /// Nil when the input has errors: the site stays as it was.
        public var generation: Generation?
        public var change: IncrementalLoad.Change
        /// Seconds per stage, in pipeline order ("load", "assemble", "link+validate" or, when only docs' text
        /// changed, "link docs+validate", or when manifests changed as `MeshLinker.relinking` takes in,
        /// "relink manifests+validate"; then "fingerprint").
        public var timings: [(stage: String, seconds: Double)]
        /// Input files and repository configurations the mesh is made of.
        public var fileCount: Int
    }

    public let builder: MeshBuilder
    /// The base URL pages are rendered with, instead of mesh.yaml's (a preview is served from `/`).
    public let baseURL: String?
    private var load: IncrementalLoad?
    private var theme: Theme?
    /// The last Link stage's result and what validation's checks found in it, for edits that change
    /// docs only (`MeshLinker.relinking`): the checks never look at what docs say.
    private var link: (mesh: LinkedMesh, diagnostics: [Diagnostic])?
    private var checked: MeshValidator.Checked?
    /// The last generation's fingerprints with what they were made of, for the same edits.
    private var fingerprinted: (fingerprints: PageFingerprints, report: GovernanceReport, settings: UInt64)?

    public init(builder: MeshBuilder, baseURL: String? = "/") {
        self.builder = builder
        self.baseURL = baseURL
    }

    public var meshDirectory: URL { builder.meshDirectory.standardizedFileURL }

    /// Builds from scratch: every file read.
    public mutating func start() -> Outcome {
        load = nil
        theme = nil
        link = nil
        checked = nil
        fingerprinted = nil
        return update([])
    }

    /// Takes in edits: files or folders, relative to the mesh folder (see `relativePath`), that were
    /// written, created, removed or renamed.
    public mutating func update(_ paths: [String]) -> Outcome {
        var clock = StageClock()
        do {
            var change = IncrementalLoad.Change(reloaded: true)
            if var current = load {
                // Held once while it changes, so its tables are changed in place, not copied.
                load = nil
                change = try current.update(paths)
                load = current
            } else {
                load = try IncrementalLoad(loader: MeshBuilder.loader(for: meshDirectory).loader)
            }
            clock.lap("load")
            guard var load else { preconditionFailure("loaded above") }
            self.load = nil
            let (result, schema) = load.assembled()
            self.load = load
            if theme == nil || change.reloaded || paths.contains(where: isThemeFile) {
                theme = try builder.loadTheme(result.mesh.config)
            }
            guard let theme else { preconditionFailure("loaded above") }
            clock.lap("assemble")
            let edited = change.added.isEmpty && change.removed.isEmpty && !change.reloaded && !change.read.isEmpty
            var docsOnly = edited ? load.markdownDocuments(change.read) : nil
            var relinked: MeshLinker.Relinked?
            if let previous = link, let documents = docsOnly,
               let relinkedDocs = MeshLinker.relinking(previous.mesh, linkDiagnostics: previous.diagnostics, documents: documents,
                                                       assets: result.mesh.assets) {
                link = relinkedDocs
            } else if let previous = link, edited, let edits = load.structuredEdits(change.read),
                      let manifests = MeshLinker.relinking(previous.mesh, linkDiagnostics: previous.diagnostics, edits: edits) {
                docsOnly = nil
                relinked = manifests
                link = (manifests.mesh, manifests.diagnostics)
            } else {
                link = MeshLinker.link(result.mesh)
                docsOnly = nil
            }
            let singleRepository = load.loader.configuration != nil
            var known = docsOnly == nil ? nil : self.checked
            if let relinked, let previous = self.checked {
                known = MeshValidator(singleRepository: singleRepository)
                    .rechecking(previous, loaded: result.mesh, linked: relinked.mesh, products: relinked.products)
            }
            let checked = MeshBuilder.validate(result, singleRepository: singleRepository, schema: schema, link: link, checked: known)
            self.checked = checked.checked
            clock.lap(docsOnly != nil ? "link docs+validate" : relinked != nil ? "relink manifests+validate" : "link+validate")
            var outcome = Outcome(diagnostics: checked.diagnostics, generation: nil, change: change, timings: [],
                                  fileCount: load.fileCount)
            if !checked.diagnostics.hasErrors, var mesh = checked.mesh, let report = checked.report {
                if let baseURL { mesh.config.baseURL = baseURL }
                let renderer = PageRenderer(SiteRenderer(theme: theme, generatedAt: builder.generatedAt), mesh: mesh, governance: report)
                let settings = PageFingerprints.settings(theme: theme, generatedAt: builder.generatedAt)
                let fingerprints: PageFingerprints
                if let docs = docsOnly, let last = fingerprinted, last.settings == settings, last.report == report {
                    fingerprints = last.fingerprints.updating(docs: Set(docs.map(\.file)), in: mesh, digests: load.digests)
                } else if let relinked, let last = fingerprinted, last.settings == settings {
                    fingerprints = last.fingerprints.updating(products: relinked.products, contracts: relinked.contracts, in: mesh,
                                                              governance: report, digests: load.digests)
                } else {
                    fingerprints = PageFingerprints(mesh: mesh, governance: report, files: load.digests, settings: settings)
                }
                fingerprinted = (fingerprints, report, settings)
                outcome.generation = Generation(renderer: renderer, fingerprints: fingerprints)
                clock.lap("fingerprint")
            } else {
                fingerprinted = nil
            }
            outcome.timings = clock.laps
            return outcome
        } catch {
            // mesh.yaml, a source or the theme is wrong: read everything again once it is mended.
            load = nil
            theme = nil
            link = nil
            checked = nil
            fingerprinted = nil
            return Outcome(diagnostics: error.diagnostics, generation: nil, change: .init(reloaded: true),
                           timings: clock.laps, fileCount: 0)
        }
    }

    /// A path relative to the mesh folder, as `update` takes it ("../x" for a repository beside it).
    public func relativePath(of url: URL) -> String {
        let base = meshDirectory.resolvingSymlinksInPath().pathComponents
        let path = url.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let common = zip(base, path).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: base.count - common) + path.dropFirst(common)).joined(separator: "/")
    }

    /// The folders to watch: the mesh folder, and repositories and a theme folder outside it.
    public var watchedFolders: [URL] {
        var folders = [meshDirectory]
        let outside = (load?.sources.roots ?? []) + [themeFolder].compactMap { $0 }
        for path in outside where path == ".." || path.hasPrefix("../") {
            let url = meshDirectory.appendingPathComponent(path).standardizedFileURL
            if !folders.contains(where: { url.path.hasPrefix($0.path + "/") || url == $0 }) { folders.append(url) }
        }
        return folders
    }

    /// The theme folder that overrides the default one, if any, relative to the mesh folder.
    private var themeFolder: String? {
        if let override = builder.themeOverride { return relativePath(of: override) }
        return load?.sources.config.theme?.normalisedPath
    }

    private func isThemeFile(_ path: String) -> Bool {
        guard let folder = themeFolder else { return false }
        return path.normalisedPath == folder || path.normalisedPath.hasPrefix(folder + "/")
    }
}
