/// `mesh.yaml`: the portal's own configuration.
public struct MeshConfig: Sendable, Hashable {
    public struct Source: Sendable, Hashable {
        /// A folder or a glob, relative to the mesh folder; empty for a git source.
        public var path: String
        /// A repository to fetch instead of a folder.
        public var git: GitLocation?
        /// The repository's web page, for links to it and GitHub/GitLab "edit this page" links.
        public var repoURL: String?
        /// The "edit this page" link with `{path}` (and maybe `{ref}`, `{commit}`) in it.
        public var editURL: String?
        /// Last-changed dates from git history: nil decides by itself (git sources and repository roots).
        public var history: Bool?
        public var location: SourceLocation
        public init(path: String, git: GitLocation? = nil, repoURL: String? = nil, editURL: String? = nil,
                    history: Bool? = nil, location: SourceLocation) {
            self.path = path
            self.git = git
            self.repoURL = repoURL
            self.editURL = editURL
            self.history = history
            self.location = location
        }
    }

    /// `git:` with its optional `ref:` and `subpath:`.
    public struct GitLocation: Sendable, Hashable {
        public var url: String
        /// Branch, tag or commit; nil is the remote's default branch.
        public var ref: String?
        /// The folder inside the repository that is the source ("" for the whole repository).
        public var subpath: String
        public init(url: String, ref: String? = nil, subpath: String = "") {
            self.url = url
            self.ref = ref
            self.subpath = subpath
        }
    }

    public var title: String
    public var description: String?
    /// Where the portal is published; only used for absolute URLs (sitemap). Pages link relatively.
    public var baseURL: String
    public var sources: [Source]
    /// Global governance policies: each rule's severity, and whether domains may lower it.
    public var governance: [GovernanceSetting]
    /// Rule id -> severity ("error", "warning", "note", "off").
    public var governanceRules: [String: String] {
        Dictionary(governance.map { ($0.rule, $0.severity) }, uniquingKeysWith: { a, _ in a })
    }
    /// A folder of template/asset overrides, relative to the mesh folder.
    public var theme: String?
    /// Hops up and down a product page's lineage diagram shows.
    public var lineageDepth: Int = 2
    /// Products per hop and side before the rest fold into a "+N more" node.
    public var lineageWidth: Int = 8
    public var file: String

    public init(title: String, description: String? = nil, baseURL: String = "/", sources: [Source],
                governance: [GovernanceSetting] = [], theme: String? = nil, file: String = "mesh.yaml") {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.sources = sources
        self.governance = governance
        self.theme = theme
        self.file = file
    }
}

/// One rule's setting in `mesh.yaml`. An enforced rule is a floor: a domain may raise it, never lower it.
public struct GovernanceSetting: Sendable, Hashable {
    public var rule: String
    /// error, warning, note or off.
    public var severity: String
    public var enforced: Bool
    public var location: SourceLocation
    public init(rule: String, severity: String, enforced: Bool = false, location: SourceLocation) {
        self.rule = rule
        self.severity = severity
        self.enforced = enforced
        self.location = location
    }
}
