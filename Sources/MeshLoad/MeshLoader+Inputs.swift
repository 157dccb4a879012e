import Foundation
import MeshModel

extension MeshLoader {
    /// Every file a load reads, relative to the mesh folder, in load order: `mesh.yaml` (unless the
    /// configuration was given), each repository's `meshport.yaml`, then its inputs. What `build --cache`
    /// hashes to know that nothing changed.
    public func inputPaths() throws(ConfigurationError) -> (config: MeshConfig, paths: [String]) {
        let (config, _) = try readConfiguration()
        let (discovery, sources) = resolveSources(config)
        if sources.diagnostics.hasErrors { throw ConfigurationError(diagnostics: sources.diagnostics) }
        // Bundled repositories are not read from disk: their bundle files are the input (see MeshBuilder).
        let bundledRoots = Set(bundled.map(\.root))
        let roots = sources.roots.filter { !bundledRoots.contains($0) }
        var paths = configuration == nil ? ["mesh.yaml"] : []
        var seen = Set<String>()
        for root in roots {
            let path = Self.join(root, DomainConfigReader.fileName)
            if seen.insert(path).inserted, FileManager.default.fileExists(atPath: meshDirectory.appendingPathComponent(path).path) {
                paths.append(path)
            }
        }
        for root in roots {
            for found in discovery.files(in: root).found where seen.insert(found.path).inserted { paths.append(found.path) }
        }
        return (config, paths)
    }
}
