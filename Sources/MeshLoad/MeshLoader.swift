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
    }

    public let meshDirectory: URL
    /// Used instead of reading `mesh.yaml` (checking one domain repository on its own).
    public let configuration: MeshConfig?

    public init(meshDirectory: URL, configuration: MeshConfig? = nil) {
        self.meshDirectory = meshDirectory.standardizedFileURL
        self.configuration = configuration
    }

    /// A folder with no mesh.yaml, read as a mesh of that one repository.
    public static func singleRepository(_ directory: URL) -> MeshLoader {
        let name = directory.standardizedFileURL.lastPathComponent
        let config = MeshConfig(title: name, sources: [.init(path: ".", location: SourceLocation(file: "."))], file: ".")
        return MeshLoader(meshDirectory: directory, configuration: config)
    }

    public func load() throws(ConfigurationError) -> Result {
        let (config, configDiagnostics) = try readConfiguration()
        let discovery = SourceDiscovery(meshDirectory: meshDirectory)
        let (roots, rootDiagnostics) = discovery.sourceRoots(config)
        if rootDiagnostics.hasErrors { throw ConfigurationError(diagnostics: configDiagnostics + rootDiagnostics) }

        var mesh = LoadedMesh(config: config, sourceRoots: roots)
        var diagnostics = configDiagnostics + rootDiagnostics
        var seen = Set<String>()
        for root in roots {
            for found in discovery.files(in: root) where seen.insert(found.path).inserted {
                diagnostics += read(found, into: &mesh)
            }
        }
        return Result(mesh: mesh, diagnostics: diagnostics)
    }

    private func readConfiguration() throws(ConfigurationError) -> (MeshConfig, [Diagnostic]) {
        if let configuration { return (configuration, []) }
        let configURL = meshDirectory.appendingPathComponent("mesh.yaml")
        guard let configText = readText(configURL) else {
            throw ConfigurationError(diagnostics: [.error("config.missing",
                "no mesh.yaml in \(meshDirectory.path); a mesh folder needs one (see README: mesh.yaml)",
                at: nil)])
        }
        let (config, configDiagnostics) = MeshConfigReader.read(configText)
        guard let config else { throw ConfigurationError(diagnostics: configDiagnostics) }
        return (config, configDiagnostics)
    }

    /// Reads one file into the mesh; returns what was wrong with it.
    func read(_ found: SourceDiscovery.Found, into mesh: inout LoadedMesh) -> [Diagnostic] {
        let url = meshDirectory.appendingPathComponent(found.path)
        switch found.role {
        case .asset:
            if let data = FileManager.default.contents(atPath: url.path) {
                mesh.assets.append(AssetFile(file: found.path, bytes: [UInt8](data)))
            }
            return []
        case .markdown:
            guard let text = readText(url) else { return [unreadable(found.path)] }
            mesh.documents.append(MarkdownOutline.read(text, file: found.path))
            return []
        case .structured:
            guard let text = readText(url) else { return [unreadable(found.path)] }
            // Cheap pre-check so unrelated YAML (CI configs, dbt files) is not parsed in full.
            guard text.contains("kind") || text.contains("dataContractSpecification")
                    || text.contains("dataProductDescriptor") else { return [] }
            switch YAMLReader.read(text, file: found.path) {
            case .failed(let diagnostic): return [diagnostic]
            case .documents(let documents):
                return documents.flatMap { classify($0, file: found.path, into: &mesh) }
            }
        }
    }

    func classify(_ node: YAMLNode, file: String, into mesh: inout LoadedMesh) -> [Diagnostic] {
        switch InputKind.classify(node) {
        case .odpsProduct:
            let (product, diagnostics) = ProductReader.read(node, file: file)
            if let product { mesh.products.append(product) }
            return diagnostics
        case .odcsContract:
            let (contract, diagnostics) = ContractReader.read(node, file: file)
            if let contract { mesh.contracts.append(contract) }
            return diagnostics
        case .backstageEntity(let kind):
            let (entity, diagnostics) = CatalogReader.read(node, kind: kind, file: file)
            if let entity { mesh.entities.append(entity) }
            return diagnostics
        case .dataContractSpecification, .openDataMeshProduct:
            return [.warning("input.format.unsupported",
                             "this file uses a standard meshport recognises but does not import yet; it is skipped",
                             at: node.location)]
        case .unrelated:
            return []
        }
    }

    private func unreadable(_ path: String) -> Diagnostic {
        .error("input.unreadable", "cannot read this file as UTF-8 text", at: SourceLocation(file: path))
    }

    private func readText(_ url: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
