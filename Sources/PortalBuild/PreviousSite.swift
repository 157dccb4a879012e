import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The site currently in the output folder, compared file by file with a new one as its files come: a
/// file whose bytes are the same is hard-linked into the new site instead of written again, so it keeps
/// its inode and modification time, and a site with nothing changed is not published at all.
struct PreviousSite {
    let folder: URL
    /// Whether there is a previous site (a folder) at all.
    let exists: Bool

    init(folder: URL) {
        self.folder = folder
        var isDirectory: ObjCBool = false
        exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// True when `path` is a regular file (not a link, not a folder) holding exactly `bytes`. Read in
    /// pieces, so comparing a large file does not hold a second copy of it.
    func holds(_ bytes: [UInt8], at path: String) -> Bool {
        guard exists else { return false }
        let fd = open(folder.appendingPathComponent(path).path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        let pieceSize = 1 << 18
        var buffer = [UInt8](repeating: 0, count: min(pieceSize, max(bytes.count, 1)))
        var done = 0
        while done < bytes.count {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, min($0.count, bytes.count - done)) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            let same = buffer.withUnsafeBytes { piece in
                bytes.withUnsafeBytes { memcmp(piece.baseAddress!, $0.baseAddress! + done, n) == 0 }
            }
            guard same else { return false }
            done += n
        }
        return true
    }

    /// Whether every entry of the folder is one of `files` (paths relative to it) or a folder on the way
    /// to one, and nothing else.
    func holdsOnly(_ files: Set<String>) -> Bool {
        guard exists else { return false }
        var folders: Set<String> = []
        for path in files {
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty, folders.insert(parent).inserted { parent = (parent as NSString).deletingLastPathComponent }
        }
        guard let entries = FileManager.default.enumerator(atPath: folder.path) else { return false }
        var seen = 0
        while let path = entries.nextObject() as? String {
            if files.contains(path) || folders.contains(path) { seen += 1 } else { return false }
        }
        return seen == files.count + folders.count
    }
}
