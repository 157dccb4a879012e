import Foundation
import MeshBundle
import MeshCheck
import MeshLink
import MeshLoad
import MeshModel
import PortalRender

/// The pipeline up to the site in memory: Load -> Validate -> Link -> Render.
/// Stops before Render when the input has errors, so a bad input never becomes a site.
public struct MeshBuilder: Sendable {
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        public var site: RenderedSite?
        public var mesh: LinkedMesh?
        public var report: GovernanceReport?
        /// Seconds per stage, in pipeline order ("load", "link+validate", "render").
        public var timings: [(stage: String, seconds: Double)] = []
        /// The source repositories' folders, relative to the mesh folder (the output may not be one).
        public var sourceRoots: [String] = []
        /// What validation's checks found, for a rebuild after an edit of docs only.
        var checked: MeshValidator.Checked?
    }

    public let meshDirectory: URL
    /// The default theme's folder; nil finds it beside the binary (see ThemeLoader).
    public let defaultTheme: URL?
    /// A theme folder that overrides the default by file name; nil uses `mesh.yaml`'s `theme:`.
    public let themeOverride: URL?
    public let generatedAt: String?
    /// A folder of bundles (`meshport bundle`) that stand in for the repositories they were made from.
    public let bundleDirectory: URL?
    /// Where git sources are cached and whether they may be fetched.
    public let sourceOptions: SourceOptions

    public init(meshDirectory: URL, defaultTheme: URL? = nil, themeOverride: URL? = nil, generatedAt: String? = nil,
                bundleDirectory: URL? = nil, sourceOptions: SourceOptions = SourceOptions()) {
        self.meshDirectory = meshDirectory
        self.defaultTheme = defaultTheme
        self.themeOverride = themeOverride
        self.generatedAt = generatedAt
        self.bundleDirectory = bundleDirectory
        self.sourceOptions = sourceOptions
    }

    /// What Load, Link and Validate made, ready for Render (see `render(_:progress:deliver:)`).
    public struct Prepared: Sendable {
        public var outcome: Outcome
        let theme: Theme
        /// Whether there is a site to render: the input has no errors.
        public var rendersSite: Bool { outcome.mesh != nil && outcome.report != nil && !outcome.diagnostics.hasErrors }
    }

    /// Load, Link and Validate; then Render into memory unless there are errors.
    public func build(progress: BuildProgress = .silent) throws(MeshLoader.ConfigurationError) -> Outcome {
        var prepared = try prepare(progress: progress)
        guard prepared.rendersSite else { return prepared.outcome }
        var site = RenderedSite()
        render(&prepared, progress: progress) { site.add($0) }
        prepared.outcome.site = site
        return prepared.outcome
    }

    /// Load, Link and Validate. The loaded mesh is freed before this returns.
    public func prepare(progress: BuildProgress = .silent) throws(MeshLoader.ConfigurationError) -> Prepared {
        var clock = StageClock()
        progress.started(.load)
        let loaded = try MeshLoader(meshDirectory: meshDirectory, sourceOptions: sourceOptions, bundled: try bundled(),
                                    schemaCheck: .officialSchemas).load()
        clock.lap("load")
        let mesh = loaded.mesh
        progress.finished(.load, seconds: clock.laps.last!.seconds, [
            ("files read", loaded.filesRead), ("products", mesh.products.count), ("contracts", mesh.contracts.count),
            ("docs", mesh.documents.count)])
        let theme = try loadTheme(loaded.mesh.config)
        progress.started(.check)
        var outcome = Self.validate(loaded, singleRepository: false)
        outcome.sourceRoots = loaded.mesh.sourceRoots
        clock.lap("link+validate")
        progress.finished(.check, seconds: clock.laps.last!.seconds, [
            ("errors", outcome.diagnostics.filter { $0.severity == .error }.count),
            ("warnings", outcome.diagnostics.filter { $0.severity == .warning }.count)])
        outcome.timings = clock.laps
        return Prepared(outcome: outcome, theme: theme)
    }

    /// Render: hands every file of the site to `deliver` a batch at a time (see `SiteRenderer`), so the
    /// caller decides what is kept. Adds the stage's time to the timings, not counting time in `deliver`.
    /// Only for a prepared build that `rendersSite`.
    public func render<Failure: Error>(_ prepared: inout Prepared, progress: BuildProgress = .silent,
                                       reusing: SiteRenderer.Reuse = SiteRenderer.Reuse(),
                                       deliver: ([SiteFile]) throws(Failure) -> Void) throws(Failure) {
        guard let mesh = prepared.outcome.mesh, let report = prepared.outcome.report else {
            preconditionFailure("render(_:) needs a prepared build that renders a site")
        }
        // What Load and Validate freed: each file's YAML tree, their working memory.
        FreedMemory.release()
        progress.started(.render)
        let start = ContinuousClock.now
        var delivering = Duration.zero, files = 0
        try SiteRenderer(theme: prepared.theme, generatedAt: generatedAt).render(mesh, governance: report,
                                                                                 reusing: reusing) { (batch) throws(Failure) in
            let handed = ContinuousClock.now
            files += batch.count
            let bytes = batch.reduce(0) { $0 + $1.bytes.count }
            try deliver(batch)
            delivering += ContinuousClock.now - handed
            // A large batch (the search index, api/mesh.json) leaves what made it freed behind it.
            if bytes > 32 << 20 { FreedMemory.release() }
        }
        let seconds = StageClock.seconds(ContinuousClock.now - start - delivering)
        prepared.outcome.timings.append(("render", seconds))
        progress.finished(.render, seconds: seconds, [("files", files)])
    }

    /// The default theme with the override (`--theme`, else `mesh.yaml`'s `theme:`) on top.
    func loadTheme(_ config: MeshConfig) throws(MeshLoader.ConfigurationError) -> Theme {
        do {
            let configured = config.theme.map { meshDirectory.appendingPathComponent($0) }
            return try ThemeLoader.load(defaultDirectory: defaultTheme, overrideDirectory: themeOverride ?? configured)
        } catch {
            throw MeshLoader.ConfigurationError(diagnostics: [.error("config.theme", error.description,
                                                                     at: SourceLocation(file: config.file))])
        }
    }

    /// Load, Link and Validate only: `meshport check`. A folder without mesh.yaml is checked as one repository.
    /// Git sources are fetched (or taken from the cache) as for a build; history is not read.
    public static func check(_ directory: URL, sourceOptions: SourceOptions = SourceOptions(readsHistory: false)) throws(MeshLoader.ConfigurationError) -> Outcome {
        let hasMesh = FileManager.default.fileExists(atPath: directory.appendingPathComponent("mesh.yaml").path)
        var options = sourceOptions
        options.readsHistory = false
        let loader = hasMesh ? MeshLoader(meshDirectory: directory, sourceOptions: options, schemaCheck: .officialSchemas)
            : MeshLoader.singleRepository(directory, schemaCheck: .officialSchemas)
        return validate(try loader.load(), singleRepository: !hasMesh)
    }

    /// The bundles in `bundleDirectory`, named in messages by their path from the mesh folder when inside it.
    func bundled() throws(MeshLoader.ConfigurationError) -> [BundledRepository] {
        guard let bundleDirectory else { return [] }
        let folder = bundleDirectory.standardizedFileURL.path, mesh = meshDirectory.standardizedFileURL.path
        let display = folder == mesh ? "" : folder.hasPrefix(mesh + "/") ? String(folder.dropFirst(mesh.count + 1)) : folder
        let (bundles, problems) = BundleDirectory.read(bundleDirectory, display: display)
        if problems.hasErrors { throw MeshLoader.ConfigurationError(diagnostics: problems) }
        return bundles
    }

    /// `meshport bundle`: loads and checks one domain repository on its own, as `check` does, and packs
    /// what was loaded for `build --bundles`; no bundle when there are errors. `source` is the folder
    /// mesh.yaml's sources name the repository by (default: the repository folder's name).
    public static func bundle(_ directory: URL, source: String?, meshportVersion: String)
        throws(MeshLoader.ConfigurationError) -> (outcome: Outcome, bundle: RepositoryBundle?) {
        let loaded = try MeshLoader.singleRepository(directory, schemaCheck: .officialSchemas).load()
        let outcome = validate(loaded, singleRepository: true)
        guard !outcome.diagnostics.hasErrors else { return (outcome, nil) }
        let name = source ?? directory.standardizedFileURL.lastPathComponent
        return (outcome, RepositoryBundle(source: name, meshportVersion: meshportVersion, loaded: loaded))
    }

    /// The loader `serve` uses for a folder: a mesh (git sources taken as `check` takes them), or a folder
    /// without mesh.yaml read as a mesh of that one repository.
    static func loader(for directory: URL) -> (loader: MeshLoader, singleRepository: Bool) {
        let hasMesh = FileManager.default.fileExists(atPath: directory.appendingPathComponent("mesh.yaml").path)
        let loader = hasMesh ? MeshLoader(meshDirectory: directory, sourceOptions: SourceOptions(readsHistory: false), schemaCheck: .officialSchemas)
            : MeshLoader.singleRepository(directory, schemaCheck: .officialSchemas)
        return (loader, !hasMesh)
    }

    /// Link and Validate. `schema`: the schema findings when already known, and `link` the Link stage's
    /// result when already made (see `IncrementalBuild`).
    static func validate(_ loaded: MeshLoader.Result, singleRepository: Bool, schema: [Diagnostic]? = nil,
                         link: (mesh: LinkedMesh, diagnostics: [Diagnostic])? = nil,
                         checked: MeshValidator.Checked? = nil) -> Outcome {
        let (linked, linkDiagnostics) = link ?? MeshLinker.link(loaded.mesh)
        let validation = MeshValidator(singleRepository: singleRepository)
            .validate(loaded: loaded.mesh, linked: linked, earlier: loaded.diagnostics + linkDiagnostics, schema: schema,
                      checked: checked)
        return Outcome(diagnostics: validation.diagnostics.map(loaded.mesh.origins.notingRepository), site: nil, mesh: linked,
                       report: validation.report, checked: validation.checked)
    }

    /// "2026-11-25 07:00 UTC" from SOURCE_DATE_EPOCH, the reproducible-builds convention; nil when unset.
    public static func generatedAt(sourceDateEpoch: String?) -> String? {
        guard let value = sourceDateEpoch, let seconds = Int(value) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
