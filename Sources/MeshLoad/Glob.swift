import Foundation
import MeshModel
#if canImport(Glibc)
import Glibc
#endif

/// Shell-style globs (`domains/*`, `repos/*-domain`) relative to a folder, results sorted.
enum Glob {
    static func expand(_ pattern: String, in directory: String) -> [String] {
        let hasMeta = pattern.contains { "*?[".contains($0) }
        guard hasMeta else { return [pattern.normalisedPath] }
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
}
