import Foundation
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
        /// The source repositories' folders, relative to the mesh folder (the output may not be one).
        public var sourceRoots: [String] = []
    }

    public let meshDirectory: URL
    /// The default theme's folder; nil finds it beside the binary (see ThemeLoader).
    public let defaultTheme: URL?
    /// A theme folder that overrides the default by file name; nil uses `mesh.yaml`'s `theme:`.
    public let themeOverride: URL?
    public let generatedAt: String?

    public init(meshDirectory: URL, defaultTheme: URL? = nil, themeOverride: URL? = nil, generatedAt: String? = nil) {
        self.meshDirectory = meshDirectory
        self.defaultTheme = defaultTheme
        self.themeOverride = themeOverride
        self.generatedAt = generatedAt
    }

    /// Load, Link and Validate; then Render unless there are errors.
    public func build() throws(MeshLoader.ConfigurationError) -> Outcome {
        let loaded = try MeshLoader(meshDirectory: meshDirectory).load()
        let theme: Theme
        do {
            let configured = loaded.mesh.config.theme.map { meshDirectory.appendingPathComponent($0) }
            theme = try ThemeLoader.load(defaultDirectory: defaultTheme, overrideDirectory: themeOverride ?? configured)
        } catch {
            throw MeshLoader.ConfigurationError(diagnostics: [.error("config.theme", error.description,
                                                                     at: SourceLocation(file: loaded.mesh.config.file))])
        }
        var outcome = Self.validate(loaded, singleRepository: false)
        outcome.sourceRoots = loaded.mesh.sourceRoots
        guard !outcome.diagnostics.hasErrors, let mesh = outcome.mesh, let report = outcome.report else { return outcome }
        outcome.site = SiteRenderer(theme: theme, generatedAt: generatedAt).render(mesh, governance: report)
        return outcome
    }

    /// Load, Link and Validate only: `meshport check`. A folder without mesh.yaml is checked as one repository.
    public static func check(_ directory: URL) throws(MeshLoader.ConfigurationError) -> Outcome {
        let hasMesh = FileManager.default.fileExists(atPath: directory.appendingPathComponent("mesh.yaml").path)
        let loader = hasMesh ? MeshLoader(meshDirectory: directory) : MeshLoader.singleRepository(directory)
        return validate(try loader.load(), singleRepository: !hasMesh)
    }

    static func validate(_ loaded: MeshLoader.Result, singleRepository: Bool) -> Outcome {
        let (linked, linkDiagnostics) = MeshLinker.link(loaded.mesh)
        let validation = MeshValidator(singleRepository: singleRepository)
            .validate(loaded: loaded.mesh, linked: linked, earlier: loaded.diagnostics + linkDiagnostics)
        return Outcome(diagnostics: validation.diagnostics, site: nil, mesh: linked, report: validation.report)
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
