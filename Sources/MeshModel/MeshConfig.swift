/// `mesh.yaml`: the portal's own configuration.
public struct MeshConfig: Sendable, Hashable {
    public struct Source: Sendable, Hashable {
        /// A folder or a glob, relative to the mesh folder.
        public var path: String
        /// Where the repository lives, for "edit this page" links (later issues).
        public var repoURL: String?
        public var location: SourceLocation
        public init(path: String, repoURL: String? = nil, location: SourceLocation) {
            self.path = path
            self.repoURL = repoURL
            self.location = location
        }
    }

    public var title: String
    public var description: String?
    /// Where the portal is published; only used for absolute URLs (sitemap). Pages link relatively.
    public var baseURL: String
    public var sources: [Source]
    /// Governance policies, rule id -> severity, kept for the validation stage.
    public var governanceRules: [String: String]
    /// A folder of template/asset overrides, relative to the mesh folder.
    public var theme: String?
    public var file: String

    public init(title: String, description: String? = nil, baseURL: String = "/", sources: [Source],
                governanceRules: [String: String] = [:], theme: String? = nil, file: String = "mesh.yaml") {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.sources = sources
        self.governanceRules = governanceRules
        self.theme = theme
        self.file = file
    }
}
