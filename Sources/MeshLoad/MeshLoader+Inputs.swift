import Foundation
import MeshModel

extension MeshLoader {
    /// Every file a load reads, relative to the mesh folder, in load order: `mesh.yaml` (unless the
    /// configuration was given), each repository's `meshport.yaml`, then its inputs. What `build --cache`
    /// hashes to know that nothing changed. Bundled repositories are not read from disk: their bundle
    /// files are the input (see MeshBuilder).
    public func inputPaths() throws(ConfigurationError) -> (config: MeshConfig, paths: [String]) {
        var sources = try sources()
        let bundledRoots = Set(bundled.map(\.root))
        sources.roots.removeAll { bundledRoots.contains($0) }
        let files = inventory(sources)
        let paths = (configuration == nil ? ["mesh.yaml"] : []) + files.domainConfigRoots.map(Self.domainConfigPath(root:))
            + files.inputs.map(\.found.path)
        return (sources.config, paths)
    }
}
