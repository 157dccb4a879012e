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

    /// What a source repository holds: its input files and the symbolic links that lead out of it.
    public struct Listing: Sendable {
        public var found: [Found] = []
        public var diagnostics: [Diagnostic] = []
        public init() {}
    }

    /// Every input file below a source root, depth-first in byte order of names, at most `limit` of
    /// them; hidden entries skipped. A symbolic link is followed only when its target is inside the
    /// repository; one that leads out of it (or to nothing) is an error at the link, and never read.
    /// `repository`: the root a folder below it is listed in (default: `root` is a source root).
    public func files(in root: String, repository: String? = nil, limit: Int = .max) -> Listing {
        var listing = Listing()
        let repository = repository ?? root
        guard let realRoot = Self.realPath(meshDirectory.appendingPathComponent(repository).path) else { return listing }
        var visited: Set<String> = []
        walk(root, repository: (repository, realRoot), limit: limit, visited: &visited, into: &listing)
        return listing
    }

    private func walk(_ relative: String, repository: (path: String, real: String), limit: Int,
                      visited: inout Set<String>, into listing: inout Listing) {
        let url = meshDirectory.appendingPathComponent(relative)
        // Each folder once, by its real path: a link back up the tree is not a loop.
        guard let real = Self.realPath(url.path), visited.insert(real).inserted,
              let entries = FolderEntries.read(url.path) else { return }
        for (name, kind) in entries.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
            if name.hasPrefix(".") { continue }
            guard listing.found.count < limit else { return }
            let child = relative.isEmpty ? name : relative + "/" + name
            var isDirectory = kind == .folder
            if kind == .symbolicLink {
                let target = Self.realPath(url.path + "/" + name)
                var targetIsDirectory: ObjCBool = false
                if let target { _ = FileManager.default.fileExists(atPath: target, isDirectory: &targetIsDirectory) }
                isDirectory = targetIsDirectory.boolValue
                guard let target, target == repository.real || target.hasPrefix(repository.real + "/") else {
                    // Only links meshport would read matter; a link to a script outside is none of its business.
                    if isDirectory || target == nil || Self.role(of: name) != nil {
                        listing.diagnostics.append(.error("input.symlink.outside",
                            target.map { "this is a symbolic link to \($0), outside the repository '\(repository.path)'; meshport does not follow it" }
                                ?? "this is a symbolic link to nothing (its target does not exist); meshport does not follow it",
                            at: SourceLocation(file: child)))
                    }
                    continue
                }
            }
            if isDirectory {
                if !Self.skippedFolders.contains(name) && !excludedFolders.contains(child) {
                    walk(child, repository: repository, limit: limit, visited: &visited, into: &listing)
                }
            } else if let role = Self.role(of: name) {
                listing.found.append(Found(path: child, role: role))
            }
        }
    }

    static func role(of name: String) -> FileRole? {
        let ext = (name as NSString).pathExtension.lowercased()
        switch ext {
        case "yaml", "yml", "json": return .structured
        case "md", "markdown": return .markdown
        case _ where assetExtensions.contains(ext): return .asset
        default: return nil
        }
    }

    /// The path with every symbolic link resolved, or nil when it leads nowhere.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    func isDirectory(at relative: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: meshDirectory.appendingPathComponent(relative).path,
                                              isDirectory: &isDir) && isDir.boolValue
    }
}
