import Foundation
import MeshLoad
import MeshModel

/// The bundles of an assembly: every `*.meshport-bundle` below a folder (CI artifact downloads put each
/// in a folder of its own), in a stable order. Other files are left alone.
public enum BundleDirectory {
    /// `display` is how the folder is named in messages; each bundle is named by its path below it.
    public static func read(_ directory: URL, display: String) -> ([BundledRepository], [Diagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ([], [BundleError(.invalid, "the bundle folder \(display) does not exist").diagnostic])
        }
        var bundles: [BundledRepository] = []
        var diagnostics: [Diagnostic] = []
        for relative in bundlePaths(in: directory) {
            let origin = display.isEmpty ? relative : (display as NSString).appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(relative).path) else {
                diagnostics.append(BundleError(.invalid, "cannot read the bundle \(origin)").diagnostic)
                continue
            }
            do {
                bundles.append(try RepositoryBundle.decode([UInt8](data), origin: origin))
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        return (bundles, diagnostics)
    }

    /// Relative paths, in byte order; hidden entries and symbolic links skipped.
    static func bundlePaths(in directory: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        let base = directory.standardizedFileURL.path
        var paths: [String] = []
        for case let url as URL in walker where url.pathExtension == RepositoryBundle.fileExtension {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
        }
        return paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
