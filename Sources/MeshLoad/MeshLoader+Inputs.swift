import Foundation
import MeshModel

extension MeshLoader {
    /// Every file a load reads, relative to the mesh folder, in load order: `mesh.yaml` (unless the
    /// configuration was given), each repository's `meshport.yaml`, then its inputs. What `build --cache`
    /// hashes to know that nothing changed.
    public func inputPaths() throws(ConfigurationError) -> (config: MeshConfig, paths: [String]) {
        let sources = try sources()
        let inventory = inventory(sources)
        let configs = inventory.domainConfigRoots.map(Self.domainConfigPath(root:))
        return (sources.config, (configuration == nil ? ["mesh.yaml"] : []) + configs + inventory.inputs.map(\.found.path))
    }
}
