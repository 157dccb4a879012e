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
        var diagnostics = loaded.diagnostics
        diagnostics += MeshValidator().validate(loaded.mesh)
        let (linked, linkDiagnostics) = MeshLinker.link(loaded.mesh)
        diagnostics += linkDiagnostics
        diagnostics = diagnostics.sortedForReport()
        guard !diagnostics.hasErrors else { return Outcome(diagnostics: diagnostics, site: nil, mesh: linked) }
        let site = SiteRenderer(theme: theme, generatedAt: generatedAt).render(linked)
        return Outcome(diagnostics: diagnostics, site: site, mesh: linked)
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
