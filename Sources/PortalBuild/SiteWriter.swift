import Foundation
import PortalRender
#if canImport(Glibc)
import Glibc
#endif

/// The Write stage: writes the site into a staging folder beside the target, then swaps it in.
/// A failed write leaves the previous site as it was; a folder that is not a meshport site is never replaced.
public struct SiteWriter: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// A file every meshport site has; its presence says a folder may be replaced.
    static let marker = "api/mesh.json"

    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// Refuses outputs that would overwrite the user's own files.
    public func checkTarget(meshDirectory: URL) throws(Failure) {
        let out = output.resolvingSymlinksInPath().path
        let mesh = meshDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path
        if out == "/" || out == home || out == mesh || (mesh + "/").hasPrefix(out + "/") {
            throw Failure(description: "refusing to write the site to \(out): it would replace the mesh or a folder above it")
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: out, isDirectory: &isDir) else { return }
        guard isDir.boolValue else { throw Failure(description: "\(out) exists and is not a folder") }
        let entries = (try? fm.contentsOfDirectory(atPath: out)) ?? []
        if !entries.isEmpty, !fm.fileExists(atPath: output.appendingPathComponent(Self.marker).path) {
            throw Failure(description: "refusing to replace \(out): it is not empty and is not a meshport site (no \(Self.marker))")
        }
    }

    public func write(_ site: RenderedSite) throws(Failure) {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).meshport-staging-\(pid)")
        let old = parent.appendingPathComponent(".\(name).meshport-old-\(pid)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var made: Set<String> = [""]
            for path in site.paths {
                let folder = (path as NSString).deletingLastPathComponent
                if !made.contains(folder) {
                    try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                    made.insert(folder)
                }
                try PlainFile.create(staging.appendingPathComponent(path).path, bytes: site.files[path]!)
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw Failure(description: "cannot write the site: \(error.localizedDescription)")
        }
        // Swap: the previous site stays whole until the new one is complete.
        if fm.fileExists(atPath: output.path) {
            if rename(output.path, old.path) != 0 {
                try? fm.removeItem(at: staging)
                throw Failure(description: "cannot move the previous site aside: \(String(cString: strerror(errno)))")
            }
        }
        if rename(staging.path, output.path) != 0 {
            let reason = String(cString: strerror(errno))
            _ = rename(old.path, output.path)
            try? fm.removeItem(at: staging)
            throw Failure(description: "cannot move the new site into place: \(reason)")
        }
        try? fm.removeItem(at: old)
    }
}
