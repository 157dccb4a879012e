import Foundation

/// Paths relative to the mesh folder, for folders that may lie anywhere (the cache).
enum RelativePath {
    /// `target` relative to `base`: "sub/folder", "" for the same folder, "../x" beside it.
    static func of(_ target: URL, from base: URL) -> String {
        let to = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let from = base.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < min(to.count, from.count) && to[common] == from[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...]).joined(separator: "/")
    }
}
