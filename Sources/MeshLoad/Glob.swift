import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Shell-style globs (`domains/*`, `repos/*-domain`) relative to a folder, results sorted.
enum Glob {
    static func expand(_ pattern: String, in directory: String) -> [String] {
        let hasMeta = pattern.contains { "*?[".contains($0) }
        guard hasMeta else { return [normalise(pattern)] }
        var result = glob_t()
        defer { globfree(&result) }
        let full = directory + "/" + pattern
        guard glob(full, 0, nil, &result) == 0 else { return [] }
        var out: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            guard let cPath = result.gl_pathv[i] else { continue }
            let path = String(cString: cPath)
            out.append(normalise(String(path.dropFirst(directory.count + 1))))
        }
        return out.sorted()
    }

    /// "./domains/sales/" -> "domains/sales"; keeps "../x" so sources beside the mesh work.
    static func normalise(_ path: String) -> String {
        var parts: [String] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}
