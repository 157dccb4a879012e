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
    /// Folders never read as input, relative to the mesh folder: meshport's cache.
    public let excludedFolders: Set<String>

    public init(meshDirectory: URL, excludedFolders: Set<String> = []) {
        self.meshDirectory = meshDirectory.standardizedFileURL
        self.excludedFolders = excludedFolders
    }

    /// Expands a folder source (a folder or a glob) to folders, and to the roots of bundled repositories
    /// it names (`bundled`, see BundledRepository), in the order folders would have. A source that
    /// matches nothing is an error.
    public func roots(of source: MeshConfig.Source, bundled: [String] = []) -> ([String], [Diagnostic]) {
        var matches = Glob.expand(source.path, in: meshDirectory.path).filter { isDirectory(at: $0) && !isExcluded($0) }
        let bundledMatches = bundled.filter { Glob.matches(source.path, $0) }
        if !bundledMatches.isEmpty { matches = Set(matches + bundledMatches).sorted() }
        guard matches.isEmpty else { return (matches, []) }
        return ([], [.error("config.source.notFound", "source '\(source.path)' matches no folder next to mesh.yaml", at: source.location)])
    }

    private func isExcluded(_ relative: String) -> Bool {
        excludedFolders.contains { relative == $0 || relative.hasPrefix($0 + "/") }
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
                if !Self.skippedFolders.contains(name) && !excludedFolders.contains(child) { walk(child, into: &out) }
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
