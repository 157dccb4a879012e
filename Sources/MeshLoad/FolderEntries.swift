#if canImport(Glibc)
import Glibc
#endif

/// A folder's entries with their kind, read with `readdir`: the kind comes with the name on the file
/// systems meshport meets, so listing a mesh of 50,000 files needs no `stat` per file (Foundation's
/// resource values cost one each, a twentieth of a whole build).
enum FolderEntries {
    enum Kind { case folder, symbolicLink, other }

    /// The entries of the folder at `path` other than `.` and `..`, unsorted; nil when it cannot be read.
    static func read(_ path: String) -> [(name: String, kind: Kind)]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .symbolicLink
            case Int32(DT_UNKNOWN): kind = Self.kind(atPath: path + "/" + name)
            default: kind = .other
            }
            entries.append((name, kind))
        }
        return entries
    }

    /// For file systems that do not say: `lstat`.
    private static func kind(atPath path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }
}
