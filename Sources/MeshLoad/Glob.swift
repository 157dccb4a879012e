import Foundation
import MeshModel
#if canImport(Glibc)
import Glibc
#endif

/// Shell-style globs (`domains/*`, `repos/*-domain`) relative to a folder, results sorted.
enum Glob {
    static func expand(_ pattern: String, in directory: String) -> [String] {
        guard hasMeta(pattern) else { return [pattern.normalisedPath] }
        var result = glob_t()
        defer { globfree(&result) }
        let full = directory + "/" + pattern
        guard glob(full, 0, nil, &result) == 0 else { return [] }
        var out: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            guard let cPath = result.gl_pathv[i] else { continue }
            let path = String(cString: cPath)
            out.append(String(path.dropFirst(directory.count + 1)).normalisedPath)
        }
        return out.sorted()
    }

    /// Whether `pattern` names `path` (relative, normalised) as `expand` would if it were a folder:
    /// `*` stays within one path segment and does not match a leading dot.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        guard hasMeta(pattern) else { return pattern.normalisedPath == path }
        return fnmatch(pattern.normalisedPath, path, FNM_PATHNAME | FNM_PERIOD) == 0
    }

    static func hasMeta(_ pattern: String) -> Bool {
        pattern.contains { "*?[".contains($0) }
    }
}
