import MeshModel

/// A repository that was loaded elsewhere (in its own CI job, into a bundle) and joins the mesh at
/// `root`, the folder mesh.yaml's sources name it by. It stands in for that folder: a source whose
/// path or glob matches `root` reads the bundle instead of the disk.
public struct BundledRepository: Sendable {
    /// Relative to the mesh folder, as mesh.yaml's sources name it ("domains/sales").
    public var root: String
    /// Where the repository came from, for messages (the bundle file).
    public var origin: String
    /// Paths already under `root`.
    public var repository: LoadedRepository

    public init(root: String, origin: String, repository: LoadedRepository) {
        self.root = root
        self.origin = origin
        self.repository = repository
    }

    /// Bundles that cannot take their place: two for one folder, one for a folder that is also on disk
    /// (which one is meant?), one that no source names. Configuration errors: nothing is built.
    static func placementProblems(_ bundled: [BundledRepository], roots: [String],
                                  discovery: SourceDiscovery) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var first: [String: String] = [:]
        for bundle in bundled {
            if let earlier = first[bundle.root] {
                problems.append(.error("config.bundle.conflict",
                    "\(bundle.origin) and \(earlier) are both bundles of '\(bundle.root)'; keep one", at: nil))
                continue
            }
            first[bundle.root] = bundle.origin
            if discovery.isDirectory(at: bundle.root) {
                problems.append(.error("config.bundle.conflict",
                    "'\(bundle.root)' is both a folder of the mesh and the bundle \(bundle.origin); remove the folder or the bundle",
                    at: nil))
            } else if !roots.contains(bundle.root) {
                problems.append(.error("config.bundle.source",
                    "\(bundle.origin) is a bundle of '\(bundle.root)', which no source in mesh.yaml names "
                        + "(bundle it with --source set to a path mesh.yaml's sources match)", at: nil))
            }
        }
        return problems
    }
}

extension LoadedMesh {
    /// Adds what a bundled repository holds, as reading its folder would have (its meshport.yaml aside).
    mutating func appendContents(of repository: LoadedRepository) {
        products += repository.products
        contracts += repository.contracts
        entities += repository.entities
        documents += repository.documents
        assets += repository.assets
    }
}
