import Foundation
import PortalRender
#if canImport(Glibc)
import Glibc
#endif

/// The Write stage: writes the site into a staging folder beside the target as its files come (see
/// `StagedSite`), then swaps it in atomically (see `AtomicSwap`). Files the previous site already has with the same bytes are
/// hard-linked from it rather than written, so they keep their inode and modification time; when
/// nothing changed, nothing is touched at all. A failed or killed write leaves the previous site as
/// it was; a folder that is not a meshport site, a source folder or one above it is never replaced.
public struct SiteWriter: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// What a write did.
    public struct Publication: Sendable, Equatable {
        /// Files written with new bytes.
        public var written: Int
        /// Files carried over from the previous site by a hard link.
        public var kept: Int
        /// The previous site was already exactly this one, so the output folder was not touched.
        public var unchanged: Bool
    }

    /// A file every meshport site has; its presence says a folder may be replaced.
    static let marker = "api/mesh.json"

    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// Refuses outputs that would overwrite the user's own files: `/`, the home folder, the mesh
    /// folder or one above it, a source repository or a folder that holds one, and a non-empty folder
    /// that is not a meshport site. `sourceRoots` are the sources' folders relative to the mesh folder.
    public func checkTarget(meshDirectory: URL, sourceRoots: [String] = []) throws(Failure) {
        let out = output.resolvingSymlinksInPath().path
        let mesh = meshDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        if out == "/" || out == home || out == mesh || (mesh + "/").hasPrefix(out + "/") {
            throw Failure(description: "refusing to write the site to \(out): it would replace the mesh or a folder above it")
        }
        for root in sourceRoots {
            let source = meshDirectory.appendingPathComponent(root).standardizedFileURL.resolvingSymlinksInPath().path
            if (source + "/").hasPrefix(out + "/") {
                throw Failure(description: "refusing to write the site to \(out): it would replace the source repository \(root)")
            }
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

    /// Starts publishing a site: files are then added as they are rendered (see `StagedSite`). Clears
    /// what builds that were killed left beside the output.
    public func begin() -> StagedSite {
        // An output that is a symbolic link is published where it points, and stays a link.
        let target = output.resolvingSymlinksInPath()
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        removeAbandonedFolders(in: parent, name: name)
        let pid = ProcessInfo.processInfo.processIdentifier
        return StagedSite(target: target, staging: parent.appendingPathComponent(".\(name)\(Self.stagingInfix)\(pid)"),
                          aside: parent.appendingPathComponent(".\(name)\(Self.asideInfix)\(pid)"))
    }

    /// Publishes a site held in memory, its files in path order.
    @discardableResult
    public func write(_ site: RenderedSite) throws(Failure) -> Publication {
        var staged = begin()
        try staged.add(site.paths.map { SiteFile(path: $0, bytes: site.files[$0]!) })
        return try staged.finish()
    }

    static let stagingInfix = ".meshport-staging-"
    static let asideInfix = ".meshport-old-"

    /// Staging and set-aside folders left by builds that were killed: their process is gone.
    private func removeAbandonedFolders(in parent: URL, name: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries {
            for infix in [Self.stagingInfix, Self.asideInfix] where entry.hasPrefix("." + name + infix) {
                if let pid = Int32(entry.dropFirst(name.count + 1 + infix.count)), AtomicSwap.isAbandoned(pid: pid) {
                    try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
                }
            }
        }
    }
}
