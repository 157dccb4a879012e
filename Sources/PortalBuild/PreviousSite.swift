import Foundation
import PortalRender

/// The site currently in the output folder, compared file by file with a new one: a file whose
/// bytes are the same is hard-linked into the new site instead of written again, so it keeps its
/// inode and modification time, and a site with nothing changed is not published at all.
struct PreviousSite {
    let folder: URL
    /// Paths (relative to the folder) of the regular files whose bytes equal the new site's.
    private(set) var unchanged: Set<String> = []
    /// Whether the folder holds exactly the new site's files, every one unchanged, and nothing else.
    private(set) var isIdentical = false

    init(folder: URL, comparedWith site: RenderedSite) {
        self.folder = folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        for (path, bytes) in site.files where Self.hasBytes(bytes, at: folder.appendingPathComponent(path)) {
            unchanged.insert(path)
        }
        isIdentical = unchanged.count == site.files.count && onlyFolders(for: site)
    }

    /// True when the file is a regular file (not a link, not a folder) holding exactly `bytes`.
    private static func hasBytes(_ bytes: [UInt8], at url: URL) -> Bool {
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count,
              let data = FileManager.default.contents(atPath: url.path) else { return false }
        return data.elementsEqual(bytes)
    }

    /// Whether every entry of the folder is one of the site's files or a folder on the way to one.
    private func onlyFolders(for site: RenderedSite) -> Bool {
        var folders: Set<String> = []
        for path in site.files.keys {
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty, folders.insert(parent).inserted { parent = (parent as NSString).deletingLastPathComponent }
        }
        guard let entries = FileManager.default.enumerator(atPath: folder.path) else { return false }
        var seen = 0
        while let path = entries.nextObject() as? String {
            if site.files[path] != nil || folders.contains(path) { seen += 1 } else { return false }
        }
        return seen == site.files.count + folders.count
    }
}
