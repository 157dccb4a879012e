import Foundation
import MeshModel

/// Finds the source repositories named by `mesh.yaml` and the files in them, in a stable order.
public struct SourceDiscovery: Sendable {
    public enum FileRole: Sendable, Hashable { case structured, markdown, asset }

    public struct Found: Sendable, Hashable {
        /// Path relative to the mesh folder.
        public var path: String
        public var role: FileRole
    }

    static let assetExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"]
    static let skippedFolders: Set<String> = ["node_modules", "_site"]

    public let meshDirectory: URL

    public init(meshDirectory: URL) {
        self.meshDirectory = meshDirectory.standardizedFileURL
    }

    /// Expands each source (a folder or a glob) to folders, and to the roots of bundled repositories it
    /// names (`bundled`, see BundledRepository), in the order folders would have. A source that matches
    /// nothing is an error.
    public func sourceRoots(_ config: MeshConfig, bundled: [String] = []) -> ([String], [Diagnostic]) {
        var roots: [String] = []
        var diagnostics: [Diagnostic] = []
        for source in config.sources {
            var matches = Glob.expand(source.path, in: meshDirectory.path).filter { isDirectory(at: $0) }
            let bundledMatches = bundled.filter { Glob.matches(source.path, $0) }
            if !bundledMatches.isEmpty { matches = Set(matches + bundledMatches).sorted() }
            if matches.isEmpty {
                diagnostics.append(.error("config.source.notFound",
                    "source '\(source.path)' matches no folder next to mesh.yaml", at: source.location))
            }
            for match in matches where !roots.contains(match) { roots.append(match) }
        }
        return (roots, diagnostics)
    }

    /// Every input file below a source root, depth-first in byte order of names; hidden entries skipped.
    public func files(in root: String) -> [Found] {
        var out: [Found] = []
        walk(root, into: &out)
        return out
    }

    private func walk(_ relative: String, into out: inout [Found]) {
        let url = meshDirectory.appendingPathComponent(relative)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            if name.hasPrefix(".") { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            let values = try? meshDirectory.appendingPathComponent(child)
                .resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true { continue }
            if values?.isDirectory == true {
                if !Self.skippedFolders.contains(name) { walk(child, into: &out) }
                continue
            }
            let ext = (name as NSString).pathExtension.lowercased()
            switch ext {
            case "yaml", "yml", "json": out.append(Found(path: child, role: .structured))
            case "md", "markdown": out.append(Found(path: child, role: .markdown))
            case _ where Self.assetExtensions.contains(ext): out.append(Found(path: child, role: .asset))
            default: continue
            }
        }
    }

    func isDirectory(at relative: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: meshDirectory.appendingPathComponent(relative).path,
                                              isDirectory: &isDir) && isDir.boolValue
    }
}
