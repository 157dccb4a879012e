import Foundation
import MeshModel

/// The Load stage one file at a time, for `meshport serve`: read again only what changed, then put
/// the mesh together in the order `load()` reads it, so both give the same mesh and diagnostics.
/// Bundled repositories (`build --bundles`) are not read this way: a loader with bundles uses `load()`.
extension MeshLoader {
    /// What Load settles before reading any input: the configuration and the source repositories.
    public struct Sources: Sendable {
        public var config: MeshConfig
        public var roots: [String]
        /// Where each root came from (a folder, a git checkout), in root order.
        public var origins: [SourceOrigin]
        /// Warnings about mesh.yaml and its sources (errors are thrown as a ConfigurationError).
        public var diagnostics: [Diagnostic]
        /// Lists the files of a root, or of a folder in it, as a load does.
        public var discovery: SourceDiscovery
    }

    /// What one file gives the mesh: whatever it holds, and what was wrong with it.
    public struct FileContents: Sendable {
        public var path: String
        /// Only this file's products, contracts, entities, docs, images or repository configuration.
        public var part: LoadedMesh
        public var diagnostics: [Diagnostic]
    }

    public func sources() throws(ConfigurationError) -> Sources {
        let (config, configDiagnostics) = try readConfiguration()
        let (discovery, resolved) = resolveSources(config)
        if resolved.diagnostics.hasErrors { throw ConfigurationError(diagnostics: configDiagnostics + resolved.diagnostics) }
        return Sources(config: config, roots: resolved.roots, origins: resolved.origins,
                       diagnostics: configDiagnostics + resolved.diagnostics, discovery: discovery)
    }

    /// The files a load reads, in reading order. A repository's meshport.yaml is its configuration,
    /// never one of its inputs; a file below two roots is read once, for the first.
    public struct Inventory: Sendable {
        /// Roots with a `meshport.yaml`, in root order.
        public var domainConfigRoots: [String]
        public var inputs: [(found: SourceDiscovery.Found, root: String)]
        /// By root: the symbolic links that lead out of it (see `SourceDiscovery.Listing`).
        public var problems: [String: [Diagnostic]]
    }

    public func inventory(_ sources: Sources) -> Inventory {
        let discovery = sources.discovery
        var seen = Set(sources.roots.map(Self.domainConfigPath(root:)))
        var inputs: [(found: SourceDiscovery.Found, root: String)] = []
        var problems: [String: [Diagnostic]] = [:]
        for root in sources.roots {
            let listing = discovery.files(in: root)
            for found in listing.found where seen.insert(found.path).inserted { inputs.append((found, root)) }
            if !listing.diagnostics.isEmpty { problems[root, default: []] += listing.diagnostics }
        }
        return Inventory(domainConfigRoots: domainConfigRoots(sources), inputs: inputs, problems: problems)
    }

    /// The roots that have a `meshport.yaml`, in root order.
    public func domainConfigRoots(_ sources: Sources) -> [String] {
        sources.roots.filter { isRegularFile(Self.domainConfigPath(root: $0)) }
    }

    /// Where a source root's repository configuration is, relative to the mesh folder.
    public static func domainConfigPath(root: String) -> String {
        join(root, DomainConfigReader.fileName)
    }

    /// A repository's `meshport.yaml`, or nil when it has none.
    public func readDomainConfig(root: String) -> FileContents? {
        let path = Self.domainConfigPath(root: root)
        guard isRegularFile(path) else { return nil }
        var part = LoadedMesh(config: Self.placeholderConfig)
        let diagnostics = readDomainConfig(path, root: root, into: &part)
        return FileContents(path: path, part: part, diagnostics: diagnostics)
    }

    /// One input file that `SourceDiscovery` found below `root`.
    public func readFile(_ found: SourceDiscovery.Found, root: String) -> FileContents {
        var part = LoadedMesh(config: Self.placeholderConfig)
        let diagnostics = read(found, root: root, into: &part)
        return FileContents(path: found.path, part: part, diagnostics: diagnostics)
    }

    /// What listing `root` found wrong, as a part of the load: it comes before the root's files.
    public static func listingProblems(_ diagnostics: [Diagnostic], root: String) -> FileContents {
        FileContents(path: root, part: LoadedMesh(config: placeholderConfig), diagnostics: diagnostics)
    }

    /// The mesh from its files, given in reading order: every repository's `meshport.yaml` first,
    /// then each root's files as `SourceDiscovery` lists them, each file once.
    public static func assemble(_ sources: Sources, files: [FileContents]) -> Result {
        var mesh = LoadedMesh(config: sources.config, sourceRoots: sources.roots)
        mesh.origins = sources.origins
        var diagnostics = sources.diagnostics
        for file in files {
            mesh.append(file.part)
            diagnostics += file.diagnostics
        }
        var reported = Set<Diagnostic>()
        return Result(mesh: mesh, diagnostics: diagnostics.filter { reported.insert($0).inserted }, filesRead: files.count)
    }

    /// A one-file part's configuration: never read, since `append` takes only the part's inputs.
    private static let placeholderConfig = MeshConfig(title: "", sources: [], file: "")
}
