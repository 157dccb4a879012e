import Foundation
import MeshMarkdown
import MeshModel

/// The Load stage: reads `mesh.yaml`, discovers the source repositories, classifies every file by
/// content and parses it. Besides the final Write, this is the only stage that touches the disk.
public struct MeshLoader: Sendable {
    /// `mesh.yaml` is missing or invalid: a configuration problem (exit status 2).
    public struct ConfigurationError: Error, Sendable {
        public var diagnostics: [Diagnostic]
        public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    }

    public struct Result: Sendable {
        public var mesh: LoadedMesh
        public var diagnostics: [Diagnostic]
        /// Files read from disk: inputs and repository configurations (for `build --verbose`).
        public var filesRead = 0
    }

    public let meshDirectory: URL
    /// Used instead of reading `mesh.yaml` (checking one domain repository on its own).
    public let configuration: MeshConfig?
    public let sourceOptions: SourceOptions
    /// Repositories loaded elsewhere (`build --bundles`), read instead of the folders they stand for.
    public let bundled: [BundledRepository]
    /// Run on each product, contract and entity as it is read: its YAML tree is not kept.
    public let schemaCheck: SchemaCheck
    /// `InputLimits.maxFiles`; tests lower it.
    var maxFiles = InputLimits.maxFiles

    public init(meshDirectory: URL, configuration: MeshConfig? = nil, sourceOptions: SourceOptions = SourceOptions(),
                bundled: [BundledRepository] = [], schemaCheck: SchemaCheck) {
        self.meshDirectory = meshDirectory.standardizedFileURL
        self.configuration = configuration
        self.sourceOptions = sourceOptions
        self.bundled = bundled
        self.schemaCheck = schemaCheck
    }

    /// A folder with no mesh.yaml, read as a mesh of that one repository.
    public static func singleRepository(_ directory: URL, schemaCheck: SchemaCheck) -> MeshLoader {
        let name = directory.standardizedFileURL.lastPathComponent
        let config = MeshConfig(title: name, sources: [.init(path: ".", location: SourceLocation(file: "."))], file: ".")
        return MeshLoader(meshDirectory: directory, configuration: config, schemaCheck: schemaCheck)
    }

    public func load() throws(ConfigurationError) -> Result {
        let (config, configDiagnostics) = try readConfiguration()
        let (discovery, sources) = resolveSources(config)
        let roots = sources.roots
        let rootDiagnostics = sources.diagnostics + BundledRepository.placementProblems(bundled, roots: roots, discovery: discovery)
        if rootDiagnostics.hasErrors { throw ConfigurationError(diagnostics: configDiagnostics + rootDiagnostics) }

        var mesh = LoadedMesh(config: config, sourceRoots: roots)
        mesh.origins = sources.origins
        var diagnostics = configDiagnostics + rootDiagnostics
        let bundles = Dictionary(bundled.map { ($0.root, $0.repository) }, uniquingKeysWith: { first, _ in first })
        // A repository's meshport.yaml is its configuration, never one of its inputs.
        var seen = Set<String>()
        for root in roots {
            if let bundle = bundles[root] {
                mesh.domainConfigs += bundle.domainConfig.map { [$0] } ?? []
                continue
            }
            let path = Self.join(root, DomainConfigReader.fileName)
            guard seen.insert(path).inserted, isRegularFile(path) else { continue }
            diagnostics += readDomainConfig(path, root: root, into: &mesh)
        }
        // Each root in order is a bundle or a list of files; files are independent, so they are read and
        // parsed over the cores, then everything is merged in root and discovery order.
        var inputs: [(found: SourceDiscovery.Found, root: String)] = []
        var units: [(bundle: LoadedRepository?, files: Range<Int>)] = []
        listing: for root in roots {
            if let bundle = bundles[root] {
                units.append((bundle, inputs.count..<inputs.count))
                continue
            }
            let first = inputs.count
            let listing = discovery.files(in: root, limit: maxFiles + 1 - inputs.count)
            diagnostics += listing.diagnostics
            for found in listing.found where seen.insert(found.path).inserted {
                if inputs.count == maxFiles {
                    diagnostics.append(.error("input.tooManyFiles",
                        "the sources hold more than \(maxFiles) files meshport reads (YAML, JSON, Markdown, images); "
                        + "this one and the rest are not read", at: SourceLocation(file: found.path)))
                    units.append((nil, first..<inputs.count))
                    break listing
                }
                inputs.append((found, root))
            }
            units.append((nil, first..<inputs.count))
        }
        let parts = parallelMap(inputs.count) { i in
            var part = LoadedMesh(config: config)
            let problems = read(inputs[i].found, root: inputs[i].root, into: &part)
            return (part, problems)
        }
        for unit in units {
            if let bundle = unit.bundle {
                mesh.appendContents(of: bundle)
                diagnostics += bundle.diagnostics
            }
            for (part, problems) in parts[unit.files] {
                mesh.append(part)
                diagnostics += problems
            }
        }
        // A component file read through a `$ref` may also be an input: report its problems once.
        var reported = Set<Diagnostic>()
        return Result(mesh: mesh, diagnostics: diagnostics.filter { reported.insert($0).inserted },
                      filesRead: inputs.count + mesh.domainConfigs.count)
    }

    /// The folders to read (git sources fetched, bundles standing in for theirs) and the discovery that
    /// never reads meshport's own cache as input.
    func resolveSources(_ config: MeshConfig) -> (SourceDiscovery, SourceResolver.Resolved) {
        let cache = RelativePath.of(sourceOptions.cache(for: meshDirectory), from: meshDirectory)
        let excluded = cache.hasPrefix("..") ? [] : [cache.isEmpty ? "git" : cache]
        let discovery = SourceDiscovery(meshDirectory: meshDirectory, excludedFolders: Set(excluded))
        let resolver = SourceResolver(meshDirectory: meshDirectory, options: sourceOptions, discovery: discovery,
                                      bundled: bundled.map(\.root))
        return (discovery, resolver.resolve(config))
    }

    func readConfiguration() throws(ConfigurationError) -> (MeshConfig, [Diagnostic]) {
        if let configuration { return (configuration, []) }
        let configText: String
        switch InputFile.read(meshDirectory.appendingPathComponent("mesh.yaml"), path: "mesh.yaml") {
        case .text(let text): configText = text
        case .failed(let diagnostic): throw ConfigurationError(diagnostics: [diagnostic])
        case .unreadable:
            throw ConfigurationError(diagnostics: [.error("config.missing",
                "no mesh.yaml in \(meshDirectory.path); a mesh folder needs one (see README: mesh.yaml)",
                at: nil)])
        }
        let (config, configDiagnostics) = MeshConfigReader.read(configText)
        guard let config else { throw ConfigurationError(diagnostics: configDiagnostics) }
        return (config, configDiagnostics)
    }

    func readDomainConfig(_ path: String, root: String, into mesh: inout LoadedMesh) -> [Diagnostic] {
        switch InputFile.read(meshDirectory.appendingPathComponent(path), path: path) {
        case .unreadable: return [InputFile.unreadable(path)]
        case .failed(let diagnostic): return [diagnostic]
        case .text(let text):
            let (domainConfig, diagnostics) = DomainConfigReader.read(text, root: root, file: path)
            if let domainConfig { mesh.domainConfigs.append(domainConfig) }
            return diagnostics
        }
    }

    /// Reads one file into the mesh; returns what was wrong with it.
    func read(_ found: SourceDiscovery.Found, root: String, into mesh: inout LoadedMesh) -> [Diagnostic] {
        let url = meshDirectory.appendingPathComponent(found.path)
        if found.role == .asset {
            if let bytes = InputFile.bytes(url) { mesh.assets.append(AssetFile(file: found.path, bytes: bytes)) }
            return []
        }
        switch InputFile.read(url, path: found.path) {
        case .text(let text): return read(text: text, path: found.path, role: found.role, root: root, into: &mesh)
        case .failed(let diagnostic): return [diagnostic]
        case .unreadable: return [InputFile.unreadable(found.path)]
        }
    }

    /// Reads the decoded text of one structured or Markdown file into the mesh: everything `read`
    /// does after the disk (the fuzz targets feed their input through here).
    public func read(text: String, path: String, role: SourceDiscovery.FileRole, root: String,
                     into mesh: inout LoadedMesh) -> [Diagnostic] {
        if role == .markdown {
            if let problem = MarkdownLimits.check(text, file: path) { return [problem] }
            mesh.documents.append(MarkdownOutline.read(text, file: path))
            return []
        }
        guard role == .structured, InputFile.mayBeInput(text) else { return [] }
        switch YAMLReader.read(text, file: path) {
        case .failed(let diagnostic):
            // Broken YAML that names none of the formats meshport reads (a Helm template, a CI file)
            // is someone else's business; a broken manifest or contract is ours.
            return InputFile.namesMeshportFormat(text) ? [diagnostic] : []
        case .documents(let documents):
            return documents.flatMap { classify($0, file: path, root: root, into: &mesh) }
        }
    }

    /// Reads one document into the mesh, with what the schema check finds in it (DPDS descriptors are
    /// imported leniently, without one).
    func classify(_ node: YAMLNode, file: String, root: String, into mesh: inout LoadedMesh) -> [Diagnostic] {
        switch InputKind.classify(node) {
        case .odpsProduct:
            let (product, diagnostics) = ProductReader.read(node, file: file)
            if var product {
                product.schemaFindings = schemaCheck.findings(node, as: .product)
                mesh.products.append(product)
            }
            return diagnostics
        case .odcsContract:
            let (contract, diagnostics) = ContractReader.read(node, file: file)
            if var contract {
                contract.schemaFindings = schemaCheck.findings(node, as: .contract(apiVersion: contract.apiVersion))
                mesh.contracts.append(contract)
            }
            return diagnostics
        case .backstageEntity(let kind):
            let (entity, diagnostics) = CatalogReader.read(node, kind: kind, file: file)
            if var entity {
                entity.schemaFindings = schemaCheck.findings(node, as: .entity(kind: kind))
                mesh.entities.append(entity)
            }
            return diagnostics
        case .dataContractSpecification:
            let (contract, diagnostics) = DataContractSpecificationReader.read(node, file: file)
            if var contract {
                contract.schemaFindings = schemaCheck.findings(node, as: .contractSpecification)
                mesh.contracts.append(contract)
            }
            return diagnostics
        case .openDataMeshProduct:
            let (product, diagnostics) = DataProductDescriptorReader.read(
                node, file: file, resolve: componentResolver(from: file, root: root))
            if let product { mesh.products.append(product) }
            return diagnostics
        case .foreign(let format):
            let hint = format.hint.map { " (\($0))" } ?? ""
            return [.warning("input.format.foreign",
                             "this file looks like \(format.description); meshport does not read that format\(hint), so it is skipped",
                             at: format.location)]
        case .unrelated:
            return []
        }
    }

    /// Reads the files a DPDS descriptor names with a relative `$ref`: only inside the descriptor's own
    /// repository, never through a symbolic link, with the same limits as every other input.
    func componentResolver(from file: String, root: String) -> DataProductDescriptorReader.Resolve {
        { reference in
            if reference.hasPrefix("/") { return .missing("absolute paths are not followed") }
            let target = Self.join(file.parentPath, reference).normalisedPath
            guard target.isInside(folder: root) else { return .missing("it is outside the repository '\(root)'") }
            let url = meshDirectory.appendingPathComponent(target)
            // A symbolic link on the way counts only when the real file is still in the repository.
            if let real = SourceDiscovery.realPath(url.path),
               let realRoot = SourceDiscovery.realPath(meshDirectory.appendingPathComponent(root).path),
               !real.hasPrefix(realRoot + "/") {
                return .missing("it is a symbolic link to a file outside the repository '\(root)'")
            }
            guard isRegularFile(target) else { return .missing("there is no file '\(target)'") }
            switch InputFile.read(url, path: target) {
            case .unreadable: return .missing("the file cannot be read")
            case .failed(let diagnostic): return .invalid(diagnostic)
            case .text(let text):
                switch YAMLReader.read(text, file: target) {
                case .failed(let diagnostic): return .invalid(diagnostic)
                case .documents(let documents):
                    guard let first = documents.first else { return .missing("the file is empty") }
                    return .node(first)
                }
            }
        }
    }

    func isRegularFile(_ relative: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: meshDirectory.appendingPathComponent(relative).path,
                                              isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder + "/" + name
    }
}
